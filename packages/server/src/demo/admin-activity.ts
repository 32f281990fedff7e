// `npm run demo`: some work of the three administrators (三员), done through their own services so that
// each step is a chained audit event like in production — the auditor's trail (which shows what the
// system and security-secrecy administrators did) and the administrators' own records are not empty.
// The system administrator opens a department and registers a newcomer with an account; the
// security-secrecy administrator grants the newcomer's role and clearance and tightens the lockout;
// the auditor verifies the chain. Idempotent: once per database (setting 'demo_admin').
import { DEFAULT_SECURITY_POLICY } from '@baomi/domain';
import { createAccount } from '../accounts/service.ts';
import { type Actor, appendAudit, verifyChain } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { createDepartment } from '../orgs/service.ts';
import { createPerson, setClearance, setRoles } from '../people/service.ts';
import { getSecurityPolicy, setSecurityPolicy } from '../settings/service.ts';

async function adminActor(sql: Sql, username: string): Promise<Actor> {
  const a = (
    await sql.query<{ id: string; name: string; role: Actor['class'] }>(
      'SELECT id, display_name AS name, admin_role AS role FROM account WHERE username = $1',
      [username],
    )
  ).rows[0];
  if (!a) throw new Error(`demo: no administrator ${username}`);
  return { id: a.id, name: a.name, class: a.role, role: a.role, orgId: null, ip: null };
}

/** The administrators' sample work; `hash` is the demo password's hash (the newcomer's account). */
export async function seedAdminActivity(db: Db, hash: string): Promise<boolean> {
  return db.tx(async (sql) => {
    if ((await sql.query("SELECT 1 FROM setting WHERE key = 'demo_admin'")).rowCount > 0) return false;
    const org = (await sql.query<{ id: string }>("SELECT id FROM org WHERE name = '江临市经济信息中心'"))
      .rows[0];
    if (!org) return false;
    const sys = await adminActor(sql, 'sysadmin');
    const sec = await adminActor(sql, 'secadmin');
    const auditor = await adminActor(sql, 'auditor');

    // 系统管理员: a new department, a newcomer in it, his account.
    const dept = await createDepartment(sql, sys, org.id, { name: '档案室', parentId: null });
    const person = await createPerson(sql, sys, {
      orgId: org.id,
      departmentId: dept.id,
      name: '周文涛',
      position: '档案管理员',
      rank: 'other',
      nationality: '中国',
    });
    const account = await createAccount(
      sql,
      sys,
      { username: 'zhouwt', displayName: '周文涛', personId: person.id },
      hash,
    );
    // The demo signs in without the first-login change (like every demo account).
    await sql.query('UPDATE account SET must_change_password = false WHERE id = $1', [account.id]);

    // 安全保密管理员: the newcomer's role and clearance; the lockout tightened to 3 failures.
    await setRoles(sql, sec, person.id, ['staff']);
    await setClearance(sql, sec, person.id, 'confidential');
    const policy = await getSecurityPolicy(sql);
    await setSecurityPolicy(sql, sec, {
      ...DEFAULT_SECURITY_POLICY,
      ...policy,
      maxFailures: Math.min(policy.maxFailures, 3),
    });

    // 安全审计员: verifies the chain (as POST /api/audit/verify does).
    const result = await verifyChain(sql);
    await appendAudit(sql, auditor, {
      action: 'audit.verify',
      objectType: 'audit',
      summary: { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken, checkpoint: null },
    });
    await sql.query("INSERT INTO setting (key, value) VALUES ('demo_admin', 'true')");
    return true;
  });
}
