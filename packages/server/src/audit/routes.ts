import * as C from '@baomi/api/audit.ts';
import { FileBody } from '@baomi/api/common.ts';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { appendAudit, verifyChain } from './chain.ts';
import { auditPolicy } from './policy.ts';
import { type AuditEventView, currentCheckpoint, searchAudit } from './queries.ts';

const tags = ['audit'];
const EXPORT_LIMIT = 100_000;

const auditRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '',
    {
      preValidation: guard(auditPolicy, 'read'),
      schema: {
        tags,
        summary: '审计日志查询 Search the audit trail',
        querystring: C.AuditQuery,
        response: { 200: C.AuditPage },
      },
    },
    async (req) => {
      return wire(await searchAudit(db, ctxOf(req).me, req.query, pageOf(req.query)));
    },
  );

  app.get(
    '/export',
    {
      preValidation: guard(auditPolicy, 'export'),
      schema: {
        tags,
        summary: '导出审计日志 Export the audit trail',
        querystring: C.AuditExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const me = ctxOf(req).me;
      const { items, total } = await searchAudit(db, me, req.query, { limit: EXPORT_LIMIT, offset: 0 });
      return sendLedger<AuditEventView>(
        reply,
        req.query.format ?? 'xlsx',
        '审计日志',
        {
          title: { zh: '审计日志', en: 'Audit trail' },
          subtitle: `导出人 ${me.displayName}，导出时间 ${shanghaiTime(new Date())}，共 ${items.length} 条`,
          columns: [
            { zh: '序号', en: 'Seq', width: 8, value: (e) => e.seq },
            { zh: '时间', en: 'Time', width: 20, value: (e) => e.at },
            { zh: '操作人', en: 'Actor', value: (e) => e.actorName },
            { zh: '身份', en: 'Class', value: (e) => e.actorClass },
            { zh: '角色', en: 'Role', value: (e) => e.actorRole },
            { zh: '操作', en: 'Action', width: 24, value: (e) => e.action },
            { zh: '对象类型', en: 'Object type', value: (e) => e.objectType },
            { zh: '对象编号', en: 'Object id', width: 38, value: (e) => e.objectId },
            { zh: '内容摘要', en: 'Summary', width: 60, value: (e) => JSON.stringify(e.summary) },
            { zh: '来源地址', en: 'IP', value: (e) => e.ip },
            { zh: '哈希', en: 'Hash', width: 66, value: (e) => e.hash },
          ],
          rows: items,
        },
        { db, actor: actorFor(req), objectType: 'audit', filter: { ...req.query, total } },
      );
    },
  );

  app.get(
    '/checkpoint',
    {
      preValidation: guard(auditPolicy, 'verify'),
      schema: { tags, summary: '当前检查点 Current checkpoint', response: { 200: C.Checkpoint } },
    },
    async (_req) => {
      return wire(await currentCheckpoint(db));
    },
  );

  app.post(
    '/verify',
    {
      preValidation: guard(auditPolicy, 'verify'),
      schema: {
        tags,
        summary: '校验审计链 Verify the chain',
        body: C.VerifyBody,
        response: { 200: C.VerifyResult },
      },
    },
    async (req) => {
      const result = await verifyChain(db, req.body?.checkpoint);
      await db.tx((sql) =>
        appendAudit(sql, actorFor(req), {
          action: 'audit.verify',
          objectType: 'audit',
          summary: {
            ok: result.ok,
            checked: result.checked,
            firstBroken: result.firstBroken,
            checkpoint: req.body?.checkpoint ?? null,
          },
        }),
      );
      return result;
    },
  );
};

export default auditRoutes;
