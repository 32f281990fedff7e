// Showing the server's bilingual errors: in a message, or next to the form field they name.
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api.ts';
import { type Lang, useI18n } from './i18n.tsx';

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ApiError) {
    const main = lang === 'zh' ? e.zh : e.en;
    const extra = e.details.map((d) => (lang === 'zh' ? d.zh : d.en)).filter((s) => s && s !== main);
    return extra.length ? `${main}：${extra.join('；')}` : main;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Puts every field-level error (the main one and the details) under its form field.
 * Returns true when at least one went to a field that the form has.
 */
export function applyFieldErrors(form: FormInstance, e: unknown, lang: Lang, fields: string[]): boolean {
  if (!(e instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  const add = (field: string | undefined, zh: string, en: string) => {
    if (!field || !fields.includes(field)) return;
    const list = byField.get(field) ?? [];
    list.push(lang === 'zh' ? zh : en);
    byField.set(field, list);
  };
  add(e.field, e.zh, e.en);
  for (const d of e.details) add(d.field, d.zh, d.en);
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return true;
}

/** A handler that shows any error from the server in a message box. */
export function useShowError() {
  const { message } = App.useApp();
  const { lang } = useI18n();
  return useCallback(
    (e: unknown, form?: FormInstance, fields?: string[]) => {
      if (form && fields && applyFieldErrors(form, e, lang, fields)) return;
      message.error(errorText(e, lang), 6);
    },
    [message, lang],
  );
}
