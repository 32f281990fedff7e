// Unit test of every module's authorization policy as a roles × actions matrix (R-SYS-01).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ADMIN_ROLES, BUSINESS_ROLES, DomainError } from '@baomi/domain';
import { accountPolicy } from '../accounts/policy.ts';
import { auditPolicy } from '../audit/policy.ts';
import type { AuthContext } from '../auth/context.ts';
import { backupPolicy } from '../backups/routes.ts';
import { itemPolicy } from '../designation/items.policy.ts';
import { designationPolicy } from '../designation/policy.ts';
import { orgPolicy } from '../orgs/policy.ts';
import { peoplePolicy } from '../people/policy.ts';
import { settingsPolicy } from '../settings/policy.ts';
import { todoPolicy } from '../todos/routes.ts';
import { workdayPolicy } from '../workdays/policy.ts';
import { HttpError } from './errors.ts';
import { allows, authorize, type Policy, type Principal, principalsOf } from './policy.ts';

const ADMINS: readonly Principal[] = ADMIN_ROLES;
const BUSINESS: readonly Principal[] = ['user', ...BUSINESS_ROLES];
const PRINCIPALS: readonly Principal[] = [...ADMINS, ...BUSINESS];

// The expected matrix, one line per action: who may do it. Every principal not listed must be refused.
// `user` is any business user; a specific business role (leader, staff, ...) is listed only where it
// alone grants the action.
const EXPECTED: Record<string, Record<string, readonly Principal[]>> = {
  orgPolicy: {
    read: ['sysadmin', 'secadmin'],
    write: ['sysadmin'],
  },
  peoplePolicy: {
    read: ['sysadmin', 'secadmin'],
    write: ['sysadmin'],
    grant: ['secadmin'],
  },
  accountPolicy: {
    read: ['sysadmin'],
    write: ['sysadmin'],
    readResets: ['sysadmin', 'secadmin'],
    withdrawReset: ['sysadmin'],
    decideReset: ['secadmin'],
  },
  settingsPolicy: {
    readSecurity: ['sysadmin', 'secadmin', 'auditor'],
    readPasswordRules: ['user'],
    writeSecurity: ['secadmin'],
  },
  auditPolicy: {
    read: ['sysadmin', 'secadmin', 'auditor'],
    export: ['secadmin', 'auditor'],
    verify: ['auditor'],
  },
  backupPolicy: {
    manage: ['sysadmin'],
    readKey: ['sysadmin', 'secadmin'],
    setKey: ['secadmin'],
  },
  todoPolicy: {
    read: ['user'],
    acknowledge: ['user'],
    readAdmin: ['sysadmin', 'secadmin', 'auditor'],
    acknowledgeAdmin: ['sysadmin', 'secadmin', 'auditor'],
  },
  designationPolicy: {
    readAuthority: ['user'],
    readGrants: ['user'],
    grant: ['leader', 'designator'],
    revokeGrant: ['leader', 'designator'],
    fileGrant: ['leader', 'secrecy_officer'],
    readDesignators: ['user'],
    appoint: ['designator'],
    recordAbsence: ['secrecy_officer', 'designator'],
    readCatalogue: ['user'],
    writeCatalogue: ['secrecy_officer'],
  },
  itemPolicy: {
    read: ['user'],
    draft: ['user'],
    correct: ['designator'],
    propose: ['user'],
    ledger: ['leader', 'secrecy_officer', 'designator'],
  },
  workdayPolicy: {
    read: ['user'],
    readAdmin: ['sysadmin', 'secadmin', 'auditor'],
    write: ['secrecy_officer'],
  },
};

const POLICIES: Record<string, Policy<string>> = {
  orgPolicy,
  peoplePolicy,
  accountPolicy,
  settingsPolicy,
  auditPolicy,
  backupPolicy,
  todoPolicy,
  workdayPolicy,
  designationPolicy,
  itemPolicy,
};

function ctx(adminRole: (typeof ADMIN_ROLES)[number] | null, roles: string[] = []): AuthContext {
  return {
    sessionId: 's',
    csrf: 'c',
    policy: {} as AuthContext['policy'],
    me: {
      id: '00000000-0000-0000-0000-000000000001',
      username: 'u',
      displayName: 'U',
      adminRole,
      mustChangePassword: false,
      mustEnrolSecondFactor: false,
      person: adminRole
        ? null
        : ({ id: 'p', name: 'P', orgId: 'o', roles } as unknown as NonNullable<AuthContext['me']['person']>),
    },
  };
}

describe('module policies (R-SYS-01)', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(`R-SYS-01 ${name}: roles × actions match the expected matrix`, () => {
      const policy = POLICIES[name]!;
      assert.deepEqual(Object.keys(policy).sort(), Object.keys(expected).sort(), `${name}: actions`);
      for (const [action, allowed] of Object.entries(expected)) {
        const rule = policy[action]!;
        const got = PRINCIPALS.filter((p) => allows(rule, [p]));
        assert.deepEqual(got, [...allowed], `${name}.${action}`);
        assert.ok(rule.zh && rule.en, `${name}.${action} names itself in both languages`);
      }
    });
  }

  test('R-SYS-01 no action allows both an administrator and a business principal', () => {
    for (const [name, policy] of Object.entries(POLICIES)) {
      for (const [action, rule] of Object.entries(policy)) {
        const admin = rule.allow.filter((p) => ADMINS.includes(p));
        const business = rule.allow.filter((p) => BUSINESS.includes(p));
        assert.ok(
          admin.length === 0 || business.length === 0,
          `${name}.${action} allows ${admin.join(',')} and ${business.join(',')}`,
        );
      }
    }
  });

  test('every action allows at least one principal, and only known principals', () => {
    for (const [name, policy] of Object.entries(POLICIES)) {
      for (const [action, rule] of Object.entries(policy)) {
        assert.ok(rule.allow.length > 0, `${name}.${action} allows someone`);
        for (const p of rule.allow) assert.ok(PRINCIPALS.includes(p), `${name}.${action}: unknown ${p}`);
      }
    }
  });

  test('R-SYS-01 an administrator acts only in its one administrator role; a business user as user plus its roles', () => {
    assert.deepEqual(principalsOf(ctx('secadmin')), ['secadmin']);
    assert.deepEqual(principalsOf(ctx(null, ['leader', 'staff'])), ['user', 'leader', 'staff']);
    assert.deepEqual(principalsOf(ctx(null)), ['user']);
  });

  test('R-SYS-01 a business user holding every business role still gets no administrator action', () => {
    const principals = principalsOf(ctx(null, [...BUSINESS_ROLES]));
    for (const [name, policy] of Object.entries(POLICIES)) {
      for (const [action, rule] of Object.entries(policy)) {
        const adminOnly = rule.allow.every((p) => ADMINS.includes(p));
        if (adminOnly) assert.equal(allows(rule, principals), false, `${name}.${action}`);
      }
    }
  });

  test('authorize: no session → 401 unauthenticated; a refused role → 403 forbidden naming R-SYS-01 in both languages', () => {
    assert.throws(
      () => authorize(null, accountPolicy, 'read'),
      (e: unknown) => e instanceof HttpError && e.status === 401 && e.body.code === 'unauthenticated',
    );
    assert.throws(
      () => authorize(ctx('auditor'), accountPolicy, 'write'),
      (e: unknown) =>
        e instanceof DomainError &&
        e.kind === 'forbidden' &&
        e.rule === 'R-SYS-01' &&
        e.zh.includes('管理账号') &&
        e.en.includes('manage accounts'),
    );
    assert.doesNotThrow(() => authorize(ctx('sysadmin'), accountPolicy, 'write'));
    assert.doesNotThrow(() => authorize(ctx(null, ['staff']), todoPolicy, 'read'));
    assert.throws(() => authorize(ctx('sysadmin'), todoPolicy, 'read'), DomainError);
  });
});
