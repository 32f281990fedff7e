// HTTP for the yearly designation statistics (R-DES-09): the three tables as JSON, and each as an
// Excel/CSV file through the one export mechanism (sendLedger: audited before the file leaves).
import { FileBody } from '@baomi/api/common.ts';
import * as C from '@baomi/api/designation.ts';
import { LEVEL_LABELS, type StateSecretLevel } from '@baomi/domain';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { wire } from '../kit/wire.ts';
import { callerOf } from './common.ts';
import type { RoutesApp } from './routes.ts';
import { statsPolicy } from './stats.policy.ts';
import type { StatsTable } from './stats.queries.ts';
import { defaultStatsYear, type StatsRow, statsReport } from './stats.service.ts';

const { tags } = C;

interface Line {
  name: string;
  level: string;
  counts: Record<string, number>;
}

/** The printed lines: one per row (tables a, b); for table c each row's levels, then its subtotal. */
function linesOf(table: StatsTable, rows: StatsRow[]): Line[] {
  if (table !== 'changes') return rows.map((r) => ({ name: r.name, level: '', counts: r.counts }));
  return rows.flatMap((r) => [
    ...(['top_secret', 'secret', 'confidential'] as StateSecretLevel[]).map((l) => ({
      name: r.name,
      level: LEVEL_LABELS[l].zh,
      counts: r.byLevel![l],
    })),
    { name: r.name, level: '小计', counts: r.counts },
  ]);
}

export default async function statsRoutes(app: RoutesApp): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/stats/:table',
    {
      preValidation: guard(statsPolicy, 'read'),
      schema: {
        tags,
        summary: '定密工作年度统计表 Yearly designation statistics (produced | involved | changes)',
        params: C.StatsParams,
        querystring: C.StatsQuery,
        response: { 200: C.StatsReport },
      },
    },
    async (req) =>
      wire(
        await statsReport(
          db,
          callerOf(req),
          req.params.table,
          req.query.year ?? defaultStatsYear(),
          req.query.orgId,
        ),
      ),
  );

  app.get(
    '/stats/:table/export',
    {
      preValidation: guard(statsPolicy, 'export'),
      schema: {
        tags,
        summary: '导出定密工作年度统计表 Export a yearly designation table',
        params: C.StatsParams,
        querystring: C.StatsExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { table } = req.params;
      const year = req.query.year ?? defaultStatsYear();
      const report = await statsReport(db, callerOf(req), table, year, req.query.orgId);
      const unit = report.grouping === 'department' ? '部门' : '单位';
      const lines = linesOf(table, [...report.rows, report.total]);
      return sendLedger<Line>(
        reply,
        req.query.format ?? 'xlsx',
        `${report.title.zh}-${year}`,
        {
          title: { zh: `${year}年度${report.title.zh}`, en: `${report.title.en}, ${year}` },
          // Counts only: no classified content, so no marking (R-LVL-05 applies to the items themselves).
          marking: null,
          subtitle: `填报单位：${report.org.name}　统计年度：${year}　导出时间：${shanghaiTime(new Date())}`,
          columns: [
            {
              zh: unit,
              en: report.grouping === 'department' ? 'Department' : 'Organisation',
              width: 28,
              value: (l) => l.name,
            },
            ...(table === 'changes'
              ? [{ zh: '密级', en: 'Level', width: 8, value: (l: Line) => l.level }]
              : []),
            ...report.columns.map((c) => ({
              zh: c.zh,
              en: c.en,
              width: 12,
              value: (l: Line) => l.counts[c.key] ?? 0,
            })),
          ],
          rows: lines,
        },
        {
          db,
          actor: actorFor(req),
          objectType: 'designation_stats',
          filter: { table, year, orgId: report.org.id },
        },
      );
    },
  );
}
