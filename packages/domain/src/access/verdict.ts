// Object-level rules (issue 6 §4): a rule takes the caller and the object and says yes, or no with
// one bilingual reason and the kind of refusal (403 forbidden, 409 conflict, 404 not found …).
// The server throws the refusal from a service and reports the same verdict as an ability on a read,
// so that what a page offers and what the server then does cannot disagree.
import { DomainError, type ErrorKind, type RuleViolation } from '../errors.ts';

export type Verdict =
  | { allowed: true }
  | { allowed: false; kind: ErrorKind; reason: RuleViolation; details?: RuleViolation[] };

export const allowed: Verdict = Object.freeze({ allowed: true });

export function refused(kind: ErrorKind, reason: RuleViolation, details?: RuleViolation[]): Verdict {
  return { allowed: false, kind, reason, ...(details ? { details } : {}) };
}

/** The first refusal of several rules, checked in order (each rule only runs while the others allow). */
export function firstRefusal(...rules: (() => Verdict)[]): Verdict {
  for (const r of rules) {
    const v = r();
    if (!v.allowed) return v;
  }
  return allowed;
}

/** Throws the verdict's refusal as the DomainError the HTTP layer maps to its status. */
export function enforce(v: Verdict): void {
  if (!v.allowed) throw new DomainError(v.kind, v.reason, v.details);
}

/** What a response says about one action: `{ allowed, reason? }` (reason: zh, en, rule). */
export interface Ability {
  allowed: boolean;
  reason?: { zh: string; en: string; rule?: string };
}

export function abilityOf(v: Verdict): Ability {
  if (v.allowed) return { allowed: true };
  const { zh, en, rule } = v.reason;
  return { allowed: false, reason: { zh, en, ...(rule ? { rule } : {}) } };
}
