// The one list helper of every ledger: filters, full-text-ish search over named columns (the shared LIKE
// escaping), a sort whitelist (an unknown field is a 400), paging and the total, on Kysely.
import { invalid } from '@baomi/domain';
import {
  type Expression,
  type ExpressionBuilder,
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

/** Any of `columns` contains `text` (case-insensitive, its % _ \ taken literally); nothing when empty. */
export function searchIn<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  columns: readonly StringReference<DB, TB>[],
  text: string | undefined,
): Expression<SqlBool> | undefined {
  if (!text) return undefined;
  const pattern = likePattern(text);
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`${sql.ref(c)} ILIKE ${pattern}`),
    sql` OR `,
  )})`;
}

export interface ListOptions<DB, TB extends keyof DB> {
  /** Filter conditions; undefined/false ones are skipped (an absent filter). */
  where?: (eb: ExpressionBuilder<DB, TB>) => (Expression<SqlBool> | undefined | false)[];
  sorts: Record<string, SortField>;
  sort: SortChoice;
  /** Tie-breakers after the sort field, ascending (e.g. the pinyin of the name, then the id). */
  tieBreak?: readonly Expression<unknown>[];
  /** null: every row (exports), capped at `maxRows` when given. */
  paging: Paging | null;
  maxRows?: number;
}

const UNKNOWN_SORT = {
  code: 'invalid_sort',
  field: 'sort',
  zh: '不支持按该字段排序',
  en: 'The list cannot be sorted by this field',
};

/**
 * Runs `base` (FROM and joins) with the filters: the page of rows selected by `select`, and the
 * total number of matches (independent of the page).
 */
export async function listPage<DB, TB extends keyof DB, O, R>(
  base: SelectQueryBuilder<DB, TB, O>,
  select: (qb: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
  opts: ListOptions<DB, TB>,
): Promise<{ items: R[]; total: number }> {
  const field = Object.hasOwn(opts.sorts, opts.sort.field) ? opts.sorts[opts.sort.field] : undefined;
  if (!field) throw invalid(UNKNOWN_SORT);
  const filtered = opts.where
    ? base.where((eb) => {
        const conds = opts.where!(eb).filter((c): c is Expression<SqlBool> => Boolean(c));
        return eb.and(conds);
      })
    : base;
  const dir = opts.sort.desc ? sql`DESC` : sql`ASC`;
  const nulls =
    field.nulls === 'last'
      ? sql` NULLS LAST`
      : field.nulls === 'low'
        ? opts.sort.desc
          ? sql` NULLS LAST`
          : sql` NULLS FIRST`
        : sql``;
  // One statement: the page and, beside each row, the total (a window count). Only a page past the
  // end (no rows) asks for the total separately.
  let rows = select(filtered)
    .select(sql<number>`count(*) OVER ()`.as('__total'))
    .orderBy(sql`${field.by} ${dir}${nulls}`);
  for (const t of opts.tieBreak ?? []) rows = rows.orderBy(t);
  if (opts.paging) rows = rows.limit(opts.paging.limit).offset(opts.paging.offset);
  else if (opts.maxRows) rows = rows.limit(opts.maxRows);
  const found = (await rows.execute()) as (R & { __total?: number })[];
  let total = Number(found[0]?.__total ?? 0);
  if (found.length === 0 && opts.paging && opts.paging.offset > 0) {
    const n = await filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
    total = Number((n as { n?: number } | undefined)?.n ?? 0);
  }
  const items = found.map(({ __total: _t, ...r }) => r as R);
  return { items, total };
}
