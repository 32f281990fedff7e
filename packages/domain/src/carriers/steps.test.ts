import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Check } from '../errors.ts';
import type { Level } from '../levels/level.ts';
import type { Conveyance, MachineLevel } from './enums.ts';
import { nextCarrierState } from './state.ts';
import { checkMediumUseOn, checkSendOut } from './steps.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((v) => v.code));

describe('R-CAR-05a sending a carrier out', () => {
  const base = {
    level: 'secret' as Level,
    recipientOrgan: '市发展改革委',
    docNumber: '发〔2026〕3号',
    conveyance: 'confidential_mail' as Conveyance,
    bearers: [] as string[],
  };
  const cases: [string, Partial<typeof base>, string[]][] = [
    ['secret by confidential mail, no bearer: allowed', {}, []],
    ['secret by hand with one bearer: allowed', { conveyance: 'by_hand', bearers: ['张三'] }, []],
    ['secret by hand with nobody named: refused', { conveyance: 'by_hand' }, ['bearer_missing']],
    ['ordinary post: refused', { conveyance: 'ordinary_post', bearers: ['张三'] }, ['conveyance_forbidden']],
    ['courier: refused', { conveyance: 'courier' }, ['conveyance_forbidden']],
    [
      '绝密 carried by one: refused',
      { level: 'top_secret', conveyance: 'by_hand', bearers: ['张三'] },
      ['two_people_required'],
    ],
    [
      '绝密 carried by the same name twice: refused',
      { level: 'top_secret', conveyance: 'by_hand', bearers: ['张三', ' 张三 '] },
      ['two_people_required'],
    ],
    [
      '绝密 by confidential mail with two named: allowed',
      { level: 'top_secret', bearers: ['张三', '李四'] },
      [],
    ],
    [
      '绝密 by confidential mail with nobody named: refused',
      { level: 'top_secret' },
      ['two_people_required'],
    ],
    ['R-CAR-01 no receiving organ: refused', { recipientOrgan: ' ' }, ['recipient_missing']],
    ['R-CAR-01 no transmittal 文号: refused', { docNumber: '' }, ['transmittal_missing']],
  ];
  for (const [name, over, expected] of cases)
    test(`R-CAR-05a ${name}`, () => assert.deepEqual(codes(checkSendOut({ ...base, ...over })), expected));
  test('R-CAR-05a the two-people refusal names the bearers field', () => {
    const c = checkSendOut({ ...base, level: 'top_secret', bearers: ['张三'] });
    assert.equal(c.ok, false);
    if (!c.ok) assert.equal(c.violations[0]!.field, 'bearers');
  });
});

describe('R-CAR-11 a use of a medium on a machine', () => {
  const cases: [Level, Level, MachineLevel, string[]][] = [
    ['secret', 'secret', 'secret', []],
    ['secret', 'confidential', 'top_secret', []],
    ['secret', 'secret', 'unclassified', ['medium_cross_use']],
    ['confidential', 'secret', 'secret', ['medium_level_too_low']],
    ['secret', 'secret', 'confidential', ['machine_level_too_low']],
    ['top_secret', 'top_secret', 'unclassified', ['medium_cross_use']],
    ['confidential', 'top_secret', 'unclassified', ['medium_level_too_low', 'medium_cross_use']],
  ];
  for (const [medium, data, machine, expected] of cases)
    test(`R-CAR-11 ${medium} medium, ${data} data, ${machine} machine: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkMediumUseOn({ mediumLevel: medium, dataLevel: data, machine })), expected));
});

describe('R-CAR-01 the new steps in the state machine', () => {
  const s = (status: 'in_registry' | 'handed_over' | 'destroyed' | 'on_loan') => ({
    status,
    holderPersonId: status === 'handed_over' || status === 'destroyed' ? null : 'c',
    custodianPersonId: 'c',
  });
  test('R-CAR-05a a sent carrier is read-only: every step refused naming its state', () => {
    const t = nextCarrierState(s('in_registry'), { kind: 'transfer_out' });
    assert.equal(t.ok, true);
    if (!t.ok) return;
    for (const kind of ['medium_use', 'widen', 'return', 'destruction_requested', 'transfer_out'] as const) {
      const r = nextCarrierState(t.state, { kind });
      assert.equal(r.ok, false);
      if (!r.ok && !r.verdict.allowed) assert.match(r.verdict.reason.zh, /已发出/);
    }
  });
  test('R-CAR-11 a medium on loan may be used; a destroyed one may not', () => {
    assert.equal(nextCarrierState(s('on_loan'), { kind: 'medium_use' }).ok, true);
    assert.equal(nextCarrierState(s('destroyed'), { kind: 'medium_use' }).ok, false);
  });
});
