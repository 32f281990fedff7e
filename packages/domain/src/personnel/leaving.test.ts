import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Check } from '../errors.ts';
import { addDays, compareDates, formatPlainDate, fromDayNumber, toDayNumber } from '../levels/calendar.ts';
import { PERSON_CLASSES, type PersonClass } from './enums.ts';
import {
  type ClassChange,
  checkCoolingOffMonths,
  checkCoolingOffPolicy,
  checkLeaving,
  checkLeavingApprovalDate,
  coolingOffEnd,
  coolingOffPeriod,
  coolingOffWatch,
  DEFAULT_COOLING_OFF_POLICY,
  inAnyCoolingOff,
  inCoolingOff,
  type LeavingState,
} from './leaving.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((x) => x.code));

describe('R-PER-06 R-CAR-08 the leaving checklist', () => {
  const done: LeavingState = {
    reminderTalkOn: '2026-11-20',
    exitCommitmentSignedOn: '2026-11-21',
    carriersInCustody: 0,
    devicesNotReturned: 0,
    accessRevoked: true,
  };
  const cases: [string, Partial<LeavingState>, string[]][] = [
    ['everything done', {}, []],
    ['no reminder talk', { reminderTalkOn: null }, ['leaving_reminder_talk_missing']],
    ['no exit commitment', { exitCommitmentSignedOn: null }, ['leaving_exit_commitment_missing']],
    ['a carrier in custody', { carriersInCustody: 1 }, ['leaving_carriers_in_custody']],
    ['a device not returned', { devicesNotReturned: 2 }, ['leaving_devices_not_returned']],
    ['access not revoked', { accessRevoked: false }, ['leaving_access_not_revoked']],
    [
      'nothing done: every item, in order',
      {
        reminderTalkOn: null,
        exitCommitmentSignedOn: null,
        carriersInCustody: 3,
        devicesNotReturned: 1,
        accessRevoked: false,
      },
      [
        'leaving_reminder_talk_missing',
        'leaving_exit_commitment_missing',
        'leaving_carriers_in_custody',
        'leaving_devices_not_returned',
        'leaving_access_not_revoked',
      ],
    ],
  ];
  for (const [name, patch, expected] of cases) {
    test(`R-PER-06 ${name}: ${expected.join(', ') || 'ok'}`, () =>
      assert.deepEqual(codes(checkLeaving({ ...done, ...patch })), expected));
  }
  test('R-CAR-08 the refusal names the carriers and the count, in Chinese and English', () => {
    const c = checkLeaving({
      ...done,
      carriersInCustody: 5,
      carrierNames: ['关于A的通知（000003）', 'B方案（000001）', 'C报告', 'D', 'E'],
    });
    assert.equal(c.ok, false);
    if (!c.ok) {
      const [x] = c.violations;
      assert.equal(x?.rule, 'R-CAR-08');
      assert.match(x?.zh ?? '', /5件.*关于A的通知（000003）、B方案（000001）、C报告等5件/u);
      assert.match(x?.en ?? '', /5 carrier.*C报告 and 2 more/u);
    }
  });
});

describe('R-PER-06 the length of a 脱密期', () => {
  const cases: [number, string[]][] = [
    [6, []],
    [12, []],
    [60, []],
    [5, ['cooling_off_out_of_range']],
    [61, ['cooling_off_out_of_range']],
    [0, ['cooling_off_out_of_range']],
    [12.5, ['cooling_off_out_of_range']],
    [Number.NaN, ['cooling_off_out_of_range']],
  ];
  for (const [m, expected] of cases) {
    test(`R-PER-06 ${m} months: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkCoolingOffMonths(m)), expected));
  }
  test('R-PER-06 the defaults: 核心 3 years, 重要 2, 一般 1, and they pass the policy check', () => {
    assert.deepEqual({ ...DEFAULT_COOLING_OFF_POLICY }, { core: 36, important: 24, general: 12 });
    assert.equal(checkCoolingOffPolicy(DEFAULT_COOLING_OFF_POLICY).ok, true);
  });
  test('R-PER-06 a policy out of bounds names each class; a higher class shorter is refused', () => {
    assert.deepEqual(codes(checkCoolingOffPolicy({ core: 72, important: 24, general: 3 })), [
      'cooling_off_out_of_range',
      'cooling_off_out_of_range',
    ]);
    assert.deepEqual(codes(checkCoolingOffPolicy({ core: 12, important: 24, general: 12 })), [
      'cooling_off_order',
    ]);
  });
});

describe('R-PER-06 脱密期 end dates (民法典 第201、202条: the corresponding day, else the month end)', () => {
  const cases: [string, string, number, string][] = [
    ['2 years from a leap day ends on 28 February', '2028-02-29', 24, '2030-02-28'],
    ['4 years from a leap day ends on the next leap day', '2028-02-29', 48, '2032-02-29'],
    ['1 year from a leap day', '2028-02-29', 12, '2029-02-28'],
    ['6 months from 31 August ends at the end of February', '2026-08-31', 6, '2027-02-28'],
    ['6 months from 31 August into a leap February', '2027-08-31', 6, '2028-02-29'],
    ['6 months from 31 March ends on 30 September', '2026-03-31', 6, '2026-09-30'],
    ['a plain day: the same day of the month', '2026-03-15', 12, '2027-03-15'],
    ['3 years from 31 December', '2026-12-31', 36, '2029-12-31'],
    ['5 years from 28 February of a leap year', '2028-02-28', 60, '2033-02-28'],
  ];
  for (const [name, from, months, end] of cases) {
    test(`R-PER-06 ${name}: ${from} + ${months} months → ${end}`, () =>
      assert.equal(coolingOffEnd(from, months), end));
  }
  test('R-PER-06 the approval day and the last day are inside; the next day is free', () => {
    const p = coolingOffPeriod('2028-02-29', 'important');
    assert.deepEqual(p, { start: '2028-02-29', end: '2030-02-28', months: 24, personClass: 'important' });
    assert.equal(inCoolingOff(p, '2028-02-28'), false);
    assert.equal(inCoolingOff(p, '2028-02-29'), true);
    assert.equal(inCoolingOff(p, '2030-02-28'), true);
    assert.equal(inCoolingOff(p, '2030-03-01'), false);
  });
  test('R-PER-06 the default length per class from one approval date', () => {
    assert.equal(coolingOffPeriod('2026-11-27', 'core').end, '2029-11-27');
    assert.equal(coolingOffPeriod('2026-11-27', 'important').end, '2028-11-27');
    assert.equal(coolingOffPeriod('2026-11-27', 'general').end, '2027-11-27');
  });
  test('R-PER-06 a length set for this person replaces the class default', () => {
    assert.equal(
      coolingOffPeriod('2026-11-27', 'general', DEFAULT_COOLING_OFF_POLICY, [], 6).end,
      '2027-05-27',
    );
  });
  test('R-PER-06 leaving approved: not in the future, not a bad date', () => {
    assert.deepEqual(codes(checkLeavingApprovalDate('2026-11-27', '2026-11-27')), []);
    assert.deepEqual(codes(checkLeavingApprovalDate('2026-11-28', '2026-11-27')), ['leaving_date_future']);
    assert.deepEqual(codes(checkLeavingApprovalDate('9999-12-31', '2026-11-27')), ['leaving_date_future']);
    assert.deepEqual(codes(checkLeavingApprovalDate('1900-01-01', '2026-11-27')), ['leaving_date_invalid']);
    assert.deepEqual(codes(checkLeavingApprovalDate('2026-02-30', '2026-11-27')), ['leaving_date_invalid']);
  });
  test('R-PER-06 two posts left: a day inside either period is inside', () => {
    const ps = [coolingOffPeriod('2025-01-10', 'general'), coolingOffPeriod('2026-06-01', 'general')];
    assert.equal(inAnyCoolingOff(ps, '2026-03-01'), false);
    assert.equal(inAnyCoolingOff(ps, '2026-01-10'), true);
    assert.equal(inAnyCoolingOff(ps, '2027-06-01'), true);
    assert.equal(inAnyCoolingOff(ps, '2027-06-02'), false);
  });
});

describe('R-PER-06 a class change during the 脱密期: the longer period stands', () => {
  const A = '2026-01-15';
  const cases: [string, PersonClass, ClassChange[], string, PersonClass][] = [
    ['no change', 'general', [], '2027-01-15', 'general'],
    [
      'raised to 核心 during the period: 3 years from the approval',
      'general',
      [{ on: '2026-06-01', personClass: 'core' }],
      '2029-01-15',
      'core',
    ],
    [
      'lowered to 一般: the 2 years stand',
      'important',
      [{ on: '2026-06-01', personClass: 'general' }],
      '2028-01-15',
      'important',
    ],
    [
      'raised after the period ended: no effect',
      'general',
      [{ on: '2027-01-16', personClass: 'core' }],
      '2027-01-15',
      'general',
    ],
    [
      'raised on its last day: counts',
      'general',
      [{ on: '2027-01-15', personClass: 'important' }],
      '2028-01-15',
      'important',
    ],
    [
      'a change dated before the approval is not a change during it',
      'general',
      [{ on: '2025-12-01', personClass: 'core' }],
      '2027-01-15',
      'general',
    ],
    [
      'raised twice, in any order of entry: the longest stands',
      'general',
      [
        { on: '2027-06-01', personClass: 'core' },
        { on: '2026-06-01', personClass: 'important' },
      ],
      '2029-01-15',
      'core',
    ],
  ];
  for (const [name, cls, changes, end, setBy] of cases) {
    test(`R-PER-06 ${name} → ${end}`, () => {
      const p = coolingOffPeriod(A, cls, DEFAULT_COOLING_OFF_POLICY, changes);
      assert.equal(p.end, end);
      assert.equal(p.personClass, setBy);
    });
  }
});

describe('R-PER-06 脱密期 date arithmetic (properties)', () => {
  const lo = toDayNumber({ year: 1950, month: 1, day: 1 });
  const hi = toDayNumber({ year: 2500, month: 12, day: 31 });
  const dateArb = fc.integer({ min: lo, max: hi }).map((n) => formatPlainDate(fromDayNumber(n)));
  const monthsArb = fc.integer({ min: 6, max: 60 });
  const classArb = fc.constantFrom(...PERSON_CLASSES);

  test('R-PER-06 the end is after the start, at most 5 years and one day later, and inside the period', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, (d, m) => {
        const end = coolingOffEnd(d, m);
        assert.ok(compareDates(end, d) > 0);
        assert.ok(compareDates(end, addDays(d, 5 * 366)) <= 0);
        const p = { start: d, end };
        assert.ok(inCoolingOff(p, d) && inCoolingOff(p, end) && !inCoolingOff(p, addDays(end, 1)));
      }),
    );
  });
  test('R-PER-06 the end keeps the day of the month, or is the last day of a shorter month', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, (d, m) => {
        const end = coolingOffEnd(d, m);
        const day = Number(d.slice(8));
        const endDay = Number(end.slice(8));
        if (endDay !== day) {
          assert.ok(endDay < day);
          assert.equal(Number(addDays(end, 1).slice(8)), 1); // the month's last day
        }
        const months =
          (Number(end.slice(0, 4)) - Number(d.slice(0, 4))) * 12 +
          Number(end.slice(5, 7)) -
          Number(d.slice(5, 7));
        assert.equal(months, m);
      }),
    );
  });
  test('R-PER-06 a longer period never ends earlier (monotone in months)', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, monthsArb, (d, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        assert.ok(compareDates(coolingOffEnd(d, x), coolingOffEnd(d, y)) <= 0);
      }),
    );
  });
  test('R-PER-06 class changes never shorten the period, and it is never longer than the longest class', () => {
    fc.assert(
      fc.property(
        dateArb,
        classArb,
        fc.array(fc.tuple(fc.integer({ min: -100, max: 2000 }), classArb), { maxLength: 5 }),
        (d, cls, raw) => {
          const changes = raw.map(([off, c]) => ({ on: addDays(d, off), personClass: c }));
          const base = coolingOffPeriod(d, cls);
          const p = coolingOffPeriod(d, cls, DEFAULT_COOLING_OFF_POLICY, changes);
          assert.ok(compareDates(p.end, base.end) >= 0);
          assert.ok(compareDates(p.end, coolingOffEnd(d, DEFAULT_COOLING_OFF_POLICY.core)) <= 0);
          assert.equal(p.start, d);
          assert.equal(p.end, coolingOffEnd(d, p.months));
        },
      ),
    );
  });
});

describe('R-PER-06 the 脱密期 watch list', () => {
  test('R-PER-06 people in a period today, once each with the period ending last, soonest end first', () => {
    const w = coolingOffWatch(
      [
        { personId: 'a', periods: [coolingOffPeriod('2026-01-10', 'general')] },
        { personId: 'b', periods: [coolingOffPeriod('2025-01-10', 'general')] }, // ended 2026-01-10
        {
          personId: 'c',
          periods: [coolingOffPeriod('2025-06-01', 'general'), coolingOffPeriod('2026-06-01', 'core')],
        },
        { personId: 'd', periods: [] },
        { personId: 'e', periods: [coolingOffPeriod('2026-11-27', 'general')] },
      ],
      '2026-11-27',
    );
    assert.deepEqual(
      w.map((x) => `${x.personId}:${x.end}:${x.daysLeft}`),
      ['a:2027-01-10:44', 'e:2027-11-27:365', 'c:2029-06-01:917'],
    );
  });
});
