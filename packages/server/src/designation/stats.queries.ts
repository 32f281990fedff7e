// raw SQL: the yearly statistics are one grouped statement per table.
// R-DES-09: the three yearly designation statistics (定密工作年度统计), one SQL statement per table.
//
// Every day below is a China day (Asia/Shanghai); year Y runs from Y-01-01 00:00 to Y+1-01-01 00:00 China
// time. Terms used by the column definitions:
//
//  - designated: an item with approved_at set (status 'approved' or 'released'; drafts, items in review,
//    returned, escalated, unclear and withdrawn matters are never counted). designated_on = the China day
//    of approved_at. Items decided by a superior after escalation (R-DES-07) count for the unit whose
//    matter and ledger they are (designation_item.org_id).
//  - change decision: an approved designation_change of kind 'change' or 'extend'; its day is the China
//    day of decided_at. Changes still pending, returned, rejected, withdrawn or too late are not counted.
//  - designated level: the level the designator approved = the `before.level` of the item's first change
//    decision, else the item's present level (later changes never rewrite a past year's report).
//  - level on day D: the `after.level` of the item's last change decision decided on or before D, else
//    the `before.level` of its first change decision after D, else its present level.
//  - released_on: the first day the item is no longer secret (R-LVL-02, D13). Early release (解除 by a
//    decision: an approved designation_change of kind 'release'): the China day of released_at. Automatic
//    release at the end of the period (the daily job, R-DES-08): the item's release_date (so a job that
//    ran late still reports the legal day), falling back to the China day of released_at. NULL while the
//    item is not released (status 'released' is the only released state).
//  - in force during Y: designated_on ≤ Y-12-31 and (released_on IS NULL or released_on ≥ Y-01-01).
//    An item released on Y-01-01 is therefore counted in Y (its release is reported in Y's table c), so
//    the report identities hold: 涉及(Y) = 产生(Y) + 上年结转(Y), and
//    上年结转(Y+1) = 涉及(Y) − 解除(Y) (for the same organisation).
//
// Rows: one per department of the organisation (every department, zero rows included; items without a
// department in one extra row with id NULL), or — for a secrecy bureau's roll-up — one per organisation
// of its subtree; plus the total (GROUP BY ROLLUP / GROUPING SETS, GROUPING() marks the total).
import type { StateSecretLevel } from '@baomi/domain';
import type { Sql } from '../db/db.ts';

export const STATS_TABLES = ['produced', 'involved', 'changes'] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

/** Rows per department of one organisation, or per organisation of a bureau's subtree. */
export type StatsGrouping = 'department' | 'organisation';

export interface StatsColumn {
  key: string;
  zh: string;
  en: string;
}

export const STATS_TITLES: Record<StatsTable, { zh: string; en: string }> = {
  produced: { zh: '产生国家秘密情况年度统计表', en: 'State secrets produced in the year' },
  involved: { zh: '涉及国家秘密情况年度统计表', en: 'State secrets held during the year' },
  changes: { zh: '密级变更和解密情况统计表', en: 'Changes and releases in the year' },
};

// The columns of each table, in the order printed. The comment on each is its exact definition.
export const STATS_COLUMNS: Record<StatsTable, readonly StatsColumn[]> = {
  // R-DES-09 (a) 产生国家秘密情况年度统计表: items designated in Y (designated_on in Y).
  produced: [
    // total: every item designated in Y.
    { key: 'total', zh: '合计', en: 'Total' },
    // topSecret / secret / confidential: of those, by designated level (绝密 / 机密 / 秘密).
    { key: 'topSecret', zh: '绝密', en: 'Top secret' },
    { key: 'secret', zh: '机密', en: 'Secret' },
    { key: 'confidential', zh: '秘密', en: 'Confidential' },
    // original / derived: of those, by origin (原始定密 / 派生定密, R-DES-01); original + derived = total.
    { key: 'original', zh: '原始定密', en: 'Original' },
    { key: 'derived', zh: '派生定密', en: 'Derived' },
  ],
  // R-DES-09 (b) 涉及国家秘密情况年度统计表: items in force during Y (see above).
  involved: [
    // total: every item in force during Y.
    { key: 'total', zh: '合计', en: 'Total' },
    // topSecret / secret / confidential: of those, by level on Y-12-31 (an item released during Y keeps
    // the level it had when released: released items cannot change).
    { key: 'topSecret', zh: '绝密', en: 'Top secret' },
    { key: 'secret', zh: '机密', en: 'Secret' },
    { key: 'confidential', zh: '秘密', en: 'Confidential' },
    // produced: of those, designated in Y (= table a's total).
    { key: 'produced', zh: '本年产生', en: 'Produced this year' },
    // carriedOver: of those, designated before Y-01-01 (上年结转); produced + carriedOver = total.
    { key: 'carriedOver', zh: '上年结转', en: 'Carried over' },
    // inForceAtYearEnd: of those, still secret on Y-12-31 (released_on IS NULL or released_on > Y-12-31).
    { key: 'inForceAtYearEnd', zh: '年末在保', en: 'In force at year end' },
  ],
  // R-DES-09 (c) 密级变更和解密情况统计表: change decisions and releases in Y, each counted under the
  // item's level just before it (byLevel), and over all levels. One decision that changes several
  // things counts in each column it touches; `changes` counts decisions.
  changes: [
    // changes: change decisions decided in Y.
    { key: 'changes', zh: '变更决定', en: 'Change decisions' },
    // levelRaised / levelLowered: decisions whose after.level ranks above / below before.level.
    { key: 'levelRaised', zh: '密级提高', en: 'Level raised' },
    { key: 'levelLowered', zh: '密级降低', en: 'Level lowered' },
    // periodExtended: decisions whose period differs (before.period ≠ after.period) and whose release
    // day moves later (长期 counts as never released), or — for an extension (kind 'extend') to or from
    // a condition, where no day follows — every extension.
    { key: 'periodExtended', zh: '期限延长', en: 'Period extended' },
    // periodShortened: decisions whose period differs and whose release day moves earlier.
    { key: 'periodShortened', zh: '期限缩短', en: 'Period shortened' },
    // periodOther: decisions whose period differs but neither of the two above (a change to or from a
    // condition outside an extension, or another period with the same release day).
    { key: 'periodOther', zh: '期限其他变更', en: 'Period otherwise changed' },
    // scopeChanged: decisions whose knowledge scope differs as sets (people, departments, positions).
    { key: 'scopeChanged', zh: '知悉范围变更', en: 'Scope changed' },
    // released: items whose released_on falls in Y (= releasedAutomatic + releasedEarly).
    { key: 'released', zh: '解除合计', en: 'Released' },
    // releasedAutomatic: of those, released at the end of the period (no approved release decision).
    { key: 'releasedAutomatic', zh: '到期自动解除', en: 'Released at period end' },
    // releasedEarly: of those, released early by an approved release decision (提前解除).
    { key: 'releasedEarly', zh: '提前解除', en: 'Released early' },
  ],
};

export interface StatsScope {
  grouping: StatsGrouping;
  /** The organisations whose items count: one for 'department', the bureau's subtree for 'organisation'. */
  orgIds: readonly string[];
}

export interface StatsDbRow {
  isTotal: boolean;
  id: string | null;
  name: string | null;
  /** Table c only: the level of the line; NULL on the all-levels lines. */
  level?: StateSecretLevel | null;
  levelTotal?: boolean;
  [count: string]: unknown;
}

const RANK = (e: string) => `array_position(ARRAY['confidential','secret','top_secret'], ${e})`;

/** Year bounds as China instants and days ($1 = the year). */
const BOUNDS = `bounds AS (
  SELECT make_timestamptz($1::int, 1, 1, 0, 0, 0, 'Asia/Shanghai') AS t0,
         make_timestamptz($1::int + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai') AS t1,
         make_date($1::int, 1, 1) AS d0, make_date($1::int, 12, 31) AS d1)`;

/** The rows' keys ($2 = the organisations), and the item's key column. */
function keyed(grouping: StatsGrouping): { keys: string; key: string } {
  return grouping === 'department'
    ? {
        keys: 'keys AS (SELECT id, name FROM department WHERE org_id = ANY($2::uuid[]))',
        key: 'i.department_id',
      }
    : { keys: 'keys AS (SELECT id, name FROM org WHERE id = ANY($2::uuid[]))', key: 'i.org_id' };
}

/** released_on (see above) of item `i`, as a LATERAL column `r.released_on`; `r.early` = by decision. */
const RELEASED_ON = `LATERAL (
  SELECT CASE WHEN e.early THEN (i.released_at AT TIME ZONE 'Asia/Shanghai')::date
              ELSE coalesce(i.release_date, (i.released_at AT TIME ZONE 'Asia/Shanghai')::date) END AS released_on,
         e.early
    FROM (SELECT i.released_at IS NOT NULL AND EXISTS (
            SELECT 1 FROM designation_change rc
             WHERE rc.item_id = i.id AND rc.kind = 'release' AND rc.status = 'approved') AS early) e
   WHERE i.released_at IS NOT NULL) r ON true`;

/** The first day no longer secret that a period gives (domain releaseDate); 'infinity' for 长期, NULL for a condition. */
function releaseDay(period: string, level: string, issue = 'i.issue_date'): string {
  return `(CASE ${period}->>'kind'
      WHEN 'years' THEN (${issue} + make_interval(years => (${period}->>'n')::int))::date + 1
      WHEN 'months' THEN (${issue} + make_interval(months => (${period}->>'n')::int))::date + 1
      WHEN 'days' THEN ${issue} + (${period}->>'n')::int + 1
      WHEN 'date' THEN (${period}->>'date')::date
      WHEN 'default' THEN (${issue} + make_interval(years => CASE ${level} WHEN 'top_secret' THEN 30
                                                   WHEN 'secret' THEN 20 ELSE 10 END))::date + 1
      WHEN 'indefinite' THEN 'infinity'::date END)`;
}

const COUNTS: Record<Exclude<StatsTable, 'changes'>, string> = {
  produced: `count(x.level)::int AS total,
    count(x.level) FILTER (WHERE x.level = 'top_secret')::int AS "topSecret",
    count(x.level) FILTER (WHERE x.level = 'secret')::int AS secret,
    count(x.level) FILTER (WHERE x.level = 'confidential')::int AS confidential,
    count(x.level) FILTER (WHERE x.origin = 'original')::int AS original,
    count(x.level) FILTER (WHERE x.origin = 'derived')::int AS derived`,
  involved: `count(x.level)::int AS total,
    count(x.level) FILTER (WHERE x.level = 'top_secret')::int AS "topSecret",
    count(x.level) FILTER (WHERE x.level = 'secret')::int AS secret,
    count(x.level) FILTER (WHERE x.level = 'confidential')::int AS confidential,
    count(x.level) FILTER (WHERE x.produced)::int AS produced,
    count(x.level) FILTER (WHERE NOT x.produced)::int AS "carriedOver",
    count(x.level) FILTER (WHERE x.at_year_end)::int AS "inForceAtYearEnd"`,
};

/** R-DES-09 (a): the SQL of 产生国家秘密情况年度统计表 ($1 year, $2 organisations). */
export function producedSql(grouping: StatsGrouping): string {
  const { keys, key } = keyed(grouping);
  return `WITH ${BOUNDS}, ${keys},
  -- Only the year's items need their first change (the rest are never joined below).
  first_change AS (
    SELECT DISTINCT ON (c.item_id) c.item_id, c.before->>'level' AS level
      FROM designation_change c JOIN designation_item i ON i.id = c.item_id CROSS JOIN bounds b
     WHERE c.status = 'approved' AND c.kind <> 'release' AND i.org_id = ANY($2::uuid[])
       AND i.approved_at >= b.t0 AND i.approved_at < b.t1
     ORDER BY c.item_id, c.decided_at, c.id),
  x AS (
    SELECT ${key} AS k, i.origin, coalesce(f.level, i.level) AS level
      FROM designation_item i CROSS JOIN bounds b LEFT JOIN first_change f ON f.item_id = i.id
     WHERE i.org_id = ANY($2::uuid[]) AND i.approved_at >= b.t0 AND i.approved_at < b.t1)
  SELECT GROUPING(k.id) = 1 AS "isTotal", k.id, k.name, ${COUNTS.produced}
    FROM keys k FULL JOIN x ON x.k = k.id
   GROUP BY ROLLUP ((k.id, k.name))
   ORDER BY GROUPING(k.id), k.name NULLS LAST, k.id`;
}

/** R-DES-09 (b): the SQL of 涉及国家秘密情况年度统计表 ($1 year, $2 organisations). */
export function involvedSql(grouping: StatsGrouping): string {
  const { keys, key } = keyed(grouping);
  return `WITH ${BOUNDS}, ${keys},
  lv AS (
    SELECT c.item_id,
           (array_agg(c.after->>'level' ORDER BY c.decided_at DESC, c.id DESC) FILTER (WHERE c.decided_at < b.t1))[1]
             AS at_end,
           (array_agg(c.before->>'level' ORDER BY c.decided_at, c.id) FILTER (WHERE c.decided_at >= b.t1))[1]
             AS later_before
      FROM designation_change c JOIN designation_item i ON i.id = c.item_id CROSS JOIN bounds b
     WHERE c.status = 'approved' AND c.kind <> 'release' AND i.org_id = ANY($2::uuid[]) AND i.approved_at < b.t1
     GROUP BY c.item_id),
  x AS (
    SELECT ${key} AS k, coalesce(lv.at_end, lv.later_before, i.level) AS level, i.approved_at >= b.t0 AS produced,
           (r.released_on IS NULL OR r.released_on > b.d1) AS at_year_end
      FROM designation_item i CROSS JOIN bounds b
      LEFT JOIN ${RELEASED_ON}
      LEFT JOIN lv ON lv.item_id = i.id
     WHERE i.org_id = ANY($2::uuid[]) AND i.approved_at < b.t1
       AND (r.released_on IS NULL OR r.released_on >= b.d0))
  SELECT GROUPING(k.id) = 1 AS "isTotal", k.id, k.name, ${COUNTS.involved}
    FROM keys k FULL JOIN x ON x.k = k.id
   GROUP BY ROLLUP ((k.id, k.name))
   ORDER BY GROUPING(k.id), k.name NULLS LAST, k.id`;
}

/** R-DES-09 (c): the SQL of 密级变更和解密情况统计表 ($1 year, $2 organisations). */
export function changesSql(grouping: StatsGrouping): string {
  const { keys, key } = keyed(grouping);
  const before = releaseDay("c.before->'period'", "c.before->>'level'");
  const after = releaseDay("c.after->'period'", "c.after->>'level'");
  return `WITH ${BOUNDS}, ${keys},
  ch AS (
    SELECT ${key} AS k, c.kind, c.before->>'level' AS level,
           ${RANK("c.after->>'level'")} - ${RANK("c.before->>'level'")} AS level_move,
           (c.before->'period') <> (c.after->'period') AS period_changed,
           ${before} AS rel_before, ${after} AS rel_after,
           NOT ((c.before->'knowScope') @> (c.after->'knowScope') AND (c.after->'knowScope') @> (c.before->'knowScope'))
             AS scope_changed
      FROM designation_change c JOIN designation_item i ON i.id = c.item_id CROSS JOIN bounds b
     WHERE c.status = 'approved' AND c.kind IN ('change', 'extend') AND i.org_id = ANY($2::uuid[])
       AND c.decided_at >= b.t0 AND c.decided_at < b.t1),
  ev AS (
    SELECT k, level, true AS is_change, level_move > 0 AS raised, level_move < 0 AS lowered,
           period_changed AND coalesce(rel_after > rel_before,
                                       kind = 'extend' AND (rel_after IS NULL OR rel_before IS NULL)) AS extended,
           period_changed AND coalesce(rel_after < rel_before, false) AS shortened,
           period_changed, scope_changed, false AS is_release, false AS early
      FROM ch
    UNION ALL
    SELECT ${key}, i.level, false, false, false, false, false, false, false, true, r.early
      FROM designation_item i CROSS JOIN bounds b JOIN ${RELEASED_ON}
     WHERE i.org_id = ANY($2::uuid[]) AND i.released_at IS NOT NULL AND r.released_on BETWEEN b.d0 AND b.d1)
  SELECT GROUPING(k.id) = 1 AS "isTotal", k.id, k.name, GROUPING(ev.level) = 1 AS "levelTotal", ev.level,
         count(*) FILTER (WHERE ev.is_change)::int AS changes,
         count(*) FILTER (WHERE ev.raised)::int AS "levelRaised",
         count(*) FILTER (WHERE ev.lowered)::int AS "levelLowered",
         count(*) FILTER (WHERE ev.extended)::int AS "periodExtended",
         count(*) FILTER (WHERE ev.shortened)::int AS "periodShortened",
         count(*) FILTER (WHERE ev.period_changed AND NOT ev.extended AND NOT ev.shortened)::int AS "periodOther",
         count(*) FILTER (WHERE ev.scope_changed)::int AS "scopeChanged",
         count(*) FILTER (WHERE ev.is_release)::int AS released,
         count(*) FILTER (WHERE ev.is_release AND NOT ev.early)::int AS "releasedAutomatic",
         count(*) FILTER (WHERE ev.is_release AND ev.early)::int AS "releasedEarly"
    FROM keys k FULL JOIN ev ON ev.k = k.id
   GROUP BY GROUPING SETS ((k.id, k.name, ev.level), (k.id, k.name), (ev.level), ())
   ORDER BY GROUPING(k.id), k.name NULLS LAST, k.id, GROUPING(ev.level), ev.level`;
}

const SQL: Record<StatsTable, (g: StatsGrouping) => string> = {
  produced: producedSql,
  involved: involvedSql,
  changes: changesSql,
};

export async function queryStats(
  sql: Sql,
  table: StatsTable,
  year: number,
  scope: StatsScope,
): Promise<StatsDbRow[]> {
  const { rows } = await sql.query<StatsDbRow>(SQL[table](scope.grouping), [year, scope.orgIds]);
  return rows;
}
