// Issue 6 §4: the approval rules a page's abilities report are the ones the server enforces —
// the decider rule (checkDecider, part of checkDecision), withdrawal and resubmission — and every
// flow declares the fields its approval page shows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Verdict } from '../access/verdict.ts';
import type { BusinessRole } from '../orgs/enums.ts';
import {
  type ApprovalState,
  checkDecision,
  type Decider,
  type DecisionKind,
  decide,
  deciderVerdict,
  mayResubmit,
  mayWithdraw,
  openApproval,
  snapshotKeys,
} from './engine.ts';
import { DESIGNATION_FLOW, FLOWS } from './flows.ts';

const ORG = 'org-1';
const who = (id: string, roles: BusinessRole[], orgId = ORG): Decider => ({
  personId: id,
  orgId,
  departmentId: 'dept-1',
  roles,
});
const handler = who('handler', ['staff', 'designator']);
const officer = who('officer', ['secrecy_officer']);
const designator = who('designator', ['designator']);
const stranger = who('stranger', ['designator'], 'org-2');
const AT = '2026-11-22T08:00:00.000Z';
const fresh = (): ApprovalState =>
  openApproval(
    DESIGNATION_FLOW,
    'handler',
    DESIGNATION_FLOW.steps.map((s) => ({ key: s.key, role: s.role, orgId: ORG, departmentId: null })),
    'fp',
  );
const atDesignator = () => decide(DESIGNATION_FLOW, fresh(), officer, { decision: 'opinion' }, AT);
const outcome = (v: Verdict) => (v.allowed ? 'allowed' : `${v.kind}:${v.reason.code}`);

describe('approval decider rule (deciderVerdict)', () => {
  const rows: [string, () => ApprovalState, Decider, DecisionKind, string][] = [
    ['R-DES-06 the officer gives his opinion', fresh, officer, 'opinion', 'allowed'],
    ['R-DES-06 the officer may not approve', fresh, officer, 'approve', 'invalid:decision_not_allowed'],
    ['R-DES-06 a designator waits for the officer', fresh, designator, 'opinion', 'forbidden:wrong_role'],
    ['R-DES-06 the designator approves', atDesignator, designator, 'approve', 'allowed'],
    ['R-DES-06 the designator corrects', atDesignator, designator, 'correct', 'allowed'],
    ['R-DES-06 another organisation may not', atDesignator, stranger, 'approve', 'forbidden:wrong_place'],
    ['R-DES-06 not one’s own request', atDesignator, handler, 'approve', 'forbidden:self_approval'],
    [
      'R-DES-06 a decided approval takes no more decisions',
      () => decide(DESIGNATION_FLOW, atDesignator(), designator, { decision: 'approve' }, AT),
      designator,
      'approve',
      'conflict:approval_closed',
    ],
  ];
  for (const [name, state, d, decision, want] of rows)
    test(name, () => assert.equal(outcome(deciderVerdict(DESIGNATION_FLOW, state(), d, decision)), want));

  test('R-DES-06 checkDecision refuses first with the decider rule’s reason, then the input’s', () => {
    const s = atDesignator();
    const v = deciderVerdict(DESIGNATION_FLOW, s, stranger, 'return');
    const c = checkDecision(DESIGNATION_FLOW, s, stranger, { decision: 'return' });
    assert.ok(!v.allowed && !c.ok);
    assert.equal(c.violations[0]!.code, v.reason.code);
    assert.ok(c.violations.some((x) => x.code === 'reason_required'));
    // The decider rule allows, the input does not (a return needs a reason): not an ability matter.
    assert.equal(outcome(deciderVerdict(DESIGNATION_FLOW, s, designator, 'return')), 'allowed');
    assert.ok(!checkDecision(DESIGNATION_FLOW, s, designator, { decision: 'return' }).ok);
  });
});

describe('withdraw and resubmit (the requester’s)', () => {
  const rows: [string, Verdict, string][] = [
    ['R-DES-06 the requester withdraws a pending request', mayWithdraw(fresh(), 'handler'), 'allowed'],
    [
      'R-DES-06 the requester withdraws a returned request',
      mayWithdraw({ ...fresh(), status: 'returned' }, 'handler'),
      'allowed',
    ],
    ['R-DES-06 nobody else withdraws', mayWithdraw(fresh(), 'officer'), 'forbidden:not_initiator'],
    [
      'R-DES-06 a closed request is not withdrawn',
      mayWithdraw({ ...fresh(), status: 'approved' }, 'handler'),
      'conflict:approval_closed',
    ],
    [
      'R-DES-06 the requester resubmits a returned request',
      mayResubmit({ ...fresh(), status: 'returned' }, 'handler'),
      'allowed',
    ],
    [
      'R-DES-06 a pending request is not resubmitted',
      mayResubmit(fresh(), 'handler'),
      'conflict:not_returned',
    ],
    [
      'R-DES-06 nobody else resubmits',
      mayResubmit({ ...fresh(), status: 'returned' }, 'officer'),
      'forbidden:not_initiator',
    ],
  ];
  for (const [name, v, want] of rows) test(name, () => assert.equal(outcome(v), want));
});

describe('what is being approved: every flow declares its fields', () => {
  for (const flow of FLOWS)
    test(`${flow.rules.join(' ')} ${flow.type}: bilingual labels, unique keys, every shown material field`, () => {
      assert.ok(flow.fields.length > 0);
      const keys = flow.fields.map((f) => f.key);
      assert.equal(new Set(keys).size, keys.length);
      for (const f of flow.fields) {
        assert.match(f.label.zh, /[\u4e00-\u9fff]/);
        assert.ok(f.label.en);
        if (f.show === 'enum') assert.ok(f.labels && Object.keys(f.labels).length > 0);
      }
      // Material fields are shown, except internal references (a source's id: its title is shown).
      for (const m of flow.material)
        if (m !== 'sourceItemId') assert.ok(keys.includes(m), `${flow.type}.${m}`);
      assert.deepEqual(snapshotKeys(flow).slice(0, flow.material.length), [...flow.material]);
    });

  test('R-DES-06 a designation shows level, period, marking, basis, knowledge scope, handler and a change', () => {
    const keys = DESIGNATION_FLOW.fields.map((f) => f.key);
    for (const k of ['level', 'period', 'marking', 'basis', 'knowScope', 'handlerName', 'change'])
      assert.ok(keys.includes(k), k);
  });
});
