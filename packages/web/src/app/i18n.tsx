// Language of the UI: Chinese by default, English as a second language.
// The choice is kept in localStorage; antd and dayjs follow it.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Bilingual } from './messages.ts';
import { dict, type MessageKey } from './registry.ts';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'baomi.lang';

function initialLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh') return v;
  } catch {
    // storage unavailable: fall back to Chinese
  }
  return 'zh';
}

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  /** A UI string by key, with `{name}` placeholders filled from params. */
  t: (key: MessageKey, params?: Params) => string;
  /** The current language's side of a bilingual label (server errors, domain labels). */
  l: (b: Bilingual | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function fill(s: string, params?: Params): string {
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    applyLang(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // ignore: the choice lasts for this page only
    }
    applyLang(l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => fill(dict[key][lang], params),
      l: (b) => (b ? b[lang] || b.zh : ''),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Choices for a Select: fixed codes, each shown by its bilingual label. */
export function labelOptions<K extends string>(
  codes: readonly K[],
  labels: Record<K, Bilingual>,
  l: I18n['l'],
): { value: K; label: string }[] {
  return codes.map((value) => ({ value, label: l(labels[value]) }));
}

export type { MessageKey };
