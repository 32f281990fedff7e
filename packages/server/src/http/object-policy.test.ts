// Issue 6 §4: object rules beside the role rules. The role part of an ability is the refusal the
// route guard throws (same message), and abilitiesOf reports every rule of a policy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '@baomi/domain';
import type { AuthContext } from '../auth/context.ts';
import { itemPolicy, itemRowRules, itemRules } from '../designation/items.policy.ts';
import { abilitiesOf, authorize, type Caller, callerOf, roleVerdict } from './policy.ts';

const ctx = (roles: string[], admin: string | null = null): AuthContext =>
  ({
    sessionId: 's',
    csrf: 'c',
    policy: {} as AuthContext['policy'],
    me: {
      id: 'acc',
      username: 'u',
      displayName: 'U',
      adminRole: admin,
      mustChangePassword: false,
      person: admin
        ? null
        : {
            id: 'p',
            name: 'P',
            orgId: 'org',
            orgName: 'Org',
            orgKind: 'party_gov',
            departmentId: 'd',
            departmentName: 'D',
            position: '',
            rank: 'section',
            clearance: 'secret',
            roles,
          },
    },
  }) as AuthContext;

describe('object-level policy (callerOf, roleVerdict, abilitiesOf)', () => {
  test('R-SYS-01 callerOf: a business person; administrators are no caller', () => {
    assert.deepEqual(callerOf(ctx(['staff']))?.roles, ['staff']);
    assert.equal(callerOf(ctx([], 'sysadmin')), null);
  });

  test('R-SYS-01 the role part of an ability is the refusal the route guard throws', () => {
    const c = ctx(['staff']);
    const v = roleVerdict(itemPolicy, 'correct', callerOf(c)!);
    assert.ok(!v.allowed);
    assert.throws(
      () => authorize(c, itemPolicy, 'correct'),
      (e: unknown) =>
        e instanceof DomainError && e.kind === v.kind && e.zh === v.reason.zh && e.en === v.reason.en,
    );
    assert.deepEqual(roleVerdict(itemPolicy, 'correct', callerOf(ctx(['designator']))!), { allowed: true });
  });

  test('R-DES-06 abilitiesOf reports every rule of the item policy, allowed or with a reason', () => {
    const caller: Caller = callerOf(ctx(['staff']))!;
    const draft = { orgId: 'org', handlerPersonId: 'p', status: 'draft' };
    const detail = abilitiesOf(itemRules, caller, draft);
    assert.deepEqual(Object.keys(detail).sort(), [
      'correct',
      'decide',
      'edit',
      'print',
      'propose',
      'review',
      'submit',
      'withdraw',
    ]);
    assert.deepEqual(detail.edit, { allowed: true });
    assert.equal(detail.correct.reason?.rule, 'R-SYS-01');
    assert.equal(detail.propose.reason?.rule, 'R-DES-08');
    const row = abilitiesOf(itemRowRules, { ...caller, personId: 'other' }, draft);
    assert.deepEqual(row.edit, {
      allowed: false,
      reason: {
        zh: '只有承办人可以修改或提交该定密事项',
        en: 'Only the handler may edit or submit this item',
        rule: 'R-DES-06',
      },
    });
  });
});
