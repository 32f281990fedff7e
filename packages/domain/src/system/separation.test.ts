import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdminRole, BusinessRole } from '../orgs/enums.ts';
import { auditVisibility, checkRoleSeparation } from './separation.ts';

const table: [AdminRole | null, BusinessRole[], boolean, boolean][] = [
  [null, [], false, true],
  [null, ['staff', 'secrecy_officer'], true, true],
  ['sysadmin', [], false, true],
  ['secadmin', [], false, true],
  ['auditor', [], false, true],
  ['sysadmin', [], true, false],
  ['secadmin', ['leader'], true, false],
  ['auditor', ['staff'], false, false],
];
for (const [admin, roles, linked, allowed] of table) {
  test(`R-SYS-01 admin=${admin} business=[${roles}] linked=${linked} → ${allowed ? 'allowed' : 'refused'}`, () => {
    const r = checkRoleSeparation({ adminRole: admin, businessRoles: roles, linkedToPerson: linked });
    assert.equal(r.ok, allowed);
    if (!r.ok) assert.equal(r.violations[0]?.rule, 'R-SYS-01');
  });
}

test('R-SYS-01 each administrator is watched by another, none by himself only', () => {
  assert.deepEqual(auditVisibility('sysadmin'), { classes: [], own: true });
  assert.deepEqual(auditVisibility('secadmin').classes.sort(), ['auditor', 'system', 'user']);
  assert.deepEqual(auditVisibility('auditor').classes.sort(), ['secadmin', 'sysadmin']);
  assert.deepEqual(auditVisibility(null), { classes: [], own: false });
  // Nobody but the secadmin sees the auditor; nobody but the auditor sees the two others.
  for (const watched of ['sysadmin', 'secadmin', 'auditor'] as const) {
    const watchers = (['sysadmin', 'secadmin', 'auditor'] as const).filter((v) =>
      auditVisibility(v).classes.includes(watched),
    );
    assert.equal(watchers.length, 1, `${watched} is watched by exactly one administrator`);
    assert.notEqual(watchers[0], watched);
  }
});
