// HTTP of the visitors part, under /api/foreign: /visitors… (the foreign-visitor register, R-FOR-05)
// and /visits… (receptions with scope, route, escorts and key sites approved per visit; the printed
// visit sheet, R-SITE-04), /key-sites (personnel's register, for choosing). Contract:
// packages/api/src/foreign/visitor.ts.
import { FileBody, IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/foreign/visitor.ts';
import { FOREIGN_DOC_TYPE_LABELS } from '@baomi/domain';
import { type LedgerSpec, sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { sendPdf } from '../exports/pdf.ts';
import { guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { keySiteRefs } from '../personnel/read.sites.ts';
import { visitSheetSpec } from './visitor.forms.ts';
import { foreignCaller, visitorPolicy } from './visitor.policy.ts';
import {
  changeVisitor,
  checkInVisit,
  createVisit,
  createVisitor,
  listVisitors,
  listVisits,
  visitDetail,
  visitorDetail,
  type visitorItem,
} from './visitor.service.ts';

const { tags } = C;

export const visitorRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '/visitors',
    {
      preValidation: guard(visitorPolicy, 'visitorRead'),
      schema: {
        tags,
        summary: '境外来访人员登记簿 Foreign-visitor register',
        querystring: C.VisitorListQuery,
        response: { 200: C.VisitorPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...f } = req.query;
      return wire(await listVisitors(db, foreignCaller(req), f, pageOf(req.query)));
    },
  );

  app.get(
    '/visitors/export',
    {
      preValidation: guard(visitorPolicy, 'visitorLedger'),
      schema: {
        tags,
        summary: '导出境外来访人员登记簿 Export the foreign-visitor register',
        querystring: C.VisitorExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      const r = await listVisitors(db, foreignCaller(req), f, null);
      const spec: LedgerSpec<ReturnType<typeof visitorItem>> & { rows: ReturnType<typeof visitorItem>[] } = {
        title: { zh: '境外来访人员登记簿', en: 'Foreign-visitor register' },
        subtitle: `共${r.total}人；证件号码已脱敏；导出时间：${shanghaiTime(new Date())}`,
        columns: [
          { zh: '姓名', en: 'Name', width: 20, value: (x) => x.name },
          { zh: '国籍', en: 'Nationality', value: (x) => x.nationality },
          { zh: '单位', en: 'Organisation', width: 28, value: (x) => x.organisation },
          { zh: '证件类别', en: 'Document', value: (x) => FOREIGN_DOC_TYPE_LABELS[x.docType].zh },
          { zh: '证件号码', en: 'Number', value: (x) => x.docNumberMasked },
          { zh: '联系方式', en: 'Contact', value: (x) => x.contact },
          { zh: '来访次数', en: 'Visits', value: (x) => x.visits },
          { zh: '最近来访', en: 'Last visit', value: (x) => x.lastVisitOn ?? '' },
        ],
        rows: r.items,
      };
      return sendLedger(reply, format ?? 'xlsx', '境外来访人员登记簿', spec, {
        db,
        actor: actorFor(req),
        objectType: 'foreign_visitor',
        filter: f,
      });
    },
  );

  app.post(
    '/visitors',
    {
      preValidation: guard(visitorPolicy, 'visitorKeep'),
      schema: {
        tags,
        summary: '登记境外来访人员 Register a foreign visitor',
        body: C.VisitorInput,
        response: { 201: C.VisitorItem },
      },
    },
    async (req, reply) => {
      const caller = foreignCaller(req);
      const r = await db.tx((sql) => createVisitor(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/visitors/:id',
    {
      preValidation: guard(visitorPolicy, 'visitorRead'),
      schema: {
        tags,
        summary: '境外来访人员详情（含证件号码，记入审计） Visitor detail (audited)',
        params: IdParams,
        response: { 200: C.VisitorDetail },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => visitorDetail(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.put(
    '/visitors/:id',
    {
      preValidation: guard(visitorPolicy, 'visitorKeep'),
      schema: {
        tags,
        summary: '修改境外来访人员信息 Change a visitor',
        params: IdParams,
        body: C.VisitorInput,
        response: { 200: C.VisitorItem },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => changeVisitor(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.get(
    '/key-sites',
    {
      preValidation: guard(visitorPolicy, 'visitorKeep'),
      schema: {
        tags,
        summary: '保密要害部门部位（供选择） Key sites to choose from',
        response: { 200: C.KeySiteOptions },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return (await keySiteRefs(db, caller.orgId)).map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        level: s.level,
      }));
    },
  );

  app.get(
    '/visits',
    {
      preValidation: guard(visitorPolicy, 'visitorRead'),
      schema: {
        tags,
        summary: '接待（参观）登记 Visits',
        querystring: C.VisitListQuery,
        response: { 200: C.VisitPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...f } = req.query;
      return wire(await listVisits(db, foreignCaller(req), f, pageOf(req.query)));
    },
  );

  app.post(
    '/visits',
    {
      preValidation: guard(visitorPolicy, 'visitorKeep'),
      schema: {
        tags,
        summary: '登记接待（参观）：范围、路线、陪同人员；参观要害部门部位逐次审批 Register a visit',
        body: C.VisitInput,
        response: { 201: C.VisitItem },
      },
    },
    async (req, reply) => {
      const caller = foreignCaller(req);
      const r = await db.tx((sql) => createVisit(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/visits/:id',
    {
      preValidation: guard(visitorPolicy, 'visitorRead'),
      schema: {
        tags,
        summary: '接待（参观）详情 Visit detail',
        params: IdParams,
        response: { 200: C.VisitDetail },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => visitDetail(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.post(
    '/visits/:id/check-in',
    {
      preValidation: guard(visitorPolicy, 'visitorKeep'),
      schema: {
        tags,
        summary: '登记到访（要害部门部位须已逐次批准） Record that the visit takes place',
        params: IdParams,
        response: { 200: C.VisitItem },
      },
    },
    async (req) => {
      const caller = foreignCaller(req);
      return wire(await db.tx((sql) => checkInVisit(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.get(
    '/visits/:id/sheet.pdf',
    {
      preValidation: guard(visitorPolicy, 'visitorRead'),
      schema: {
        tags,
        summary: '打印来访参观登记表 Print the visit sheet',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = foreignCaller(req);
      const orgName = ctxOf(req).me.person?.orgName ?? '';
      const spec = await db.tx((sql) => visitSheetSpec(sql, caller, req.params.id, orgName));
      return sendPdf(
        reply,
        spec.title,
        { ...spec, printedBy: actorFor(req).name },
        {
          db,
          actor: actorFor(req),
          objectType: 'foreign_visit',
          objectId: req.params.id,
          filter: null,
        },
      );
    },
  );
};
