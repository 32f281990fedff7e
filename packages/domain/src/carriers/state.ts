// R-CAR-01, R-CAR-04, R-CAR-07, R-CAR-08: a carrier's life as a state machine. Every registered step
// (登记) is an event; `nextCarrierState` says where it leads, or refuses with a bilingual reason naming the
// carrier's current state (and its holder). The server locks the carrier's row, reads its state, asks
// here, and writes the step and the new state in one transaction: two registrars acting at once never
// both succeed — the second sees the first's state and gets this refusal (409).
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import type { RuleViolation } from '../errors.ts';
import {
  CARRIER_STATUS_LABELS,
  type CarrierStatus,
  FINAL_CARRIER_STATUSES,
  STEP_KIND_LABELS,
  type StepKind,
} from './enums.ts';

/** Where a carrier is now and who has it. */
export interface CarrierState {
  status: CarrierStatus;
  /** Who has it in hand: the custodian while in the registry, the reader on loan, the carrier-out. */
  holderPersonId: string | null;
  holderName?: string | null;
  /** The registry's custodian (保管人) — a dedicated one for 绝密 (R-CAR-05a). */
  custodianPersonId: string | null;
  custodianName?: string | null;
}

/** One step that changes (or keeps) the state. Creation steps (receive, produce, copy) are not events. */
export type CarrierEvent =
  | { kind: 'loan'; toPersonId: string; toName?: string | null }
  | { kind: 'extend' }
  | { kind: 'return' }
  | { kind: 'take_out'; byPersonId: string; byName?: string | null }
  | { kind: 'bring_back' }
  | { kind: 'copy' }
  | { kind: 'handover'; toPersonId: string; toName?: string | null }
  | { kind: 'transfer_out' }
  | { kind: 'medium_use' }
  | { kind: 'widen' }
  | { kind: 'destruction_requested' }
  | { kind: 'destruction_cancelled' }
  | { kind: 'destroy' }
  | { kind: 'missing' }
  | { kind: 'found' };

/** Which states each event may start from. */
const FROM: Record<CarrierEvent['kind'], readonly CarrierStatus[]> = {
  loan: ['in_registry'],
  extend: ['on_loan'],
  return: ['on_loan'],
  take_out: ['in_registry'],
  bring_back: ['taken_out'],
  copy: ['in_registry'],
  handover: ['in_registry'],
  transfer_out: ['in_registry'],
  // R-CAR-11: a use of a medium is registered wherever the medium is, but never once it is gone.
  medium_use: ['in_registry', 'on_loan', 'taken_out'],
  // R-CAR-03: the leader's widening of the reading scope, on any carrier still in the ledger's custody.
  widen: ['in_registry', 'on_loan', 'taken_out', 'pending_destruction', 'missing'],
  destruction_requested: ['in_registry'],
  destruction_cancelled: ['pending_destruction'],
  destroy: ['pending_destruction'],
  missing: ['in_registry', 'on_loan', 'taken_out', 'pending_destruction'],
  found: ['missing'],
};

/** The current state in words, with its holder: 借出（持有人：张三）. */
export function describeCarrierState(s: CarrierState): { zh: string; en: string } {
  const label = CARRIER_STATUS_LABELS[s.status];
  const name = s.holderName ?? null;
  if ((s.status === 'on_loan' || s.status === 'taken_out') && name) {
    return { zh: `${label.zh}（持有人：${name}）`, en: `${label.en} (held by ${name})` };
  }
  if (s.status === 'in_registry' && s.custodianName) {
    return {
      zh: `${label.zh}（保管人：${s.custodianName}）`,
      en: `${label.en} (custodian ${s.custodianName})`,
    };
  }
  return label;
}

/** R-CAR-07, R-CAR-08: a destroyed or handed-over carrier is read-only. */
export function isCarrierReadOnly(status: CarrierStatus): boolean {
  return FINAL_CARRIER_STATUSES.includes(status);
}

function wrongState(s: CarrierState, step: StepKind, rule: string): RuleViolation {
  const now = describeCarrierState(s);
  const what = STEP_KIND_LABELS[step];
  if (isCarrierReadOnly(s.status)) {
    return {
      code: 'carrier_read_only',
      rule,
      field: 'status',
      zh: `该载体${now.zh}，只能查阅，不能再办理“${what.zh}”或其他任何登记`,
      en: `The carrier is "${now.en}": it is read-only and cannot be registered as "${what.en}" or any other step`,
    };
  }
  return {
    code: 'carrier_wrong_state',
    rule,
    field: 'status',
    zh: `该载体当前状态为“${now.zh}”，不能办理“${what.zh}”`,
    en: `The carrier is currently "${now.en}"; it cannot be registered as "${what.en}"`,
  };
}

/**
 * R-CAR-04 (不得横传): a carrier goes back to the registry before the next reader gets it. A loan
 * while it is on loan to someone else is passing it on, refused with the current holder named.
 */
export function checkNoPassingOn(s: CarrierState, toPersonId: string): Verdict {
  if (s.status !== 'on_loan' || s.holderPersonId === toPersonId) return allowed;
  const now = describeCarrierState(s);
  return refused('conflict', {
    code: 'passing_on',
    rule: 'R-CAR-04',
    field: 'toPersonId',
    zh: `不得横传：该载体当前状态为“${now.zh}”，须先归还登记处，才能借给下一位读者`,
    en: `No passing on: the carrier is currently "${now.en}"; it must go back to the registry before the next reader gets it`,
  });
}

/** The rule each event answers to, for the refusal's `rule`. */
const RULE_OF: Partial<Record<CarrierEvent['kind'], string>> = {
  loan: 'R-CAR-04',
  return: 'R-CAR-04',
  extend: 'R-CAR-04',
  take_out: 'R-CAR-06',
  bring_back: 'R-CAR-06',
  copy: 'R-CAR-05',
  handover: 'R-CAR-08',
  transfer_out: 'R-CAR-05a',
  medium_use: 'R-CAR-11',
  widen: 'R-CAR-03',
  destruction_requested: 'R-CAR-07',
  destruction_cancelled: 'R-CAR-07',
  destroy: 'R-CAR-07',
  missing: 'R-CAR-09',
  found: 'R-CAR-09',
};

export type CarrierTransition = { ok: true; state: CarrierState } | { ok: false; verdict: Verdict };

/**
 * R-CAR-01: the state after `event`, or the refusal (409) naming the current state. A final state
 * refuses everything (R-CAR-07); a loan while on loan to another is passing on (R-CAR-04).
 */
export function nextCarrierState(s: CarrierState, event: CarrierEvent): CarrierTransition {
  const rule = isCarrierReadOnly(s.status) ? 'R-CAR-07' : (RULE_OF[event.kind] ?? 'R-CAR-01');
  if (!isCarrierReadOnly(s.status) && event.kind === 'loan') {
    const p = checkNoPassingOn(s, event.toPersonId);
    if (!p.allowed) return { ok: false, verdict: p };
  }
  if (!FROM[event.kind].includes(s.status)) {
    return { ok: false, verdict: refused('conflict', wrongState(s, event.kind, rule)) };
  }
  const registry = {
    holderPersonId: s.custodianPersonId,
    holderName: s.custodianName ?? null,
  };
  switch (event.kind) {
    case 'loan':
      return ok({
        ...s,
        status: 'on_loan',
        holderPersonId: event.toPersonId,
        holderName: event.toName ?? null,
      });
    case 'take_out':
      return ok({
        ...s,
        status: 'taken_out',
        holderPersonId: event.byPersonId,
        holderName: event.byName ?? null,
      });
    case 'return':
    case 'bring_back':
    case 'destruction_cancelled':
    case 'found':
      return ok({ ...s, status: 'in_registry', ...registry });
    case 'extend':
    case 'copy':
    case 'medium_use':
    case 'widen':
      return ok(s);
    case 'handover':
      return ok({
        ...s,
        custodianPersonId: event.toPersonId,
        custodianName: event.toName ?? null,
        holderPersonId: event.toPersonId,
        holderName: event.toName ?? null,
      });
    case 'transfer_out':
      return ok({ ...s, status: 'handed_over', holderPersonId: null, holderName: null });
    case 'destruction_requested':
      return ok({ ...s, status: 'pending_destruction' });
    case 'destroy':
      return ok({ ...s, status: 'destroyed', holderPersonId: null, holderName: null });
    case 'missing':
      return ok({ ...s, status: 'missing' });
  }
}

const ok = (state: CarrierState): CarrierTransition => ({ ok: true, state });

/** The verdict alone (for abilities): may `event` be registered now? */
export function canRegisterStep(s: CarrierState, event: CarrierEvent): Verdict {
  const t = nextCarrierState(s, event);
  return t.ok ? allowed : t.verdict;
}
