// 涉密载体: the remaining life steps. Send out (发出, R-CAR-01, R-CAR-05a): carriers leave the
// organisation for another organ under a transmittal, by 机要交通/机要通信 or by hand (绝密: two or more
// people), after which they are read-only (已发出, the state machine's `handed_over`). A use of a medium
// (R-CAR-11): registered in the timeline, never on an unclassified machine, never with data above the
// medium's (or the machine's) level. Each under the carriers' row locks, one step per carrier, audited.
import { randomUUID } from 'node:crypto';
import type * as S from '@baomi/api/carriers/steps.ts';
import {
  type CarrierEvent,
  type CarrierState,
  checkMediumUseOn,
  checkSendOut,
  DomainError,
  describeCarrierState,
  enforce,
  formatCopyNumber,
  invalid,
  type Level,
  maxLevel,
  nextCarrierState,
  type RuleViolation,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { stateOf } from './policy.ts';
import { type CarrierRow, getCarrier, getCarriers, insertStep, updateCarrierState } from './queries.ts';
import { readableCarrier, toCarrier } from './read.ts';

const refuse = (violations: readonly RuleViolation[]): never => {
  throw invalid(violations[0]!, violations.length > 1 ? [...violations] : undefined);
};

function transition(c: CarrierRow, event: CarrierEvent): CarrierState {
  const t = nextCarrierState(stateOf(c), event);
  if (!t.ok) {
    enforce(t.verdict);
    throw new Error('unreachable');
  }
  return t.state;
}

/**
 * R-CAR-01, R-CAR-05a: send carriers out of the organisation. The state first (a carrier on loan, taken
 * out or already sent is 409 naming its state), then the transmittal's terms (400 with every reason).
 */
export async function sendOut(sql: Sql, actor: Actor, caller: Caller, input: S.SendOutInput) {
  const ids = [...input.carrierIds].sort();
  // Each one the registrar may read (404/403), locked in id order.
  for (const id of ids) await readableCarrier(sql, caller, id, true);
  const rows = await getCarriers(sql, ids);
  const next = rows.map((c) => transition(c, { kind: 'transfer_out' }));
  const level = rows.map((r): Level => r.level).reduce(maxLevel, 'confidential');
  const bearers = [...new Set((input.bearers ?? []).map((b) => b.trim()).filter((b) => b !== ''))];
  const chk = checkSendOut({
    level,
    recipientOrgan: input.recipientOrgan,
    docNumber: input.docNumber,
    conveyance: input.conveyance,
    bearers,
  });
  if (!chk.ok) refuse(chk.violations);
  const sendOutId = randomUUID();
  for (const [i, c] of rows.entries()) {
    const s = next[i]!;
    await updateCarrierState(sql, c.id, {
      status: s.status,
      holderPersonId: s.holderPersonId,
      custodianPersonId: c.custodianPersonId,
      outSince: null,
      dueDate: null,
      destructionId: c.destructionId,
    });
    await insertStep(sql, {
      carrierId: c.id,
      orgId: c.orgId,
      kind: 'transfer_out',
      actorPersonId: caller.personId,
      actorAccountId: caller.accountId,
      statusAfter: s.status,
      holderPersonId: null,
      details: {
        sendOutId,
        recipientOrgan: input.recipientOrgan.trim(),
        docNumber: input.docNumber.trim(),
        conveyance: input.conveyance,
        bearers,
        count: rows.length,
      },
      note: input.note ?? '',
    });
  }
  await appendAudit(sql, actor, {
    action: 'carrier.send_out',
    objectType: 'carrier',
    objectId: rows[0]!.id,
    summary: {
      level,
      count: rows.length,
      copyNumbers: rows.filter((r) => r.copyNumber !== null).map((r) => formatCopyNumber(r.copyNumber!)),
      conveyance: input.conveyance,
      sendOutId,
    },
  });
  return {
    sendOutId,
    count: rows.length,
    items: (await getCarriers(sql, ids)).map((c) => toCarrier(c)),
  };
}

/** The registry's version check (as service.ts): a stale page is 409 naming the current state. */
function checkVersion(c: CarrierRow, version: number | undefined) {
  if (version === undefined || version === c.version) return;
  const now = describeCarrierState(stateOf(c));
  throw new DomainError('conflict', {
    code: 'carrier_changed',
    rule: 'R-CAR-01',
    field: 'version',
    zh: `该载体已被他人登记了新的步骤，当前状态为“${now.zh}”，请刷新后再办理`,
    en: `Someone registered a step on this carrier meanwhile; it is now "${now.en}". Reload and try again`,
  });
}

/**
 * R-CAR-11: register one use of a medium. Only a medium; only while it is in the ledger's custody (409
 * naming its state otherwise); never on an unclassified machine, never data above its level.
 */
export async function useMedium(sql: Sql, actor: Actor, caller: Caller, id: string, input: S.MediumUseInput) {
  const c = await readableCarrier(sql, caller, id, true);
  const next = transition(c, { kind: 'medium_use' });
  checkVersion(c, input.version);
  if (c.kind !== 'medium')
    refuse([
      {
        code: 'not_a_medium',
        rule: 'R-CAR-11',
        field: 'kind',
        zh: '只有存储介质登记使用情况',
        en: 'Uses are registered for media only',
      },
    ]);
  const chk = checkMediumUseOn({
    mediumLevel: c.level,
    dataLevel: input.dataLevel,
    machine: input.machineLevel,
  });
  if (!chk.ok) refuse(chk.violations);
  await updateCarrierState(sql, c.id, {
    status: next.status,
    holderPersonId: next.holderPersonId,
    custodianPersonId: c.custodianPersonId,
    outSince: c.outSince,
    dueDate: c.dueDate,
    destructionId: c.destructionId,
  });
  await insertStep(sql, {
    carrierId: c.id,
    orgId: c.orgId,
    kind: 'medium_use',
    actorPersonId: caller.personId,
    actorAccountId: caller.accountId,
    statusAfter: next.status,
    holderPersonId: next.holderPersonId,
    details: {
      machineLevel: input.machineLevel,
      machine: input.machine.trim(),
      dataLevel: input.dataLevel,
      purpose: (input.purpose ?? '').trim(),
    },
  });
  await appendAudit(sql, actor, {
    action: 'carrier.medium_use',
    objectType: 'carrier',
    objectId: c.id,
    summary: { level: c.level, machineLevel: input.machineLevel, dataLevel: input.dataLevel },
  });
  return toCarrier((await getCarrier(sql, c.id))!);
}
