import * as C from '@baomi/api/audit.ts';
import { FileBody } from '@baomi/api/common.ts';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { auditCatalogue } from './catalogue.ts';
import { appendAudit, verifyChain } from './chain.ts';
import { exportColumns } from './export.ts';
import { auditPolicy } from './policy.ts';
import { type AuditFilter, currentCheckpoint, searchAudit } from './queries.ts';
import { type ReadableEvent, readable } from './read.ts';

const tags = ['audit'];
const EXPORT_LIMIT = 100_000;

/** The search filter: a module (the 操作 filter's group) stands for the actions it declares. */
function filterOf(q: Omit<C.AuditExportQuery, 'format' | 'lang'>): AuditFilter {
  const { module, ...rest } = q;
  if (!module) return rest;
  const group = auditCatalogue().modules.find((m) => m.name === module);
  return { ...rest, actions: group ? group.actions.map((a) => a.action) : [] };
}

const auditRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '/actions',
    {
      preValidation: guard(auditPolicy, 'read'),
      schema: {
        tags,
        summary: '审计操作目录 The audit actions, grouped by module',
        response: { 200: C.AuditActionCatalogue },
      },
    },
    async () => ({
      modules: auditCatalogue().modules.map((m) => ({
        name: m.name,
        label: m.label,
        actions: m.actions.map((a) => ({ action: a.action, label: { zh: a.zh, en: a.en } })),
      })),
    }),
  );

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
      const { page: _p, pageSize: _s, ...q } = req.query;
      const found = await searchAudit(db, ctxOf(req).me, filterOf(q), pageOf(req.query));
      return wire({
        items: await readable(db, found.items),
        total: found.total,
        ...(found.totalAtLeast ? { totalAtLeast: true } : {}),
      });
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
      const { format, lang, ...q } = req.query;
      const found = await searchAudit(db, me, filterOf(q), { limit: EXPORT_LIMIT, offset: 0 });
      const items = await readable(db, found.items);
      const total = found.total;
      const en = lang === 'en';
      return sendLedger<ReadableEvent>(
        reply,
        format ?? 'xlsx',
        en ? 'audit-trail' : '审计日志',
        {
          title: { zh: '审计日志', en: 'Audit trail' },
          subtitle: en
            ? `Exported by ${me.displayName} at ${shanghaiTime(new Date())}, ${items.length} events`
            : `导出人 ${me.displayName}，导出时间 ${shanghaiTime(new Date())}，共 ${items.length} 条`,
          columns: exportColumns(en ? 'en' : 'zh'),
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
