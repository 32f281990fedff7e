import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CarrierStatus } from './enums.ts';
import {
  type CampaignKind,
  campaignCounts,
  carrierIdFromLabel,
  checkCampaignClose,
  checkCampaignNotEmpty,
  checkCampaignScope,
  checkConfirmation,
  checkConfirmer,
  checkFoundAgain,
  confirmationEvent,
  inCampaignScope,
} from './inventory.ts';
import type { InventoryResult } from './rules.ts';

const codes = (vs: { code: string }[]) => vs.map((x) => x.code);

describe('R-CAR-09 opening a campaign', () => {
  const cases: [string, Parameters<typeof checkCampaignScope>[0], string[]][] = [
    ['all carriers need nothing more', { scope: 'all' }, []],
    ['a department scope names the department', { scope: 'department' }, ['campaign_scope_department']],
    ['a department scope with one', { scope: 'department', departmentId: 'd' }, []],
    ['a level scope names the level', { scope: 'level', level: null }, ['campaign_scope_level']],
    ['a batch recall names the batch', { scope: 'batch' }, ['campaign_scope_batch']],
    ['a batch recall with one', { scope: 'batch', batchId: 'b' }, []],
  ];
  for (const [name, s, want] of cases)
    test(`R-CAR-09 ${name}`, () => assert.deepEqual(codes(checkCampaignScope(s)), want));

  const scope: [CarrierStatus, boolean][] = [
    ['in_registry', true],
    ['on_loan', true],
    ['taken_out', true],
    ['pending_destruction', true],
    ['missing', true],
    ['destroyed', false],
    ['handed_over', false],
  ];
  for (const [status, want] of scope)
    test(`R-CAR-09 a ${status} carrier is ${want ? '' : 'not '}in scope`, () =>
      assert.equal(inCampaignScope(status), want));
  test('R-CAR-09 an empty scope is refused', () => {
    assert.deepEqual(codes(checkCampaignNotEmpty(0)), ['campaign_empty']);
    assert.deepEqual(checkCampaignNotEmpty(3), []);
  });
});

describe('R-CAR-09 confirming', () => {
  test('R-CAR-09 once per carrier: a second confirmation is a conflict naming the first', () => {
    assert.equal(checkConfirmation({ status: 'open' }, { result: null, confirmedAt: null }).allowed, true);
    const v = checkConfirmation(
      { status: 'open' },
      { result: 'missing', confirmedAt: new Date('2026-03-06T02:00:00Z'), confirmedByName: '赵敏' },
    );
    assert.ok(!v.allowed && v.kind === 'conflict' && v.reason.code === 'campaign_item_confirmed');
    assert.match(v.reason.zh, /赵敏于2026-03-06 10:00确认为“缺失”/u);
  });
  test('R-CAR-09 a closed campaign takes no confirmation', () => {
    const v = checkConfirmation({ status: 'closed' }, { result: null, confirmedAt: null });
    assert.ok(!v.allowed && v.kind === 'conflict' && v.reason.code === 'campaign_closed');
  });
  const who: [string, { personId: string; officer: boolean }, boolean][] = [
    ['the custodian confirms', { personId: 'c', officer: false }, true],
    ['the secrecy officer confirms on his behalf', { personId: 'o', officer: true }, true],
    ['anyone else is refused', { personId: 'x', officer: false }, false],
  ];
  for (const [name, c, want] of who)
    test(`R-CAR-09 ${name}`, () => assert.equal(checkConfirmer(c, { custodianPersonId: 'c' }).allowed, want));

  const effects: [CampaignKind, InventoryResult, CarrierStatus, string | null, boolean][] = [
    ['inventory', 'missing', 'in_registry', 'missing', true],
    ['inventory', 'missing', 'on_loan', 'missing', true],
    ['recall', 'missing', 'taken_out', 'missing', true],
    ['inventory', 'missing', 'missing', null, false],
    ['inventory', 'found', 'in_registry', null, false],
    ['inventory', 'found', 'on_loan', null, false],
    ['inventory', 'found', 'missing', 'found', false],
    ['recall', 'found', 'on_loan', 'return', false],
    ['recall', 'found', 'taken_out', 'bring_back', false],
    ['recall', 'found', 'in_registry', null, false],
    ['recall', 'damaged', 'on_loan', null, false],
    ['inventory', 'damaged', 'in_registry', null, false],
  ];
  test('R-CAR-04 R-CAR-09 in a recall the borrower confirming his own loan does not return it: the registry does', () => {
    assert.equal(confirmationEvent('recall', 'found', 'on_loan', false).event, null);
    assert.equal(confirmationEvent('recall', 'found', 'taken_out', false).event, null);
    assert.equal(confirmationEvent('recall', 'found', 'on_loan', true).event?.kind, 'return');
  });
  for (const [kind, result, status, event, incident] of effects)
    test(`R-CAR-09 R-INC-01 ${kind}: ${result} when ${status} → ${event ?? 'no step'}${incident ? ', an incident' : ''}`, () => {
      const e = confirmationEvent(kind, result, status);
      assert.equal(e.event?.kind ?? null, event);
      assert.equal(e.opensIncident, incident);
    });
});

describe('R-CAR-09 closing and the report', () => {
  test('R-CAR-09 a campaign closes only when every carrier is confirmed', () => {
    assert.equal(checkCampaignClose({ status: 'open', unconfirmed: 0 }).allowed, true);
    const v = checkCampaignClose({ status: 'open', unconfirmed: 2 });
    assert.ok(!v.allowed && v.kind === 'conflict' && /2件/u.test(v.reason.zh));
    assert.equal(checkCampaignClose({ status: 'closed', unconfirmed: 0 }).allowed, false);
  });
  test('R-CAR-09 counts by result', () =>
    assert.deepEqual(campaignCounts(['found', 'found', 'missing', 'damaged', null]), {
      total: 5,
      found: 2,
      missing: 1,
      damaged: 1,
      unconfirmed: 1,
    }));
  const labels: [string, string | null][] = [
    ['BAOMI-CARRIER:0f0e0d0c-0b0a-4909-8807-060504030201', '0f0e0d0c-0b0a-4909-8807-060504030201'],
    ['  baomi-carrier:0F0E0D0C-0B0A-4909-8807-060504030201\r', '0f0e0d0c-0b0a-4909-8807-060504030201'],
    ['0f0e0d0c-0b0a-4909-8807-060504030201', null],
    ['BAOMI-CARRIER:not-a-uuid', null],
    ['BAOMI-CARRIER:0f0e0d0c-0b0a-4909-8807-060504030201; DROP', null],
  ];
  for (const [text, want] of labels)
    test(`R-CAR-09 the label ${JSON.stringify(text)} names ${want ?? 'nothing'}`, () =>
      assert.equal(carrierIdFromLabel(text), want));
});

describe('R-CAR-09 found again', () => {
  test('R-CAR-09 a missing carrier is confirmed found by the secrecy officer only', () => {
    const v = checkFoundAgain({ officer: false }, 'missing', 'found');
    assert.ok(!v.allowed && v.kind === 'forbidden' && v.reason.code === 'campaign_found_by_registry');
    assert.equal(checkFoundAgain({ officer: true }, 'missing', 'found').allowed, true);
    assert.equal(checkFoundAgain({ officer: false }, 'missing', 'missing').allowed, true);
    assert.equal(checkFoundAgain({ officer: false }, 'in_registry', 'found').allowed, true);
  });
});
