// raw SQL: the demo seeder writes sample rows directly.
// `npm run demo`: a realistic sample unit. A city secrecy bureau supervising a city-level organ
// (市发展和改革委员会) and a public institution, departments, about 40 people, an account for each
// business role. Later modules add their own sample records here. Idempotent.
import { type BusinessRole, type Clearance, DEFAULT_SECURITY_POLICY, type Rank } from '@baomi/domain';
import { createAccount } from '../accounts/service.ts';
import { type Actor, appendAudit, SYSTEM_ACTOR, verifyChain } from '../audit/chain.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db, Sql } from '../db/db.ts';
import { fillSortKeys } from '../db/sortkey.ts';
import type { ServerModule } from '../kit/module.ts';
import { createDepartment } from '../orgs/service.ts';
import { createPerson, setClearance, setRoles } from '../people/service.ts';
import { getSecurityPolicy, setSecurityPolicy } from '../settings/service.ts';

export const DEMO_PASSWORD = 'Baomi@Demo2026';

interface P {
  name: string;
  dept: string;
  position: string;
  rank: Rank;
  clearance: Clearance;
  roles: BusinessRole[];
  username?: string;
}

const ORGAN_DEPTS = [
  '办公室',
  '保密办公室',
  '综合规划处',
  '国民经济综合处',
  '固定资产投资处',
  '产业发展处',
  '人事处',
  '财务处',
];

const ORGAN_PEOPLE: P[] = [
  {
    name: '王建国',
    dept: '办公室',
    position: '主任（单位负责人）',
    rank: 'bureau',
    clearance: 'top_secret',
    roles: ['leader', 'designator'],
    username: 'wangjg',
  },
  {
    name: '李卫东',
    dept: '办公室',
    position: '副主任',
    rank: 'bureau',
    clearance: 'top_secret', // drafts the 绝密 matter the demo escalates (R-PER-01)
    roles: ['leader', 'committee_member'],
    username: 'liwd',
  },
  {
    name: '陈静',
    dept: '保密办公室',
    position: '保密办主任',
    rank: 'division',
    clearance: 'secret',
    roles: ['secrecy_officer', 'committee_member', 'department_head'],
    username: 'chenj',
  },
  {
    name: '赵敏',
    dept: '保密办公室',
    position: '保密员',
    rank: 'section',
    clearance: 'secret',
    roles: ['secrecy_officer'],
    username: 'zhaom',
  },
  {
    name: '孙志强',
    dept: '综合规划处',
    position: '处长',
    rank: 'division',
    clearance: 'secret',
    // Appointed B designator (定密责任人 B角) by the head in the designation sample (./designation.ts).
    roles: ['department_head'],
    username: 'sunzq',
  },
  {
    name: '周晓燕',
    dept: '综合规划处',
    position: '科员',
    rank: 'section',
    clearance: 'confidential',
    roles: ['staff'],
    username: 'zhouxy',
  },
  {
    name: '吴海涛',
    dept: '国民经济综合处',
    position: '处长',
    rank: 'division',
    clearance: 'secret',
    roles: ['department_head'],
    username: 'wuht',
  },
  {
    name: '郑丽华',
    dept: '人事处',
    position: '处长',
    rank: 'division',
    clearance: 'secret',
    roles: ['department_head', 'committee_member'],
    username: 'zhenglh',
  },
];

const SURNAMES = [
  '张',
  '刘',
  '杨',
  '黄',
  '何',
  '高',
  '林',
  '罗',
  '梁',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '萧',
  '田',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '丹',
];

function generated(count: number, depts: string[], offset: number): P[] {
  const out: P[] = [];
  for (let i = 0; i < count; i++) {
    const clearances: Clearance[] = ['none', 'confidential', 'confidential', 'secret'];
    out.push({
      name: `${SURNAMES[(i + offset) % SURNAMES.length]}${GIVEN[(i * 7 + offset) % GIVEN.length]}`,
      dept: depts[i % depts.length]!,
      position: i % 5 === 0 ? '副处长' : i % 3 === 0 ? '主任科员' : '科员',
      rank: i % 5 === 0 ? 'division' : 'section',
      clearance: clearances[i % clearances.length]!,
      roles: ['staff'],
    });
  }
  return out;
}

async function insertOrg(sql: Sql, name: string, parentId: string | null, level: string, kind: string) {
  const { rows } = await sql.query<{ id: string }>(
    'INSERT INTO org (name, parent_id, level, kind) VALUES ($1, $2, $3, $4) RETURNING id',
    [name, parentId, level, kind],
  );
  return rows[0]!.id;
}

async function insertPeople(sql: Sql, orgId: string, depts: string[], people: P[], hash: string) {
  const deptIds = new Map<string, string>();
  for (const d of depts) {
    const { rows } = await sql.query<{ id: string }>(
      'INSERT INTO department (org_id, name) VALUES ($1, $2) RETURNING id',
      [orgId, d],
    );
    deptIds.set(d, rows[0]!.id);
  }
  for (const p of people) {
    let accountId: string | null = null;
    if (p.username) {
      const { rows } = await sql.query<{ id: string }>(
        'INSERT INTO account (username, display_name, password_hash, must_change_password) VALUES ($1, $2, $3, false) RETURNING id',
        [p.username, p.name, hash],
      );
      accountId = rows[0]!.id;
    }
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO person (org_id, department_id, name, position, rank, clearance, account_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [orgId, deptIds.get(p.dept), p.name, p.position, p.rank, p.clearance, accountId],
    );
    for (const role of p.roles) {
      await sql.query('INSERT INTO person_role (person_id, role) VALUES ($1, $2)', [rows[0]!.id, role]);
    }
  }
}

/** Seeds once; returns the demo accounts (all with DEMO_PASSWORD). */
export async function seedDemo(
  db: Db,
  modules: readonly ServerModule[],
): Promise<{ username: string; password: string; role: string }[]> {
  const accounts = [
    { username: 'sysadmin', password: DEMO_PASSWORD, role: '系统管理员' },
    { username: 'secadmin', password: DEMO_PASSWORD, role: '安全保密管理员' },
    { username: 'auditor', password: DEMO_PASSWORD, role: '安全审计员' },
    ...ORGAN_PEOPLE.map((p) => ({
      username: p.username!,
      password: DEMO_PASSWORD,
      role: `${p.name}（${p.position}）`,
    })),
    { username: 'bureau', password: DEMO_PASSWORD, role: '刘保华（市保密局 科长）' },
  ];
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.tx(async (sql) => {
    const done = await sql.query("SELECT 1 FROM setting WHERE key = 'demo'");
    if (done.rowCount > 0) return;
    // Demo only: the three administrators get the known demo password, without forced change.
    await sql.query(
      'UPDATE account SET password_hash = $1, must_change_password = false WHERE admin_role IS NOT NULL',
      [hash],
    );
    const bureau = await insertOrg(sql, '江临市国家保密局', null, 'city', 'secrecy_bureau');
    const organ = await insertOrg(sql, '江临市发展和改革委员会', bureau, 'city', 'party_gov');
    const institute = await insertOrg(sql, '江临市经济信息中心', bureau, 'city', 'institution');
    await insertPeople(
      sql,
      organ,
      ORGAN_DEPTS,
      [...ORGAN_PEOPLE, ...generated(26, ORGAN_DEPTS.slice(2), 0)],
      hash,
    );
    await insertPeople(sql, institute, ['综合部', '数据部'], generated(6, ['综合部', '数据部'], 5), hash);
    await insertPeople(
      sql,
      bureau,
      ['指导检查科'],
      [
        {
          name: '刘保华',
          dept: '指导检查科',
          position: '科长',
          rank: 'section',
          clearance: 'secret',
          roles: ['staff'],
          username: 'bureau',
        },
      ],
      hash,
    );
    await sql.query("INSERT INTO setting (key, value) VALUES ('demo', 'true')");
    await appendAudit(sql, SYSTEM_ACTOR, {
      action: 'demo.seed',
      objectType: 'system',
      summary: { organisations: 3 },
    });
  });
  // Each module's sample records (e.g. a year of 定密), once per database, also on a demo seeded before
  // the module existed.
  for (const m of modules) {
    for (const a of (await m.demoSeed?.(db, { password: DEMO_PASSWORD })) ?? []) {
      accounts.push({ ...a, password: DEMO_PASSWORD });
    }
  }
  // The administrators' own work (三员), so that their trails are not empty; once per database.
  await seedAdminActivity(db, hash);
  accounts.push({ username: 'zhouwt', password: DEMO_PASSWORD, role: '周文涛（经济信息中心 档案管理员）' });
  // The seeders write names without pinyin sort keys; fill them (idempotent).
  await fillSortKeys(db);
  return accounts;
}

// seedAdminActivity: some work of the three administrators (三员), done through their own services so that
// each step is a chained audit event like in production — the auditor's trail (which shows what the
// system and security-secrecy administrators did) and the administrators' own records are not empty.
// The system administrator opens a department and registers a newcomer with an account; the
// security-secrecy administrator grants the newcomer's role and clearance and tightens the lockout;
// the auditor verifies the chain. Idempotent: once per database (setting 'demo_admin').
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
