import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateRead, type ReadableRecord, type Reader } from '../access/rule.ts';
import { CARRIER_STATUSES, type CarrierStatus } from './enums.ts';
import { CARRIER_READ } from './read.ts';
import {
  type CarrierEvent,
  type CarrierState,
  canRegisterStep,
  describeCarrierState,
  nextCarrierState,
} from './state.ts';

const st = (status: CarrierStatus, extra: Partial<CarrierState> = {}): CarrierState => ({
  status,
  holderPersonId: status === 'on_loan' ? 'reader-1' : 'cust',
  holderName: status === 'on_loan' ? '张三' : '李保管',
  custodianPersonId: 'cust',
  custodianName: '李保管',
  ...extra,
});

const EVENTS: Record<CarrierEvent['kind'], CarrierEvent> = {
  loan: { kind: 'loan', toPersonId: 'reader-2', toName: '王五' },
  extend: { kind: 'extend' },
  return: { kind: 'return' },
  take_out: { kind: 'take_out', byPersonId: 'p-9', byName: '赵六' },
  bring_back: { kind: 'bring_back' },
  copy: { kind: 'copy' },
  handover: { kind: 'handover', toPersonId: 'cust-2', toName: '新保管' },
  transfer_out: { kind: 'transfer_out' },
  medium_use: { kind: 'medium_use' },
  widen: { kind: 'widen' },
  destruction_requested: { kind: 'destruction_requested' },
  destruction_cancelled: { kind: 'destruction_cancelled' },
  destroy: { kind: 'destroy' },
  missing: { kind: 'missing' },
  found: { kind: 'found' },
};

// Written out by hand: the state each event leads to from each state (absent: refused).
const TABLE: Record<CarrierEvent['kind'], Partial<Record<CarrierStatus, CarrierStatus>>> = {
  loan: { in_registry: 'on_loan' },
  extend: { on_loan: 'on_loan' },
  return: { on_loan: 'in_registry' },
  take_out: { in_registry: 'taken_out' },
  bring_back: { taken_out: 'in_registry' },
  copy: { in_registry: 'in_registry' },
  handover: { in_registry: 'in_registry' },
  transfer_out: { in_registry: 'handed_over' },
  medium_use: { in_registry: 'in_registry', on_loan: 'on_loan', taken_out: 'taken_out' },
  widen: {
    in_registry: 'in_registry',
    on_loan: 'on_loan',
    taken_out: 'taken_out',
    pending_destruction: 'pending_destruction',
    missing: 'missing',
  },
  destruction_requested: { in_registry: 'pending_destruction' },
  destruction_cancelled: { pending_destruction: 'in_registry' },
  destroy: { pending_destruction: 'destroyed' },
  missing: {
    in_registry: 'missing',
    on_loan: 'missing',
    taken_out: 'missing',
    pending_destruction: 'missing',
  },
  found: { missing: 'in_registry' },
};

describe('carrier state machine', () => {
  for (const [kind, row] of Object.entries(TABLE) as [
    CarrierEvent['kind'],
    Partial<Record<CarrierStatus, CarrierStatus>>,
  ][]) {
    for (const from of CARRIER_STATUSES) {
      const to = row[from];
      test(`R-CAR-01 ${kind} from ${from} → ${to ?? 'refused (409 naming the state)'}`, () => {
        const t = nextCarrierState(st(from), EVENTS[kind]);
        if (to) {
          assert.equal(t.ok, true);
          if (t.ok) assert.equal(t.state.status, to);
        } else {
          assert.equal(t.ok, false);
          if (t.ok || t.verdict.allowed) return;
          assert.equal(t.verdict.kind, 'conflict');
          const now = describeCarrierState(st(from));
          // The refusal names the current state in both languages.
          assert.ok(t.verdict.reason.zh.includes(now.zh), t.verdict.reason.zh);
          assert.ok(t.verdict.reason.en.includes(now.en), t.verdict.reason.en);
        }
      });
    }
  }

  test('R-CAR-04 a loan while on loan to another reader is passing on, naming the holder', () => {
    const t = nextCarrierState(st('on_loan'), EVENTS.loan);
    assert.equal(t.ok, false);
    if (t.ok || t.verdict.allowed) return;
    assert.equal(t.verdict.reason.code, 'passing_on');
    assert.equal(t.verdict.reason.rule, 'R-CAR-04');
    assert.match(t.verdict.reason.zh, /不得横传.*张三/u);
    assert.match(t.verdict.reason.en, /passing on.*张三/u);
  });

  test('R-CAR-04 a loan back in the registry goes to the next reader; the holder follows the carrier', () => {
    let s = st('in_registry');
    const steps: CarrierEvent[] = [
      { kind: 'loan', toPersonId: 'r1', toName: '甲' },
      { kind: 'return' },
      { kind: 'loan', toPersonId: 'r2', toName: '乙' },
    ];
    const holders: (string | null)[] = [];
    for (const e of steps) {
      const t = nextCarrierState(s, e);
      assert.ok(t.ok);
      if (t.ok) s = t.state;
      holders.push(s.holderPersonId);
    }
    assert.deepEqual(holders, ['r1', 'cust', 'r2']);
  });

  for (const final of ['destroyed', 'handed_over'] as const) {
    for (const kind of Object.keys(EVENTS) as CarrierEvent['kind'][]) {
      test(`R-CAR-07 R-CAR-08 a ${final} carrier is read-only: ${kind} refused`, () => {
        const v = canRegisterStep(st(final, { holderPersonId: null }), EVENTS[kind]);
        assert.equal(v.allowed, false);
        if (v.allowed) return;
        assert.equal(v.reason.code, 'carrier_read_only');
        assert.equal(v.kind, 'conflict');
        assert.match(v.reason.zh, /只能查阅/u);
      });
    }
  }

  test('R-CAR-08 a handover changes the custodian and the holder', () => {
    const t = nextCarrierState(st('in_registry'), EVENTS.handover);
    assert.ok(t.ok);
    if (t.ok) {
      assert.equal(t.state.custodianPersonId, 'cust-2');
      assert.equal(t.state.holderPersonId, 'cust-2');
    }
  });
});

describe('carrier read rule', () => {
  const reader = (over: Partial<Reader> = {}): Reader => ({
    personId: 'p-1',
    orgId: 'org-a',
    departmentId: 'd-1',
    position: '科员',
    clearance: 'secret',
    roles: ['staff'],
    ...over,
  });
  const record = (over: Partial<ReadableRecord> = {}): ReadableRecord => ({
    orgId: 'org-a',
    level: 'secret',
    status: 'in_registry',
    handlerPersonId: 'cust',
    knowScope: { personIds: [], departmentIds: ['d-9'], positions: [] },
    sentTo: [],
    deciders: [],
    ...over,
  });
  const cases: [string, Partial<Reader>, Partial<ReadableRecord>, boolean][] = [
    ['staff outside the scope', {}, {}, false],
    ['staff in the scope', {}, { knowScope: { personIds: [], departmentIds: ['d-1'], positions: [] } }, true],
    ['the holder', {}, { handlerPersonId: 'p-1' }, true],
    ['the secrecy officer', { roles: ['secrecy_officer'] }, {}, true],
    [
      'the secrecy officer below the level',
      { roles: ['secrecy_officer'], clearance: 'confidential' },
      {},
      false,
    ],
    ['the holder below the level', { clearance: 'none' }, { handlerPersonId: 'p-1' }, false],
    ['a leader of another organisation', { roles: ['leader'], orgId: 'org-b' }, {}, false],
  ];
  for (const [name, r, c, expected] of cases) {
    test(`R-PER-01 R-DES-08a carrier read: ${name} → ${expected ? 'reads' : 'refused'}`, () => {
      assert.equal(evaluateRead(CARRIER_READ, reader(r), record(c)), expected);
    });
  }
});
