// The object rules of designation items (issue 6 §4), table-driven: each row names its rule id, the
// caller, the item, and the verdict (allowed, or the refusal's kind and code).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Verdict } from '../access/verdict.ts';
import { abilityOf, enforce } from '../access/verdict.ts';
import { DomainError } from '../errors.ts';
import type { BusinessRole } from '../orgs/enums.ts';
import { type Designator, type DesignatorAbsence, mayDecide } from './designators.ts';
import {
  atDesignatorStep,
  designatorStanding,
  type ItemActor,
  type ItemFacts,
  mayEditItem,
  mayProposeChange,
  mayReviewItem,
} from './rules.ts';

const actor = (roles: BusinessRole[] = ['staff'], personId = 'handler', orgId = 'org'): ItemActor => ({
  personId,
  orgId,
  roles,
});
const item = (status: string, extra: Partial<ItemFacts> = {}): ItemFacts => ({
  orgId: 'org',
  handlerPersonId: 'handler',
  status,
  ...extra,
});
const outcome = (v: Verdict) => (v.allowed ? 'allowed' : `${v.kind}:${v.reason.code}`);

type Row = [rule: string, name: string, verdict: () => Verdict, want: string];

const rows: Row[] = [
  // mayEditItem: the handler of this draft, in its organisation.
  ['R-DES-06', 'the handler edits his draft', () => mayEditItem(actor(), item('draft')), 'allowed'],
  ['R-DES-06', 'the handler edits a returned item', () => mayEditItem(actor(), item('returned')), 'allowed'],
  [
    'R-DES-06',
    'someone else may not edit the draft',
    () => mayEditItem(actor(['staff'], 'other'), item('draft')),
    'forbidden:not_handler',
  ],
  [
    'R-DES-06',
    'a designator is not the handler either',
    () => mayEditItem(actor(['designator'], 'des'), item('draft')),
    'forbidden:not_handler',
  ],
  [
    'R-DES-06',
    'an item in review is not editable',
    () => mayEditItem(actor(), item('in_review')),
    'conflict:item_not_editable',
  ],
  [
    'R-DES-06',
    'a designated item is not editable',
    () => mayEditItem(actor(), item('approved')),
    'conflict:item_not_editable',
  ],
  [
    'R-SYS-01',
    'another organisation: not found, before anything else',
    () => mayEditItem(actor(['staff'], 'handler', 'elsewhere'), item('approved')),
    'not_found:not_found',
  ],
  // mayProposeChange: the handler, the secrecy officer or a designator; designated items; one open proposal.
  ['R-DES-08', 'the handler proposes a change', () => mayProposeChange(actor(), item('approved')), 'allowed'],
  [
    'R-DES-08',
    'the secrecy officer proposes a change',
    () => mayProposeChange(actor(['secrecy_officer'], 'so'), item('approved')),
    'allowed',
  ],
  [
    'R-DES-08',
    'a designator proposes a change',
    () => mayProposeChange(actor(['designator'], 'des'), item('approved')),
    'allowed',
  ],
  [
    'R-DES-08',
    'a leader who is not a designator may not',
    () => mayProposeChange(actor(['leader'], 'boss'), item('approved')),
    'forbidden:change_not_allowed',
  ],
  [
    'R-DES-08',
    'a draft cannot be changed',
    () => mayProposeChange(actor(), item('draft')),
    'conflict:item_not_designated',
  ],
  [
    'R-DES-08',
    'a released item cannot be changed',
    () => mayProposeChange(actor(), item('released')),
    'conflict:item_not_designated',
  ],
  [
    'R-DES-08',
    'one open proposal per item',
    () => mayProposeChange(actor(), item('approved', { changePending: true })),
    'conflict:change_pending',
  ],
  [
    'R-SYS-01',
    'another organisation may not propose',
    () => mayProposeChange(actor(['designator'], 'x', 'elsewhere'), item('approved')),
    'not_found:not_found',
  ],
  // mayReviewItem
  ['R-DES-08', 'a designated item is reviewed', () => mayReviewItem(actor(), item('approved')), 'allowed'],
  [
    'R-DES-08',
    'a released item is not reviewed',
    () => mayReviewItem(actor(), item('released')),
    'conflict:not_reviewable',
  ],
  // atDesignatorStep
  [
    'R-DES-06',
    'corrections at the designator step of the own organisation',
    () => atDesignatorStep(actor(['designator']), { role: 'designator', orgId: 'org' }),
    'allowed',
  ],
  [
    'R-DES-06',
    "not at the officer's step",
    () => atDesignatorStep(actor(['designator']), { role: 'secrecy_officer', orgId: 'org' }),
    'conflict:not_at_designator',
  ],
  [
    'R-DES-06',
    'not when nothing is pending',
    () => atDesignatorStep(actor(['designator']), null),
    'conflict:not_at_designator',
  ],
  [
    'R-DES-07',
    "not at another organisation's designator step",
    () => atDesignatorStep(actor(['designator']), { role: 'designator', orgId: 'superior' }),
    'conflict:not_at_designator',
  ],
];

describe('designation item object rules', () => {
  for (const [rule, name, verdict, want] of rows)
    test(`${rule} ${name}`, () => assert.equal(outcome(verdict()), want));
});

describe('R-DES-05 a designator acting as A, or as B while A is absent (designatorStanding)', () => {
  const TODAY = '2026-03-10';
  const a: Designator = { personId: 'a', kind: 'statutory', vetted: true, role: 'A', partnerPersonId: 'b' };
  const b: Designator = { personId: 'b', kind: 'statutory', vetted: true, role: 'B', partnerPersonId: 'a' };
  const away: DesignatorAbsence = { personId: 'a', reason: '出差', from: TODAY, to: TODAY };
  const table: [string, Designator, DesignatorAbsence[], string][] = [
    ['R-DES-05 A decides', a, [], 'allowed'],
    ['R-DES-05 B may not while A is present', b, [], 'forbidden:role_b_while_a_present'],
    ['R-DES-05 B decides while A is recorded absent', b, [away], 'allowed'],
    ['R-DES-05 A recorded absent may not decide', a, [away], 'forbidden:designator_recorded_absent'],
  ];
  for (const [name, d, absences, want] of table)
    test(name, () => assert.equal(outcome(designatorStanding(mayDecide(d, absences, TODAY))), want));

  test('R-DES-05 the ability carries the reason the refusal throws', () => {
    const v = designatorStanding(mayDecide(b, [], TODAY));
    const ability = abilityOf(v);
    assert.equal(ability.allowed, false);
    assert.match(ability.reason!.zh, /B角不能定密/);
    assert.equal(ability.reason!.rule, 'R-DES-05');
    assert.throws(
      () => enforce(v),
      (e: unknown) => e instanceof DomainError && e.kind === 'forbidden' && e.zh === ability.reason!.zh,
    );
    assert.deepEqual(abilityOf(designatorStanding(mayDecide(a, [], TODAY))), { allowed: true });
  });
});
