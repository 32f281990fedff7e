// HTTP for 涉密载体 (classified carriers): the ledger and its export, the detail with its timeline,
// "where is it now", receipt, production, loans, destruction. Business users only (R-SYS-01); the
// organisation boundary and the read rule are the services' (404 outside, 403 with reasons inside).
import * as C from '@baomi/api/carriers.ts';
import { FileBody, IdParams } from '@baomi/api/common.ts';
import {
  CARRIER_KIND_LABELS,
  CARRIER_STATUS_LABELS,
  DISTRIBUTION_CLASS_LABELS,
  forbidden,
  invalid,
  LEVEL_LABELS,
  LEVEL_RANK,
  type StateSecretLevel,
} from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { type Caller, callerOf, guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { campaignRoutes } from './campaigns.routes.ts';
import { copyRequestView, makeCopies, requestCopy } from './copies.ts';
import { handOver } from './handover.ts';
import { carrierImportRoutes } from './import-routes.ts';
import { carrierPolicy } from './policy.ts';
import { carrierDetail, custodyView, listCarriers, toCarrier, whereNow, withAbilities } from './read.ts';
import {
  destroy,
  extendLoan,
  loan,
  produce,
  readDestruction,
  receive,
  requestDestruction,
  returnCarrier,
  widen,
} from './service.ts';
import { carrierStepRoutes } from './steps.routes.ts';
import { bringBack, registerTakeOut, requestTakeOut, takeOutView } from './takeout.ts';

const { tags } = C;

export function carrierCallerOf(req: FastifyRequest): Caller {
  const caller = callerOf(ctxOf(req));
  if (!caller)
    throw invalid({
      code: 'no_person',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以办理涉密载体事务',
      en: 'Only business accounts linked to a person handle carriers',
    });
  return caller;
}

const mayLedger = (c: Caller) => c.roles.includes('secrecy_officer') || c.roles.includes('leader');

export const carrierRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '涉密载体台账 Carrier ledger',
        querystring: C.CarrierLedgerQuery,
        response: { 200: C.CarrierPage },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      const { page: _p, pageSize: _s, ...filter } = req.query;
      const r = await listCarriers(db, caller, filter, pageOf(req.query));
      const no = {
        allowed: false,
        reason: { zh: '只有保密员可以登记涉密载体', en: 'Only secrecy officers register carriers' },
      };
      const officer = caller.roles.includes('secrecy_officer');
      return wire({
        items: withAbilities(caller, r.items),
        total: r.total,
        abilities: {
          register: officer ? { allowed: true } : no,
          export: mayLedger(caller)
            ? { allowed: true }
            : {
                allowed: false,
                reason: {
                  zh: '只有保密员和单位领导可以导出台账',
                  en: 'Only secrecy officers and leaders export the ledger',
                },
              },
        },
      });
    },
  );

  app.get(
    '/export',
    {
      preValidation: guard(carrierPolicy, 'ledger'),
      schema: {
        tags,
        summary: '导出涉密载体台账 Export the carrier ledger',
        querystring: C.CarrierExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const caller = carrierCallerOf(req);
      const { items } = await listCarriers(db, caller, filter, null);
      const rows = items.map((c) => toCarrier(c));
      // R-LVL-05: the highest level the ledger holds above the table; every row its marking.
      const top = rows.reduce<StateSecretLevel | null>(
        (m, i) => (m === null || LEVEL_RANK[i.level] > LEVEL_RANK[m] ? i.level : m),
        null,
      );
      return sendLedger(
        reply,
        format ?? 'xlsx',
        '涉密载体台账',
        {
          title: { zh: '涉密载体台账', en: 'Carrier ledger' },
          marking: top ? `${LEVEL_LABELS[top].zh}（本台账所含最高密级）` : null,
          subtitle: `导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '份号', en: 'Copy number', value: (c) => c.copyNumber },
            { zh: '国家秘密标志', en: 'Marking', width: 26, value: (c) => c.markingText },
            { zh: '密级', en: 'Level', value: (c) => LEVEL_LABELS[c.level].zh },
            { zh: '名称', en: 'Title', width: 30, value: (c) => c.title },
            { zh: '文号', en: 'Doc number', value: (c) => c.docNumber },
            { zh: '类别', en: 'Kind', value: (c) => CARRIER_KIND_LABELS[c.kind].zh },
            { zh: '来文单位', en: 'Sender', value: (c) => c.sender },
            {
              zh: '发文范围',
              en: 'Distribution',
              value: (c) => (c.distributionClass ? DISTRIBUTION_CLASS_LABELS[c.distributionClass].zh : ''),
            },
            { zh: '成文日期', en: 'Issued', value: (c) => c.issueDate },
            { zh: '部门', en: 'Department', value: (c) => c.departmentName },
            { zh: '保管人', en: 'Custodian', value: (c) => c.custodianName },
            { zh: '状态', en: 'Status', value: (c) => CARRIER_STATUS_LABELS[c.status].zh },
            { zh: '当前持有人', en: 'Held by', value: (c) => c.holderName },
            { zh: '应还日期', en: 'Due', value: (c) => c.dueDate },
          ],
          rows,
        },
        { db, actor: actorFor(req), objectType: 'carrier', filter },
      );
    },
  );

  app.get(
    '/where',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '载体去向（按人员、按部门） Where carriers are now, per person or department',
        querystring: C.WhereQuery,
        response: { 200: C.WhereList },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      const { personId, departmentId } = req.query;
      if (!personId && !departmentId) {
        throw invalid({
          code: 'where_missing',
          field: 'personId',
          zh: '请选择人员或部门',
          en: 'Choose a person or a department',
        });
      }
      // One's own carriers: anyone; another person's or a department's: the registry and leaders.
      if ((departmentId || personId !== caller.personId) && !mayLedger(caller)) {
        throw forbidden({
          code: 'forbidden',
          rule: 'R-SYS-01',
          zh: '只有保密员和单位领导可以查看他人或部门的载体去向',
          en: 'Only secrecy officers and leaders see where other people’s or a department’s carriers are',
        });
      }
      const rows = await whereNow(db, caller, { personId, departmentId });
      return wire({ items: rows.map((c) => toCarrier(c)), total: rows.length });
    },
  );

  app.get(
    '/custody/:personId',
    {
      preValidation: guard(carrierPolicy, 'ledger'),
      schema: {
        tags,
        summary: '本人保管或借用的载体（岗位变动移交前检查） Carriers in a person’s custody',
        params: C.PersonParams,
        response: { 200: C.Custody },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await custodyView(db, caller, req.params.personId));
    },
  );

  app.get(
    '/:id',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '涉密载体详情与全程登记 Carrier detail with its timeline',
        params: IdParams,
        response: { 200: C.CarrierDetail },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => carrierDetail(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.post(
    '/receive',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '收进登记 Receive a document (one or many copies), a medium or an item',
        body: C.ReceiveInput,
        response: { 201: C.CarrierBatch },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const r = await db.tx((sql) => receive(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.post(
    '/produce',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '制作登记 Register the approved copies printed in the unit (spoilage for destruction)',
        body: C.ProduceInput,
        response: { 201: C.CarrierBatch },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const r = await db.tx((sql) => produce(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.post(
    '/:id/loan',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '借出（从登记处借给一位读者） Lend to one reader',
        params: IdParams,
        body: C.LoanInput,
        response: { 200: C.Carrier },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => loan(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/:id/return',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '归还登记处 Return to the registry',
        params: IdParams,
        body: C.ReturnInput,
        response: { 200: C.Carrier },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => returnCarrier(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/:id/extend',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '续借 Extend a loan',
        params: IdParams,
        body: C.ExtendInput,
        response: { 200: C.Carrier },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => extendLoan(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/destructions',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '申请销毁（逐件清单，报办公室负责人审批） Put carriers on a destruction list',
        body: C.DestructionRequest,
        response: { 201: C.Destruction },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const r = await db.tx((sql) => requestDestruction(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/destructions/:id',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '销毁清单 A destruction list',
        params: IdParams,
        response: { 200: C.Destruction },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => readDestruction(sql, actorFor(req), carrierCallerOf(req), req.params.id))),
  );

  app.post(
    '/destructions/:id/destroy',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '执行销毁（销毁方式、两名以上监销人） Carry out an approved destruction',
        params: IdParams,
        body: C.DestroyInput,
        response: { 200: C.Destruction },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => destroy(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/:id/copy-requests',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '申请复制、摘抄、扫描（审批；绝密和中央文件须原定密机关同意） Ask to copy a carrier',
        params: IdParams,
        body: C.CopyRequestInput,
        response: { 201: C.CopyRequest },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const r = await db.tx((sql) => requestCopy(sql, actorFor(req), caller, req.params.id, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/copy-requests/:id',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '复制申请 A copy request',
        params: IdParams,
        response: { 200: C.CopyRequest },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => copyRequestView(sql, actorFor(req), carrierCallerOf(req), req.params.id))),
  );

  app.post(
    '/copy-requests/:id/make',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '登记复制件（获批后） Register the approved copies',
        params: IdParams,
        body: C.MakeCopiesInput,
        response: { 200: C.CopyRequest },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => makeCopies(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/:id/take-outs',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary:
          '申请携带外出（审批；出境须出境许可、保密箱、二人以上，绝密不得出境） Ask to take a carrier out',
        params: IdParams,
        body: C.TakeOutInput,
        response: { 201: C.TakeOut },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const r = await db.tx((sql) => requestTakeOut(sql, actorFor(req), caller, req.params.id, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/take-outs/:id',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '携带外出申请 A take-out request',
        params: IdParams,
        response: { 200: C.TakeOut },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => takeOutView(sql, actorFor(req), carrierCallerOf(req), req.params.id))),
  );

  app.post(
    '/take-outs/:id/out',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '登记携带外出（获批后） Register the approved take-out',
        params: IdParams,
        response: { 200: C.TakeOut },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire((await db.tx((sql) => registerTakeOut(sql, actorFor(req), caller, req.params.id)))!);
    },
  );

  app.post(
    '/:id/bring-back',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '带回交还登记处 Brought back and handed in',
        params: IdParams,
        response: { 200: C.Carrier },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      const c = await db.tx((sql) => bringBack(sql, actorFor(req), caller, req.params.id));
      return wire(toCarrier(c!));
    },
  );

  app.post(
    '/handovers',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '岗位变动移交（逐件清单、清点、双方签字） Hand over on a change of post',
        body: C.HandoverInput,
        response: { 200: C.Handover },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => handOver(sql, actorFor(req), caller, req.body)));
    },
  );

  app.post(
    '/:id/widen',
    {
      preValidation: guard(carrierPolicy, 'widen'),
      schema: {
        tags,
        summary: '批准扩大阅读范围（主管领导） Widen the reading scope to a person',
        params: IdParams,
        body: C.WidenInput,
        response: { 200: C.Carrier },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => widen(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  // 清查清退 (R-CAR-09) and "found again": campaigns.routes.ts.
  await campaignRoutes(app, {});
  // 台账导入 and QR label sheets (carriers/import-routes.ts).
  await app.register(carrierImportRoutes);
  // Send out and media uses (steps.routes.ts).
  await app.register(carrierStepRoutes);
};
