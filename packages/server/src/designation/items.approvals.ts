// Issue 7: 查看审批 for whoever may read the item. The approvals module shows an approval to its
// participants only (the initiator, the deciders, who may decide now), so an item escalated to a
// superior (无权定密事项申报, R-DES-07) left the reporting unit's secrecy officers, designators and leaders
// with a 404 on the decision taken above. Here the decision is shown read-only to every reader of the
// item — the read rule is the item's (readableItem: DESIGNATION_ITEM_READ / decideAccess, 404 outside,
// 403 with reasons inside) — and never above the reader's clearance: an approval whose material claims
// a higher level than the item (a change raising it) is refused like the item itself (R-PER-01).
import { abilityOf, type DECISION_LABELS, flowOf, notFound } from '@baomi/domain';
import { clearanceRefusal, coversMaterial } from '../approvals/clearance.ts';
import { getApproval, listDecisions } from '../approvals/queries.ts';
import { approvalVerdicts } from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { personName } from '../people/queries.ts';
import { deciderOfCaller, type ItemCaller } from './items.common.ts';
import { approvalSubjects } from './items.queries.ts';
import { readableItem } from './items.read.ts';

const APPROVAL = { zh: '审批', en: 'Approval' };

/** One approval of the item (its own, an escalation's or a change's), read-only; the read is audited. */
export async function itemApproval(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  itemId: string,
  approvalId: string,
) {
  const item = await readableItem(sql, caller, itemId);
  const row = await getApproval(sql, approvalId);
  const subjects = await approvalSubjects(sql, item.id);
  if (!row || !subjects.some((s) => s.type === row.subjectType && s.ids.includes(row.subjectId)))
    throw notFound(APPROVAL);
  if (!coversMaterial(caller.clearance, row.subjectSnapshot))
    throw clearanceRefusal(caller.clearance, row.subjectSnapshot);
  const flow = flowOf(row.flowType)!;
  const initiator = await personName(sql, row.initiatorPersonId);
  await appendAudit(sql, actor, {
    action: 'designation_item.read',
    objectType: 'designation_item',
    objectId: item.id,
    summary: { part: 'approval', approvalId: row.id, flowType: row.flowType },
  });
  return {
    ...row,
    initiatorName: initiator ?? '',
    flow: { type: flow.type, label: flow.label, rules: flow.rules },
    steps: row.steps.map((s, i) => ({
      ...s,
      label: flow.steps[i]!.label,
      decisions: flow.steps[i]!.decisions,
    })),
    decisions: await listDecisions(sql, row.id),
    subjectLink: `/designation/items/${item.id}`,
    mayDecideNow: false,
    allowedDecisions: [] as { decision: keyof typeof DECISION_LABELS; label: { zh: string; en: string } }[],
    // What the caller may do on the approval's own page (decide, withdraw …): the web offers the way
    // there only then; everything else here is read-only.
    abilities: Object.fromEntries(
      Object.entries(await approvalVerdicts(sql, row, deciderOfCaller(caller))).map(([a, v]) => [
        a,
        abilityOf(v),
      ]),
    ),
  };
}
