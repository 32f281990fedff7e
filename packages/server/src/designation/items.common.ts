// R-DES-01…08a: what the designation item use cases share — the caller, the item's not-found, the
// domain's view of a stored item (sourceOf, storedDraft), the approval's subject (subjectOf), refusals
// (refuseCheck, R-DES-08a scope checks). The use cases are one file each: items.draft.ts (draft),
// items.submit.ts (submission and routing), items.correct.ts (corrections), items.settle.ts (the
// approval's outcome, knowers, notices), items.guard.ts (the designator guard); changes and releases are
// in items.changes.ts. The domain decides; these files fetch the facts, write, and audit in the caller's
// transaction.
import {
  type BusinessRole,
  type Check,
  type Decider,
  formatMarking,
  invalid,
  type KnowScope,
  type MatterDraft,
  notFound,
  type RuleViolation,
  type SourceItem,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { countDepartmentsOf } from '../orgs/queries.ts';
import { countPeopleOf } from '../people/queries.ts';
import { getItem, type ItemRow } from './items.queries.ts';

export const ITEM = { zh: '定密事项', en: 'Designation item' };
const DESIGNATION_ROLES: readonly BusinessRole[] = ['secrecy_officer', 'designator', 'leader'];

/** The business person acting (from the session: http/policy.ts callerOf). */
export type ItemCaller = Caller;

export const hasDesignationRole = (c: ItemCaller) => c.roles.some((r) => DESIGNATION_ROLES.includes(r));

export const deciderOfCaller = (c: ItemCaller): Decider => ({
  personId: c.personId,
  orgId: c.orgId,
  departmentId: c.departmentId,
  roles: c.roles,
});

/** The domain's source item of a stored item. */
export function sourceOf(item: ItemRow): SourceItem {
  return {
    id: item.id,
    level: item.level,
    period: item.period,
    issueDate: item.issueDate,
    knowScope: item.knowScope,
    released: item.status === 'released',
  };
}

/**
 * What the approval freezes (its flows' material fields, fingerprinted), what the settle handler
 * applies, and what the approval page shows beside them (flows.ts `fields`: the marking the terms
 * give, the catalogue clause, the source's title, the handler).
 */
export function subjectOf(
  item: Pick<ItemRow, 'title' | 'level' | 'period' | 'knowScope' | 'origin' | 'sourceItemId'> & {
    basis: { catalogueEntryId: string | null; text: string; grounds: unknown; clause?: string | null };
    handlerName?: string;
    sourceTitle?: string | null;
  },
): Record<string, unknown> {
  return {
    title: item.title,
    level: item.level,
    period: item.period,
    knowScope: item.knowScope,
    basis: {
      catalogueEntryId: item.basis.catalogueEntryId,
      text: item.basis.text,
      grounds: item.basis.grounds,
    },
    origin: item.origin,
    sourceItemId: item.sourceItemId,
    // Shown, not material (issue 6 §4): a change of these alone does not reopen the approval.
    marking: formatMarking({ level: item.level, period: item.period }),
    basisClause: item.basis.clause ?? null,
    sourceTitle: item.sourceTitle ?? null,
    handlerName: item.handlerName ?? null,
  };
}

/** The title of an item's source (for the approval's snapshot), if it has one. */
export async function sourceTitleOf(sql: Sql, item: Pick<ItemRow, 'sourceItemId'>): Promise<string | null> {
  return item.sourceItemId ? ((await getItem(sql, item.sourceItemId))?.title ?? null) : null;
}

/** A rule violation (bilingual), for the refusals the use cases build. */
export const v = (code: string, zh: string, en: string, field?: string, rule?: string): RuleViolation => ({
  code,
  zh,
  en,
  ...(field ? { field } : {}),
  ...(rule ? { rule } : {}),
});

export function refuseCheck(check: Check): void {
  if (!check.ok) throw invalid(check.violations[0]!, check.violations);
}

/** An item of the caller's own organisation, else 404 (another organisation's item is never revealed). */
export async function ownItem(sql: Sql, caller: ItemCaller, id: string, lock = false): Promise<ItemRow> {
  const item = await getItem(sql, id, lock);
  if (!item || item.orgId !== caller.orgId) throw notFound(ITEM);
  return item;
}

/** People and departments named in a scope must belong to the organisation (R-DES-08a). */
export async function scopeProblems(sql: Sql, orgId: string, scope: KnowScope): Promise<RuleViolation[]> {
  const out: RuleViolation[] = [];
  const counts = {
    people: await countPeopleOf(sql, orgId, [...new Set(scope.personIds)]),
    depts: await countDepartmentsOf(sql, orgId, [...new Set(scope.departmentIds)]),
  };
  if (counts.people !== new Set(scope.personIds).size)
    out.push(
      v(
        'scope_person_unknown',
        '知悉范围中有不属于本单位的人员',
        'The knowledge scope names a person who is not in this organisation',
        'knowScope.personIds',
        'R-DES-08a',
      ),
    );
  if (counts.depts !== new Set(scope.departmentIds).size)
    out.push(
      v(
        'scope_department_unknown',
        '知悉范围中有不属于本单位的部门',
        'The knowledge scope names a department that is not in this organisation',
        'knowScope.departmentIds',
        'R-DES-08a',
      ),
    );
  return out;
}

/** The draft the domain checks, from a stored item (and its source). */
export async function storedDraft(
  sql: Sql,
  item: ItemRow,
  terms?: Partial<MatterDraft>,
): Promise<MatterDraft> {
  const source = item.sourceItemId ? await getItem(sql, item.sourceItemId) : null;
  return {
    title: item.title,
    basis: {
      ...(item.basis.catalogueEntryId ? { catalogueEntryId: item.basis.catalogueEntryId } : {}),
      text: item.basis.text,
      grounds: item.basis.grounds,
    },
    kind: item.origin,
    ...(source ? { sourceItem: sourceOf(source) } : {}),
    level: item.level,
    period: item.period,
    issueDate: item.issueDate,
    knowScope: item.knowScope,
    ...terms,
  };
}
