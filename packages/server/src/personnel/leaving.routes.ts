// HTTP of the personnel part "leaving" (relative to /api/personnel): /commitments…, /leavings…,
// /cooling-off…. Business users only (R-SYS-01); the organisation boundary (404), the read rule and
// the write rule are the service's (personnelReadVerdict / personnelWriteVerdict / personnelReadScope).

import { FileBody, IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/personnel/leaving.ts';
import { PERSON_CLASS_LABELS } from '@baomi/domain';
import type { FastifyReply } from 'fastify';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import { shanghaiTime, toCsv, toXlsx } from '../exports/ledger.ts';
import { type PdfSpec, renderPdfDetailed } from '../exports/pdf.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { leavingPolicy } from './leaving.policy.ts';
import {
  approveLeaving,
  commitmentForm,
  coolingOffList,
  getLeavingPolicy,
  leavingDetail,
  leavingForm,
  leavingList,
  personCommitments,
  recordLeavingItem,
  registerCommitment,
  setLeavingPolicy,
  startLeaving,
} from './leaving.service.ts';
import { personnelCallerOf } from './part.ts';

const { tags } = C;

const attachment = (reply: FastifyReply, name: string, ext: string) => {
  const ascii = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  reply.header(
    'Content-Disposition',
    `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`,
  );
};

const sendXlsx = (reply: FastifyReply, body: Buffer) => {
  reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return reply.send(body);
};

/** A printed form through exports/pdf.ts, recorded as a print under this part's action. */
async function sendForm(
  db: Db,
  reply: FastifyReply,
  actor: Actor,
  a: {
    action: 'personnel.commitment_print' | 'personnel.leaving_print';
    objectType: string;
    objectId: string;
  },
  filename: string,
  spec: PdfSpec,
  summary: Record<string, unknown>,
) {
  const out = await renderPdfDetailed({ ...spec, printedBy: actor.name });
  await db.tx((sql) =>
    appendAudit(sql, actor, {
      action: a.action,
      objectType: a.objectType,
      objectId: a.objectId,
      summary: { ...summary, title: spec.title, pages: out.pages },
    }),
  );
  attachment(reply, filename, 'pdf');
  reply.type('application/pdf');
  return reply.send(out.pdf);
}

export const leavingRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  // ---- commitments (R-PER-03) ----

  app.get(
    '/commitments/people/:personId',
    {
      preValidation: guard(leavingPolicy, 'read'),
      schema: {
        tags,
        summary: '涉密人员保密承诺书、责任书（已签、待签） A person’s commitments, signed and due',
        params: C.PersonParams,
        response: { 200: C.PersonCommitments },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return db.tx((sql) => personCommitments(sql, actorFor(req), caller, req.params.personId));
    },
  );

  app.post(
    '/commitments/people/:personId',
    {
      preValidation: guard(leavingPolicy, 'write'),
      schema: {
        tags,
        summary: '登记签订保密承诺书、责任书 Register a signed commitment',
        params: C.PersonParams,
        body: C.CommitmentBody,
        response: { 201: C.SignedCommitment },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const r = await db.tx((sql) =>
        registerCommitment(sql, actorFor(req), caller, req.params.personId, req.body),
      );
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/commitments/people/:personId/form.pdf',
    {
      preValidation: guard(leavingPolicy, 'read'),
      schema: {
        tags,
        summary: '打印保密承诺书、责任书（待签） Print a commitment to sign (PDF)',
        params: C.PersonParams,
        querystring: C.CommitmentPrintQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const f = await commitmentForm(db, caller, req.params.personId, req.query);
      return sendForm(
        db,
        reply,
        actorFor(req),
        { action: 'personnel.commitment_print', objectType: 'person', objectId: req.params.personId },
        f.filename,
        f.spec,
        f.summary,
      );
    },
  );

  // ---- leavings (R-PER-06, R-CAR-08) ----

  app.get(
    '/leavings',
    {
      preValidation: guard(leavingPolicy, 'read'),
      schema: {
        tags,
        summary: '涉密人员离岗（办理中、已批准） Leavings under way and done',
        querystring: C.LeavingListQuery,
        response: { 200: C.LeavingPage },
      },
    },
    async (req) => leavingList(db, personnelCallerOf(req), req.query),
  );

  app.post(
    '/leavings',
    {
      preValidation: guard(leavingPolicy, 'write'),
      schema: {
        tags,
        summary: '启动离岗 Start leaving a classified post',
        body: C.LeavingStart,
        response: { 201: C.LeavingDetail },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const actor = actorFor(req);
      const r = await db.tx(async (sql) => {
        const id = await startLeaving(sql, actor, caller, req.body);
        return leavingDetail(sql, null, caller, id);
      });
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/leavings/:id',
    {
      preValidation: guard(leavingPolicy, 'read'),
      schema: {
        tags,
        summary: '离岗记录与检查清单 A leaving and its checklist',
        params: IdParams,
        response: { 200: C.LeavingDetail },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return db.tx((sql) => leavingDetail(sql, actorFor(req), caller, req.params.id));
    },
  );

  app.post(
    '/leavings/:id/items',
    {
      preValidation: guard(leavingPolicy, 'write'),
      schema: {
        tags,
        summary: '登记离岗事项（提醒谈话、设备交还、权限撤销） Record a checklist item',
        params: IdParams,
        body: C.LeavingItemBody,
        response: { 200: C.LeavingDetail },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      const actor = actorFor(req);
      return db.tx(async (sql) => {
        await recordLeavingItem(sql, actor, caller, req.params.id, req.body);
        return leavingDetail(sql, null, caller, req.params.id);
      });
    },
  );

  app.post(
    '/leavings/:id/approve',
    {
      preValidation: guard(leavingPolicy, 'write'),
      schema: {
        tags,
        summary: '登记单位领导批准离岗（批准日期起算脱密期） Register the approval of leaving',
        params: IdParams,
        body: C.LeavingApprove,
        response: { 200: C.LeavingDetail },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      const actor = actorFor(req);
      return db.tx(async (sql) => {
        await approveLeaving(sql, actor, caller, req.params.id, req.body);
        return leavingDetail(sql, null, caller, req.params.id);
      });
    },
  );

  app.get(
    '/leavings/:id/form.pdf',
    {
      preValidation: guard(leavingPolicy, 'read'),
      schema: {
        tags,
        summary: '打印涉密人员离岗审批表 Print the leaving approval form (PDF)',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const f = await leavingForm(db, caller, req.params.id);
      return sendForm(
        db,
        reply,
        actorFor(req),
        { action: 'personnel.leaving_print', objectType: 'personnel_leaving', objectId: req.params.id },
        f.filename,
        f.spec,
        {},
      );
    },
  );

  // ---- the 脱密期 (R-PER-06) ----

  app.get(
    '/cooling-off',
    {
      preValidation: guard(leavingPolicy, 'read'),
      schema: {
        tags,
        summary: '脱密期人员 The 脱密期 watch list',
        querystring: C.CoolingOffQuery,
        response: { 200: C.CoolingOffPage },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      const { page = 1, pageSize = 20, ...f } = req.query;
      const r = await coolingOffList(db, caller, f);
      const mayExport = caller.roles.includes('secrecy_officer') || caller.roles.includes('leader');
      return {
        items: r.items.slice((page - 1) * pageSize, page * pageSize),
        total: r.items.length,
        today: r.today,
        abilities: {
          export: mayExport
            ? { allowed: true }
            : {
                allowed: false,
                reason: {
                  zh: '只有保密员和单位领导可以导出',
                  en: 'Only secrecy officers and leaders export',
                },
              },
        },
      };
    },
  );

  app.get(
    '/cooling-off/export',
    {
      preValidation: guard(leavingPolicy, 'export'),
      schema: {
        tags,
        summary: '导出脱密期人员名单 Export the 脱密期 watch list',
        querystring: C.CoolingOffExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const { format = 'xlsx', ...f } = req.query;
      const r = await coolingOffList(db, caller, f);
      const spec = {
        title: { zh: '脱密期人员名单', en: '脱密期 watch list' },
        subtitle: `导出时间：${shanghaiTime(new Date())}`,
        columns: [
          { zh: '姓名', en: 'Name', value: (x: C.CoolingOffRow) => x.personName },
          { zh: '部门', en: 'Department', value: (x: C.CoolingOffRow) => x.departmentName },
          {
            zh: '涉密人员类别',
            en: 'Class',
            value: (x: C.CoolingOffRow) => PERSON_CLASS_LABELS[x.personClass].zh,
          },
          { zh: '原涉密岗位', en: 'Post left', width: 24, value: (x: C.CoolingOffRow) => x.postName },
          { zh: '脱密期（月）', en: 'Months', value: (x: C.CoolingOffRow) => x.months },
          { zh: '起始日期', en: 'Start', value: (x: C.CoolingOffRow) => x.start },
          { zh: '截止日期', en: 'End', value: (x: C.CoolingOffRow) => x.end },
          { zh: '剩余天数', en: 'Days left', value: (x: C.CoolingOffRow) => x.daysLeft },
        ],
        rows: r.items,
      };
      await db.tx((sql) =>
        appendAudit(sql, actorFor(req), {
          action: 'personnel.cooling_off_export',
          objectType: 'person',
          summary: { format, rows: r.items.length, filter: f },
        }),
      );
      attachment(reply, '脱密期人员名单', format);
      if (format === 'csv') {
        reply.type('text/csv; charset=utf-8');
        return reply.send(toCsv(spec));
      }
      return sendXlsx(reply, await toXlsx(spec));
    },
  );

  app.get(
    '/cooling-off/policy',
    {
      preValidation: guard(leavingPolicy, 'read'),
      schema: {
        tags,
        summary: '脱密期限与年度承诺设置 The unit’s 脱密期 lengths and yearly commitment day',
        response: { 200: C.LeavingPolicy },
      },
    },
    async (req) => getLeavingPolicy(db, personnelCallerOf(req)),
  );

  app.put(
    '/cooling-off/policy',
    {
      preValidation: guard(leavingPolicy, 'write'),
      schema: {
        tags,
        summary: '设置脱密期限与年度承诺截止日 Set the 脱密期 lengths and yearly day',
        body: C.LeavingPolicyBody,
        response: { 200: C.LeavingPolicy },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return db.tx((sql) => setLeavingPolicy(sql, actorFor(req), caller, req.body));
    },
  );
};
