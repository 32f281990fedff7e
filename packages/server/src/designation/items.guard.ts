// R-DES-04, R-DES-05, R-DES-02, R-DES-07: the designator guard the approvals module runs before a
// designator's decision (standing on the day, and authority for an approval in the organisation's own
// chain), and the link from an approval to its designation item.
import {
  allowed,
  DESIGNATION_FLOW,
  type Decider,
  designatorStanding,
  mayDecide,
  refused,
  type StateSecretLevel,
  type Verdict,
} from '@baomi/domain';
import type { ApprovalRow } from '../approvals/queries.ts';
import type { SubjectLink } from '../approvals/service.ts';
import type { Sql } from '../db/db.ts';
import { getOrg } from '../orgs/queries.ts';
import { authorityFor } from './authority.service.ts';
import { todayInChina } from './common.ts';
import { getDesignator, openAbsences, toDomainAbsence, toDomainDesignator } from './designators.queries.ts';

// ---------------------------------------------------------------------------------------------
// R-DES-04, R-DES-05: a designator's standing on the day of the decision

/**
 * R-DES-04, R-DES-05: a designator acting as A, or as B while A is absent, and (approving in the
 * organisation's own chain) its authority on the day. The verdict refuses the decision in
 * decideApproval and is the decision's ability on the approval's and the item's page.
 */
export async function designatorGuard(
  sql: Sql,
  approval: ApprovalRow,
  who: Decider,
  input: { decision: string },
): Promise<{ verdict: Verdict; actingAs: 'A' | 'B' | null }> {
  const step = approval.steps[approval.stepIndex];
  if (step?.role !== 'designator') return { verdict: allowed, actingAs: null };
  const today = todayInChina();
  const rec = await getDesignator(sql, who.personId);
  if (!rec || rec.orgId !== step.orgId)
    return {
      actingAs: null,
      verdict: refused('forbidden', {
        code: 'not_a_designator',
        rule: 'R-DES-04',
        zh: '本人未登记为该单位的定密责任人（法定或指定），不能定密',
        en: 'You are not recorded as a designator (statutory or appointed) of this organisation and cannot decide',
      }),
    };
  const people = rec.partnerPersonId ? [rec.personId, rec.partnerPersonId] : [rec.personId];
  const absences = (await openAbsences(sql, people, today)).map(toDomainAbsence);
  const r = mayDecide(toDomainDesignator(rec), absences, today);
  if (!r.allowed) return { verdict: designatorStanding(r), actingAs: r.actingRole };
  // R-DES-02/07: approving in the organisation's own chain needs its authority on the day.
  if (
    input.decision === 'approve' &&
    approval.flowType === DESIGNATION_FLOW.type &&
    approval.subjectType === 'designation_item'
  ) {
    const snap = approval.subjectSnapshot as { level: StateSecretLevel; origin: 'original' | 'derived' };
    const org = (await getOrg(sql, step.orgId))!;
    const decision = await authorityFor(sql, org, snap.level, snap.origin, today);
    if (!decision.allowed)
      return {
        verdict: refused('conflict', decision.reasons.at(-1)!, decision.reasons),
        actingAs: r.actingRole,
      };
  }
  return { verdict: allowed, actingAs: r.actingRole };
}

export const itemLink: SubjectLink = async (_sql, id) => `/designation/items/${id}`;
