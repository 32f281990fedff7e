// R-DES-09: who sees which yearly statistics, and the tables in the shape the API and the export use.
// An organisation's secrecy officer, designators and leaders see its table, one row per department;
// every user of a secrecy bureau sees the roll-up of the organisations below it (the bureau itself or a
// supervised secrecy bureau: one row per organisation of that subtree; a supervised unit: that unit's
// departments). Any other organisation's id answers 404, never revealing that it exists.
import { type BusinessRole, forbidden, notFound, type StateSecretLevel } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { getOrg, type Org, subtreeIds } from '../orgs/queries.ts';
import { type Caller, callerOrg, ORG, todayInChina } from './common.ts';
import {
  queryStats,
  STATS_COLUMNS,
  STATS_TITLES,
  type StatsColumn,
  type StatsDbRow,
  type StatsGrouping,
  type StatsTable,
} from './stats.queries.ts';

const STATS_ROLES: readonly BusinessRole[] = ['secrecy_officer', 'designator', 'leader'];
const LEVELS: readonly StateSecretLevel[] = ['top_secret', 'secret', 'confidential'];

export type Counts = Record<string, number>;

export interface StatsRow {
  /** The department or organisation; null for the items without a department, and for the total. */
  id: string | null;
  name: string;
  kind: 'department' | 'organisation' | 'unassigned' | 'total';
  counts: Counts;
  /** Table c only: the counts under each level of the item just before the event. */
  byLevel?: Record<StateSecretLevel, Counts>;
}

export interface StatsReport {
  table: StatsTable;
  title: { zh: string; en: string };
  year: number;
  org: { id: string; name: string; kind: Org['kind'] };
  grouping: StatsGrouping;
  columns: readonly StatsColumn[];
  rows: StatsRow[];
  total: StatsRow;
}

/** R-DES-09: the year reported by default — the year before (reported by the end of February). */
export const defaultStatsYear = (today = todayInChina()) => Number(today.slice(0, 4)) - 1;

/** Which organisations and grouping the caller may see for `orgId` (default: his own organisation). */
export async function statsScope(
  sql: Sql,
  caller: Caller,
  orgId: string | undefined,
): Promise<{ org: Org; grouping: StatsGrouping; orgIds: string[] }> {
  const own = await callerOrg(sql, caller);
  if (own.kind === 'secrecy_bureau') {
    const visible = await subtreeIds(sql, own.id);
    const target = orgId ?? own.id;
    if (!visible.includes(target)) throw notFound(ORG, 'orgId');
    const org = target === own.id ? own : (await getOrg(sql, target))!;
    return org.kind === 'secrecy_bureau'
      ? { org, grouping: 'organisation', orgIds: target === own.id ? visible : await subtreeIds(sql, org.id) }
      : { org, grouping: 'department', orgIds: [org.id] };
  }
  if (!caller.roles.some((r) => STATS_ROLES.includes(r)))
    throw forbidden({
      code: 'forbidden',
      rule: 'R-SYS-01',
      zh: '当前角色无权查看定密工作年度统计表：限保密员、定密责任人、单位领导，或保密行政管理部门人员',
      en: 'Your role may not view the yearly designation statistics: secrecy officers, designators, leaders, or a secrecy bureau',
    });
  if (orgId !== undefined && orgId !== own.id) throw notFound(ORG, 'orgId');
  return { org: own, grouping: 'department', orgIds: [own.id] };
}

const zero = (table: StatsTable): Counts => Object.fromEntries(STATS_COLUMNS[table].map((c) => [c.key, 0]));
const countsOf = (table: StatsTable, r: StatsDbRow): Counts =>
  Object.fromEntries(STATS_COLUMNS[table].map((c) => [c.key, Number(r[c.key] ?? 0)]));

function rowOf(grouping: StatsGrouping, r: StatsDbRow): Omit<StatsRow, 'counts'> {
  if (r.isTotal) return { id: null, name: '合计', kind: 'total' };
  if (r.id === null) return { id: null, name: '（未填部门）', kind: 'unassigned' };
  return { id: r.id, name: r.name ?? '', kind: grouping };
}

/** R-DES-09: one yearly table for the caller (rows + total), after the visibility check. */
export async function statsReport(
  sql: Sql,
  caller: Caller,
  table: StatsTable,
  year: number,
  orgId: string | undefined,
): Promise<StatsReport> {
  const scope = await statsScope(sql, caller, orgId);
  const dbRows = await queryStats(sql, table, year, scope);
  const rows: StatsRow[] = [];
  let total: StatsRow | null = null;
  if (table !== 'changes') {
    for (const r of dbRows) {
      const row = { ...rowOf(scope.grouping, r), counts: countsOf(table, r) };
      if (row.kind === 'total') total = row;
      else rows.push(row);
    }
  } else {
    // Lines per (group, level), per group (all levels), per level (total) and the grand total.
    const byKey = new Map<string, StatsRow>();
    for (const r of dbRows) {
      const key = r.isTotal ? 'total' : (r.id ?? 'unassigned');
      let row = byKey.get(key);
      if (!row) {
        row = {
          ...rowOf(scope.grouping, r),
          counts: zero(table),
          byLevel: Object.fromEntries(LEVELS.map((l) => [l, zero(table)])) as Record<
            StateSecretLevel,
            Counts
          >,
        };
        byKey.set(key, row);
        if (row.kind === 'total') total = row;
        else rows.push(row);
      }
      if (r.levelTotal) row.counts = countsOf(table, r);
      else if (r.level) row.byLevel![r.level] = countsOf(table, r);
    }
  }
  return {
    table,
    title: STATS_TITLES[table],
    year,
    org: { id: scope.org.id, name: scope.org.name, kind: scope.org.kind },
    grouping: scope.grouping,
    columns: STATS_COLUMNS[table],
    rows,
    total: total ?? { id: null, name: '合计', kind: 'total', counts: zero(table) },
  };
}
