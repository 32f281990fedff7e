// HTTP of the exit part, under /api/personnel: /exits… (applications, return reports, forms, the
// unit's policy), /exits/briefings… (保密提醒) and /passports… (证照). Contract:
// packages/api/src/personnel/exit.ts.

import { FileBody, IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/personnel/exit.ts';
import {
  EXIT_KIND_LABELS,
  EXIT_STATUS_LABELS,
  PASSPORT_KIND_LABELS,
  PASSPORT_STATUS_LABELS,
} from '@baomi/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import { type LedgerSpec, shanghaiTime, toCsv, toXlsx } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { briefingFormSpec, exitFormSpec, sendForm } from './exit.forms.ts';
import { lendPassport, listPassports, registerPassport, returnPassport } from './exit.passports.ts';
import { exitPolicy } from './exit.policy.ts';
import {
  applyExit,
  exitDetail,
  exitPolicyOf,
  fileReturnReport,
  listBriefings,
  listExits,
  noteReturnReport,
  registerBriefing,
  setExitPolicy,
  signBriefing,
  updateExitApplication,
} from './exit.service.ts';
import { personnelCallerOf } from './part.ts';

const { tags } = C;

/** An Excel/CSV ledger, audited as `action` before the file leaves. */
async function sendExport<T>(
  reply: FastifyReply,
  db: Db,
  req: FastifyRequest,
  action: string,
  format: 'xlsx' | 'csv',
  filename: string,
  spec: LedgerSpec<T> & { rows: readonly T[] },
  filter: unknown,
) {
  await db.tx((sql) =>
    appendAudit(sql, actorFor(req), {
      action,
      objectType: 'personnel',
      summary: { format, rows: spec.rows.length, filter },
    }),
  );
  const ascii = filename.replace(/[^A-Za-z0-9_.-]/g, '_');
  reply.header(
    'Content-Disposition',
    `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${filename}.${format}`)}`,
  );
  if (format === 'csv') {
    reply.type('text/csv; charset=utf-8');
    return reply.send(toCsv(spec));
  }
  reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return reply.send(await toXlsx(spec));
}

export const exitRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '/exits',
    {
      preValidation: guard(exitPolicy, 'exitRead'),
      schema: {
        tags,
        summary: '出国（境）申请列表 Exit applications',
        querystring: C.ExitListQuery,
        response: { 200: C.ExitPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...f } = req.query;
      return wire(await listExits(db, personnelCallerOf(req), f, pageOf(req.query)));
    },
  );

  app.get(
    '/exits/export',
    {
      preValidation: guard(exitPolicy, 'exitLedger'),
      schema: {
        tags,
        summary: '导出出国（境）台账 Export the exit ledger',
        querystring: C.ExitExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      const r = await listExits(db, personnelCallerOf(req), f, null);
      return sendExport(
        reply,
        db,
        req,
        'personnel.exit_export',
        format ?? 'xlsx',
        '涉密人员出国（境）台账',
        {
          title: { zh: '涉密人员出国（境）台账', en: 'Exit ledger' },
          subtitle: `共${r.total}条；导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '姓名', en: 'Name', value: (x) => x.personName },
            { zh: '部门', en: 'Department', value: (x) => x.departmentName ?? '' },
            { zh: '类别', en: 'Kind', value: (x) => EXIT_KIND_LABELS[x.kind].zh },
            { zh: '前往国家（地区）', en: 'Destination', width: 24, value: (x) => x.destination },
            { zh: '出境日期', en: 'Depart', value: (x) => x.departOn },
            { zh: '返回日期', en: 'Return', value: (x) => x.returnOn },
            { zh: '事由', en: 'Purpose', width: 30, value: (x) => x.purpose },
            { zh: '同行人员', en: 'Companions', value: (x) => x.companions },
            { zh: '审批状态', en: 'Status', value: (x) => EXIT_STATUS_LABELS[x.status].zh },
            { zh: '提示事项', en: 'Flags', width: 30, value: (x) => x.flags.map((g) => g.zh).join('；') },
            { zh: '回国报告应交日期', en: 'Report due', value: (x) => x.reportDue ?? '' },
            {
              zh: '回国报告',
              en: 'Report',
              value: (x) => (x.reportedOn ? `${x.reportedOn}已提交` : x.reportOverdue ? '逾期未交' : ''),
            },
          ],
          rows: r.items,
        },
        f,
      );
    },
  );

  app.post(
    '/exits',
    {
      preValidation: guard(exitPolicy, 'exitApply'),
      schema: {
        tags,
        summary: '提出出国（境）申请 Apply to travel abroad',
        body: C.ExitInput,
        response: { 201: C.Exit },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const r = await db.tx((sql) => applyExit(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/exits/policy',
    {
      preValidation: guard(exitPolicy, 'exitRead'),
      schema: { tags, summary: '出国（境）管理规则 The exit policy', response: { 200: C.ExitPolicy } },
    },
    async (req) => exitPolicyOf(db, personnelCallerOf(req).orgId),
  );

  app.put(
    '/exits/policy',
    {
      preValidation: guard(exitPolicy, 'exitKeep'),
      schema: {
        tags,
        summary: '设置出国（境）管理规则 Set the exit policy',
        body: C.ExitPolicy,
        response: { 200: C.ExitPolicy },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return db.tx((sql) => setExitPolicy(sql, actorFor(req), caller, req.body));
    },
  );

  app.get(
    '/exits/briefings',
    {
      preValidation: guard(exitPolicy, 'exitRead'),
      schema: {
        tags,
        summary: '保密提醒记录 Briefings',
        querystring: C.BriefingListQuery,
        response: { 200: C.BriefingPage },
      },
    },
    async (req) =>
      wire(await listBriefings(db, personnelCallerOf(req), req.query.personId, pageOf(req.query))),
  );

  app.post(
    '/exits/briefings',
    {
      preValidation: guard(exitPolicy, 'exitKeep'),
      schema: {
        tags,
        summary: '登记出国（境）保密提醒 Register a briefing',
        body: C.BriefingInput,
        response: { 201: C.Briefing },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const r = await db.tx((sql) => registerBriefing(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.post(
    '/exits/briefings/:id/sign',
    {
      preValidation: guard(exitPolicy, 'exitKeep'),
      schema: {
        tags,
        summary: '登记本人签字 Register the person’s signature',
        params: IdParams,
        response: { 200: C.Briefing },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return wire(await db.tx((sql) => signBriefing(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.get(
    '/exits/briefings/:id/form.pdf',
    {
      preValidation: guard(exitPolicy, 'exitRead'),
      schema: {
        tags,
        summary: '打印出国（境）保密提醒记录 Print the briefing record',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const f = await db.tx((sql) => briefingFormSpec(sql, caller, req.params.id));
      return sendForm(
        reply,
        db,
        actorFor(req),
        f,
        { action: 'personnel.briefing_print', objectType: 'personnel_briefing', objectId: req.params.id },
        '出国（境）保密提醒记录',
      );
    },
  );

  app.get(
    '/exits/:id',
    {
      preValidation: guard(exitPolicy, 'exitRead'),
      schema: {
        tags,
        summary: '出国（境）申请详情 An exit application',
        params: IdParams,
        response: { 200: C.ExitDetail },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return wire(await db.tx((sql) => exitDetail(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.put(
    '/exits/:id',
    {
      preValidation: guard(exitPolicy, 'exitApply'),
      schema: {
        tags,
        summary: '修改后重新提交 Change and submit again',
        params: IdParams,
        body: C.ExitUpdate,
        response: { 200: C.Exit },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return wire(
        await db.tx((sql) => updateExitApplication(sql, actorFor(req), caller, req.params.id, req.body)),
      );
    },
  );

  app.get(
    '/exits/:id/form.pdf',
    {
      preValidation: guard(exitPolicy, 'exitRead'),
      schema: {
        tags,
        summary: '打印出国（境）审批表 Print the application form',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const f = await db.tx((sql) => exitFormSpec(sql, caller, req.params.id));
      return sendForm(
        reply,
        db,
        actorFor(req),
        f,
        { action: 'personnel.exit_print', objectType: 'personnel_exit', objectId: req.params.id },
        f.spec.title,
      );
    },
  );

  app.post(
    '/exits/:id/return-report',
    {
      preValidation: guard(exitPolicy, 'exitApply'),
      schema: {
        tags,
        summary: '提交回国（境）报告 File the return report',
        params: IdParams,
        body: C.ReturnReportInput,
        response: { 200: C.Exit },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return wire(
        await db.tx((sql) => fileReturnReport(sql, actorFor(req), caller, req.params.id, req.body)),
      );
    },
  );

  app.post(
    '/exits/:id/return-report/note',
    {
      preValidation: guard(exitPolicy, 'exitKeep'),
      schema: {
        tags,
        summary: '阅知回国（境）报告 Note the return report',
        params: IdParams,
        body: C.ReturnReportNoteInput,
        response: { 200: C.Exit },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return wire(
        await db.tx((sql) => noteReturnReport(sql, actorFor(req), caller, req.params.id, req.body)),
      );
    },
  );

  app.get(
    '/passports',
    {
      preValidation: guard(exitPolicy, 'exitRead'),
      schema: {
        tags,
        summary: '证照台账 Passports held',
        querystring: C.PassportListQuery,
        response: { 200: C.PassportPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...f } = req.query;
      return wire(await listPassports(db, personnelCallerOf(req), f, pageOf(req.query)));
    },
  );

  app.get(
    '/passports/export',
    {
      preValidation: guard(exitPolicy, 'exitLedger'),
      schema: {
        tags,
        summary: '导出证照台账 Export the passport ledger',
        querystring: C.PassportExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      const r = await listPassports(db, personnelCallerOf(req), f, null);
      return sendExport(
        reply,
        db,
        req,
        'personnel.passport_export',
        format ?? 'xlsx',
        '涉密人员证照台账',
        {
          title: { zh: '涉密人员因私出入境证件集中保管台账', en: 'Passport ledger' },
          subtitle: `共${r.total}本；导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '姓名', en: 'Name', value: (x) => x.personName },
            { zh: '部门', en: 'Department', value: (x) => x.departmentName ?? '' },
            { zh: '证件类别', en: 'Kind', value: (x) => PASSPORT_KIND_LABELS[x.kind].zh },
            { zh: '证件号码', en: 'Number', value: (x) => x.number },
            { zh: '有效期至', en: 'Expires', value: (x) => x.expiresOn },
            { zh: '状态', en: 'Status', value: (x) => PASSPORT_STATUS_LABELS[x.status].zh },
            { zh: '借出日期', en: 'Lent on', value: (x) => x.lentOn ?? '' },
            { zh: '应还日期', en: 'Due back', value: (x) => x.dueBack ?? '' },
            { zh: '逾期', en: 'Overdue', value: (x) => (x.overdue ? '是' : '') },
            { zh: '备注', en: 'Note', value: (x) => x.note },
          ],
          rows: r.items,
        },
        f,
      );
    },
  );

  app.post(
    '/passports',
    {
      preValidation: guard(exitPolicy, 'exitKeep'),
      schema: {
        tags,
        summary: '登记交存证照 Register a passport into custody',
        body: C.PassportInput,
        response: { 201: C.Passport },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const r = await db.tx((sql) => registerPassport(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.post(
    '/passports/:id/lend',
    {
      preValidation: guard(exitPolicy, 'exitKeep'),
      schema: {
        tags,
        summary: '因出境借出证照 Lend a passport for an approved trip',
        params: IdParams,
        body: C.PassportLendInput,
        response: { 200: C.Passport },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return wire(await db.tx((sql) => lendPassport(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/passports/:id/return',
    {
      preValidation: guard(exitPolicy, 'exitKeep'),
      schema: {
        tags,
        summary: '归还证照 A passport handed back',
        params: IdParams,
        body: C.PassportReturnInput,
        response: { 200: C.Passport },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      return wire(await db.tx((sql) => returnPassport(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );
};
