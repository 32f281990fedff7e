import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

/** Loads data when deps change; a late answer to an old request is dropped. */
export function useLoad<T>(fn: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const r = await fnRef.current();
      if (mine === seq.current) setData(r);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload again whenever the caller's deps change
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { data, loading, error, reload };
}

/** A value that follows another after a pause (search-as-you-type). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(h);
  }, [value, ms]);
  return v;
}

/**
 * A submission at a time: `busy` while `run`'s work goes on; a failure goes to its onError
 * (the work's own errors never escape `run`).
 */
export function useBusy(): [
  boolean,
  (work: () => Promise<void>, onError: (e: unknown) => void) => Promise<void>,
] {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>, onError: (e: unknown) => void) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return [busy, run];
}
