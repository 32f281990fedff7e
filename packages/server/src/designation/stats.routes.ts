// HTTP for the yearly designation statistics (R-DES-09): the three tables as JSON, and each as an
// Excel/CSV file through the one export mechanism (sendLedger: audited before the file leaves).
import { LEVEL_LABELS, type StateSecretLevel } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { enumOf, int, object, uuid } from '../http/schemas.ts';
import { callerOf } from './common.ts';
import { statsPolicy } from './stats.policy.ts';
import { STATS_TABLES, type StatsTable } from './stats.queries.ts';
import { defaultStatsYear, type StatsRow, statsReport } from './stats.service.ts';

const tags = ['designation'];
const params = object({ table: enumOf(STATS_TABLES) }, ['table']);
const filter = { year: int(1, 9998), orgId: uuid };

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

export default async function statsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get<{ Params: { table: StatsTable }; Querystring: { year?: number; orgId?: string } }>(
    '/stats/:table',
    {
      preValidation: guard(statsPolicy, 'read'),
      schema: {
        tags,
        summary: '定密工作年度统计表 Yearly designation statistics (produced | involved | changes)',
        params,
        querystring: object(filter),
      },
    },
    async (req) =>
      statsReport(db, callerOf(req), req.params.table, req.query.year ?? defaultStatsYear(), req.query.orgId),
  );

  app.get<{
    Params: { table: StatsTable };
    Querystring: { year?: number; orgId?: string; format?: 'xlsx' | 'csv' };
  }>(
    '/stats/:table/export',
    {
      preValidation: guard(statsPolicy, 'export'),
      schema: {
        tags,
        summary: '导出定密工作年度统计表 Export a yearly designation table',
        params,
        querystring: object({ ...filter, format: enumOf(['xlsx', 'csv']) }),
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
