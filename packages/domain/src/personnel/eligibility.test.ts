import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Check } from '../errors.ts';
import type { Clearance } from '../orgs/enums.ts';
import {
  checkEligibilityFact,
  checkKeySite,
  checkPlacement,
  checkVetting,
  checkVettingPolicy,
  DEFAULT_VETTING_POLICY,
  type EligibilityFact,
  effectiveClass,
  factHolds,
  higherClass,
  type KeySite,
  type PlacementCandidate,
  placementVerdict,
  type Vetting,
  type VettingState,
  vettingStatus,
} from './eligibility.ts';
import {
  ELIGIBILITY_CONDITION_LABELS,
  ELIGIBILITY_CONDITIONS,
  PERSON_CLASS_LABELS,
  PERSON_CLASSES,
  type PersonClass,
} from './enums.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((x) => x.code));
const T = '2026-11-27';

describe('R-PER-01 classes', () => {
  test('R-PER-01 three classes with Chinese labels', () => {
    assert.deepEqual([...PERSON_CLASSES], ['core', 'important', 'general']);
    assert.deepEqual(
      PERSON_CLASSES.map((c) => PERSON_CLASS_LABELS[c].zh),
      ['核心涉密人员', '重要涉密人员', '一般涉密人员'],
    );
  });
  const cases: [PersonClass, PersonClass, PersonClass][] = [
    ['core', 'general', 'core'],
    ['general', 'important', 'important'],
    ['general', 'general', 'general'],
  ];
  for (const [a, b, hi] of cases) {
    test(`R-PER-01 higher of ${a} and ${b} is ${hi}`, () => assert.equal(higherClass(a, b), hi));
  }
  test('R-PER-01 a person with two posts is managed at the higher class; none: not classified', () => {
    assert.equal(effectiveClass([{ personClass: 'general' }, { personClass: 'important' }]), 'important');
    assert.equal(effectiveClass([]), null);
  });
});

const vet = (vettedOn: string, extra: Partial<Vetting> = {}): Vetting => ({
  vettedOn,
  result: 'passed',
  reviewer: '保密办 王五',
  personClass: 'important',
  clearance: 'secret',
  ...extra,
});

describe('R-PER-01 vetting validity (D80: 36 months, due 60 days ahead)', () => {
  const cases: [string, Vetting[], PersonClass, Clearance, VettingState, string | null][] = [
    ['never vetted', [], 'important', 'secret', 'missing', null],
    ['passed a year ago', [vet('2025-11-27')], 'important', 'secret', 'valid', '2028-11-27'],
    [
      'passed, ends in 59 days: due soon',
      [vet('2024-01-25')],
      'important',
      'secret',
      'due_soon',
      '2027-01-25',
    ],
    ['passed, last day today', [vet('2023-11-27')], 'important', 'secret', 'due_soon', '2026-11-27'],
    ['passed, ended yesterday', [vet('2023-11-26')], 'important', 'secret', 'expired', '2026-11-26'],
    ['failed', [vet('2026-01-01', { result: 'failed' })], 'important', 'secret', 'failed', null],
    [
      'a later failure withdraws an earlier pass',
      [vet('2025-01-01'), vet('2026-01-01', { result: 'failed' })],
      'important',
      'secret',
      'failed',
      null,
    ],
    [
      'a later pass after a failure stands',
      [vet('2026-01-01', { result: 'failed' }), vet('2026-03-01')],
      'important',
      'secret',
      'valid',
      '2029-03-01',
    ],
    ['vetted for a lower class', [vet('2026-01-01')], 'core', 'secret', 'insufficient', '2029-01-01'],
    [
      'vetted for a lower clearance',
      [vet('2026-01-01')],
      'important',
      'top_secret',
      'insufficient',
      '2029-01-01',
    ],
    [
      'vetted for a higher class covers a lower one',
      [vet('2026-01-01')],
      'general',
      'confidential',
      'valid',
      '2029-01-01',
    ],
    ['a vetting dated after today is ignored', [vet('2026-12-01')], 'important', 'secret', 'missing', null],
  ];
  for (const [name, vs, cls, cl, state, until] of cases) {
    test(`R-PER-01 ${name}: ${state}`, () => {
      const s = vettingStatus(vs, cls, cl, T);
      assert.equal(s.state, state);
      assert.equal(s.validUntil, until);
      assert.equal(s.valid, state === 'valid' || state === 'due_soon');
    });
  }
  test('R-PER-01 a unit may set a shorter interval for core staff', () => {
    const policy = { ...DEFAULT_VETTING_POLICY, validityMonths: { core: 12, important: 36, general: 36 } };
    assert.equal(
      vettingStatus([vet('2025-11-26', { personClass: 'core' })], 'core', 'secret', T, policy).state,
      'expired',
    );
  });
  const policies: [string, number, number, string[]][] = [
    ['the default', 36, 60, []],
    ['5 months', 5, 60, ['vetting_interval_out_of_range']],
    ['61 months', 61, 60, ['vetting_interval_out_of_range']],
    ['negative window', 36, -1, ['vetting_window_out_of_range']],
  ];
  for (const [name, months, days, expected] of policies) {
    test(`R-PER-01 vetting policy ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(
        codes(
          checkVettingPolicy({
            validityMonths: { core: months, important: 36, general: 36 },
            dueSoonDays: days,
          }),
        ),
        expected,
      ));
  }
  const records: [string, Vetting, string[]][] = [
    ['a good record', vet('2026-11-27'), []],
    ['dated tomorrow', vet('2026-11-28'), ['vetting_date_future']],
    ['dated 9999', vet('9999-12-31'), ['vetting_date_future']],
    ['dated 1900', vet('1900-01-01'), ['vetting_date_invalid']],
    ['not a date', vet('2026-02-30'), ['vetting_date_invalid']],
    ['no reviewer', vet('2026-01-01', { reviewer: '  ' }), ['vetting_reviewer_missing']],
    ['no clearance', vet('2026-01-01', { clearance: 'none' }), ['vetting_clearance_none']],
  ];
  for (const [name, x, expected] of records) {
    test(`R-PER-01 recording a vetting, ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkVetting(x, T)), expected));
  }
});

const fact = (
  condition: EligibilityFact['condition'],
  extra: Partial<EligibilityFact> = {},
): EligibilityFact => ({
  condition,
  since: '2020-05-01',
  until: null,
  note: '',
  ...extra,
});

describe('R-PER-02 eligibility facts', () => {
  test('R-PER-02 the six recorded conditions with their Chinese labels', () => {
    assert.deepEqual(
      ELIGIBILITY_CONDITIONS.map((c) => ELIGIBILITY_CONDITION_LABELS[c].zh),
      [
        '受过刑事责任追究',
        '受过党纪政纪记过以上处分',
        '有严重违反保密法规记录',
        '社会上临时聘用',
        '配偶为非中国公民',
        '其他经保密工作部门认定不适宜',
      ],
    );
  });
  const cases: [string, EligibilityFact, string[]][] = [
    ['a criminal record', fact('criminal_record'), []],
    ['a criminal record cannot end', fact('criminal_record', { until: '2025-01-01' }), ['fact_permanent']],
    ['discipline cannot end', fact('discipline', { until: '2025-01-01' }), ['fact_permanent']],
    ['a foreign spouse can end (naturalised)', fact('foreign_spouse', { until: '2025-01-01' }), []],
    ['an end before the start', fact('temporary_hire', { until: '2019-01-01' }), ['fact_until_invalid']],
    ['an end on the start day', fact('temporary_hire', { until: '2020-05-01' }), ['fact_until_invalid']],
    ['in the future', fact('discipline', { since: '2026-11-28' }), ['fact_date_future']],
    ['in 1800', fact('discipline', { since: '1800-01-01' }), ['fact_date_invalid']],
    ['in 1900 (D131)', fact('discipline', { since: '1900-01-01' }), ['fact_date_invalid']],
    ['on 1950-01-01, the earliest', fact('discipline', { since: '1950-01-01' }), []],
    ['other without a reason', fact('other_unsuitable'), ['fact_note_missing']],
    ['other with a reason', fact('other_unsuitable', { note: '经保密委员会认定' }), []],
  ];
  for (const [name, f, expected] of cases) {
    test(`R-PER-02 ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkEligibilityFact(f, T)), expected));
  }
  test('R-PER-02 a fact holds from its start, up to (not on) its end', () => {
    const f = fact('temporary_hire', { since: '2024-01-01', until: '2025-07-01' });
    assert.deepEqual(
      ['2023-12-31', '2024-01-01', '2025-06-30', '2025-07-01'].map((d) => factHolds(f, d)),
      [false, true, true, false],
    );
  });
});

describe('R-PER-02 R-SITE-04 R-PER-01 placement in a key department or location', () => {
  const site: KeySite = { name: '机要室', kind: 'location', departmentId: 'd1', level: 'secret' };
  const fine: PlacementCandidate = {
    facts: [],
    vettings: [vet('2026-01-10')],
    personClass: 'important',
    clearance: 'secret',
    chineseCitizen: true,
  };
  const cases: [string, Partial<PlacementCandidate>, string[]][] = [
    ['eligible', {}, []],
    ['criminal record', { facts: [fact('criminal_record')] }, ['ineligible_criminal_record']],
    ['discipline of 记过 or above', { facts: [fact('discipline')] }, ['ineligible_discipline']],
    ['serious secrecy violation', { facts: [fact('secrecy_violation')] }, ['ineligible_secrecy_violation']],
    ['temporary hire', { facts: [fact('temporary_hire')] }, ['ineligible_temporary_hire']],
    ['foreign spouse', { facts: [fact('foreign_spouse')] }, ['ineligible_foreign_spouse']],
    [
      'found unsuitable',
      { facts: [fact('other_unsuitable', { note: 'x' })] },
      ['ineligible_other_unsuitable'],
    ],
    [
      'a foreign spouse who has naturalised',
      { facts: [fact('foreign_spouse', { until: '2025-01-01' })] },
      [],
    ],
    [
      'a temporary hire starting next month',
      { facts: [fact('temporary_hire', { since: '2026-12-01' })] },
      [],
    ],
    ['not vetted', { vettings: [] }, ['ineligible_vetting_missing']],
    [
      'vetting failed',
      { vettings: [vet('2026-01-10', { result: 'failed' })] },
      ['ineligible_vetting_failed'],
    ],
    ['vetting expired', { vettings: [vet('2020-01-10')] }, ['ineligible_vetting_expired']],
    [
      'clearance below the site',
      { clearance: 'confidential', vettings: [vet('2026-01-10', { clearance: 'confidential' })] },
      ['ineligible_clearance'],
    ],
    ['not a Chinese citizen', { chineseCitizen: false }, ['ineligible_foreigner']],
    [
      'several at once: every one, facts first',
      { facts: [fact('discipline'), fact('foreign_spouse')], vettings: [], chineseCitizen: false },
      [
        'ineligible_discipline',
        'ineligible_foreign_spouse',
        'ineligible_vetting_missing',
        'ineligible_foreigner',
      ],
    ],
  ];
  for (const [name, patch, expected] of cases) {
    test(`R-PER-02 ${name}: ${expected.join(', ') || 'may be placed'}`, () =>
      assert.deepEqual(codes(checkPlacement({ ...fine, ...patch }, site, T)), expected));
  }
  test('R-PER-02 each reason names the rule, the fact with its date and the site, in both languages', () => {
    const c = checkPlacement({ ...fine, facts: [fact('discipline', { note: '2019年记过' })] }, site, T);
    assert.equal(c.ok, false);
    if (!c.ok) {
      const [x] = c.violations;
      assert.equal(x?.rule, 'R-PER-02');
      assert.equal(
        x?.zh,
        '受过党纪政纪记过以上处分（自2020-05-01起登记）（2019年记过），不得在保密要害部位“机要室”工作',
      );
      assert.match(x?.en ?? '', /recorded since 2020-05-01.*key location "机要室"/u);
    }
    const r = checkPlacement({ ...fine, chineseCitizen: false }, site, T);
    assert.equal(r.ok ? null : r.violations[0]?.rule, 'R-SITE-04');
  });
  test('R-PER-02 the verdict is a 409 whose details hold every reason', () => {
    const v = placementVerdict({ ...fine, facts: [fact('criminal_record')], vettings: [] }, site, T);
    assert.equal(v.allowed, false);
    if (!v.allowed) {
      assert.equal(v.kind, 'conflict');
      assert.equal(v.reason.code, 'ineligible_criminal_record');
      assert.equal(v.details?.length, 2);
    }
    assert.equal(placementVerdict(fine, site, T).allowed, true);
  });
  const sites: [string, KeySite, string[]][] = [
    ['a good site', site, []],
    ['no name', { ...site, name: ' ' }, ['key_site_name_missing']],
    ['no department', { ...site, departmentId: '' }, ['key_site_department_missing']],
  ];
  for (const [name, s, expected] of sites) {
    test(`R-SITE-01 registering ${name}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkKeySite(s)), expected));
  }
});
