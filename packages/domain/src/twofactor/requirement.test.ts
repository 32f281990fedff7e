import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_SECOND_FACTOR_POLICY as D,
  type FactorSubject,
  secondFactorRequired,
} from './requirement.ts';

const user = (clearance: 'none' | 'confidential' | 'secret' | 'top_secret', orgKind = 'party_gov' as const) =>
  ({ adminRole: null, person: { clearance, orgKind } }) as FactorSubject;
const bureau: FactorSubject = { adminRole: null, person: { clearance: 'none', orgKind: 'secrecy_bureau' } };

describe('R-SYS-02 who must have a second factor', () => {
  const rows: [string, FactorSubject, typeof D, boolean][] = [
    ['sysadmin, default policy', { adminRole: 'sysadmin', person: null }, D, true],
    ['secadmin, default policy', { adminRole: 'secadmin', person: null }, D, true],
    ['auditor, default policy', { adminRole: 'auditor', person: null }, D, true],
    ['business user, default policy', user('top_secret'), D, false],
    ['business user, all users', user('none'), { ...D, secondFactorAll: true }, true],
    ['secret clearance, minimum secret', user('secret'), { ...D, secondFactorMinClearance: 'secret' }, true],
    ['top secret, minimum secret', user('top_secret'), { ...D, secondFactorMinClearance: 'secret' }, true],
    [
      'confidential, minimum secret',
      user('confidential'),
      { ...D, secondFactorMinClearance: 'secret' },
      false,
    ],
    [
      'no clearance, minimum confidential',
      user('none'),
      { ...D, secondFactorMinClearance: 'confidential' },
      false,
    ],
    ['bureau user, bureau rule', bureau, { ...D, secondFactorBureau: true }, true],
    ['bureau user, no bureau rule', bureau, D, false],
    ['other org, bureau rule', user('none'), { ...D, secondFactorBureau: true }, false],
    [
      'account without person, all users',
      { adminRole: null, person: null },
      { ...D, secondFactorAll: true },
      true,
    ],
  ];
  for (const [name, who, p, want] of rows) test(name, () => assert.equal(secondFactorRequired(who, p), want));
});
