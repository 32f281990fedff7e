// R-LVL-01: every classified item has a level, a period (or release date/condition) and a
// need-to-know scope (知悉范围).
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import type { PlainDate } from './calendar.ts';
import { isStateSecret, LEVEL_LABELS, type Level } from './level.ts';
import { type CheckPeriodOptions, checkPeriod, type Period } from './period.ts';

/**
 * 知悉范围: who may know an item — named people, whole departments, or holders of positions.
 * A person is in the scope when they match any of the three lists; an empty scope means nobody.
 */
export interface KnowScope {
  personIds: readonly string[];
  departmentIds: readonly string[];
  positions: readonly string[];
}

export const EMPTY_KNOW_SCOPE: KnowScope = { personIds: [], departmentIds: [], positions: [] };

export function isKnowScopeEmpty(scope: KnowScope): boolean {
  return scope.personIds.length === 0 && scope.departmentIds.length === 0 && scope.positions.length === 0;
}

export interface ClassificationInput {
  level: Level;
  period: Period;
  issueDate: PlainDate;
  knowScope: KnowScope;
}

/**
 * R-LVL-01 with R-LVL-02: a state-secret item needs a non-empty scope and a valid period. Reports
 * every violation. Items that are not state secrets only have their period's form checked.
 */
export function checkClassification(input: ClassificationInput, opts: CheckPeriodOptions = {}): Check {
  const out: RuleViolation[] = [];
  if (isStateSecret(input.level) && isKnowScopeEmpty(input.knowScope)) {
    out.push({
      code: 'know_scope_empty',
      zh: `${LEVEL_LABELS[input.level].zh}级事项必须确定知悉范围（人员、部门或岗位）`,
      en: `A ${LEVEL_LABELS[input.level].en.toLowerCase()} item needs a need-to-know scope (people, departments or positions)`,
      field: 'knowScope',
      rule: 'R-LVL-01',
    });
  }
  const period = checkPeriod(input.level, input.period, input.issueDate, opts);
  if (!period.ok) out.push(...period.violations);
  return out.length === 0 ? ok : fail(...out);
}
