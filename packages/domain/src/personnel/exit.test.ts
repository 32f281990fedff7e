import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  compareDates,
  daysBetween,
  formatPlainDate,
  fromDayNumber,
  toDayNumber,
} from '../levels/calendar.ts';
import { BRIEFING_TOPICS } from './enums.ts';
import {
  type Briefing,
  briefingCovers,
  checkExitApplication,
  checkExitPolicy,
  DEFAULT_EXIT_POLICY,
  EXIT_APPROVAL_CHAIN,
  EXIT_APPROVAL_FLOW,
  type ExitApplicationInput,
  type ExitPolicy,
  isReturnReportOverdue,
  returnReportDue,
} from './exit.ts';
import { coolingOffPeriod } from './leaving.ts';

const T = '2026-11-27';
const full: Briefing = { heldOn: '2026-11-20', topics: [...BRIEFING_TOPICS], signedByPerson: true };
const base: ExitApplicationInput = {
  kind: 'private',
  departOn: '2026-12-20',
  returnOn: '2026-12-30',
  today: T,
  coolingOff: [],
  carriersInCustody: 0,
  briefings: [full],
  approvedTrips: [],
};
const flagAll: ExitPolicy = {
  ...DEFAULT_EXIT_POLICY,
  coolingOff: 'flag',
  carriers: 'flag',
  briefing: 'flag',
};
const run = (patch: Partial<ExitApplicationInput>, policy?: ExitPolicy) => {
  const r = checkExitApplication({ ...base, ...patch }, policy);
  return { ok: r.ok, refusals: r.refusals.map((x) => x.code), flags: r.flags.map((x) => x.code) };
};

describe('R-PER-06a the approval chain', () => {
  test('R-PER-06a HR → secrecy office → approving leader, as data', () => {
    assert.deepEqual([...EXIT_APPROVAL_CHAIN], ['hr', 'secrecy_office', 'leader']);
    assert.equal(EXIT_APPROVAL_FLOW.type, 'exit_application');
    assert.deepEqual(
      EXIT_APPROVAL_FLOW.steps.map((s) => s.label.zh),
      ['人事部门意见', '保密办意见', '单位领导审批'],
    );
    assert.ok(EXIT_APPROVAL_FLOW.steps.at(-1)?.decisions.includes('approve'));
  });
});

describe('R-PER-06a exit applications: dates (always refused)', () => {
  const cases: [string, Partial<ExitApplicationInput>, string[]][] = [
    ['a good application', {}, []],
    ['departing today', { departOn: T, returnOn: T, briefings: [{ ...full, heldOn: T }] }, []],
    ['return before departure', { returnOn: '2026-12-19' }, ['exit_return_before_depart']],
    ['departure in the past', { departOn: '2026-11-26' }, ['exit_depart_past']],
    ['departure in 1900', { departOn: '1900-01-01' }, ['exit_depart_past']],
    ['departure in 9999', { departOn: '9999-12-01', returnOn: '9999-12-31' }, ['exit_depart_too_far']],
    ['return in 9999', { returnOn: '9999-12-31' }, ['exit_trip_too_long']],
    ['not a date', { departOn: '2026-02-30' }, ['exit_depart_invalid']],
    ['no dates at all', { departOn: '', returnOn: 'x' }, ['exit_depart_invalid', 'exit_return_invalid']],
    ['a trip of 367 days', { returnOn: addDays('2026-12-20', 366) }, ['exit_trip_too_long']],
    ['a trip of 366 days', { returnOn: addDays('2026-12-20', 365) }, []],
  ];
  for (const [name, patch, expected] of cases) {
    test(`R-PER-06a ${name}: ${expected.join(', ') || 'ok'}`, () => {
      const r = run(patch);
      assert.deepEqual(r.refusals, expected);
      assert.equal(r.ok, expected.length === 0);
    });
  }
});

describe('R-PER-06a an overlap with an approved trip (always refused, naming it)', () => {
  const trip = { id: 't1', departOn: '2026-12-28', returnOn: '2027-01-05' };
  const cases: [string, string, string, boolean][] = [
    ['overlapping the start', '2026-12-20', '2026-12-28', true],
    ['inside it', '2026-12-29', '2026-12-30', true],
    ['covering it', '2026-12-20', '2027-01-10', true],
    ['the day after it ends', '2027-01-06', '2027-01-10', false],
    ['ending the day before it', '2026-12-20', '2026-12-27', false],
  ];
  for (const [name, d, r, refused] of cases) {
    test(`R-PER-06a ${name}: ${refused ? 'refused' : 'ok'}`, () => {
      const out = checkExitApplication({ ...base, departOn: d, returnOn: r, approvedTrips: [trip] });
      assert.equal(out.ok, !refused);
      if (refused) assert.match(out.refusals[0]?.zh ?? '', /2026-12-28至2027-01-05/u);
    });
  }
});

describe('R-PER-06a R-PER-06 R-CAR-08 R-FOR-04 the linked conditions, refused or flagged by policy', () => {
  const inPeriod = [coolingOffPeriod('2026-06-01', 'general')]; // to 2027-06-01
  const noTopics: Briefing = { ...full, topics: ['patriotism', 'secrecy_law'] };
  const cases: [string, Partial<ExitApplicationInput>, string[]][] = [
    ['during a 脱密期', { coolingOff: inPeriod }, ['exit_in_cooling_off']],
    ['after the 脱密期 ended', { coolingOff: [coolingOffPeriod('2025-06-01', 'general')] }, []],
    [
      'a trip reaching into a 脱密期 that starts later',
      { coolingOff: [{ start: '2026-12-30', end: '2027-12-30' }] },
      ['exit_in_cooling_off'],
    ],
    ['carriers in custody', { carriersInCustody: 2 }, ['exit_carriers_in_custody']],
    ['no briefing', { briefings: [] }, ['exit_briefing_missing']],
    [
      'a briefing not signed by the person',
      { briefings: [{ ...full, signedByPerson: false }] },
      ['exit_briefing_missing'],
    ],
    [
      'a briefing after the departure',
      { briefings: [{ ...full, heldOn: '2026-12-21' }] },
      ['exit_briefing_missing'],
    ],
    [
      'a briefing a year before',
      { briefings: [{ ...full, heldOn: '2025-12-20' }] },
      ['exit_briefing_missing'],
    ],
    [
      'a briefing a year minus a day before (once a year is enough)',
      { briefings: [{ ...full, heldOn: '2025-12-21' }] },
      [],
    ],
    ['a briefing missing topics', { briefings: [noTopics] }, ['exit_briefing_incomplete']],
    ['a partial and a full briefing: the full one counts', { briefings: [noTopics, full] }, []],
    [
      'all three at once',
      { coolingOff: inPeriod, carriersInCustody: 1, briefings: [] },
      ['exit_in_cooling_off', 'exit_briefing_missing', 'exit_carriers_in_custody'],
    ],
  ];
  for (const [name, patch, expected] of cases) {
    test(`R-PER-06a ${name}, policy refuse: ${expected.join(', ') || 'ok'}`, () => {
      const r = run(patch);
      assert.deepEqual(r.refusals, expected);
      assert.deepEqual(r.flags, []);
    });
    test(`R-PER-06a ${name}, policy flag: ${expected.join(', ') || 'ok'} as flags`, () => {
      const r = run(patch, flagAll);
      assert.deepEqual(r.refusals, []);
      assert.deepEqual(r.flags, expected);
      assert.equal(r.ok, true);
    });
  }
  test('R-PER-06 the 脱密期 reason names its dates; R-FOR-04 names the missing topics; R-CAR-08 the carriers', () => {
    const r = checkExitApplication({
      ...base,
      coolingOff: inPeriod,
      carriersInCustody: 1,
      carrierNames: ['B方案（000001）'],
      briefings: [noTopics],
    });
    const by = Object.fromEntries(r.refusals.map((x) => [x.code, x]));
    assert.equal(by.exit_in_cooling_off?.rule, 'R-PER-06');
    assert.match(by.exit_in_cooling_off?.zh ?? '', /2026-06-01至2027-06-01/u);
    assert.equal(by.exit_briefing_incomplete?.rule, 'R-FOR-04');
    assert.match(by.exit_briefing_incomplete?.zh ?? '', /外事纪律.*通信保密/u);
    assert.equal(by.exit_carriers_in_custody?.rule, 'R-CAR-08');
    assert.match(by.exit_carriers_in_custody?.zh ?? '', /B方案（000001）/u);
    for (const x of r.refusals) assert.ok(x.en.length > 0 && /\p{Script=Han}/u.test(x.zh));
  });
  test('R-PER-06a a mixed policy: the 脱密期 refused, the carriers flagged', () => {
    const r = run(
      { coolingOff: inPeriod, carriersInCustody: 1 },
      { ...DEFAULT_EXIT_POLICY, carriers: 'flag' },
    );
    assert.deepEqual(r, {
      ok: false,
      refusals: ['exit_in_cooling_off'],
      flags: ['exit_carriers_in_custody'],
    });
  });
  test('R-FOR-04 briefingCovers: null without any, the missing topics otherwise', () => {
    assert.equal(briefingCovers([], '2026-12-20'), null);
    assert.deepEqual(briefingCovers([full], '2026-12-20'), []);
    assert.equal(briefingCovers([noTopics], '2026-12-20')?.length, BRIEFING_TOPICS.length - 2);
  });
});

describe('R-PER-06a the return report', () => {
  const cases: [string, number, string][] = [
    ['7 days by default', 7, '2027-01-06'],
    ['a unit that asks for 15 days', 15, '2027-01-14'],
    ['the same day', 0, '2026-12-30'],
  ];
  for (const [name, days, due] of cases) {
    test(`R-PER-06a return 2026-12-30, ${name}: due ${due}`, () =>
      assert.equal(returnReportDue('2026-12-30', { returnReportDays: days }), due));
  }
  test('R-PER-06a overdue after the due day, not on it, never once filed', () => {
    assert.equal(isReturnReportOverdue('2026-12-30', null, '2027-01-06'), false);
    assert.equal(isReturnReportOverdue('2026-12-30', null, '2027-01-07'), true);
    assert.equal(isReturnReportOverdue('2026-12-30', '2027-01-02', '2027-03-01'), false);
  });
  test('R-PER-06a the due day is after the return and the gap is the policy (property)', () => {
    const lo = toDayNumber({ year: 1950, month: 1, day: 1 });
    const hi = toDayNumber({ year: 2500, month: 12, day: 31 });
    fc.assert(
      fc.property(
        fc.integer({ min: lo, max: hi }).map((n) => formatPlainDate(fromDayNumber(n))),
        fc.integer({ min: 1, max: 90 }),
        (r, n) => {
          const due = returnReportDue(r, { returnReportDays: n });
          assert.ok(compareDates(due, r) > 0);
          assert.equal(daysBetween(r, due), n);
        },
      ),
    );
  });
  test('R-PER-06a an accepted application always has a return report date inside the calendar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 4000 }), fc.integer({ min: -10, max: 500 }), (a, len) => {
        const departOn = addDays(T, a);
        const returnOn = addDays(departOn, len);
        const r = checkExitApplication(
          { ...base, departOn, returnOn, briefings: [{ ...full, heldOn: T }] },
          flagAll,
        );
        if (r.ok) {
          assert.ok(compareDates(departOn, T) >= 0 && compareDates(returnOn, departOn) >= 0);
          assert.ok(compareDates(returnReportDue(returnOn), '9999-12-31') < 0);
        }
      }),
    );
  });
});

describe('R-PER-06a exit policy bounds', () => {
  const cases: [string, Partial<ExitPolicy>, string[]][] = [
    ['the default', {}, []],
    ['return report in 0 days', { returnReportDays: 0 }, ['exit_policy_out_of_range']],
    ['return report in 91 days', { returnReportDays: 91 }, ['exit_policy_out_of_range']],
    ['10 years ahead', { maxDaysAhead: 3660 }, ['exit_policy_out_of_range']],
    ['an unknown action', { briefing: 'ignore' as 'flag' }, ['exit_policy_action_invalid']],
  ];
  for (const [name, patch, expected] of cases) {
    test(`R-PER-06a ${name}: ${expected.join() || 'ok'}`, () => {
      const c = checkExitPolicy({ ...DEFAULT_EXIT_POLICY, ...patch });
      assert.deepEqual(c.ok ? [] : c.violations.map((x) => x.code), expected);
    });
  }
});
