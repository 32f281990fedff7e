// R-DES-06, R-DES-07, R-DES-08a: the designator approves with corrections (level, period, scope); the
// corrected matter is checked like a draft and against the authority. Shared helpers are in
// items.common.ts.
import {
  atDesignatorStep,
  checkDraft,
  DESIGNATION_FLOW,
  DomainError,
  designationPeriod,
  enforce,
  fail,
  type KnowScope,
  notFound,
  ok,
  type Period,
  type StateSecretLevel,
} from '@baomi/domain';
import { getApproval } from '../approvals/queries.ts';
import { decideApproval } from '../approvals/service.ts';
import type { Actor } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { getOrg } from '../orgs/queries.ts';
import { authorityFor } from './authority.service.ts';
import { todayInChina } from './common.ts';
import {
  deciderOfCaller,
  ITEM,
  type ItemCaller,
  refuseCheck,
  scopeProblems,
  sourceTitleOf,
  storedDraft,
  subjectOf,
} from './items.common.ts';
import { catalogueFor, getItem, type ItemRow } from './items.queries.ts';

export interface CorrectInput {
  level: StateSecretLevel;
  period: Period;
  knowScope: KnowScope;
  note: string;
}

/**
 * R-DES-06: the designator approves with corrections (level, period, scope, with a note). The corrected
 * matter is checked like a draft and, for a matter decided in its own organisation, against the
 * authority (R-DES-07); the approval records the corrected subject, which the settle handler applies.
 */
export async function correctItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  input: CorrectInput,
): Promise<ItemRow> {
  const item = await getItem(sql, id, true);
  const approval = item?.approvalId ? await getApproval(sql, item.approvalId) : null;
  const step = approval?.status === 'pending' ? approval.steps[approval.stepIndex] : undefined;
  // Not found outside the item's organisation and the one deciding it; inside, an item with nothing at a
  // designator's step is refused by the same rule its `correct` ability reports (409, not 404).
  if (!item || (item.orgId !== caller.orgId && step?.orgId !== caller.orgId)) throw notFound(ITEM);
  // items.policy.ts itemRules.correct (then decideApproval runs the decider rule and the designator guard).
  enforce(atDesignatorStep(caller, step));
  if (!approval) throw notFound(ITEM); // unreachable: a step means a pending approval
  const period = designationPeriod(input.level, input.period);
  const draft = await storedDraft(sql, item, { level: input.level, period, knowScope: input.knowScope });
  const check = checkDraft(draft, { catalogue: await catalogueFor(sql, item.orgId), today: todayInChina() });
  const all = [
    ...(check.ok ? [] : check.violations),
    ...(await scopeProblems(sql, item.orgId, input.knowScope)),
  ];
  refuseCheck(all.length ? fail(...all) : ok);
  if (approval.flowType === DESIGNATION_FLOW.type) {
    const org = (await getOrg(sql, item.orgId))!;
    const decision = await authorityFor(sql, org, input.level, item.origin, todayInChina());
    if (!decision.allowed) throw new DomainError('conflict', decision.reasons.at(-1)!, decision.reasons);
  }
  const corrected = subjectOf({
    ...item,
    sourceTitle: await sourceTitleOf(sql, item),
    level: input.level,
    period,
    knowScope: input.knowScope,
  });
  await decideApproval(sql, actor, deciderOfCaller(caller), approval.id, {
    decision: 'correct',
    comment: input.note,
    role: 'designator',
    corrected,
  });
  return (await getItem(sql, item.id))!;
}
