import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BRIEFING_TOPICS } from './enums.ts';
import { type Briefing, DEFAULT_EXIT_POLICY } from './exit.ts';
import {
  checkBriefingAtApproval,
  checkBriefingInput,
  checkExitAtApply,
  checkOverlapAtApproval,
  checkPassportInput,
  checkReturnReport,
  exitPolicyFrom,
  impliedMatterOfTrip,
} from './exit-records.ts';

const T = '2026-11-27';
const full: Briefing = { heldOn: '2026-11-20', topics: [...BRIEFING_TOPICS], signedByPerson: true };

describe('R-PER-06a exitPolicyFrom: a stored policy read safely', () => {
  const cases: [string, unknown, Partial<typeof DEFAULT_EXIT_POLICY>][] = [
    ['nothing stored: the defaults', null, {}],
    ['a flag kept', { carriers: 'flag' }, { carriers: 'flag' }],
    ['a wrong action dropped', { carriers: 'ignore' }, {}],
    ['days kept', { returnReportDays: 14 }, { returnReportDays: 14 }],
    ['days out of range dropped', { returnReportDays: 0, maxTripDays: 99999 }, {}],
    ['a string for a number dropped', { returnReportDays: '14' }, {}],
  ];
  for (const [name, stored, want] of cases)
    test(name, () => assert.deepEqual(exitPolicyFrom(stored), { ...DEFAULT_EXIT_POLICY, ...want }));
});

describe('R-PER-06a R-FOR-04 checkExitAtApply: the briefing is a flag when applying (D113)', () => {
  const base = {
    kind: 'private' as const,
    departOn: '2026-12-20',
    returnOn: '2026-12-30',
    today: T,
    coolingOff: [],
    carriersInCustody: 0,
    briefings: [],
    approvedTrips: [],
  };
  test('no briefing yet: flagged even under a refusing policy', () => {
    const r = checkExitAtApply(base, DEFAULT_EXIT_POLICY);
    assert.equal(r.ok, true);
    assert.deepEqual(
      r.flags.map((f) => f.code),
      ['exit_briefing_missing'],
    );
  });
  test('carriers in custody: refused by the default policy, naming them', () => {
    const r = checkExitAtApply({ ...base, carriersInCustody: 1, carrierNames: ['关于X的通知'] });
    assert.equal(r.ok, false);
    assert.equal(r.refusals[0]!.code, 'exit_carriers_in_custody');
    assert.match(r.refusals[0]!.zh, /关于X的通知/);
  });
  test('carriers in custody under a flagging policy: a flag', () => {
    const r = checkExitAtApply(
      { ...base, carriersInCustody: 2 },
      { ...DEFAULT_EXIT_POLICY, carriers: 'flag' },
    );
    assert.equal(r.ok, true);
    assert.ok(r.flags.some((f) => f.code === 'exit_carriers_in_custody'));
  });
});

describe('R-FOR-04 checkBriefingAtApproval', () => {
  const cases: [string, Briefing[], 'refuse' | 'flag', string | null, string | null][] = [
    ['covered', [full], 'refuse', null, null],
    ['none, refuse', [], 'refuse', 'exit_briefing_missing', null],
    ['none, flag', [], 'flag', null, 'exit_briefing_missing'],
    [
      'unsigned counts as none',
      [{ ...full, signedByPerson: false }],
      'refuse',
      'exit_briefing_missing',
      null,
    ],
    ['incomplete', [{ ...full, topics: ['patriotism'] }], 'refuse', 'exit_briefing_incomplete', null],
    [
      'after departure counts as none',
      [{ ...full, heldOn: '2026-12-21' }],
      'refuse',
      'exit_briefing_missing',
      null,
    ],
  ];
  for (const [name, bs, action, refusal, flag] of cases)
    test(name, () => {
      const r = checkBriefingAtApproval(bs, '2026-12-20', { briefing: action });
      assert.equal(r.refusal?.code ?? null, refusal);
      assert.equal(r.flag?.code ?? null, flag);
    });
});

describe('R-FOR-04 checkBriefingInput', () => {
  const all = [...BRIEFING_TOPICS];
  const cases: [string, string, string[], string[]][] = [
    ['today, every topic', T, all, []],
    ['a year ago to the day', '2025-11-27', all, []],
    ['more than a year ago', '2025-11-26', all, ['briefing_too_old']],
    ['1900', '1900-01-01', all, ['briefing_too_old']],
    ['9999', '9999-12-31', all, ['briefing_in_future']],
    ['tomorrow', '2026-11-28', all, ['briefing_in_future']],
    ['not a date', '2026-02-30', all, ['briefing_date_invalid']],
    ['no topics', T, [], ['briefing_no_topics']],
    ['an unknown topic', T, ['gossip'], ['briefing_topic_unknown']],
    ['a topic twice', T, ['patriotism', 'patriotism'], ['briefing_topic_twice']],
  ];
  for (const [name, heldOn, topics, codes] of cases)
    test(name, () => {
      const r = checkBriefingInput({ heldOn, topics, today: T });
      assert.deepEqual(r.ok ? [] : r.violations.map((x) => x.code), codes);
    });
});

describe('R-PER-06a checkReturnReport', () => {
  const trip = { status: 'approved', departOn: '2026-11-01', reportedOn: null };
  const cases: [
    string,
    typeof trip | { status: string; departOn: string; reportedOn: string | null },
    string | null,
  ][] = [
    ['after the trip', trip, null],
    ['on departure day', { ...trip, departOn: T }, null],
    ['before departure', { ...trip, departOn: '2026-12-01' }, 'return_report_before_trip'],
    ['not approved', { ...trip, status: 'pending' }, 'exit_not_approved'],
    ['filed already', { ...trip, reportedOn: '2026-11-20' }, 'return_report_filed'],
  ];
  for (const [name, t, code] of cases)
    test(name, () => {
      const r = checkReturnReport(t, T);
      assert.equal(r.ok ? null : r.violation.code, code);
    });
});

test('R-PER-05 a private trip implies the major matter 因私出国（境）; an official one none', () => {
  assert.equal(impliedMatterOfTrip('private'), 'private_travel_abroad');
  assert.equal(impliedMatterOfTrip('official'), null);
});

describe('R-PER-06a checkPassportInput', () => {
  const cases: [string, string, string | null][] = [
    ['in five years', '2031-11-27', null],
    ['today', T, null],
    ['expired', '2026-11-26', 'passport_expired'],
    ['1900', '1900-01-01', 'passport_expired'],
    ['9999', '9999-12-31', 'passport_expiry_too_far'],
    ['not a date', '2026-13-01', 'passport_expiry_invalid'],
  ];
  for (const [name, expiresOn, code] of cases)
    test(name, () => {
      const r = checkPassportInput({ expiresOn, today: T });
      assert.equal(r.ok ? null : r.violations[0]!.code, code);
    });
});

describe('R-PER-06a checkOverlapAtApproval', () => {
  const trip = { departOn: '2026-12-10', returnOn: '2026-12-15' };
  const cases: [string, { id: string; departOn: string; returnOn: string }[], boolean][] = [
    ['none approved', [], false],
    ['before', [{ id: 'a', departOn: '2026-12-01', returnOn: '2026-12-09' }], false],
    ['touching the last day', [{ id: 'a', departOn: '2026-12-15', returnOn: '2026-12-20' }], true],
    ['inside', [{ id: 'a', departOn: '2026-12-11', returnOn: '2026-12-12' }], true],
  ];
  for (const [name, approved, refused] of cases)
    test(name, () => assert.equal(checkOverlapAtApproval(trip, approved) !== null, refused));
});
