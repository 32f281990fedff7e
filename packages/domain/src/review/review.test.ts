// 保密审查 rules, table-driven: R-REV-02 (a marked file is never released; an unread one only once
// confirmed), the state machine of a request, and the one read rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reviewDecideVerdict, reviewReadVerdict, reviewRequesterVerdict } from './access.ts';
import { type FoundLevel, highestFoundLevel, type ReviewDecision, type ReviewState } from './enums.ts';
import {
  canChangeReviewFiles,
  canSubmitReview,
  canWithdrawReview,
  checkReviewDecision,
  type ReviewFileFacts,
  reviewStateAfter,
} from './rules.ts';

const file = (
  name: string,
  highestLevel: FoundLevel | null,
  unread = false,
  unreadConfirmed = false,
): ReviewFileFacts => ({
  name,
  highestLevel,
  unread,
  unreadConfirmed,
});

describe('R-REV-02 the decision', () => {
  const rows: [string, ReviewState, ReviewDecision, ReviewFileFacts[], string | null][] = [
    ['clean file released', 'in_review', 'release', [file('a.docx', null)], null],
    [
      '秘密 marking: release refused',
      'in_review',
      'release',
      [file('a.docx', 'confidential')],
      'review_marked_file',
    ],
    [
      '机密 marking: release after changes refused too',
      'in_review',
      'release_with_changes',
      [file('a.docx', 'secret')],
      'review_marked_file',
    ],
    [
      '绝密 marking in the second file',
      'in_review',
      'release',
      [file('a.docx', null), file('b.xlsx', 'top_secret')],
      'review_marked_file',
    ],
    ['marked file: refusing is always possible', 'in_review', 'refuse', [file('a.docx', 'top_secret')], null],
    [
      'unread, not confirmed: refused',
      'in_review',
      'release',
      [file('scan.pdf', null, true)],
      'review_unread_unconfirmed',
    ],
    ['unread, confirmed by the reviewer', 'in_review', 'release', [file('scan.pdf', null, true, true)], null],
    [
      'unread and marked: the marking first',
      'in_review',
      'release',
      [file('x.pdf', 'secret', true, true)],
      'review_marked_file',
    ],
    ['not in review: draft', 'draft', 'release', [file('a.docx', null)], 'review_state'],
    ['not in review: already released', 'released', 'refuse', [file('a.docx', null)], 'review_state'],
    ['not in review: withdrawn', 'withdrawn', 'release', [], 'review_state'],
  ];
  for (const [name, state, decision, files, code] of rows)
    test(`R-REV-02 ${name}`, () => {
      const v = checkReviewDecision(state, decision, files);
      if (code === null) assert.equal(v.allowed, true, JSON.stringify(v));
      else {
        assert.equal(v.allowed, false);
        if (!v.allowed) {
          assert.equal(v.reason.code, code);
          if (code === 'review_marked_file') {
            const f = files.find((x) => x.highestLevel)!;
            assert.ok(v.reason.zh.includes(`《${f.name}》`), v.reason.zh);
            assert.equal(v.reason.rule, 'R-REV-02');
          }
        }
      }
    });

  test('R-FOR-06 the chain still under way: no decision yet, not even a refusal', () => {
    for (const d of ['release', 'release_with_changes', 'refuse'] as const) {
      const v = checkReviewDecision('in_review', d, [file('a', null)], true);
      assert.ok(!v.allowed && v.reason.code === 'review_chain_pending' && v.kind === 'conflict');
    }
  });

  test('R-REV-02 every marked file is named in the details', () => {
    const v = checkReviewDecision('in_review', 'release', [file('a', 'secret'), file('b', 'confidential')]);
    assert.ok(!v.allowed && v.details?.length === 2);
  });
});

describe('R-REV-01 the state machine', () => {
  const all: ReviewState[] = [
    'draft',
    'in_review',
    'released',
    'released_with_changes',
    'refused',
    'withdrawn',
  ];
  const rows: [ReviewState, boolean, boolean, boolean][] = [
    // state, files may change, submit (with 1 changed file), withdraw
    ['draft', true, true, true],
    ['in_review', false, false, true],
    ['released', false, false, false],
    ['released_with_changes', true, true, true],
    ['refused', false, false, false],
    ['withdrawn', false, false, false],
  ];
  for (const [state, change, submit, withdraw] of rows)
    test(`R-REV-01 ${state}: change files ${change}, submit ${submit}, withdraw ${withdraw}`, () => {
      assert.equal(canChangeReviewFiles(state).allowed, change);
      assert.equal(canSubmitReview(state, 1, true).allowed, submit);
      assert.equal(canWithdrawReview(state).allowed, withdraw);
    });
  test('R-REV-01 a request without files cannot be submitted', () => {
    const v = canSubmitReview('draft', 0, true);
    assert.ok(!v.allowed && v.reason.code === 'review_no_files');
  });
  test('R-REV-01 after "release after changes" only a changed file (new SM3) is resubmitted', () => {
    const v = canSubmitReview('released_with_changes', 1, false);
    assert.ok(!v.allowed && v.reason.code === 'review_unchanged');
  });
  test('decisions lead to their states', () => {
    assert.deepEqual((['release', 'release_with_changes', 'refuse'] as const).map(reviewStateAfter), [
      'released',
      'released_with_changes',
      'refused',
    ]);
    assert.equal(all.length, 6);
  });
  test('the highest level found', () => {
    assert.equal(highestFoundLevel([]), null);
    assert.equal(highestFoundLevel(['confidential', 'internal', 'top_secret', 'secret']), 'top_secret');
    assert.equal(highestFoundLevel(['work_secret', undefined, null]), null);
  });
});

describe('R-REV-01 who reads and who decides', () => {
  const rec = { orgId: 'o1', requesterPersonId: 'req', deciderPersonIds: ['dec'] };
  const rows: [string, { personId: string; orgId: string; roles: string[] }, string, string, string][] = [
    // name, reader, read, decide, requester action
    ['the requester', { personId: 'req', orgId: 'o1', roles: ['staff'] }, 'ok', 'forbidden', 'ok'],
    [
      'a secrecy officer of the organisation',
      { personId: 'so', orgId: 'o1', roles: ['secrecy_officer'] },
      'ok',
      'ok',
      'forbidden',
    ],
    [
      'the one who decided (no longer an officer)',
      { personId: 'dec', orgId: 'o1', roles: ['staff'] },
      'ok',
      'forbidden',
      'forbidden',
    ],
    [
      'a colleague of the same department',
      { personId: 'col', orgId: 'o1', roles: ['staff'] },
      'forbidden',
      'forbidden',
      'forbidden',
    ],
    [
      'a leader (not a reviewer)',
      { personId: 'ld', orgId: 'o1', roles: ['leader'] },
      'forbidden',
      'forbidden',
      'forbidden',
    ],
    [
      'a secrecy officer of another organisation',
      { personId: 'x', orgId: 'o2', roles: ['secrecy_officer'] },
      'not_found',
      'not_found',
      'forbidden',
    ],
    [
      'the requester as a secrecy officer: reads, never decides his own',
      { personId: 'req', orgId: 'o1', roles: ['secrecy_officer'] },
      'ok',
      'forbidden',
      'ok',
    ],
  ];
  test('R-FOR-06 the approvers of the step waiting read it (their department, their role), no one else', () => {
    const step = { role: 'department_head', orgId: 'o1', departmentId: 'd1' };
    const withStep = { ...rec, pendingStep: step };
    const v = (r: { personId: string; orgId: string; departmentId: string | null; roles: string[] }) =>
      reviewReadVerdict(r, withStep).allowed;
    assert.equal(v({ personId: 'h', orgId: 'o1', departmentId: 'd1', roles: ['department_head'] }), true);
    assert.equal(v({ personId: 'h2', orgId: 'o1', departmentId: 'd2', roles: ['department_head'] }), false);
    assert.equal(v({ personId: 's', orgId: 'o1', departmentId: 'd1', roles: ['staff'] }), false);
    assert.equal(v({ personId: 'x', orgId: 'o2', departmentId: 'd1', roles: ['department_head'] }), false);
    assert.equal(
      reviewReadVerdict({ personId: 'h', orgId: 'o1', departmentId: 'd1', roles: ['department_head'] }, rec)
        .allowed,
      false,
    );
  });
  const k = (v: { allowed: boolean; kind?: string }) => (v.allowed ? 'ok' : (v as { kind: string }).kind);
  for (const [name, reader, read, decide, own] of rows)
    test(`R-REV-01 ${name}: read ${read}, decide ${decide}, requester steps ${own}`, () => {
      assert.equal(k(reviewReadVerdict(reader, rec)), read);
      assert.equal(k(reviewDecideVerdict(reader, rec)), decide);
      assert.equal(k(reviewRequesterVerdict(reader, rec)), own);
    });
});
