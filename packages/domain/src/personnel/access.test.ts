import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Reader } from '../access/rule.ts';
import { BUSINESS_ROLES } from '../orgs/enums.ts';
import {
  inPersonnelReadScope,
  type PersonnelSubject,
  personnelReadScope,
  personnelReadVerdict,
  personnelWriteVerdict,
} from './access.ts';

const reader = (over: Partial<Reader> = {}): Reader => ({
  personId: 'p-me',
  orgId: 'o1',
  departmentId: 'd1',
  position: null,
  clearance: 'secret',
  roles: ['staff'],
  ...over,
});
const subject = (over: Partial<PersonnelSubject> = {}): PersonnelSubject => ({
  personId: 'p-other',
  orgId: 'o1',
  departmentId: 'd1',
  ...over,
});

const cases: [string, Reader, PersonnelSubject, 'allowed' | 'forbidden' | 'not_found'][] = [
  ['the person himself', reader(), subject({ personId: 'p-me' }), 'allowed'],
  ['a colleague of the same department', reader(), subject(), 'forbidden'],
  ['the secrecy officer', reader({ roles: ['secrecy_officer'] }), subject({ departmentId: 'd9' }), 'allowed'],
  ['a leader', reader({ roles: ['leader'] }), subject({ departmentId: 'd9' }), 'allowed'],
  ['the head of his department', reader({ roles: ['department_head'] }), subject(), 'allowed'],
  [
    'the head of another department',
    reader({ roles: ['department_head'] }),
    subject({ departmentId: 'd2' }),
    'forbidden',
  ],
  [
    'a head without a department',
    reader({ roles: ['department_head'], departmentId: null }),
    subject({ departmentId: null }),
    'forbidden',
  ],
  ['a designator', reader({ roles: ['designator'] }), subject(), 'forbidden'],
  [
    'the secrecy officer of another organisation',
    reader({ roles: ['secrecy_officer'], orgId: 'o2' }),
    subject(),
    'not_found',
  ],
];

for (const [name, r, s, want] of cases)
  test(`R-PER-01 R-DES-08a reading a personnel record: ${name} → ${want}`, () => {
    const v = personnelReadVerdict(r, s);
    assert.equal(v.allowed ? 'allowed' : v.kind, want);
    if (!v.allowed) assert.ok(v.reason.zh && v.reason.en);
  });

test('R-PER-01 only the secrecy officer of the organisation keeps personnel records', () => {
  assert.equal(personnelWriteVerdict(reader({ roles: ['secrecy_officer'] }), subject()).allowed, true);
  for (const role of BUSINESS_ROLES.filter((r) => r !== 'secrecy_officer')) {
    const v = personnelWriteVerdict(reader({ roles: [role] }), subject({ personId: 'p-me' }));
    assert.equal(v.allowed ? 'allowed' : v.kind, 'forbidden', role);
  }
  const other = personnelWriteVerdict(reader({ roles: ['secrecy_officer'], orgId: 'o2' }), subject());
  assert.equal(other.allowed ? 'allowed' : other.kind, 'not_found');
});

test('R-PER-01 R-DES-08a the list scope admits exactly whom the detail admits', () => {
  const ids = fc.constantFrom('p-me', 'p-other', 'p-3');
  const depts = fc.constantFrom('d1', 'd2', null);
  fc.assert(
    fc.property(
      fc.subarray([...BUSINESS_ROLES]),
      depts,
      fc.constantFrom('o1', 'o2'),
      ids,
      depts,
      (roles, dept, org, pid, sdept) => {
        const r = reader({ roles, departmentId: dept });
        const s = subject({ personId: pid, departmentId: sdept, orgId: org });
        assert.equal(inPersonnelReadScope(personnelReadScope(r), s), personnelReadVerdict(r, s).allowed);
      },
    ),
  );
});
