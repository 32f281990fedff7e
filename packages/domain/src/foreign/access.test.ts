// The read rule of an activity (R-DES-08a, R-PER-01, R-FOR-03): one rule for the detail, the list (its
// scope), the export, the PDFs and the todos.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Reader } from '../access/rule.ts';
import {
  type ActivitySubject,
  activityReadScope,
  activityReadVerdict,
  activityWriteVerdict,
  planDeciderVerdict,
} from './access.ts';

const act: ActivitySubject = {
  orgId: 'o1',
  organiserDepartmentId: 'd1',
  createdByPersonId: 'creator',
  level: null,
  participantIds: ['p1'],
  leadingGroupIds: ['g1'],
};
const r = (over: Partial<Reader> = {}): Reader => ({
  personId: 'x',
  orgId: 'o1',
  departmentId: 'd2',
  position: null,
  clearance: 'none',
  roles: ['staff'],
  ...over,
});

describe('R-FOR-03 who reads an activity', () => {
  const rows: [string, Reader, ActivitySubject, string][] = [
    [
      'another organisation: 404 (even its officer)',
      r({ orgId: 'o2', roles: ['secrecy_officer'] }),
      act,
      'not_found',
    ],
    ['a colleague: 403', r(), act, 'forbidden'],
    ['the secrecy officer', r({ roles: ['secrecy_officer'] }), act, 'allowed'],
    ['a leader (the approver)', r({ roles: ['leader'] }), act, 'allowed'],
    [
      'the organising department’s head',
      r({ roles: ['department_head'], departmentId: 'd1' }),
      act,
      'allowed',
    ],
    ['another department’s head: 403', r({ roles: ['department_head'] }), act, 'forbidden'],
    ['a participant', r({ personId: 'p1' }), act, 'allowed'],
    ['a member of the leading group', r({ personId: 'g1' }), act, 'allowed'],
    ['the registrar', r({ personId: 'creator' }), act, 'allowed'],
    [
      'R-PER-01 a participant below the level: 403',
      r({ personId: 'p1' }),
      { ...act, level: 'secret' },
      'forbidden',
    ],
    [
      'R-PER-01 the officer below the level: 403',
      r({ roles: ['secrecy_officer'], clearance: 'confidential' }),
      { ...act, level: 'secret' },
      'forbidden',
    ],
    [
      'R-PER-01 a participant cleared for it',
      r({ personId: 'p1', clearance: 'secret' }),
      { ...act, level: 'secret' },
      'allowed',
    ],
  ];
  for (const [name, reader, subject, want] of rows)
    test(name, () => {
      const v = activityReadVerdict(reader, subject);
      assert.equal(v.allowed ? 'allowed' : v.kind, want);
    });

  test('the list scope says the same', () => {
    assert.equal(activityReadScope(r({ roles: ['secrecy_officer'] })).all, true);
    assert.equal(activityReadScope(r()).all, false);
    assert.equal(activityReadScope(r({ roles: ['department_head'], departmentId: 'd1' })).headOf, 'd1');
    assert.equal(activityReadScope(r({ clearance: 'secret' })).clearanceRank, 3);
  });

  test('a participant reads but does not keep it', () => {
    assert.equal(activityWriteVerdict(r({ personId: 'p1' }), act).allowed, false);
    assert.equal(activityWriteVerdict(r({ personId: 'creator' }), act).allowed, true);
    assert.equal(
      activityWriteVerdict(r({ roles: ['department_head'], departmentId: 'd1' }), act).allowed,
      true,
    );
  });
});

describe('R-FOR-03 who decides an activity’s plan (D151)', () => {
  const rows: [string, string, boolean][] = [
    ['a participant (a leader going abroad himself)', 'p1', false],
    ['the registrar', 'creator', false],
    ['a member of the leading group (it oversees, it does not go)', 'g1', true],
    ['another leader', 'x', true],
  ];
  for (const [name, personId, ok] of rows)
    test(name, () => {
      const v = planDeciderVerdict(personId, act);
      assert.equal(v.allowed, ok);
      if (!v.allowed) assert.equal(v.reason.code, 'own_activity');
    });
});
