/**
 * Every refusal in Baomi carries a stable code, a Chinese and an English message, and (when it is
 * about one input) the field it names. The server maps `kind` to an HTTP status.
 */
export type ErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unauthenticated' | 'locked';

export interface RuleViolation {
  code: string;
  zh: string;
  en: string;
  field?: string;
  rule?: string;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
  readonly rule?: string;
  readonly details?: RuleViolation[];
  /**
   * A 404 that hides a record which exists but is not the caller's to see (another organisation's,
   * outside his scope): answered exactly like an unknown id, but audited as a refused access.
   */
  hidesRecord = false;

  constructor(kind: ErrorKind, v: RuleViolation, details?: RuleViolation[]) {
    super(`${v.en} (${v.zh})`);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = v.code;
    this.zh = v.zh;
    this.en = v.en;
    this.field = v.field;
    this.rule = v.rule;
    this.details = details;
  }
}

export const invalid = (v: RuleViolation, details?: RuleViolation[]) =>
  new DomainError('invalid', v, details);
export const forbidden = (v: RuleViolation) => new DomainError('forbidden', v);
export const notFound = (what: { zh: string; en: string }, field?: string) =>
  new DomainError('not_found', {
    code: 'not_found',
    zh: `${what.zh}不存在或无权访问`,
    en: `${what.en} not found or not accessible`,
    field,
  });
/** The same 404 as an unknown id, for a record that exists but is not the caller's to see (audited). */
export const hiddenRecord = (what: { zh: string; en: string }, field?: string) => {
  const e = notFound(what, field);
  e.hidesRecord = true;
  return e;
};
export const conflict = (v: RuleViolation) => new DomainError('conflict', v);

/** A result type for rules that report every violation rather than throwing on the first. */
export type Check = { ok: true } | { ok: false; violations: RuleViolation[] };
export const ok: Check = { ok: true };
export function fail(...violations: RuleViolation[]): Check {
  return { ok: false, violations };
}
