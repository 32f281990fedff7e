import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { BusinessRole } from '../orgs/enums.ts';
import {
  type ApprovalState,
  canonicalJson,
  checkDecision,
  type Decider,
  decide,
  type FlowDef,
  materialFingerprint,
  onSubjectChange,
  openApproval,
  type ResolvedStep,
  resubmit,
  waitingOn,
  withdraw,
} from './engine.ts';
import { CARRIER_DESTRUCTION_FLOW, DESIGNATION_FLOW, EXIT_FLOW, FLOWS, KEY_SITE_FLOW } from './flows.ts';

const ORG = 'org-1';
const BUREAU = 'bureau';
const person = (
  id: string,
  roles: BusinessRole[],
  orgId = ORG,
  departmentId: string | null = 'dept-1',
): Decider => ({
  personId: id,
  orgId,
  departmentId,
  roles,
});
const handler = person('handler', ['staff']);
const officer = person('officer', ['secrecy_officer']);
const designator = person('designator', ['designator', 'leader']);
const stepsAt = (flow: FlowDef, orgId = ORG, departmentId: string | null = null): ResolvedStep[] =>
  flow.steps.map((s) => ({ key: s.key, role: s.role, orgId, departmentId }));
const AT = '2026-11-22T08:00:00.000Z';

function designation(): ApprovalState {
  return openApproval(DESIGNATION_FLOW, handler.personId, stepsAt(DESIGNATION_FLOW), 'fp-1');
}

describe('approvals engine', () => {
  test('R-DES-06 handler → secrecy officer opinion → designator approval', () => {
    let s = designation();
    assert.deepEqual(waitingOn(s), {
      key: 'officer_opinion',
      role: 'secrecy_officer',
      orgId: ORG,
      departmentId: null,
    });
    s = decide(DESIGNATION_FLOW, s, officer, { decision: 'opinion', comment: '同意定为机密' }, AT);
    assert.equal(s.status, 'pending');
    assert.equal(waitingOn(s)?.key, 'designator_decision');
    s = decide(DESIGNATION_FLOW, s, designator, { decision: 'approve' }, AT);
    assert.equal(s.status, 'approved');
    assert.equal(waitingOn(s), null);
    assert.deepEqual(
      s.decisions.map((d) => [d.stepKey, d.personId, d.role, d.decision, d.fingerprint]),
      [
        ['officer_opinion', 'officer', 'secrecy_officer', 'opinion', 'fp-1'],
        ['designator_decision', 'designator', 'designator', 'approve', 'fp-1'],
      ],
    );
  });

  const refusals: [string, Decider, Parameters<typeof checkDecision>[3], string[]][] = [
    ['a decision the step does not allow', officer, { decision: 'approve' }, ['decision_not_allowed']],
    ['a person without the role', person('x', ['staff']), { decision: 'opinion' }, ['wrong_role']],
    [
      'acting in another role than the step names',
      officer,
      { decision: 'opinion', role: 'leader' },
      ['wrong_role'],
    ],
    [
      'a secrecy officer of another organisation',
      person('y', ['secrecy_officer'], 'org-2'),
      { decision: 'opinion' },
      ['wrong_place'],
    ],
    [
      'the initiator deciding his own request',
      person('handler', ['secrecy_officer']),
      { decision: 'opinion' },
      ['self_approval'],
    ],
    ['a return without a reason', officer, { decision: 'return', comment: '  ' }, ['reason_required']],
  ];
  for (const [what, who, input, codes] of refusals) {
    test(`R-DES-06 refuses ${what}, bilingually`, () => {
      const r = checkDecision(DESIGNATION_FLOW, designation(), who, input);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.deepEqual(
          r.violations.map((v) => v.code),
          codes,
        );
        for (const v of r.violations) assert.ok(v.zh.length > 0 && v.en.length > 0);
      }
    });
  }

  test('R-DES-06 the designator may correct (new fingerprint) or return to the handler', () => {
    let s = decide(DESIGNATION_FLOW, designation(), officer, { decision: 'opinion' }, AT);
    assert.equal(checkDecision(DESIGNATION_FLOW, s, designator, { decision: 'correct' }).ok, false);
    const corrected = decide(
      DESIGNATION_FLOW,
      s,
      designator,
      { decision: 'correct', correctedFingerprint: 'fp-2', comment: '改为秘密' },
      AT,
    );
    assert.equal(corrected.status, 'approved');
    assert.equal(corrected.fingerprint, 'fp-2');
    s = decide(DESIGNATION_FLOW, s, designator, { decision: 'return', comment: '依据不足' }, AT);
    assert.equal(s.status, 'returned');
    assert.equal(checkDecision(DESIGNATION_FLOW, s, designator, { decision: 'approve' }).ok, false);
    s = resubmit(s, 'fp-3');
    assert.equal(s.status, 'pending');
    assert.equal(s.stepIndex, 0);
    assert.ok(s.decisions.every((d) => d.superseded));
    // The officer who decided in the superseded round may decide again.
    s = decide(DESIGNATION_FLOW, s, officer, { decision: 'opinion' }, AT);
    assert.equal(waitingOn(s)?.key, 'designator_decision');
  });

  test('material change after approval reopens it; an immaterial one does not', () => {
    let s = decide(DESIGNATION_FLOW, designation(), officer, { decision: 'opinion' }, AT);
    s = decide(DESIGNATION_FLOW, s, designator, { decision: 'approve' }, AT);
    assert.equal(onSubjectChange(s, 'fp-1'), s);
    const reopened = onSubjectChange(s, 'fp-changed');
    assert.equal(reopened.status, 'pending');
    assert.equal(reopened.stepIndex, 0);
    assert.equal(reopened.decisions.length, 2);
    assert.ok(reopened.decisions.every((d) => d.superseded));
    const subject = {
      title: '某项目方案',
      level: 'secret',
      period: { kind: 'years', n: 10 },
      knowScope: { personIds: ['a'] },
    };
    const fp = materialFingerprint(DESIGNATION_FLOW, subject);
    assert.equal(
      materialFingerprint(DESIGNATION_FLOW, { ...subject, title: '改了标题' }),
      fp,
      'title is not material',
    );
    assert.notEqual(materialFingerprint(DESIGNATION_FLOW, { ...subject, level: 'confidential' }), fp);
  });

  test('R-CAR-07 destruction needs the office head and two different witnesses', () => {
    const steps: ResolvedStep[] = [
      { key: 'office_head', role: 'department_head', orgId: ORG, departmentId: 'office' },
      { key: 'witnesses', role: 'staff', orgId: ORG, departmentId: null },
    ];
    let s = openApproval(CARRIER_DESTRUCTION_FLOW, 'custodian', steps, 'list-1');
    const head = person('head', ['department_head', 'staff'], ORG, 'office');
    s = decide(CARRIER_DESTRUCTION_FLOW, s, head, { decision: 'approve' }, AT);
    const w1 = person('w1', ['staff']);
    // The approver cannot also be a witness.
    const again = checkDecision(CARRIER_DESTRUCTION_FLOW, s, head, { decision: 'attest' });
    assert.deepEqual(!again.ok && again.violations.map((v) => v.code), ['already_decided']);
    s = decide(CARRIER_DESTRUCTION_FLOW, s, w1, { decision: 'attest' }, AT);
    assert.equal(s.status, 'pending', 'one witness is not enough');
    const twice = checkDecision(CARRIER_DESTRUCTION_FLOW, s, w1, { decision: 'attest' });
    assert.equal(twice.ok, false);
    s = decide(CARRIER_DESTRUCTION_FLOW, s, person('w2', ['staff']), { decision: 'attest' }, AT);
    assert.equal(s.status, 'approved');
  });

  test('R-PER-06a exit: HR → secrecy office → leader; a department head outside HR cannot give the HR opinion', () => {
    const steps: ResolvedStep[] = [
      { key: 'hr', role: 'department_head', orgId: ORG, departmentId: 'hr' },
      { key: 'secrecy_office', role: 'secrecy_officer', orgId: ORG, departmentId: null },
      { key: 'leader', role: 'leader', orgId: ORG, departmentId: null },
    ];
    let s = openApproval(EXIT_FLOW, 'traveller', steps, 'trip');
    const wrongHead = person('h2', ['department_head'], ORG, 'planning');
    assert.equal(checkDecision(EXIT_FLOW, s, wrongHead, { decision: 'opinion' }).ok, false);
    s = decide(EXIT_FLOW, s, person('hr-head', ['department_head'], ORG, 'hr'), { decision: 'opinion' }, AT);
    s = decide(EXIT_FLOW, s, officer, { decision: 'opinion' }, AT);
    s = decide(EXIT_FLOW, s, person('boss', ['leader']), { decision: 'reject', comment: '脱密期未满' }, AT);
    assert.equal(s.status, 'rejected');
  });

  test('R-SITE-02 a key site is decided in the supervising bureau, not in the unit', () => {
    let s = openApproval(KEY_SITE_FLOW, 'officer', stepsAt(KEY_SITE_FLOW, BUREAU), 'site');
    assert.equal(
      checkDecision(KEY_SITE_FLOW, s, person('unit-staff', ['staff']), { decision: 'approve' }).ok,
      false,
    );
    s = decide(
      KEY_SITE_FLOW,
      s,
      person('bureau-staff', ['staff'], BUREAU, null),
      { decision: 'approve' },
      AT,
    );
    assert.equal(s.status, 'approved');
  });

  test('withdraw: only the initiator, only while open', () => {
    const s = designation();
    assert.throws(() => withdraw(s, 'officer'));
    const w = withdraw(s, 'handler');
    assert.equal(w.status, 'withdrawn');
    assert.throws(() => withdraw(w, 'handler'));
    assert.equal(checkDecision(DESIGNATION_FLOW, w, officer, { decision: 'opinion' }).ok, false);
  });

  test('every flow type is well formed: unique step keys, decisions, a completing decision, material fields', () => {
    const types = new Set<string>();
    for (const f of FLOWS) {
      assert.ok(!types.has(f.type), f.type);
      types.add(f.type);
      assert.ok(f.steps.length > 0 && f.material.length > 0 && f.rules.length > 0, f.type);
      assert.equal(new Set(f.steps.map((s) => s.key)).size, f.steps.length, f.type);
      for (const s of f.steps) {
        assert.ok(
          s.decisions.some((d) => d !== 'return' && d !== 'reject'),
          `${f.type}/${s.key} can complete`,
        );
        assert.ok((s.quorum ?? 1) >= 1);
      }
    }
  });

  test('canonical JSON is independent of key order and never throws', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } }),
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        return canonicalJson(o) === canonicalJson(reversed);
      }),
    );
  });
});
