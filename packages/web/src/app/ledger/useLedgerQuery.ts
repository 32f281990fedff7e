// A ledger's filters, search, sort and page kept in the address's query string, so back/forward,
// reload and a shared link show the same list. Values are strings as in the URL; the page turns
// them into what its list API takes.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

export type SortOrder = 'asc' | 'desc';

export interface LedgerSort {
  field: string;
  order: SortOrder;
}

export interface LedgerQuery<K extends string> {
  /** The filters in force (absent ones undefined). */
  filters: Record<K, string | undefined>;
  /** Whether any filter is in force: an empty page then says "no match". */
  filtered: boolean;
  /** Sets one filter (undefined or '' removes it) and goes back to the first page. */
  setFilter: (name: K, value: string | number | null | undefined) => void;
  /** Puts these filters in force in place of all others (a filter form's submit). */
  setFilters: (values: Partial<Record<K, string | undefined>>) => void;
  /** Removes every filter (the sort and page size stay). */
  reset: () => void;
  /** The sort the user chose, or undefined for the list's default order. */
  sort: LedgerSort | undefined;
  setSort: (sort: LedgerSort | undefined) => void;
  page: number;
  pageSize: number;
  setPage: (page: number, pageSize: number) => void;
}

/**
 * `prefix` keeps two ledgers of one page apart (e.g. `p.` for the people table inside another
 * page); the page's own parameters (e.g. a selected tab) are left untouched.
 */
export function useLedgerQuery<K extends string>(
  names: readonly K[],
  { prefix = '', pageSize: defaultSize = 20 }: { prefix?: string; pageSize?: number } = {},
): LedgerQuery<K> {
  const [params, setParams] = useSearchParams();
  const key = (n: string) => `${prefix}${n}`;
  // Each change starts from the address as it is now, not from `prev`: react-router hands its function
  // the parameters of the last render, and renders a navigation in a transition, so a second click
  // before that render (a reset, then a sort, on a busy machine) would bring back what the first
  // removed. BrowserRouter (main.tsx) writes the address at once (history.pushState).
  const update = useCallback(
    (change: (p: URLSearchParams) => void) => {
      const p = new URLSearchParams(window.location.search);
      change(p);
      setParams(p, { replace: false });
    },
    [setParams],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: names and prefix are fixed per ledger
  return useMemo(() => {
    const filters = Object.fromEntries(names.map((n) => [n, params.get(key(n)) || undefined])) as Record<
      K,
      string | undefined
    >;
    const sortField = params.get(key('sort'));
    const order = params.get(key('order'));
    const page = Math.max(1, Number(params.get(key('page'))) || 1);
    const pageSize = Number(params.get(key('size'))) || defaultSize;
    return {
      filters,
      filtered: names.some((n) => filters[n] !== undefined),
      setFilter: (name, value) =>
        update((p) => {
          if (value === undefined || value === null || value === '') p.delete(key(name));
          else p.set(key(name), String(value));
          p.delete(key('page'));
        }),
      setFilters: (values) =>
        update((p) => {
          for (const n of names) {
            const v = values[n];
            if (v) p.set(key(n), v);
            else p.delete(key(n));
          }
          p.delete(key('page'));
        }),
      reset: () =>
        update((p) => {
          for (const n of names) p.delete(key(n));
          p.delete(key('page'));
        }),
      sort: sortField ? { field: sortField, order: order === 'asc' ? 'asc' : 'desc' } : undefined,
      setSort: (s) =>
        update((p) => {
          if (s) {
            p.set(key('sort'), s.field);
            p.set(key('order'), s.order);
          } else {
            p.delete(key('sort'));
            p.delete(key('order'));
          }
          p.delete(key('page'));
        }),
      page,
      pageSize,
      setPage: (pg, size) =>
        update((p) => {
          if (pg > 1) p.set(key('page'), String(pg));
          else p.delete(key('page'));
          if (size !== defaultSize) p.set(key('size'), String(size));
          else p.delete(key('size'));
        }),
    };
  }, [params, update, defaultSize]);
}

/** What the table needs of a ledger query (the filters themselves are the page's). */
export type LedgerState = Pick<
  LedgerQuery<string>,
  'filtered' | 'reset' | 'sort' | 'setSort' | 'page' | 'pageSize' | 'setPage'
>;

/**
 * The text of a search box that follows its filter in the address (back/forward, reset) while
 * the user types.
 */
export function useSearchInput(value: string | undefined): [string, (v: string) => void] {
  const [input, setInput] = useState(value ?? '');
  useEffect(() => setInput(value ?? ''), [value]);
  return [input, setInput];
}
