// The one list helper of every ledger: filters, full-text-ish search over named columns (the shared LIKE
// escaping), a sort whitelist (an unknown field is a 400), paging and the total, on Kysely.
// Shaped for a million rows (issue 8): the page is chosen on the row's key alone (a narrow query the
// sort's index can serve), its wide rows are then read by key, and the total is a separate count asked
// only when the page does not already tell it (a short page: offset + rows).
import { invalid } from '@baomi/domain';
import {
  type Expression,
  type ExpressionBuilder,
  type QueryExecutorProvider,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type StringReference,
  sql,
} from 'kysely';
import { likePattern } from './db.ts';

export interface Paging {
  limit: number;
  offset: number;
}

/**
 * One sortable field. `nulls`: 'last' keeps NULLs last in both directions; 'low' treats NULL as the
 * smallest value (first ascending, last descending); default is PostgreSQL's (NULL is the largest).
 */
export interface SortField {
  by: Expression<unknown>;
  nulls?: 'last' | 'low';
}

export interface SortChoice {
  field: string;
  desc: boolean;
}

/** `name` / `-name` (a leading minus is descending). */
export function parseSort(sort: string | undefined, fallback: string): SortChoice {
  const s = sort ?? fallback;
  return s.startsWith('-') ? { field: s.slice(1), desc: true } : { field: s, desc: false };
}

/** A name or title compared by its pinyin sort key, byte-wise, the same on PGlite and PostgreSQL. */
export function pinyinOrder(keyColumn: string): RawBuilder<string> {
  return sql<string>`${sql.ref(keyColumn)} COLLATE "C"`;
}

/**
 * Any of `columns` contains `text` (case-insensitive, its % _ \ taken literally); nothing when empty.
 * `grams`: a column holding `search_grams()` of those columns (migration 0020) — a text of two
 * characters or more is then looked up in its index first, and ILIKE keeps the true matches.
 */
export function searchIn<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  columns: readonly StringReference<DB, TB>[],
  text: string | undefined,
  grams?: StringReference<DB, TB>,
): Expression<SqlBool> | undefined {
  if (!text) return undefined;
  const pattern = likePattern(text);
  const like = sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`${sql.ref(c)} ILIKE ${pattern}`),
    sql` OR `,
  )})`;
  if (!grams || [...text].length < 2) return like;
  return sql<SqlBool>`(${sql.ref(grams)} @> search_grams(${text}::text) AND ${like})`;
}

export interface ListOptions<DB, TB extends keyof DB> {
  /** Filter conditions; undefined/false ones are skipped (an absent filter). */
  where?: (eb: ExpressionBuilder<DB, TB>) => (Expression<SqlBool> | undefined | false)[];
  /**
   * Disjoint alternatives a row must meet one of (e.g. the branches of a read rule, access-sql.ts
   * readBranches): each is queried as its own branch (UNION ALL), so each can use its own index where
   * one OR would force a scan. Their OR must equal the condition they stand for, and no row may meet two.
   */
  anyOf?: readonly Expression<SqlBool>[];
  sorts: Record<string, SortField>;
  sort: SortChoice;
  /** Tie-breakers after the sort field, ascending (e.g. the pinyin of the name, then the id). */
  tieBreak?: readonly Expression<unknown>[];
  /**
   * The row's key (unique in `base`, e.g. the primary key): the page is then chosen on the key, the sort
   * and the filters alone, and only its rows are read whole. Without it the page is read whole directly.
   */
  key?: Expression<unknown>;
  /**
   * The filters include one no index serves (a text search): the page is then chosen from one scan of
   * the matches, fenced from the sort's index — walking that index in sort order would fetch every row
   * at random to find a rare match (6.5 s instead of 1 s at 1M rows).
   */
  fullScan?: boolean;
  /**
   * The database the builders run on (`kdb(sql)`): with it a `fullScan` page takes its keys and the
   * total in one statement.
   */
  via?: QueryExecutorProvider;
  /** null: every row (exports), capped at `maxRows` when given. */
  paging: Paging | null;
  maxRows?: number;
  /**
   * Count at most this many matches (a trail of millions: counting 200k matching events took 0.3 s for a
   * number nobody pages through); beyond it the total is this cap and `totalAtLeast` is set.
   */
  countCap?: number;
}

/** SQL fragments one after the other (nothing for none). */
const concat = (xs: readonly RawBuilder<unknown>[]) => (xs.length ? sql.join(xs, sql``) : sql``);

const UNKNOWN_SORT = {
  code: 'invalid_sort',
  field: 'sort',
  zh: '不支持按该字段排序',
  en: 'The list cannot be sorted by this field',
};

/**
 * Runs `base` (FROM and joins) with the filters: the page of rows selected by `select`, and the
 * total number of matches (independent of the page). With a `key`, `select` may add the joins that
 * only the shown columns need: the page's keys and the count then run on `base` alone (on PostgreSQL 15
 * even a removable LEFT JOIN stops an index-only scan).
 */
export async function listPage<
  DB,
  TB extends keyof DB,
  O,
  R,
  DB2 = DB,
  TB2 extends keyof DB2 = TB & keyof DB2,
>(
  base: SelectQueryBuilder<DB, TB, O>,
  select: (qb: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB2, TB2, R>,
  opts: ListOptions<DB, TB>,
): Promise<{ items: R[]; total: number; totalAtLeast?: boolean }> {
  const field = Object.hasOwn(opts.sorts, opts.sort.field) ? opts.sorts[opts.sort.field] : undefined;
  if (!field) throw invalid(UNKNOWN_SORT);
  const filtered = opts.where
    ? base.where((eb) => {
        const conds = opts.where!(eb).filter((c): c is Expression<SqlBool> => Boolean(c));
        return eb.and(conds);
      })
    : base;
  // The query's branches: one, or one per alternative of `anyOf`.
  const branches = opts.anyOf?.length ? opts.anyOf.map((c) => filtered.where(c)) : [filtered];
  const dir = opts.sort.desc ? sql`DESC` : sql`ASC`;
  const nulls =
    field.nulls === 'last'
      ? sql` NULLS LAST`
      : field.nulls === 'low'
        ? opts.sort.desc
          ? sql` NULLS LAST`
          : sql` NULLS FIRST`
        : sql``;
  const ties = opts.tieBreak ?? [];
  const limit = opts.paging?.limit ?? opts.maxRows;
  const offset = opts.paging?.offset ?? 0;

  let items: R[];
  if (opts.key && opts.fullScan && opts.paging && opts.via) {
    // A search reads every match of each branch anyway: its count rides along as a window over the
    // branch's narrow matches, and the page's rows, whole, come in the same statement (D169): one round
    // trip, where the keys and counts, then the rows, were two.
    const keyOf = opts.key;
    const cols = () => [
      sql`${keyOf}`.as('__k'),
      sql`${field.by}`.as('__s'),
      ...ties.map((t, i) => sql`${t}`.as(`__t${i}`)),
    ];
    const tieCols = ties.map((_, i) => sql`, f.${sql.ref(`__t${i}`)}`);
    const upto = offset + opts.paging.limit;
    const parts = branches.map(
      (b, i) =>
        sql`SELECT f.*, ${sql.lit(i)} AS __b, count(*) OVER () AS __n FROM (${b
          .select(cols())
          .offset(0)}) f ORDER BY f.__s ${dir}${nulls}${concat(tieCols)} LIMIT ${upto}`,
    );
    const tieRefs = ties.map((_, i) => sql`, u.${sql.ref(`__t${i}`)}`);
    // The page's rows in its order (the sort again, over the page's rows only), with their rank.
    const rowOrder = [sql`${field.by} ${dir}${nulls}`, ...ties.map((t) => sql`${t}`)];
    const pageRows = select(base).select([
      sql`${keyOf}`.as('__key'),
      sql<number>`row_number() OVER (ORDER BY ${sql.join(rowOrder)})`.as('__rank'),
    ]);
    // The total is in every row; a page past the end is one row with the total and no columns of a row.
    const res = await sql<Record<string, unknown> & { __total: number | string; __key: unknown }>`
      WITH r AS (
        SELECT u.__k, u.__b, u.__n, row_number() OVER (ORDER BY u.__s ${dir}${nulls}${concat(tieRefs)}) AS __r
        FROM (${sql.join(
          parts.map((p) => sql`(${p})`),
          sql` UNION ALL `,
        )}) u
      ),
      t AS (SELECT coalesce(sum(d.__n), 0) AS __total FROM (SELECT DISTINCT __b, __n FROM r) d)
      SELECT t.__total, w.* FROM t
      LEFT JOIN (${pageRows.where(sql<SqlBool>`${keyOf} = ANY(ARRAY(SELECT __k FROM r WHERE __r > ${offset} AND __r <= ${upto}))`)}) w ON true
      ORDER BY w.__rank`.execute(opts.via);
    const total = Number(res.rows[0]?.__total ?? 0);
    const found = res.rows
      .filter((r) => r.__key !== null && r.__key !== undefined)
      .map(({ __total: _t, __key: _k, __rank: _r, ...row }) => row as R);
    // The same answer as a capped count would give (the count was free here, the cap keeps it alike).
    if (opts.countCap !== undefined && total > opts.countCap)
      return { items: found, total: Math.max(opts.countCap, offset + found.length), totalAtLeast: true };
    return { items: found, total };
  }
  if (opts.key && (opts.paging || branches.length > 1)) {
    // The page's keys: only the key, the sort and the tie-breakers leave each branch (ordered and cut
    // there, so each walks its own index), then the branches' pages merge into the page.
    const keyOf = opts.key;
    const cols = () => [
      sql`${keyOf}`.as('__k'),
      sql`${field.by}`.as('__s'),
      ...ties.map((t, i) => sql`${t}`.as(`__t${i}`)),
    ];
    const parts = branches.map((b) => {
      if (opts.fullScan) {
        // OFFSET 0 keeps the branch a subquery of its own: planned without the outer order, it scans.
        const tieCols = ties.map((_, i) => sql`, f.${sql.ref(`__t${i}`)}`);
        return sql`SELECT * FROM (${b.select(cols()).offset(0)}) f ORDER BY f.__s ${dir}${nulls}${concat(tieCols)}${
          limit !== undefined ? sql` LIMIT ${offset + limit}` : sql``
        }`;
      }
      let q = b.select(cols()).orderBy(sql`${field.by} ${dir}${nulls}`);
      for (const t of ties) q = q.orderBy(t);
      if (limit !== undefined) q = q.limit(offset + limit);
      return q;
    });
    const merged = sql`${sql.join(
      parts.map((p) => sql`(${p})`),
      sql` UNION ALL `,
    )}`;
    const tieRefs = ties.map((_, i) => sql`u.${sql.ref(`__t${i}`)}`);
    const pageKeys = sql`SELECT u.__k FROM (${merged}) u ORDER BY u.__s ${dir}${nulls}${concat(
      tieRefs.map((t) => sql`, ${t}`),
    )}${limit !== undefined ? sql` LIMIT ${limit}` : sql``}${offset ? sql` OFFSET ${offset}` : sql``}`;
    // Their rows, whole, in the page's order (the sort again over the page's rows only).
    let rows = select(base)
      .where(sql<SqlBool>`${keyOf} IN (${pageKeys})`)
      .orderBy(sql`${field.by} ${dir}${nulls}`);
    for (const t of ties) rows = rows.orderBy(t);
    items = (await rows.execute()) as R[];
  } else {
    // One query over every row the filters and the alternatives admit: a single branch is that branch
    // (never `filtered` alone — that would drop the read rule of `anyOf`), several are their OR.
    const whole =
      branches.length === 1
        ? branches[0]!
        : filtered.where(sql<SqlBool>`(${sql.join(opts.anyOf ?? [], sql` OR `)})`);
    let rows = select(whole).orderBy(sql`${field.by} ${dir}${nulls}`);
    for (const t of ties) rows = rows.orderBy(t);
    if (limit !== undefined) rows = rows.limit(limit);
    if (offset) rows = rows.offset(offset);
    items = (await rows.execute()) as R[];
  }

  // 3. The total: a short page (or an export under its cap) tells it; otherwise one count per branch.
  const short = limit === undefined || items.length < limit;
  if (short && (items.length > 0 || offset === 0)) return { items, total: offset + items.length };
  let total = 0;
  const cap = opts.countCap;
  for (const b of branches) {
    if (cap === undefined) {
      const n = await b.select(sql<string>`count(*)`.as('n')).executeTakeFirst();
      total += Number((n as { n?: unknown } | undefined)?.n ?? 0);
      continue;
    }
    // Reads at most cap + 1 matches (one constant column each) and stops.
    const seen = await b
      .select(sql<number>`1`.as('one'))
      .limit(cap + 1 - total)
      .execute();
    total += seen.length;
    if (total > cap) return { items, total: Math.max(cap, offset + items.length), totalAtLeast: true };
  }
  return { items, total };
}
