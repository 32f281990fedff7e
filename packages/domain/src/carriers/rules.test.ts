import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Check } from '../errors.ts';
import type { Level } from '../levels/level.ts';
import type { Rank } from '../orgs/enums.ts';
import type { DistributionClass, TakeOutPlace } from './enums.ts';
import {
  carrierMarkingText,
  checkAbroad,
  checkCarrierIssueDate,
  checkClearanceChange,
  checkConveyance,
  checkCopy,
  checkCopyNumbers,
  checkDedicatedCustodian,
  checkDestruction,
  checkExtension,
  checkHandover,
  checkLoanDue,
  checkMediumMarked,
  checkMediumUse,
  checkPostClosing,
  checkProduction,
  checkTakeOutDates,
  checkTakeOutPlace,
  copyNumberRange,
  copyTerms,
  custodyIntervals,
  distributionAdmits,
  holderAt,
  incidentReportDeadline,
  inventoryOutcome,
  isLoanOverdue,
  isTakeOutOverdue,
  MAX_TAKE_OUT_DAYS,
  mayRead,
  type ReadingScope,
  readCarrierMarking,
  type ScopeReader,
  takeOutDueBack,
} from './rules.ts';

const codes = (c: Check) => (c.ok ? [] : c.violations.map((x) => x.code));

describe('R-LVL-03 R-LVL-02 carrier markings', () => {
  const cases: [string, string | null, boolean][] = [
    // typed, canonical (null: refused), level alone
    ['机密 ★ 5 年', '机密★5年', false],
    ['秘密★2030年12月31日', '秘密★2030年12月31日', false],
    ['秘密☆2030-12-31', '秘密★2030年12月31日', false],
    ['绝密＊30年', '绝密★30年', false],
    ['机密', '机密', true],
    [' 秘密 ', '秘密', true],
    ['机密★21年', null, false],
    ['秘密★11年', null, false],
    ['内部', null, false],
    ['机密★5年（解密）', null, false],
    ['保密', null, false],
    ['', null, false],
  ];
  for (const [typed, canonical, isDefault] of cases) {
    test(`R-LVL-03 "${typed}" → ${canonical ?? 'refused'}`, () => {
      const r = readCarrierMarking(typed, '2026-01-15');
      if (canonical === null) {
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.ok(r.violations.length > 0);
          for (const x of r.violations) assert.match(x.zh, /\p{Script=Han}/u);
        }
      } else {
        assert.equal(r.ok, true, JSON.stringify(r));
        if (r.ok) {
          assert.equal(r.value.marking, canonical);
          assert.equal(r.value.isDefault, isDefault);
        }
      }
    });
  }
  test('R-LVL-02 a period above the maximum names the maximum', () => {
    const r = readCarrierMarking('机密★25年', '2026-01-15');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.violations.map((x) => x.zh).join(), /20年/u);
  });
  const shown: [Level, string | null, string][] = [
    ['secret', '机密', '机密（仅标密级，保密期限按20年）'],
    ['top_secret', '绝密', '绝密（仅标密级，保密期限按30年）'],
    ['confidential', '秘密', '秘密（仅标密级，保密期限按10年）'],
    ['internal', null, '内部'],
  ];
  for (const [level, marking, text] of shown) {
    test(`R-LVL-02 a level alone is shown with its legal default: ${level} → ${text}`, () => {
      assert.equal(carrierMarkingText(level, marking, marking ? { kind: 'default' } : null), text);
    });
  }
  test('R-LVL-05 a marking with a period is shown as is', () => {
    assert.equal(carrierMarkingText('secret', '机密★5年', { kind: 'years', n: 5 }), '机密★5年');
  });
});

describe('R-LVL-02 issue dates', () => {
  const cases: [string, string[]][] = [
    ['2026-03-10', []],
    ['2026-03-09', []],
    ['1900-01-01', []],
    ['2026-03-11', ['issue_date_future']],
    ['9999-12-31', ['issue_date_future']],
    ['2026-02-30', ['issue_date_invalid']],
  ];
  for (const [d, expected] of cases) {
    test(`R-LVL-02 issued ${d}, today 2026-03-10: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkCarrierIssueDate(d, '2026-03-10')), expected));
  }
});

describe('R-LVL-04 copy numbers', () => {
  test('R-LVL-04 a batch of 3 from 000008 gets 8, 9, 10', () => {
    assert.deepEqual(copyNumberRange(8, 3), { ok: true, numbers: [8, 9, 10] });
  });
  const bad: [number, number][] = [
    [0, 1],
    [999_999, 2],
    [1, 0],
    [1.5, 1],
  ];
  for (const [first, count] of bad) {
    test(`R-LVL-04 ${count} copies from ${first} refused`, () => {
      assert.equal(copyNumberRange(first, count).ok, false);
    });
  }
  test('R-LVL-04 duplicate copy numbers refused', () => {
    assert.deepEqual(codes(checkCopyNumbers([1, 2, 2])), ['copy_number_duplicate']);
    assert.deepEqual(codes(checkCopyNumbers([1, 2, 3])), []);
  });
});

describe('R-CAR-01 the trace', () => {
  const t = (s: string) => new Date(`2026-03-0${s}T08:00:00Z`);
  const steps = [
    { at: t('1'), holderPersonId: 'cust' },
    { at: t('2'), holderPersonId: 'r1' },
    { at: t('3'), holderPersonId: 'r1' },
    { at: t('4'), holderPersonId: 'cust' },
    { at: t('5'), holderPersonId: null },
  ];
  test('R-CAR-01 custody intervals merge repeated holders and end at the next step', () => {
    assert.deepEqual(
      custodyIntervals(steps).map((i) => [i.holderPersonId, i.from.getUTCDate(), i.to?.getUTCDate() ?? null]),
      [
        ['cust', 1, 2],
        ['r1', 2, 4],
        ['cust', 4, 5],
        [null, 5, null],
      ],
    );
  });
  const at: [string, string | null | undefined][] = [
    ['2026-02-28T00:00:00Z', undefined],
    ['2026-03-02T12:00:00Z', 'r1'],
    ['2026-03-03T12:00:00Z', 'r1'],
    ['2026-03-04T08:00:00Z', 'cust'],
    ['2026-03-09T00:00:00Z', null],
  ];
  for (const [when, who] of at) {
    test(`R-CAR-01 who held it at ${when}: ${who}`, () => assert.equal(holderAt(steps, new Date(when)), who));
  }
  test('R-CAR-01 steps out of time order are refused', () => {
    assert.throws(() => custodyIntervals([steps[1]!, steps[0]!]), /R-CAR-01/);
  });
});

describe('R-CAR-02 production', () => {
  const cases: [string, Parameters<typeof checkProduction>[0], string[]][] = [
    ['exactly the approved copies', { approvedCopies: 3, copyNumbers: [1, 2, 3], spoiledCount: 2 }, []],
    [
      'one copy more than approved',
      { approvedCopies: 2, copyNumbers: [1, 2, 3], spoiledCount: 0 },
      ['copies_not_approved_count'],
    ],
    [
      'no approved copies',
      { approvedCopies: 0, copyNumbers: [], spoiledCount: 0 },
      ['approved_copies_invalid'],
    ],
    [
      'a duplicate copy number',
      { approvedCopies: 2, copyNumbers: [1, 1], spoiledCount: 0 },
      ['copy_number_duplicate'],
    ],
    [
      'negative spoilage',
      { approvedCopies: 1, copyNumbers: [1], spoiledCount: -1 },
      ['spoiled_count_invalid'],
    ],
  ];
  for (const [name, input, expected] of cases) {
    test(`R-CAR-02 ${name}`, () => assert.deepEqual(codes(checkProduction(input)), expected));
  }
});

describe('R-CAR-03 reading scope', () => {
  const scope = (cls: DistributionClass | null, extra: Partial<ReadingScope> = {}): ReadingScope => ({
    orgId: 'org-a',
    level: 'secret',
    knowScope: { personIds: [], departmentIds: ['d-1', 'd-2'], positions: [] },
    distributionClass: cls,
    lineOfWorkDepartmentIds: ['d-2'],
    widenedPersonIds: [],
    ...extra,
  });
  const reader = (rank: Rank, extra: Partial<ScopeReader> = {}): ScopeReader => ({
    personId: 'p-1',
    orgId: 'org-a',
    departmentId: 'd-1',
    position: '干部',
    clearance: 'secret',
    rank,
    ...extra,
  });
  // Written out by hand: which ranks each class admits.
  const ADMITS: Record<Exclude<DistributionClass, 'professional'>, Rank[]> = {
    provincial: ['minister'],
    prefectural: ['minister', 'bureau'],
    county: ['minister', 'bureau', 'division'],
  };
  for (const [cls, admitted] of Object.entries(ADMITS) as [
    Exclude<DistributionClass, 'professional'>,
    Rank[],
  ][]) {
    for (const rank of ['minister', 'bureau', 'division', 'section', 'other'] as Rank[]) {
      test(`R-CAR-03 ${cls} × rank ${rank}: ${admitted.includes(rank) ? 'admitted' : 'refused'}`, () => {
        assert.equal(distributionAdmits(scope(cls), reader(rank)).allowed, admitted.includes(rank));
        assert.equal(mayRead(reader(rank), scope(cls)).allowed, admitted.includes(rank));
      });
    }
  }
  test('R-CAR-03 professional: the line of work’s departments only', () => {
    assert.equal(
      distributionAdmits(scope('professional'), reader('section', { departmentId: 'd-2' })).allowed,
      true,
    );
    assert.equal(
      distributionAdmits(scope('professional'), reader('minister', { departmentId: 'd-1' })).allowed,
      false,
    );
    assert.equal(
      distributionAdmits(scope('professional'), reader('minister', { departmentId: null })).allowed,
      false,
    );
  });
  test('R-CAR-03 no class: any rank', () => {
    assert.equal(distributionAdmits(scope(null), reader('other')).allowed, true);
  });
  test('R-CAR-03 widening approved by the responsible leader admits a lower rank', () => {
    assert.equal(
      distributionAdmits(scope('provincial', { widenedPersonIds: ['p-1'] }), reader('section')).allowed,
      true,
    );
  });
  test('R-CAR-03 R-PER-01 clearance below the level is refused through the one access rule, with every reason', () => {
    const v = mayRead(reader('section', { clearance: 'confidential', departmentId: 'd-9' }), scope('county'));
    assert.equal(v.allowed, false);
    if (v.allowed) return;
    assert.equal(v.reason.code, 'reader_outside_scope');
    assert.equal(v.reason.rule, 'R-CAR-03');
    assert.equal(v.reason.field, 'toPersonId');
    assert.deepEqual(
      v.details?.map((d) => d.code),
      ['clearance_insufficient', 'not_in_know_scope', 'outside_distribution'],
    );
    assert.match(v.reason.zh, /涉密等级为秘密.*机密/u);
  });
  test('R-CAR-03 R-DES-08a another organisation’s reader is refused', () => {
    const v = mayRead(reader('minister', { orgId: 'org-b' }), scope(null));
    assert.equal(v.allowed, false);
  });
  test('R-CAR-03 widening does not lift clearance', () => {
    const v = mayRead(
      reader('section', { clearance: 'none' }),
      scope('provincial', { widenedPersonIds: ['p-1'] }),
    );
    assert.equal(v.allowed, false);
  });
});

describe('R-CAR-01 loans', () => {
  const due: [string, string, string[]][] = [
    ['2026-03-01', '2026-03-01', []],
    ['2026-03-01', '2026-03-31', []],
    ['2026-03-01', '2026-04-01', ['due_date_too_far']],
    ['2026-03-01', '2026-02-28', ['due_date_past']],
    ['2026-03-01', '2026-02-30', ['due_date_invalid']],
  ];
  for (const [from, to, expected] of due) {
    test(`R-CAR-01 a loan on ${from} due ${to}: ${expected.join() || 'ok'}`, () => {
      assert.deepEqual(codes(checkLoanDue(from, to)), expected);
    });
  }
  test('R-CAR-01 an extension must move the due date later', () => {
    assert.deepEqual(codes(checkExtension('2026-03-10', '2026-03-10', '2026-03-05')), [
      'extension_not_later',
    ]);
    assert.deepEqual(codes(checkExtension('2026-03-10', '2026-03-20', '2026-03-05')), []);
  });
  const overdue: [string, string, boolean][] = [
    ['2026-03-10', '2026-03-10', false],
    ['2026-03-10', '2026-03-11', true],
    ['2026-12-31', '2027-01-01', true],
  ];
  for (const [d, today, o] of overdue) {
    test(`R-CAR-01 due ${d}, today ${today}: ${o ? 'overdue' : 'not overdue'}`, () =>
      assert.equal(isLoanOverdue(d, today), o));
  }
});

describe('R-CAR-05 R-CAR-05a copies, custody, conveyance', () => {
  const cases: [string, Parameters<typeof checkCopy>[0], string[]][] = [
    [
      'approved 机密 copy',
      { level: 'secret', central: false, approved: true, originatorConsent: false, copies: 2 },
      [],
    ],
    [
      'unapproved copy',
      { level: 'secret', central: false, approved: false, originatorConsent: false, copies: 1 },
      ['copy_not_approved'],
    ],
    [
      '绝密 without consent',
      { level: 'top_secret', central: false, approved: true, originatorConsent: false, copies: 1 },
      ['originator_consent_missing'],
    ],
    [
      '绝密 with consent',
      { level: 'top_secret', central: false, approved: true, originatorConsent: true, copies: 1 },
      [],
    ],
    [
      'central without consent',
      { level: 'confidential', central: true, approved: true, originatorConsent: false, copies: 1 },
      ['originator_consent_missing'],
    ],
    [
      'zero copies',
      { level: 'secret', central: false, approved: true, originatorConsent: false, copies: 0 },
      ['copies_invalid'],
    ],
  ];
  for (const [name, input, expected] of cases)
    test(`R-CAR-05 ${name}`, () => assert.deepEqual(codes(checkCopy(input)), expected));
  test('R-CAR-05 a copy keeps the level, period and marking and carries the copier’s stamp', () => {
    const c = copyTerms(
      { level: 'secret', period: { kind: 'years', n: 5 }, marking: '机密★5年' },
      '市法制办',
    );
    assert.deepEqual(c, {
      level: 'secret',
      period: { kind: 'years', n: 5 },
      marking: '机密★5年',
      stamp: '市法制办复制',
    });
  });
  test('R-CAR-05a a 绝密 carrier needs a dedicated custodian', () => {
    assert.deepEqual(codes(checkDedicatedCustodian('top_secret', null)), ['custodian_missing']);
    assert.deepEqual(codes(checkDedicatedCustodian('top_secret', 'p')), []);
    assert.deepEqual(codes(checkDedicatedCustodian('secret', null)), []);
  });
  const conv: [Level, Parameters<typeof checkConveyance>[1], string[], string[]][] = [
    ['secret', 'by_hand', ['a'], []],
    ['secret', 'ordinary_post', ['a'], ['conveyance_forbidden']],
    ['confidential', 'courier', ['a', 'b'], ['conveyance_forbidden']],
    ['top_secret', 'by_hand', ['a'], ['two_people_required']],
    ['top_secret', 'by_hand', ['a', 'a'], ['two_people_required']],
    ['top_secret', 'confidential_mail', ['a', 'b'], []],
  ];
  for (const [level, how, people, expected] of conv) {
    test(`R-CAR-05a ${level} by ${how} with ${people.length}: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkConveyance(level, how, people)), expected));
  }
});

describe('R-CAR-06 taking out', () => {
  const places: [TakeOutPlace, boolean][] = [
    ['meeting', true],
    ['work_visit', true],
    ['sightseeing', false],
    ['private_visit', false],
    ['public_place', false],
  ];
  for (const [p, okay] of places)
    test(`R-CAR-06 to ${p}: ${okay ? 'allowed' : 'refused'}`, () =>
      assert.equal(checkTakeOutPlace(p).ok, okay));
  test('R-CAR-06 a take-out lasts at most 30 days', () => assert.equal(MAX_TAKE_OUT_DAYS, 30));
  const TODAY = '2026-03-10';
  const dates: [string, string, string, string[]][] = [
    ['today only', TODAY, TODAY, []],
    ['to the next day', TODAY, '2026-03-11', []],
    ['30 days', TODAY, '2026-04-08', []],
    ['31 days', TODAY, '2026-04-09', ['take_out_too_long']],
    ['a year', TODAY, '2027-03-11', ['take_out_too_long']],
    ['from yesterday', '2026-03-09', TODAY, ['take_out_start_past']],
    ['in 1900', '1900-01-01', '1900-01-02', ['take_out_start_past']],
    ['ending before it starts', '2026-03-13', '2026-03-11', ['dates_reversed']],
    ['180 days ahead', '2026-09-06', '2026-09-06', []],
    ['181 days ahead', '2026-09-07', '2026-09-07', ['take_out_start_too_far']],
    ['back in 9999', TODAY, '9999-12-31', ['take_out_too_long']],
    ['from 9999 to 9999', '9999-12-31', '9999-12-31', ['take_out_start_too_far']],
    ['an impossible date', TODAY, '2026-02-30', ['take_out_date_invalid']],
  ];
  for (const [what, from, to, expected] of dates) {
    test(`R-CAR-06 a take-out ${what} (${from} → ${to}): ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(codes(checkTakeOutDates(from, to, TODAY)), expected));
  }
  test('R-CAR-06 due back the next morning', () =>
    assert.deepEqual(takeOutDueBack('2026-12-31'), { date: '2027-01-01', hour: 12 }));
  const overdue: [string, number, boolean][] = [
    ['2026-03-10', 23, false],
    ['2026-03-11', 11, false],
    ['2026-03-11', 12, true],
    ['2026-03-12', 0, true],
  ];
  for (const [d, h, o] of overdue) {
    test(`R-CAR-06 ended 2026-03-10, now ${d} ${h}:00: ${o ? 'overdue' : 'in time'}`, () =>
      assert.equal(isTakeOutOverdue('2026-03-10', d, h), o));
  }
});

describe('R-CAR-07 destruction', () => {
  const base = { approved: true, items: ['c1', 'c2'], supervisorIds: ['s1', 's2'], method: 'shred' };
  const cases: [string, Partial<typeof base>, string[]][] = [
    ['approved, listed, two supervisors, a method', {}, []],
    ['one supervisor', { supervisorIds: ['s1'] }, ['supervisors_too_few']],
    ['the same supervisor twice', { supervisorIds: ['s1', 's1'] }, ['supervisors_too_few']],
    ['no approval', { approved: false }, ['destruction_not_approved']],
    ['empty list', { items: [] }, ['destruction_list_empty']],
    ['sold to scrap collectors', { method: 'sell_scrap' }, ['destruction_method_invalid']],
    [
      'everything missing',
      { approved: false, items: [], supervisorIds: [], method: '' },
      [
        'destruction_not_approved',
        'destruction_list_empty',
        'supervisors_too_few',
        'destruction_method_invalid',
      ],
    ],
  ];
  for (const [name, over, expected] of cases) {
    test(`R-CAR-07 ${name}`, () => assert.deepEqual(codes(checkDestruction({ ...base, ...over })), expected));
  }
  test('R-CAR-07 the supervisor count is named', () => {
    const c = checkDestruction({ ...base, supervisorIds: ['s1'] });
    assert.ok(!c.ok && /1名/u.test(c.violations[0]!.zh));
  });
});

describe('R-CAR-08 handover', () => {
  const base = {
    fromPersonId: 'a',
    toPersonId: 'b',
    inCustody: ['c1', 'c2'],
    listed: ['c2', 'c1'],
    signedByFrom: true,
    signedByTo: true,
  };
  const cases: [string, Partial<typeof base>, string[]][] = [
    ['complete, signed', {}, []],
    ['one carrier left off', { listed: ['c1'] }, ['handover_list_incomplete']],
    ['an extra carrier', { listed: ['c1', 'c2', 'c3'] }, ['handover_list_incomplete']],
    ['a carrier listed twice', { listed: ['c1', 'c2', 'c2'] }, ['handover_list_incomplete']],
    ['receiver did not sign', { signedByTo: false }, ['handover_unsigned']],
    ['to himself', { toPersonId: 'a' }, ['handover_to_self']],
  ];
  for (const [name, over, expected] of cases)
    test(`R-CAR-08 ${name}`, () => assert.deepEqual(codes(checkHandover({ ...base, ...over })), expected));
  test('R-CAR-08 a post cannot close with carriers in custody', () => {
    assert.equal(checkPostClosing(0).allowed, true);
    const v = checkPostClosing(3);
    assert.ok(!v.allowed && v.kind === 'conflict' && /3件/u.test(v.reason.zh));
  });
});

describe('R-PER-01 a clearance change and the carriers held', () => {
  const cases: [
    string,
    Parameters<typeof checkClearanceChange>[0],
    Parameters<typeof checkClearanceChange>[1],
    string | null,
  ][] = [
    ['nothing held', 'none', [], null],
    ['raising is always allowed', 'top_secret', ['secret', 'top_secret'], null],
    ['equal to the highest held', 'secret', ['confidential', 'secret'], null],
    ['below one held carrier', 'confidential', ['confidential', 'secret'], '1件'],
    ['to none while holding two', 'none', ['confidential', 'top_secret'], '2件'],
    ['internal material needs no clearance', 'none', ['internal', 'work_secret'], null],
  ];
  for (const [name, clearance, held, zh] of cases)
    test(`R-PER-01 clearance change: ${name}`, () => {
      const v = checkClearanceChange(clearance, held);
      if (zh === null) assert.equal(v.allowed, true);
      else {
        assert.ok(!v.allowed && v.kind === 'conflict' && v.reason.zh.includes(zh), JSON.stringify(v));
        assert.ok(!v.allowed && v.reason.field === 'clearance' && v.reason.rule === 'R-PER-01');
      }
    });
  test('R-PER-01 the refusal names the highest level held', () => {
    const v = checkClearanceChange('confidential', ['secret', 'top_secret', 'secret']);
    assert.ok(!v.allowed && /3件/u.test(v.reason.zh) && /最高为绝密/u.test(v.reason.zh));
  });
});

describe('R-CAR-09 inventory', () => {
  test('R-CAR-09 a missing carrier starts an incident; found and damaged do not', () => {
    assert.deepEqual(inventoryOutcome('missing'), { startsIncident: true, marksMissing: true });
    assert.deepEqual(inventoryOutcome('found'), { startsIncident: false, marksMissing: false });
    assert.deepEqual(inventoryOutcome('damaged'), { startsIncident: false, marksMissing: false });
  });
  test('R-CAR-09 R-INC-01 the report is due 24 hours on the clock', () => {
    assert.equal(
      incidentReportDeadline(new Date('2026-03-06T17:30:00Z')).toISOString(),
      '2026-03-07T17:30:00.000Z',
    );
  });
});

describe('R-CAR-10 abroad', () => {
  const base = { level: 'secret' as Level, exitPermit: true, safeBox: true, travellers: ['a', 'b'] };
  const cases: [string, Partial<typeof base>, string[]][] = [
    ['permit, safe box, two travellers', {}, []],
    ['绝密 never', { level: 'top_secret' }, ['top_secret_abroad']],
    ['no permit', { exitPermit: false }, ['exit_permit_missing']],
    ['no safe box', { safeBox: false }, ['safe_box_missing']],
    ['alone', { travellers: ['a'] }, ['two_travellers_required']],
  ];
  for (const [name, over, expected] of cases)
    test(`R-CAR-10 ${name}`, () => assert.deepEqual(codes(checkAbroad({ ...base, ...over })), expected));
});

describe('R-CAR-11 media', () => {
  const cases: [Level, Level, boolean, string[]][] = [
    ['secret', 'secret', true, []],
    ['secret', 'confidential', true, []],
    ['confidential', 'secret', true, ['medium_level_too_low']],
    ['secret', 'secret', false, ['medium_cross_use']],
    ['internal', 'internal', true, ['medium_cross_use']],
    ['internal', 'internal', false, []],
  ];
  for (const [medium, data, machine, expected] of cases) {
    test(`R-CAR-11 ${medium} medium, ${data} data, ${machine ? 'classified' : 'unclassified'} machine: ${expected.join() || 'ok'}`, () =>
      assert.deepEqual(
        codes(checkMediumUse({ mediumLevel: medium, dataLevel: data, machineClassified: machine })),
        expected,
      ));
  }
  test('R-CAR-11 a medium is marked', () => {
    assert.deepEqual(codes(checkMediumMarked('medium', null)), ['medium_unmarked']);
    assert.deepEqual(codes(checkMediumMarked('medium', '机密★5年')), []);
    assert.deepEqual(codes(checkMediumMarked('document', null)), []);
  });
});
