// Which columns of a ledger the user hid, remembered in this browser (localStorage).
import { useCallback, useState } from 'react';

const storageKey = (ledger: string) => `baomi.columns.${ledger}`;

function read(ledger: string, defaults: readonly string[]): string[] {
  try {
    const v = localStorage.getItem(storageKey(ledger));
    if (v) {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.filter((x): x is string => typeof x === 'string');
    }
  } catch {
    // storage unavailable or garbled: the defaults
  }
  return [...defaults];
}

export function useColumnSettings(ledger: string, defaultHidden: readonly string[] = []) {
  const [hidden, setHiddenState] = useState<string[]>(() => read(ledger, defaultHidden));
  const setHidden = useCallback(
    (next: string[]) => {
      setHiddenState(next);
      try {
        localStorage.setItem(storageKey(ledger), JSON.stringify(next));
      } catch {
        // ignore: the choice lasts for this page only
      }
    },
    [ledger],
  );
  const reset = useCallback(() => {
    setHiddenState([...defaultHidden]);
    try {
      localStorage.removeItem(storageKey(ledger));
    } catch {
      // ignore
    }
  }, [ledger, defaultHidden]);
  return { hidden, setHidden, reset };
}
