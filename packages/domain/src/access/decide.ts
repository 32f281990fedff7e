// Access decision for one classified record: clearance (R-PER-01), need-to-know scope
// (R-LVL-01, R-DES-08a) and organisation (R-DES-08a; supervision gives roll-ups only, R-DES-09).
import { DomainError, type RuleViolation } from '../errors.ts';
import type { KnowScope } from '../levels/classification.ts';
import { isKnowScopeEmpty } from '../levels/classification.ts';
import { clearanceCovers, LEVEL_LABELS, type Level } from '../levels/level.ts';
import { CLEARANCE_LABELS, type Clearance } from '../orgs/enums.ts';

/** The person asking. departmentId/position are null for someone without one. */
export interface AccessSubject {
  personId: string;
  orgId: string;
  departmentId: string | null;
  position: string | null;
  clearance: Clearance;
  /** Organisations this person's organ supervises. Gives statistics only, never records (R-DES-09). */
  supervisedOrgIds?: readonly string[];
}

export interface AccessRecord {
  orgId: string;
  level: Level;
  knowScope: KnowScope;
}

export interface AccessDecision {
  allowed: boolean;
  /** Every failing condition, in the order clearance, scope, organisation; empty when allowed. */
  reasons: RuleViolation[];
}

const has = (list: readonly string[], value: string | null) =>
  value !== null && value !== '' && list.includes(value);

/** Whether the subject is named in the scope: as a person, by department, or by position. */
export function inKnowScope(
  subject: Pick<AccessSubject, 'personId' | 'departmentId' | 'position'>,
  scope: KnowScope,
): boolean {
  return (
    has(scope.personIds, subject.personId) ||
    has(scope.departmentIds, subject.departmentId) ||
    has(scope.positions, subject.position)
  );
}

/** R-PER-01: why a clearance does not cover a level (one wording for every refusal of it). */
export function clearanceReason(clearance: Clearance, level: Level): RuleViolation {
  const lz = LEVEL_LABELS[level];
  const cl = CLEARANCE_LABELS[clearance];
  return {
    code: 'clearance_insufficient',
    zh:
      clearance === 'none'
        ? `本人没有涉密等级，不能知悉${lz.zh}级事项`
        : `本人涉密等级为${cl.zh}，不能知悉${lz.zh}级事项`,
    en:
      clearance === 'none'
        ? `You hold no clearance and may not know a ${lz.en.toLowerCase()} record`
        : `Your clearance (${cl.en}) does not cover a ${lz.en.toLowerCase()} record`,
    field: 'clearance',
    rule: 'R-PER-01',
  };
}

/**
 * Decides whether `subject` may know `record`. Allowed iff all three hold:
 * 1. clearance covers the level (公开/内部/工作秘密 need none) — R-PER-01;
 * 2. the subject is in the knowledge scope (any of person, department, position; an empty scope
 *    admits nobody) — R-LVL-01, R-DES-08a; widening the scope needs an approval elsewhere;
 * 3. the record belongs to the subject's own organisation — R-DES-08a; supervising the owning
 *    organisation does not admit (R-DES-09: supervisors see roll-up statistics only).
 * The rules apply to every level, public included; all failing reasons are returned.
 */
export function decideAccess(subject: AccessSubject, record: AccessRecord): AccessDecision {
  const reasons: RuleViolation[] = [];

  if (!clearanceCovers(subject.clearance, record.level)) {
    reasons.push(clearanceReason(subject.clearance, record.level));
  }

  if (isKnowScopeEmpty(record.knowScope)) {
    reasons.push({
      code: 'know_scope_empty',
      zh: '该事项未确定知悉范围，任何人都不能知悉',
      en: 'The record has no need-to-know scope, so nobody may know it',
      field: 'knowScope',
      rule: 'R-LVL-01',
    });
  } else if (!inKnowScope(subject, record.knowScope)) {
    reasons.push({
      code: 'not_in_know_scope',
      zh: '本人不在该事项的知悉范围内（人员、部门、岗位均不符）；扩大知悉范围须经批准',
      en: 'You are not in the record’s need-to-know scope (no matching person, department or position); widening the scope needs approval',
      field: 'knowScope',
      rule: 'R-DES-08a',
    });
  }

  if (record.orgId !== subject.orgId) {
    const supervised = subject.supervisedOrgIds?.includes(record.orgId) ?? false;
    reasons.push(
      supervised
        ? {
            code: 'supervised_organisation',
            zh: '该事项属于本单位监管的单位；监管只能查看统计汇总，不能知悉具体事项',
            en: 'The record belongs to an organisation you supervise; supervision shows roll-up statistics only, not records',
            field: 'orgId',
            rule: 'R-DES-09',
          }
        : {
            code: 'other_organisation',
            zh: '该事项属于其他单位，本人不能知悉',
            en: 'The record belongs to another organisation, so you may not know it',
            field: 'orgId',
            rule: 'R-DES-08a',
          },
    );
  }

  return { allowed: reasons.length === 0, reasons };
}

/**
 * R-PER-01, R-DES-08a: the refusal for a record of the caller's organisation that its read rule did not
 * admit — 403 with the reasons of decideAccess, clearance first, and only that one when the clearance
 * falls short (the scope of a record above one's clearance is nobody's business). `what` names the record.
 */
export function readRefused(
  subject: AccessSubject,
  record: AccessRecord,
  what: { zh: string; en: string },
): DomainError {
  const d = decideAccess(subject, record);
  const reasons = clearanceCovers(subject.clearance, record.level) ? d.reasons : d.reasons.slice(0, 1);
  const first = reasons[0] ?? {
    code: 'not_in_know_scope',
    zh: `本人不在该${what.zh}的知悉范围内`,
    en: `You are not in the need-to-know scope of this ${what.en.toLowerCase()}`,
    rule: 'R-DES-08a',
  };
  return new DomainError('forbidden', first, reasons);
}
