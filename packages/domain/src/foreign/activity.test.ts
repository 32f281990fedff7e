// R-FOR-01 … R-FOR-03, R-FOR-08: importance boundaries (9/10 foreign participants, the configurable
// threshold, topic flags, an approved classified activity), the plan's submission, the start and the close.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type ActivityState,
  activityImportance,
  checkActivityDates,
  checkClose,
  checkPlanSubmission,
  checkStart,
  currentImportance,
  type ImportanceInput,
  type StartParticipant,
} from './activity.ts';

const base: ImportanceInput = { foreignCount: 0, topics: [], level: null, classifiedApproved: false };
const topic = (s: boolean, e: boolean) => ({ title: '交流', nationalStrategy: s, economicPolicy: e });

describe('R-FOR-02 importance', () => {
  const rows: [string, ImportanceInput, number | undefined, string, string[]][] = [
    ['9 foreign participants: 一般', { ...base, foreignCount: 9 }, undefined, 'ordinary', []],
    ['10 foreign participants: 重要', { ...base, foreignCount: 10 }, undefined, 'major', ['foreign_count']],
    ['11 foreign participants: 重要', { ...base, foreignCount: 11 }, undefined, 'major', ['foreign_count']],
    ['threshold 20: 19 is 一般', { ...base, foreignCount: 19 }, 20, 'ordinary', []],
    ['threshold 20: 20 is 重要', { ...base, foreignCount: 20 }, 20, 'major', ['foreign_count']],
    [
      'national strategy',
      { ...base, topics: [topic(true, false)] },
      undefined,
      'major',
      ['national_strategy'],
    ],
    ['economic policy', { ...base, topics: [topic(false, true)] }, undefined, 'major', ['economic_policy']],
    ['an unflagged topic', { ...base, topics: [topic(false, false)] }, undefined, 'ordinary', []],
    [
      'approved classified activity',
      { ...base, level: 'secret', classifiedApproved: true },
      undefined,
      'major',
      ['classified_approved'],
    ],
    ['classified but not approved by the state', { ...base, level: 'secret' }, undefined, 'ordinary', []],
    [
      'every condition at once',
      { foreignCount: 50, topics: [topic(true, true)], level: 'confidential', classifiedApproved: true },
      undefined,
      'major',
      ['foreign_count', 'national_strategy', 'economic_policy', 'classified_approved'],
    ],
    [
      'Infinity is not a count',
      { ...base, foreignCount: Number.POSITIVE_INFINITY },
      undefined,
      'ordinary',
      [],
    ],
  ];
  for (const [name, input, threshold, want, reasons] of rows)
    test(name, () => {
      const r = activityImportance(input, threshold);
      assert.equal(r.importance, want);
      assert.deepEqual(r.reasons, reasons);
    });
});

describe('R-FOR-01 dates', () => {
  const today = '2026-06-01';
  const rows: [string, string, string, string | null][] = [
    ['ordinary dates', '2026-07-01', '2026-07-03', null],
    ['one day', '2026-07-01', '2026-07-01', null],
    ['end before start', '2026-07-03', '2026-07-01', 'ends_before_start'],
    ['1900', '1900-01-01', '2026-07-01', 'date_out_of_range'],
    ['9999', '2026-07-01', '9999-12-31', 'date_out_of_range'],
    ['30 February', '2026-02-30', '2026-03-01', 'bad_date'],
    ['not a date', 'tomorrow', '2026-03-01', 'bad_date'],
  ];
  for (const [name, startsOn, endsOn, code] of rows)
    test(name, () => {
      const v = checkActivityDates({ startsOn, endsOn, today });
      assert.equal(v[0]?.code ?? null, code);
    });
});

const PLAN = {
  nature: '交流',
  responsibilities: '办公室',
  measures: '陪同',
  reason: '来访',
  programme: '座谈',
  materials: '宣传册',
};

describe('R-FOR-03 the plan', () => {
  const ok = {
    state: 'draft' as const,
    plan: PLAN,
    startsOn: '2026-07-01',
    today: '2026-06-01',
    participants: 1,
  };
  test('a complete plan from a draft before the start is submitted', () => {
    assert.deepEqual(checkPlanSubmission(ok), []);
  });
  test('each of the five parts is required, named', () => {
    const v = checkPlanSubmission({ ...ok, plan: { ...PLAN, measures: ' ', materials: '' } });
    assert.equal(v[0]?.code, 'plan_incomplete');
    assert.match(v[0]!.zh, /保密措施、提供资料/);
  });
  test('after the start date it is refused (approval before the start)', () => {
    assert.equal(checkPlanSubmission({ ...ok, today: '2026-07-02' })[0]?.code, 'plan_after_start');
  });
  test('not twice', () => {
    assert.equal(checkPlanSubmission({ ...ok, state: 'plan_submitted' })[0]?.code, 'activity_state');
  });
});

const who = (name: string, over: Partial<StartParticipant> = {}): StartParticipant => ({
  personId: name,
  name,
  briefed: true,
  classified: false,
  commitmentSigned: false,
  registrationFiled: false,
  ...over,
});

describe('R-FOR-03, R-FOR-04 the start', () => {
  test('without an approved plan (or changed after approval: back to plan_submitted)', () => {
    assert.equal(
      checkStart({ state: 'plan_submitted', approvalApproved: false, participants: [] })[0]?.code,
      'plan_not_approved',
    );
    assert.equal(
      checkStart({ state: 'draft', approvalApproved: false, participants: [] })[0]?.code,
      'activity_state',
    );
  });
  test('participants without a valid briefing are named', () => {
    const v = checkStart({
      state: 'plan_approved',
      approvalApproved: true,
      participants: [who('张三', { briefed: false }), who('李四'), who('王五', { briefed: false })],
    });
    assert.equal(v[0]?.code, 'participants_unbriefed');
    assert.match(v[0]!.zh, /张三、王五/);
    assert.doesNotMatch(v[0]!.zh, /李四/);
  });
  test('a classified participant also signs a commitment and a registration form', () => {
    const v = checkStart({
      state: 'plan_approved',
      approvalApproved: true,
      participants: [who('赵六', { classified: true, commitmentSigned: true })],
    });
    assert.equal(v[0]?.code, 'participants_unsigned');
    assert.deepEqual(
      checkStart({
        state: 'plan_approved',
        approvalApproved: true,
        participants: [who('赵六', { classified: true, commitmentSigned: true, registrationFiled: true })],
      }),
      [],
    );
  });
});

describe('R-FOR-03, R-FOR-08 closing', () => {
  const done = {
    state: 'ended' as const,
    importance: 'major' as const,
    leadingGroup: 2,
    inspected: true,
    documents: [{ title: '纪要', copies: 1, returned: true, note: '' }],
    summary: '总结',
    officerChecked: true,
  };
  const rows: [string, Partial<typeof done>, string | null][] = [
    ['everything in place', {}, null],
    ['not ended', { state: 'started' as never }, 'activity_state'],
    ['重要 without a leading group', { leadingGroup: 0 }, 'no_leading_group'],
    ['重要 without an inspection', { inspected: false }, 'no_inspection'],
    ['一般 needs neither', { importance: 'ordinary' as never, leadingGroup: 0, inspected: false }, null],
    [
      'a document neither returned nor accounted for',
      { documents: [{ title: '纪要', copies: 1, returned: false, note: '' }] },
      'documents_outstanding',
    ],
    [
      'a document accounted for (note)',
      { documents: [{ title: '纪要', copies: 1, returned: false, note: '对方留存，已备案' }] },
      null,
    ],
    ['no summary', { summary: ' ' }, 'no_summary'],
    ['no officer’s check', { officerChecked: false }, 'no_officer_check'],
  ];
  for (const [name, over, code] of rows)
    test(name, () => assert.equal(checkClose({ ...done, ...over })[0]?.code ?? null, code));
});

describe('R-FOR-02 with R-FOR-03: a higher threshold after approval does not lower 重要 (D155)', () => {
  const base = { foreignCount: 12, topics: [], level: null, classifiedApproved: false };
  const rows: [string, ActivityState, boolean, number, string, boolean][] = [
    ['a draft follows the threshold', 'draft', true, 13, 'ordinary', false],
    ['submitted, not yet approved: follows it', 'plan_submitted', true, 13, 'ordinary', false],
    ['approved as 重要: stays 重要', 'plan_approved', true, 13, 'major', true],
    ['started, ended, closed: stays 重要', 'closed', true, 13, 'major', true],
    ['approved as 一般, a lower threshold: rises to 重要', 'started', false, 12, 'major', false],
    ['approved as 一般 stays 一般', 'started', false, 13, 'ordinary', false],
  ];
  for (const [name, state, important, threshold, want, kept] of rows)
    test(name, () => {
      const r = currentImportance({ ...base, state, important }, threshold);
      assert.equal(r.importance, want);
      assert.equal(r.kept, kept);
    });
});
