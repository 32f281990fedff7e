import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FlowDef } from '../approvals/engine.ts';
import { DESIGNATION_FLOW, ESCALATION_FLOW } from '../approvals/flows.ts';
import { DomainError, fail, ok } from '../errors.ts';
import { LEVELS, type Level } from '../levels/level.ts';
import type { Period } from '../levels/period.ts';
import { SAMPLE_CALENDAR_2026 } from '../workdays/sample-calendar-2026.fixture.ts';
import { workCalendar } from '../workdays/workdays.ts';
import type { MayDecideResult } from './designators.ts';
import {
  autoReleaseDue,
  checkDraft,
  checkIssueDate,
  type DesignatedItem,
  derivedTerms,
  designationPeriod,
  effectiveRelease,
  MATTER_ACTIONS,
  MATTER_STATES,
  MATTER_TRANSITIONS,
  type MatterDraft,
  mustKeepKnowerList,
  NON_CLASSIFIABLE_GROUNDS,
  nextState,
  PROCEDURE_ROLES,
  protectionLevel,
  type ReviewableItem,
  reviewDue,
  reviewDueOn,
  type SecretCatalogueEntry,
  type SourceItem,
  type TransitionFacts,
  unclearMatterBureauLevel,
  unclearMatterDeadlines,
} from './matter.ts';

const CATALOGUE: SecretCatalogueEntry[] = [
  {
    id: 'c-1',
    clause: '《某系统保密事项范围》第三条第（二）项',
    levels: ['secret', 'confidential'],
    indefiniteAllowed: false,
  },
  { id: 'c-2', clause: '《某系统保密事项范围》第五条', levels: ['top_secret'], indefiniteAllowed: true },
  { id: 'c-3', clause: '《某系统保密事项范围》第九条', levels: [], indefiniteAllowed: false },
];
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};
const SCOPE = { personIds: ['p-1', 'p-2'], departmentIds: ['d-1'], positions: [] };

const original: MatterDraft = {
  title: '2026年度交通战备计划',
  basis: { catalogueEntryId: 'c-1', text: '', grounds: NO },
  kind: 'original',
  level: 'secret',
  period: { kind: 'years', n: 10 },
  issueDate: '2026-03-02',
  knowScope: SCOPE,
};
const source: SourceItem = {
  id: 'item-9',
  level: 'secret',
  period: { kind: 'years', n: 5 },
  issueDate: '2026-03-02',
  knowScope: SCOPE,
};
const derived: MatterDraft = {
  title: '转发：2026年度交通战备计划',
  basis: { text: '', grounds: NO },
  kind: 'derived',
  sourceItem: source,
  level: 'secret',
  period: { kind: 'years', n: 5 },
  issueDate: '2026-03-02',
  knowScope: { personIds: ['p-2', 'p-1'], departmentIds: ['d-1'], positions: [] },
};

describe('R-DES-06 R-DES-01 R-DES-01a R-LVL-02 checkDraft', () => {
  const codes = (d: MatterDraft) => {
    const r = checkDraft(d, { catalogue: CATALOGUE });
    return r.ok ? [] : r.violations.map((v) => v.code);
  };
  // [name, draft, expected codes in order]
  const cases: [string, MatterDraft, string[]][] = [
    ['a complete original draft', original, []],
    [
      'free-text basis without catalogue entry',
      { ...original, basis: { text: '第三条第（二）项', grounds: NO } },
      [],
    ],
    ['R-DES-06 no title', { ...original, title: '  ' }, ['title_missing']],
    ['R-DES-06 no basis', { ...original, basis: { text: ' ', grounds: NO } }, ['basis_missing']],
    [
      'R-DES-06 unknown catalogue entry',
      { ...original, basis: { catalogueEntryId: 'c-404', text: '', grounds: NO } },
      ['basis_entry_unknown'],
    ],
    [
      'R-DES-06 level the clause does not provide for',
      { ...original, level: 'top_secret' },
      ['level_not_in_catalogue'],
    ],
    [
      'R-DES-06 a clause with any level',
      { ...original, basis: { catalogueEntryId: 'c-3', text: '', grounds: NO }, level: 'top_secret' },
      [],
    ],
    ...NON_CLASSIFIABLE_GROUNDS.map((g): [string, MatterDraft, string[]] => [
      `R-DES-01a non-classifiable basis: ${g}`,
      { ...original, basis: { ...original.basis, grounds: { ...NO, [g]: true } } },
      ['basis_not_classifiable'],
    ]),
    [
      'R-DES-01a unanswered questions',
      {
        ...original,
        basis: { ...original.basis, grounds: { ...NO, work_secret: undefined } as unknown as typeof NO },
      },
      ['basis_question_unanswered'],
    ],
    [
      'R-LVL-02 period above the maximum (机密 20 years)',
      { ...original, period: { kind: 'years', n: 21 } },
      ['period_exceeds_maximum'],
    ],
    ['R-LVL-02 机密 20 years is the maximum', { ...original, period: { kind: 'years', n: 20 } }, []],
    [
      'R-LVL-02 241 months is above 20 years',
      { ...original, period: { kind: 'months', n: 241 } },
      ['period_exceeds_maximum'],
    ],
    ['R-LVL-02 a release date', { ...original, period: { kind: 'date', date: '2030-12-31' } }, []],
    ['R-LVL-02 a condition', { ...original, period: { kind: 'condition', text: '项目验收后' } }, []],
    [
      'R-LVL-02 长期 where the clause does not allow it',
      { ...original, period: { kind: 'indefinite' } },
      ['indefinite_not_allowed'],
    ],
    [
      'R-LVL-02 长期 where the clause allows it',
      {
        ...original,
        basis: { catalogueEntryId: 'c-2', text: '', grounds: NO },
        level: 'top_secret',
        period: { kind: 'indefinite' },
      },
      [],
    ],
    [
      'R-LVL-02 长期 on a free-text basis is refused',
      { ...original, basis: { text: '某条', grounds: NO }, period: { kind: 'indefinite' } },
      ['indefinite_not_allowed'],
    ],
    [
      'R-LVL-02 level only takes the legal maximum (accepted)',
      { ...original, period: { kind: 'default' } },
      [],
    ],
    [
      'R-LVL-01 empty knowledge scope',
      { ...original, knowScope: { personIds: [], departmentIds: [], positions: [] } },
      ['know_scope_empty'],
    ],
    ['R-DES-01 a complete derived draft (basis is the source)', derived, []],
    ['R-DES-01 derived without source', { ...derived, sourceItem: undefined }, ['derived_without_source']],
    [
      'R-DES-01 derived from a non-secret',
      { ...derived, sourceItem: { ...source, level: 'internal' } },
      ['source_not_classified'],
    ],
    [
      'R-DES-01 derived from a released source',
      { ...derived, sourceItem: { ...source, released: true } },
      ['source_released'],
    ],
    ['R-DES-01 derived with another level', { ...derived, level: 'confidential' }, ['derived_level_differs']],
    [
      'R-DES-01 derived with another period',
      { ...derived, period: { kind: 'years', n: 6 } },
      ['derived_period_differs'],
    ],
    [
      'R-DES-01 derived later with the same years is a longer period',
      { ...derived, issueDate: '2026-06-01' },
      ['derived_period_differs'],
    ],
    [
      'R-DES-01 derived later ending on the source release date',
      { ...derived, issueDate: '2026-06-01', period: { kind: 'date', date: '2031-03-03' } },
      [],
    ],
    [
      'R-DES-01 derived from a level-only source takes its default end',
      {
        ...derived,
        sourceItem: { ...source, period: { kind: 'default' } },
        issueDate: '2027-01-01',
        period: { kind: 'date', date: '2046-03-03' },
      },
      [],
    ],
    [
      'R-DES-01 derived from a 长期 source may be 长期',
      {
        ...derived,
        sourceItem: { ...source, period: { kind: 'indefinite' } },
        period: { kind: 'indefinite' },
      },
      [],
    ],
    [
      'R-DES-01 derived condition must be the same condition',
      {
        ...derived,
        sourceItem: { ...source, period: { kind: 'condition', text: '项目验收后' } },
        period: { kind: 'condition', text: '项目 验收后' },
      },
      ['derived_period_differs'],
    ],
    [
      'R-DES-01 derived with a wider scope',
      { ...derived, knowScope: { ...SCOPE, departmentIds: ['d-1', 'd-2'] } },
      ['derived_scope_differs'],
    ],
    [
      'R-DES-01 derived with a narrower scope',
      { ...derived, knowScope: { ...SCOPE, personIds: ['p-1'] } },
      ['derived_scope_differs'],
    ],
    [
      'every refusal at once',
      {
        ...original,
        title: '',
        basis: { text: '', grounds: { ...NO, already_public: true, personal_privacy: true } },
        period: { kind: 'years', n: 25 },
        knowScope: { personIds: [], departmentIds: [], positions: [] },
      },
      [
        'title_missing',
        'basis_missing',
        'basis_not_classifiable',
        'basis_not_classifiable',
        'know_scope_empty',
        'period_exceeds_maximum',
      ],
    ],
  ];
  for (const [name, draft, exp] of cases) {
    test(`${name.startsWith('R-') ? '' : 'R-DES-06 '}${name} → ${exp.join(', ') || 'ok'}`, () => {
      assert.deepEqual(codes(draft), exp);
      const r = checkDraft(draft, { catalogue: CATALOGUE });
      if (!r.ok) for (const v of r.violations) assert.ok(v.zh && v.en && v.field && v.rule);
    });
  }

  test('R-DES-01 the period hint names what a derived item should take', () => {
    const r = checkDraft({ ...derived, issueDate: '2026-06-01' }, { catalogue: CATALOGUE });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.violations[0]!.zh, /解密时间2031-03-03/u);
  });

  // [name, source, issueDate, expected period]
  const terms: [string, SourceItem, string, Period | null][] = [
    ['same day: same period', source, '2026-03-02', { kind: 'years', n: 5 }],
    ['later: the source release date', source, '2026-06-01', { kind: 'date', date: '2031-03-03' }],
    [
      'month end',
      { ...source, issueDate: '2024-01-31', period: { kind: 'months', n: 1 } },
      '2024-02-10',
      { kind: 'date', date: '2024-03-01' },
    ],
    [
      'leap day',
      { ...source, issueDate: '2024-02-29', period: { kind: 'years', n: 1 } },
      '2024-06-01',
      { kind: 'date', date: '2025-03-01' },
    ],
    ['长期', { ...source, period: { kind: 'indefinite' } }, '2026-06-01', { kind: 'indefinite' }],
    ['not a state secret', { ...source, level: 'internal' }, '2026-06-01', null],
  ];
  for (const [name, src, issue, period] of terms) {
    test(`R-DES-01 derivedTerms: ${name}`, () => {
      const t = derivedTerms(src, issue);
      assert.deepEqual(t?.period ?? null, period);
      if (t) {
        assert.equal(t.level, src.level);
        assert.deepEqual(t.knowScope, src.knowScope);
        assert.deepEqual(
          checkDraft({ ...derived, sourceItem: src, issueDate: issue, ...t }, { catalogue: [] }),
          ok,
        );
      }
    });
  }
});

describe('R-DES-07 disputed and unclear matters', () => {
  const claims: [Level[], Level | null][] = [
    [[], null],
    [['secret'], 'secret'],
    [['confidential', 'top_secret', 'secret'], 'top_secret'],
    [['internal', 'confidential'], 'confidential'],
    [['work_secret', 'public'], 'work_secret'],
  ];
  for (const [c, want] of claims) {
    test(`R-DES-07 protectionLevel([${c.join(', ')}]) = ${want}`, () =>
      assert.equal(protectionLevel(c), want));
  }

  const cal = workCalendar(SAMPLE_CALENDAR_2026);
  const deadlines: [string, { draftedOn: string; receivedOn?: string }, boolean, string, string | null][] = [
    ['weekends only, not yet received', { draftedOn: '2026-02-12' }, false, '2026-02-26', null],
    [
      '2026 sample calendar across 春节',
      { draftedOn: '2026-02-12', receivedOn: '2026-03-04' },
      true,
      '2026-03-04',
      '2026-03-18',
    ],
    [
      '2026 sample calendar across 国庆',
      { draftedOn: '2026-09-28', receivedOn: '2026-09-30' },
      true,
      '2026-10-16',
      '2026-10-20',
    ],
  ];
  for (const [name, dates, useCal, reportBy, decideBy] of deadlines) {
    test(`R-DES-07 unclearMatterDeadlines: ${name}`, () => {
      const d = useCal ? unclearMatterDeadlines(dates, cal) : unclearMatterDeadlines(dates);
      assert.deepEqual(d, { reportBy, decideBy });
    });
  }

  const bureaus: [
    'top_secret' | 'secret' | 'confidential',
    'central' | 'province' | 'city' | 'county',
    string,
  ][] = [
    ['top_secret', 'county', 'central'],
    ['secret', 'central', 'central'],
    ['confidential', 'central', 'central'],
    ['secret', 'province', 'province'],
    ['confidential', 'county', 'province'],
  ];
  for (const [level, org, want] of bureaus) {
    test(`R-DES-07 an unclear ${level} matter of a ${org} organ goes to the ${want} bureau`, () => {
      assert.equal(unclearMatterBureauLevel(level, org), want);
    });
  }
});

describe('R-DES-06 R-DES-07 R-DES-05 procedure state machine', () => {
  const deciderA: MayDecideResult = { allowed: true, actingRole: 'A', reasons: [] };
  const deciderB: MayDecideResult = { allowed: true, actingRole: 'B', reasons: [] };
  const full: TransitionFacts = {
    draftCheck: ok,
    designation: { allowed: true },
    decider: deciderA,
    note: '同意',
  };

  // Written out by hand: the only (state, action, role) triples that move, and where to.
  const ALLOWED: Record<string, string> = {
    'draft/submit/handler': 'officer_review',
    'officer_review/opinion/secrecy_officer': 'designator_review',
    'officer_review/return/secrecy_officer': 'returned',
    'designator_review/approve/designator': 'approved',
    'designator_review/correct/designator': 'approved',
    'designator_review/return/designator': 'returned',
    'designator_review/escalate/designator': 'escalated',
    'escalated/approve/designator': 'approved',
    'escalated/correct/designator': 'approved',
    'escalated/return/designator': 'returned',
    'escalated/reject/designator': 'returned',
    'returned/revise/handler': 'draft',
  };
  for (const s of MATTER_STATES) {
    for (const a of MATTER_ACTIONS) {
      for (const r of PROCEDURE_ROLES) {
        const key = `${s}/${a}/${r}`;
        const to = ALLOWED[key];
        test(`R-DES-06 nextState ${key} → ${to ?? 'refused'}`, () => {
          // Escalation needs a matter above the authority; everything else the full facts.
          const facts = a === 'escalate' ? { ...full, designation: { allowed: false } } : full;
          const res = nextState(s, a, r, facts);
          if (to === undefined) {
            assert.equal(res.ok, false);
            if (!res.ok) {
              assert.ok(res.violations.length > 0);
              assert.ok(
                res.violations.every((v) =>
                  ['transition_wrong_state', 'transition_wrong_role'].includes(v.code),
                ),
              );
              for (const v of res.violations) assert.ok(v.zh && v.en);
            }
          } else {
            assert.deepEqual(
              res,
              r === 'designator' ? { ok: true, state: to, actingRole: 'A' } : { ok: true, state: to },
            );
          }
        });
      }
    }
  }

  // The matter's steps and the shared approval flows (approvals/flows.ts) must agree on who
  // decides what: the decisions a state allows to a role are the decisions of the matching step.
  const stepOf: [string, FlowDef, string, string][] = [
    ['officer_review', DESIGNATION_FLOW, 'officer_opinion', 'secrecy_officer'],
    ['designator_review', DESIGNATION_FLOW, 'designator_decision', 'designator'],
    ['escalated', ESCALATION_FLOW, 'target_designator', 'designator'],
  ];
  for (const [state, flow, key, role] of stepOf) {
    test(`R-DES-06 R-DES-07 state ${state} takes the decisions of ${flow.type} step ${key}`, () => {
      const step = flow.steps.find((x) => x.key === key)!;
      assert.equal(step.role, role);
      const mine = MATTER_TRANSITIONS.filter((t) => t.from === state && t.action !== 'escalate').map(
        (t) => t.action,
      );
      assert.deepEqual([...mine].sort(), [...step.decisions].sort());
    });
  }

  const draftBad = fail({
    code: 'know_scope_empty',
    zh: '知悉范围为空',
    en: 'Empty scope',
    rule: 'R-LVL-01',
  });
  // [name, state, action, facts, expected codes or resulting state]
  const guards: [
    string,
    (typeof MATTER_STATES)[number],
    (typeof MATTER_ACTIONS)[number],
    TransitionFacts,
    string[] | string,
  ][] = [
    ['submit needs a checked draft', 'draft', 'submit', {}, ['draft_not_checked']],
    [
      'submit refuses an invalid draft with its violations',
      'draft',
      'submit',
      { draftCheck: draftBad },
      ['know_scope_empty'],
    ],
    ['opinion needs a note', 'officer_review', 'opinion', {}, ['note_missing']],
    [
      'approve needs every fact',
      'designator_review',
      'approve',
      {},
      ['draft_not_checked', 'decider_not_established', 'authority_not_established'],
    ],
    [
      'R-DES-07 approve above the authority is refused',
      'designator_review',
      'approve',
      { ...full, designation: { allowed: false } },
      ['level_above_authority'],
    ],
    [
      'R-DES-05 B acting while A is present is refused',
      'designator_review',
      'approve',
      {
        ...full,
        decider: {
          allowed: false,
          actingRole: 'B',
          reasons: [{ code: 'role_b_while_a_present', zh: 'A角在岗', en: 'A present', rule: 'R-DES-05' }],
        },
      },
      ['role_b_while_a_present'],
    ],
    [
      'R-DES-05 B acting while A is away records role B',
      'designator_review',
      'approve',
      { ...full, decider: deciderB },
      'approved/B',
    ],
    ['correct needs a note', 'designator_review', 'correct', { ...full, note: '' }, ['note_missing']],
    ['return needs a note', 'designator_review', 'return', { decider: deciderA }, ['note_missing']],
    [
      'return needs no draft check or authority',
      'designator_review',
      'return',
      { decider: deciderA, note: '依据不充分' },
      'returned/A',
    ],
    [
      'R-DES-07 escalate within the authority is refused',
      'designator_review',
      'escalate',
      full,
      ['escalation_not_needed'],
    ],
    [
      'R-DES-07 escalate an unclear matter within the authority',
      'designator_review',
      'escalate',
      { ...full, unclear: true },
      'escalated/A',
    ],
    [
      'R-DES-07 escalate needs the authority fact',
      'designator_review',
      'escalate',
      { draftCheck: ok, decider: deciderA },
      ['authority_not_established'],
    ],
    [
      'R-DES-07 the superior approves within its own authority',
      'escalated',
      'approve',
      { ...full, decider: deciderB },
      'approved/B',
    ],
    [
      'R-DES-07 the superior cannot approve above its own authority',
      'escalated',
      'approve',
      { ...full, designation: { allowed: false } },
      ['level_above_authority'],
    ],
    [
      'R-DES-07 the superior rejects with a reason',
      'escalated',
      'reject',
      { decider: deciderA, note: '不属于国家秘密' },
      'returned/A',
    ],
    ['R-DES-07 a rejection needs a reason', 'escalated', 'reject', { decider: deciderA }, ['note_missing']],
    [
      'the secrecy officer returns with a reason',
      'officer_review',
      'return',
      { note: '依据条款有误' },
      'returned',
    ],
    ['the secrecy officer returns only with a reason', 'officer_review', 'return', {}, ['note_missing']],
    ['revise needs nothing', 'returned', 'revise', {}, 'draft'],
  ];
  for (const [name, s, a, facts, exp] of guards) {
    test(`${name.startsWith('R-') ? '' : 'R-DES-06 '}${name}`, () => {
      const role =
        a === 'submit' || a === 'revise'
          ? 'handler'
          : s === 'officer_review'
            ? 'secrecy_officer'
            : 'designator';
      const res = nextState(s, a, role, facts);
      if (typeof exp === 'string') {
        const [state, role] = exp.split('/');
        assert.equal(res.ok, true);
        if (res.ok) {
          assert.equal(res.state, state);
          assert.equal(res.actingRole, role);
        }
      } else {
        assert.equal(res.ok, false);
        if (!res.ok)
          assert.deepEqual(
            res.violations.map((v) => v.code),
            exp,
          );
      }
    });
  }

  test('R-DES-06 wrong state and wrong role are both reported', () => {
    const res = nextState('draft', 'approve', 'handler', full);
    assert.deepEqual(res.ok ? [] : res.violations.map((v) => v.code), [
      'transition_wrong_state',
      'transition_wrong_role',
    ]);
  });

  test('R-DES-06 unknown state or action from outside is refused, not thrown', () => {
    const res = nextState('archived' as (typeof MATTER_STATES)[number], 'submit', 'handler', full);
    assert.deepEqual(res.ok ? [] : res.violations.map((v) => v.code), ['transition_unknown']);
    const res2 = nextState('draft', 'delete' as (typeof MATTER_ACTIONS)[number], 'handler', full);
    assert.deepEqual(res2.ok ? [] : res2.violations.map((v) => v.code), ['transition_unknown']);
  });
});

describe('R-DES-08 automatic release', () => {
  const item = (issueDate: string, period: Period, extra: Partial<DesignatedItem> = {}): DesignatedItem => ({
    level: 'secret',
    issueDate,
    period,
    ...extra,
  });
  // [name, item, today, due, releaseDate]
  const cases: [string, DesignatedItem, string, boolean, string | null][] = [
    [
      'the day before the release date',
      item('2024-03-15', { kind: 'years', n: 1 }),
      '2025-03-15',
      false,
      '2025-03-16',
    ],
    ['on the release date', item('2024-03-15', { kind: 'years', n: 1 }), '2025-03-16', true, '2025-03-16'],
    ['long after', item('2024-03-15', { kind: 'years', n: 1 }), '2030-01-01', true, '2025-03-16'],
    [
      'month end: 31 Jan + 1 month, leap year',
      item('2024-01-31', { kind: 'months', n: 1 }),
      '2024-03-01',
      true,
      '2024-03-01',
    ],
    [
      'month end: 31 Jan + 1 month, on 29 Feb',
      item('2024-01-31', { kind: 'months', n: 1 }),
      '2024-02-29',
      false,
      '2024-03-01',
    ],
    [
      'month end: 31 Aug + 6 months',
      item('2024-08-31', { kind: 'months', n: 6 }),
      '2025-03-01',
      true,
      '2025-03-01',
    ],
    ['leap day + 1 year', item('2024-02-29', { kind: 'years', n: 1 }), '2025-02-28', false, '2025-03-01'],
    ['leap day + 4 years', item('2024-02-29', { kind: 'years', n: 4 }), '2028-03-01', true, '2028-03-01'],
    [
      'a release date',
      item('2024-01-01', { kind: 'date', date: '2028-02-29' }),
      '2028-02-29',
      true,
      '2028-02-29',
    ],
    ['level only: 机密 20 years', item('2024-03-15', { kind: 'default' }), '2044-03-16', true, '2044-03-16'],
    ['长期 never', item('2000-01-01', { kind: 'indefinite' }), '2099-01-01', false, null],
    [
      'a condition never',
      item('2000-01-01', { kind: 'condition', text: '项目验收后' }),
      '2099-01-01',
      false,
      null,
    ],
    [
      'already released',
      item('2024-03-15', { kind: 'years', n: 1 }, { released: true }),
      '2030-01-01',
      false,
      '2025-03-16',
    ],
    [
      'extension approved before expiry',
      item(
        '2024-03-15',
        { kind: 'years', n: 1 },
        { periodChanges: [{ decidedOn: '2025-03-15', period: { kind: 'years', n: 3 }, approved: true }] },
      ),
      '2025-03-16',
      false,
      '2027-03-16',
    ],
    [
      'extension decided on the release date is too late',
      item(
        '2024-03-15',
        { kind: 'years', n: 1 },
        { periodChanges: [{ decidedOn: '2025-03-16', period: { kind: 'years', n: 3 }, approved: true }] },
      ),
      '2025-03-16',
      true,
      '2025-03-16',
    ],
    [
      'pending extension does not stop it',
      item(
        '2024-03-15',
        { kind: 'years', n: 1 },
        { periodChanges: [{ decidedOn: '2025-01-01', period: { kind: 'years', n: 3 }, approved: false }] },
      ),
      '2025-03-16',
      true,
      '2025-03-16',
    ],
    [
      'two extensions in a row',
      item(
        '2024-01-31',
        { kind: 'months', n: 1 },
        {
          periodChanges: [
            { decidedOn: '2024-05-01', period: { kind: 'years', n: 2 }, approved: true },
            { decidedOn: '2024-02-20', period: { kind: 'months', n: 6 }, approved: true },
          ],
        },
      ),
      '2025-06-01',
      false,
      '2026-02-01',
    ],
    [
      'extension to 长期 stops it for good',
      item(
        '2024-03-15',
        { kind: 'years', n: 1 },
        { periodChanges: [{ decidedOn: '2024-12-01', period: { kind: 'indefinite' }, approved: true }] },
      ),
      '2099-01-01',
      false,
      null,
    ],
    [
      'shortened period releases earlier',
      item(
        '2024-03-15',
        { kind: 'years', n: 10 },
        { periodChanges: [{ decidedOn: '2025-01-10', period: { kind: 'years', n: 2 }, approved: true }] },
      ),
      '2026-03-16',
      true,
      '2026-03-16',
    ],
  ];
  for (const [name, it, today, due, rel] of cases) {
    test(`R-DES-08 autoReleaseDue: ${name} (${today}) → ${due ? 'released' : 'not released'}`, () => {
      const r = autoReleaseDue(it, today);
      assert.equal(r.due, due);
      assert.equal(r.releaseDate, rel);
      for (const x of r.reasons) assert.ok(x.zh && x.en && x.rule === 'R-DES-08');
    });
  }

  test('R-DES-08 a late extension is explained', () => {
    const e = effectiveRelease(
      item(
        '2024-03-15',
        { kind: 'years', n: 1 },
        { periodChanges: [{ decidedOn: '2025-04-01', period: { kind: 'years', n: 3 }, approved: true }] },
      ),
    );
    assert.deepEqual(
      e.reasons.map((r) => r.code),
      ['period_change_too_late'],
    );
  });
});

describe('R-DES-08 yearly review', () => {
  const TODAY = '2026-03-01';
  const it = (id: string, designatedOn: string, extra: Partial<ReviewableItem> = {}): ReviewableItem => ({
    id,
    level: 'secret',
    issueDate: designatedOn,
    period: { kind: 'years', n: 10 },
    ...extra,
  });
  const items: ReviewableItem[] = [
    it('overdue', '2024-12-01'), // due 2025-12-01
    it('today', '2025-03-01'), // due 2026-03-01
    it('in-30', '2025-03-31'), // due 2026-03-31 (30 days)
    it('in-31', '2025-04-01'), // due 2026-04-01 (31 days)
    it('in-90', '2025-05-30'), // due 2026-05-30 (90 days)
    it('in-91', '2025-05-31'), // due 2026-05-31 (91 days)
    it('reviewed', '2020-01-01', { lastReviewedOn: '2025-03-20' }), // due 2026-03-20
    it('released', '2020-01-01', { released: true }),
    it('auto-released', '2020-01-01', { period: { kind: 'years', n: 5 } }), // released 2025-01-02
    it('released-before-review', '2025-04-15', { period: { kind: 'months', n: 11 } }), // released 2026-03-16, due 2026-04-15
    it('indefinite', '2025-04-10', { period: { kind: 'indefinite' }, level: 'top_secret' }), // due 2026-04-10
  ];

  // [horizon, expected ids in order with buckets]
  const horizons: [number, string[]][] = [
    [0, ['overdue:due', 'today:due']],
    [30, ['overdue:due', 'today:due', 'reviewed:within_30', 'in-30:within_30']],
    [
      90,
      [
        'overdue:due',
        'today:due',
        'reviewed:within_30',
        'in-30:within_30',
        'in-31:within_90',
        'indefinite:within_90',
        'in-90:within_90',
      ],
    ],
    [
      365,
      [
        'overdue:due',
        'today:due',
        'reviewed:within_30',
        'in-30:within_30',
        'in-31:within_90',
        'indefinite:within_90',
        'in-90:within_90',
        'in-91:later',
      ],
    ],
  ];
  for (const [h, exp] of horizons) {
    test(`R-DES-08 reviewDue within ${h} days`, () => {
      assert.deepEqual(
        reviewDue(items, TODAY, h).map((e) => `${e.item.id}:${e.bucket}`),
        exp,
      );
    });
  }

  const dueOn: [string, ReviewableItem, string][] = [
    ['one year after designation', it('a', '2025-06-15'), '2026-06-15'],
    ['leap day falls due on 28 February', it('b', '2024-02-29'), '2025-02-28'],
    ['month end', it('c', '2025-01-31'), '2026-01-31'],
    ['after the last review', it('d', '2020-01-01', { lastReviewedOn: '2025-11-30' }), '2026-11-30'],
    [
      'a review before designation is ignored',
      it('e', '2025-06-01', { lastReviewedOn: '2025-01-01' }),
      '2026-06-01',
    ],
    [
      'designatedOn preferred to issueDate',
      it('f', '2025-06-01', { designatedOn: '2025-05-20' }),
      '2026-05-20',
    ],
  ];
  for (const [name, x, want] of dueOn) {
    test(`R-DES-08 reviewDueOn: ${name} → ${want}`, () => assert.equal(reviewDueOn(x), want));
  }

  test('R-DES-08 reviewDue gives days until due (negative when overdue)', () => {
    const r = reviewDue(items, TODAY, 0);
    assert.deepEqual(
      r.map((e) => [e.dueOn, e.daysUntil]),
      [
        ['2025-12-01', -90],
        ['2026-03-01', 0],
      ],
    );
  });

  for (const bad of [-1, 1.5, Number.NaN]) {
    test(`R-DES-08 reviewDue refuses horizon ${bad}`, () => {
      assert.throws(() => reviewDue(items, TODAY, bad), DomainError);
    });
  }
});

describe('R-DES-08a knower list', () => {
  const want: Record<Level, boolean> = {
    public: false,
    internal: false,
    work_secret: false,
    confidential: false,
    secret: true,
    top_secret: true,
  };
  for (const level of LEVELS) {
    test(`R-DES-08a mustKeepKnowerList(${level}) = ${want[level]}`, () =>
      assert.equal(mustKeepKnowerList(level), want[level]));
  }
});

describe('R-LVL-02 the issue date and the period of a designation (checkIssueDate, designationPeriod)', () => {
  const TODAY = '2026-11-27';
  const cases: [string, string, Level & ('confidential' | 'secret' | 'top_secret'), Period, string[]][] = [
    ['R-LVL-02 an issue date today with 10 years', TODAY, 'confidential', { kind: 'years', n: 10 }, []],
    [
      'R-LVL-02 1900-01-01 is before 1949-10-01',
      '1900-01-01',
      'confidential',
      { kind: 'years', n: 5 },
      ['issue_date_too_early'],
    ],
    ['R-LVL-02 1949-10-01 itself, 长期', '1949-10-01', 'top_secret', { kind: 'indefinite' }, []],
    [
      'R-LVL-02 1949-09-30 with a condition',
      '1949-09-30',
      'secret',
      { kind: 'condition', text: '项目结束' },
      ['issue_date_too_early'],
    ],
    [
      'R-LVL-02 a period released yesterday (its last secret day was the day before)',
      '2025-11-25',
      'confidential',
      { kind: 'years', n: 1 },
      ['period_already_over'],
    ],
    [
      'R-LVL-02 a period released today can still be designated (the daily job releases it)',
      '2025-11-26',
      'confidential',
      { kind: 'years', n: 1 },
      [],
    ],
    [
      'R-LVL-02 a leap-day issue date, 1 year, ends 2025-03-01',
      '2024-02-29',
      'confidential',
      { kind: 'years', n: 1 },
      ['period_already_over'],
    ],
    ['R-LVL-02 one year ahead is allowed', '2027-11-28', 'secret', { kind: 'years', n: 20 }, []],
    [
      'R-LVL-02 more than a year ahead is refused',
      '2027-11-29',
      'secret',
      { kind: 'years', n: 20 },
      ['issue_date_too_late'],
    ],
    [
      'R-LVL-02 9999-12-31 is refused',
      '9999-12-31',
      'secret',
      { kind: 'years', n: 20 },
      ['issue_date_too_late'],
    ],
    [
      'R-LVL-02 a release date already past',
      '2020-01-01',
      'secret',
      { kind: 'date', date: '2026-11-01' },
      ['period_already_over'],
    ],
    [
      'R-LVL-02 level only from 2010: 秘密 10 years ended in 2020',
      '2010-01-01',
      'confidential',
      designationPeriod('confidential', { kind: 'default' }),
      ['period_already_over'],
    ],
  ];
  for (const [name, issueDate, level, period, codes] of cases) {
    test(name, () => {
      const got = checkIssueDate(issueDate, level, period, TODAY);
      assert.deepEqual(
        got.map((v) => v.code),
        codes,
      );
      for (const v of got) {
        assert.ok(/[\u4e00-\u9fff]/.test(v.zh) && v.en.length > 10, 'bilingual');
        assert.equal(v.rule, 'R-LVL-02');
      }
    });
  }

  test('R-LVL-02 the level alone means the legal maximum: 秘密 10, 机密 20, 绝密 30 years', () => {
    assert.deepEqual(designationPeriod('confidential', { kind: 'default' }), { kind: 'years', n: 10 });
    assert.deepEqual(designationPeriod('secret', { kind: 'default' }), { kind: 'years', n: 20 });
    assert.deepEqual(designationPeriod('top_secret', { kind: 'default' }), { kind: 'years', n: 30 });
    assert.deepEqual(designationPeriod('secret', { kind: 'months', n: 6 }), { kind: 'months', n: 6 });
  });

  test('R-LVL-02 checkDraft applies the date checks when it knows today', () => {
    const r = checkDraft(
      { ...original, issueDate: '1900-01-01', period: { kind: 'years', n: 5 } },
      { catalogue: CATALOGUE, today: TODAY },
    );
    assert.equal(r.ok, false);
    assert.ok(
      !r.ok && r.violations.some((v) => v.code === 'issue_date_too_early' && v.field === 'issueDate'),
    );
  });
});
