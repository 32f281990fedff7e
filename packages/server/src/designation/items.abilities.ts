// Issue 6 §4: the `abilities` of designation items, computed from the object rules the services
// enforce (items.policy.ts) — never re-derived by the web. Ledger rows carry the row rules; the detail
// carries every rule, with the open approval's verdicts for the caller (approvals/service.ts).
import { getApproval } from '../approvals/queries.ts';
import { approvalVerdicts, decisionVerdict } from '../approvals/service.ts';
import type { Sql } from '../db/db.ts';
import { type Abilities, abilitiesOf, type Caller } from '../http/policy.ts';
import { deciderOfCaller } from './items.common.ts';
import { itemRowRules, itemRules, ledgerRules } from './items.policy.ts';
import { type ItemRow, pendingChangeItems } from './items.queries.ts';

/** The ledger's rows, each with its abilities; and the ledger's own (export, draft). */
export async function withRowAbilities<R extends ItemRow>(
  sql: Sql,
  caller: Caller,
  page: { items: R[]; total: number },
): Promise<{ items: (R & { abilities: Abilities })[]; total: number; abilities: Abilities }> {
  const pending = await pendingChangeItems(
    sql,
    page.items.map((i) => i.id),
  );
  return {
    ...page,
    items: page.items.map((i) => ({
      ...i,
      abilities: abilitiesOf(itemRowRules, caller, { ...i, changePending: pending.has(i.id) }),
    })),
    abilities: abilitiesOf(ledgerRules, caller, null),
  };
}

/** Every ability of one item for the caller (the detail's). */
export async function itemAbilities(
  sql: Sql,
  caller: Caller,
  item: ItemRow & { changes: { status: string; approvalId: string | null }[] },
): Promise<Abilities> {
  const who = deciderOfCaller(caller);
  const own = item.approvalId ? await getApproval(sql, item.approvalId) : null;
  const ownOpen = own && (own.status === 'pending' || own.status === 'returned') ? own : null;
  const changeApprovalId = item.changes.find((c) => c.status === 'pending')?.approvalId ?? null;
  const open = ownOpen ?? (changeApprovalId ? await getApproval(sql, changeApprovalId) : null);
  const verdicts = open ? await approvalVerdicts(sql, open, who) : null;
  const pendingOwn = own?.status === 'pending' ? own : null;
  return abilitiesOf(itemRules, caller, {
    ...item,
    changePending: changeApprovalId !== null || item.changes.some((c) => c.status === 'pending'),
    approval: {
      step: pendingOwn ? (pendingOwn.steps[pendingOwn.stepIndex] ?? null) : null,
      ...(pendingOwn ? { correct: await decisionVerdict(sql, pendingOwn, who, 'correct') } : {}),
      ...(verdicts?.decide ? { decide: verdicts.decide } : {}),
      ...(verdicts?.withdraw ? { withdraw: verdicts.withdraw } : {}),
    },
  });
}
