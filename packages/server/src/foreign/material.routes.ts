// HTTP of the materials for foreign parties, under /api/foreign/materials… (R-FOR-06, R-FOR-07,
// R-CAR-10): the ledger and its export, the record, its review link, the submission to the approval
// chain, the hand-over and recovery, and the printable 对外提供资料审批表. Contract:
// packages/api/src/foreign/material.ts.
import { FileBody, IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/foreign/material.ts';
import {
  MATERIAL_DELIVERY_LABELS,
  MATERIAL_KIND_LABELS,
  MATERIAL_RECOVERY_LABELS,
  MATERIAL_STATUS_LABELS,
} from '@baomi/domain';
import { type LedgerSpec, sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { sendPdf } from '../exports/pdf.ts';
import { guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { materialFormSpec } from './material.forms.ts';
import {
  changeMaterial,
  closeMaterial,
  createMaterial,
  linkReview,
  listMaterials,
  materialDetail,
  type materialItem,
  provideMaterial,
  submitMaterial,
} from './material.service.ts';
import { foreignCaller, visitorPolicy } from './visitor.policy.ts';

const { tags } = C;
type Item = ReturnType<typeof materialItem>;

export const materialRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '/materials',
    {
      preValidation: guard(visitorPolicy, 'materialRead'),
      schema: {
        tags,
        summary: '对外提供资料台账 Materials for foreign parties',
        querystring: C.MaterialListQuery,
        response: { 200: C.MaterialPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...f } = req.query;
      return wire(await listMaterials(db, foreignCaller(req), f, pageOf(req.query)));
    },
  );

  app.get(
    '/materials/export',
    {
      preValidation: guard(visitorPolicy, 'materialLedger'),
      schema: {
        tags,
        summary: '导出对外提供资料台账 Export the ledger',
        querystring: C.MaterialExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      const r = await listMaterials(db, foreignCaller(req), f, null);
      const spec: LedgerSpec<Item> & { rows: Item[] } = {
        title: { zh: '对外提供资料台账', en: 'Materials for foreign parties' },
        subtitle: `共${r.total}件；导出时间：${shanghaiTime(new Date())}`,
        columns: [
          { zh: '资料名称', en: 'Title', width: 30, value: (x) => x.title },
          { zh: '类别', en: 'Kind', value: (x) => MATERIAL_KIND_LABELS[x.kind].zh },
          { zh: '提供方式', en: 'Delivery', value: (x) => MATERIAL_DELIVERY_LABELS[x.delivery].zh },
          { zh: '涉外活动', en: 'Activity', width: 26, value: (x) => x.activityTitle ?? '' },
          { zh: '接收方', en: 'Recipients', width: 30, value: (x) => x.recipients.join('；') },
          { zh: '份数', en: 'Copies', value: (x) => x.copies },
          { zh: '回收要求', en: 'Recovery', value: (x) => MATERIAL_RECOVERY_LABELS[x.recovery].zh },
          { zh: '回收期限', en: 'Recover by', value: (x) => x.recoverBy ?? '' },
          { zh: '申请人', en: 'Requester', value: (x) => x.requesterName },
          { zh: '状态', en: 'Status', value: (x) => MATERIAL_STATUS_LABELS[x.status].zh },
          { zh: '未回收', en: 'Not recovered', value: (x) => (x.notRecovered ? '是' : '') },
        ],
        rows: r.items,
      };
      return sendLedger(reply, format ?? 'xlsx', '对外提供资料台账', spec, {
        db,
        actor: actorFor(req),
        objectType: 'foreign_material',
        filter: f,
      });
    },
  );

  app.post(
    '/materials',
    {
      preValidation: guard(visitorPolicy, 'materialKeep'),
      schema: {
        tags,
        summary: '登记对外提供资料 Register a material for a foreign party',
        body: C.MaterialInput,
        response: { 201: C.MaterialItem },
      },
    },
    async (req, reply) => {
      const caller = foreignCaller(req);
      const r = await db.tx((sql) => createMaterial(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/materials/:id',
    {
      preValidation: guard(visitorPolicy, 'materialRead'),
      schema: {
        tags,
        summary: '对外提供资料详情 Material detail',
        params: IdParams,
        response: { 200: C.MaterialDetail },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => materialDetail(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.put(
    '/materials/:id',
    {
      preValidation: guard(visitorPolicy, 'materialKeep'),
      schema: {
        tags,
        summary: '修改对外提供资料 Change a material',
        params: IdParams,
        body: C.MaterialInput,
        response: { 200: C.MaterialItem },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => changeMaterial(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/materials/:id/review',
    {
      preValidation: guard(visitorPolicy, 'materialKeep'),
      schema: {
        tags,
        summary: '关联保密审查申请 Link the review request',
        params: IdParams,
        body: C.ReviewLinkInput,
        response: { 200: C.MaterialItem },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(
        await db.tx((sql) => linkReview(sql, actorFor(req), caller, req.params.id, req.body.reviewId)),
      );
    },
  );

  app.post(
    '/materials/:id/submit',
    {
      preValidation: guard(visitorPolicy, 'materialKeep'),
      schema: {
        tags,
        summary: '报批（须保密审查已同意发布） Submit to the approval chain',
        params: IdParams,
        response: { 200: C.MaterialItem },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => submitMaterial(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.post(
    '/materials/:id/provide',
    {
      preValidation: guard(visitorPolicy, 'materialKeep'),
      schema: {
        tags,
        summary: '登记已对外提供 Record the hand-over',
        params: IdParams,
        body: C.ProvideInput,
        response: { 200: C.MaterialItem },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => provideMaterial(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/materials/:id/close',
    {
      preValidation: guard(visitorPolicy, 'materialKeep'),
      schema: {
        tags,
        summary: '登记已回收或已销毁 Record recovery or destruction',
        params: IdParams,
        body: C.CloseInput,
        response: { 200: C.MaterialItem },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => closeMaterial(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.get(
    '/materials/:id/form.pdf',
    {
      preValidation: guard(visitorPolicy, 'materialRead'),
      schema: {
        tags,
        summary: '打印对外提供资料审批表 Print the approval form',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = foreignCaller(req);
      const orgName = ctxOf(req).me.person?.orgName ?? '';
      const spec = await db.tx((sql) => materialFormSpec(sql, caller, req.params.id, orgName));
      return sendPdf(
        reply,
        spec.title,
        { ...spec, printedBy: actorFor(req).name },
        { db, actor: actorFor(req), objectType: 'foreign_material', objectId: req.params.id, filter: null },
      );
    },
  );
};
