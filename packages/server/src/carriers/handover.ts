// R-CAR-08: on transfer or retirement a person hands over every carrier in his custody: the itemised
// list must name exactly the carriers he keeps or holds (those on loan or taken out come back first —
// the state machine refuses them, naming who has them), the count must match, both sign the paper list
// (the registrar attests it; the audit names him), and the receiver must be cleared for every level.
// The people module's post-closing check asks inCustodyOf (read.ts) and the domain's checkPostClosing.
import { randomUUID } from 'node:crypto';
import type * as C from '@baomi/api/carriers.ts';
import {
  checkClearanceChange,
  checkHandover,
  checkPostClosing,
  clearanceCovers,
  clearanceReason,
  enforce,
  invalid,
  nextCarrierState,
  notFound,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import type { ClearanceCheck } from '../kit/clearance-change.ts';
import type { PostClosingCheck } from '../kit/post-closing.ts';
import { getPerson } from '../people/queries.ts';
import { stateOf } from './policy.ts';
import { getCarriers, insertStep, updateCarrierState } from './queries.ts';
import { inCustodyOf, levelsInCustodyOf, readableCarrier, toCarrier } from './read.ts';

export async function handOver(sql: Sql, actor: Actor, caller: Caller, input: C.HandoverInput) {
  const [from, to] = [await getPerson(sql, input.fromPersonId), await getPerson(sql, input.toPersonId)];
  if (!from || from.orgId !== caller.orgId)
    throw notFound({ zh: '移交人', en: 'Person handing over' }, 'fromPersonId');
  if (!to || to.orgId !== caller.orgId) throw notFound({ zh: '接收人', en: 'Receiver' }, 'toPersonId');
  const custody = await inCustodyOf(sql, from.id);
  const chk = checkHandover({
    fromPersonId: from.id,
    toPersonId: to.id,
    inCustody: custody.ids,
    listed: input.carrierIds,
    signedByFrom: input.signedByFrom,
    signedByTo: input.signedByTo,
  });
  if (!chk.ok) throw invalid(chk.violations[0]!, chk.violations.length > 1 ? chk.violations : undefined);
  if (input.count !== custody.count) {
    throw invalid({
      code: 'handover_count_mismatch',
      rule: 'R-CAR-08',
      field: 'count',
      zh: `清点数量${input.count}件与保管的${custody.count}件不符`,
      en: `The count (${input.count}) differs from the ${custody.count} carriers in custody`,
    });
  }
  const ids = [...input.carrierIds].sort();
  // Every carrier must be one the registrar may read, and the receiver cleared for it.
  for (const id of ids) await readableCarrier(sql, caller, id, true);
  const rows = await getCarriers(sql, ids);
  const handoverId = randomUUID();
  for (const c of rows) {
    if (!clearanceCovers(to.clearance, c.level))
      throw invalid({ ...clearanceReason(to.clearance, c.level), field: 'toPersonId' });
    const t = nextCarrierState(stateOf(c), { kind: 'handover', toPersonId: to.id, toName: to.name });
    if (!t.ok) {
      enforce(t.verdict);
      return;
    }
    await updateCarrierState(sql, c.id, {
      status: t.state.status,
      holderPersonId: t.state.holderPersonId,
      custodianPersonId: to.id,
      outSince: null,
      dueDate: null,
      destructionId: c.destructionId,
    });
    await insertStep(sql, {
      carrierId: c.id,
      orgId: c.orgId,
      kind: 'handover',
      actorPersonId: caller.personId,
      actorAccountId: caller.accountId,
      statusAfter: t.state.status,
      holderPersonId: to.id,
      toPersonId: to.id,
      details: {
        handoverId,
        fromPersonId: from.id,
        count: rows.length,
        signedByFrom: true,
        signedByTo: true,
      },
    });
  }
  await appendAudit(sql, actor, {
    action: 'carrier.handover',
    objectType: 'carrier',
    objectId: rows[0]?.id ?? null,
    summary: { fromPersonId: from.id, toPersonId: to.id, count: rows.length, handoverId },
  });
  return {
    handoverId,
    fromPersonId: from.id,
    toPersonId: to.id,
    count: rows.length,
    items: (await getCarriers(sql, ids)).map((c) => toCarrier(c)),
  };
}

/**
 * R-CAR-08: the carriers module's post-closing check (manifest `postClosingChecks`): a person's post is
 * not closed while carriers remain in his custody (kept as custodian, or held on loan or taken out) —
 * 409 naming the count, whatever the caller may read (the count is the rule's, not a read).
 */
export const carrierClearanceCheck: ClearanceCheck = {
  module: 'carriers',
  check: async (sql, personId, clearance) =>
    checkClearanceChange(clearance, await levelsInCustodyOf(sql, personId)),
};

export const carrierPostClosing: PostClosingCheck = {
  module: 'carriers',
  check: async (sql, personId) => checkPostClosing((await inCustodyOf(sql, personId)).count),
};
