// `npm run demo`: the classified personnel of 江临市发展和改革委员会 — 40 classified persons across the
// three classes (the named demo people, the generated ones with a clearance and a unique name, and
// newcomers registered by the system administrator), four key sites, vettings (most valid, three due
// within the reminder window, one past its re-vetting date, one newcomer not yet vetted), one recorded
// discipline that keeps its holder out of every key site, and a temporary hire that has ended. All
// through the real use cases as the secrecy officer 赵敏 (every step checked and audited). The other
// parts seed their records against DEMO_PERSONNEL (by name). Idempotent: once per database.
import { addDays, addMonths, type Clearance, type PersonClass } from '@baomi/domain';
import type { Actor } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import type { DemoAccount } from '../kit/module.ts';
import { todayInChina } from '../kit/today.ts';
import { createPerson, setClearance } from '../people/service.ts';
import {
  adminAccount,
  demoDepartments,
  demoDone,
  demoPeople,
  markDemoDone,
  orgByName,
} from './core.queries.ts';
import { addPost, addVetting, createKeySite, endEligibilityFact, recordFact } from './core.service.ts';

const ORGAN = '江临市发展和改革委员会';
const DONE = 'demo_personnel_core';

type Vet = 'valid' | 'due_soon' | 'expired' | 'none';
interface Demo {
  name: string;
  /** Newcomers only: department and clearance (the others keep theirs). */
  dept?: string;
  clearance?: Clearance;
  posts: { name: string; cls: PersonClass; site?: string }[];
  vet: Vet;
}

/**
 * The 40 demo classified persons by name (the other parts look them up by these names). Named demo
 * people first, then generated ones of the platform demo, then newcomers this seed registers.
 */
export const DEMO_PERSONNEL: readonly Demo[] = [
  { name: '王建国', posts: [{ name: '主任', cls: 'core' }], vet: 'valid' },
  { name: '李卫东', posts: [{ name: '副主任（分管保密）', cls: 'core', site: '机要室' }], vet: 'valid' },
  { name: '陈静', posts: [{ name: '保密办公室主任', cls: 'core', site: '保密办公室' }], vet: 'valid' },
  { name: '赵敏', posts: [{ name: '专职保密员', cls: 'core', site: '保密办公室' }], vet: 'due_soon' },
  {
    name: '孙志强',
    posts: [
      { name: '综合规划处处长', cls: 'important' },
      { name: '涉密计算机管理员', cls: 'general', site: '涉密计算机机房' },
    ],
    vet: 'valid',
  },
  { name: '周晓燕', posts: [{ name: '规划文稿起草', cls: 'general' }], vet: 'valid' },
  { name: '吴海涛', posts: [{ name: '国民经济综合处处长', cls: 'important' }], vet: 'valid' },
  { name: '郑丽华', posts: [{ name: '人事处处长', cls: 'important' }], vet: 'valid' },
  { name: '林娜', posts: [{ name: '统计分析岗', cls: 'general' }], vet: 'valid' },
  { name: '罗军', posts: [{ name: '投资项目审核岗', cls: 'important' }], vet: 'valid' },
  { name: '宋秀英', posts: [{ name: '产业政策岗', cls: 'general' }], vet: 'valid' },
  { name: '唐杰', posts: [{ name: '人事档案管理', cls: 'general' }], vet: 'valid' },
  { name: '许刚', posts: [{ name: '财务审核岗', cls: 'important' }], vet: 'due_soon' },
  { name: '冯娟', posts: [{ name: '文件收发', cls: 'general' }], vet: 'valid' },
  { name: '邓桂英', posts: [{ name: '规划数据整理', cls: 'general' }], vet: 'valid' },
  { name: '曹磊', posts: [{ name: '重大项目储备岗', cls: 'important' }], vet: 'valid' },
  { name: '曾丹', posts: [{ name: '产业运行监测', cls: 'general' }], vet: 'valid' },
  { name: '萧洋', posts: [{ name: '人事信息维护', cls: 'general' }], vet: 'valid' },
  { name: '田明', posts: [{ name: '价格监测岗', cls: 'important' }], vet: 'expired' },
  {
    name: '马俊峰',
    dept: '办公室',
    clearance: 'top_secret',
    posts: [{ name: '机要秘书', cls: 'core', site: '机要室' }],
    vet: 'valid',
  },
  {
    name: '胡晓东',
    dept: '办公室',
    clearance: 'top_secret',
    posts: [{ name: '机要通信员', cls: 'core', site: '机要室' }],
    vet: 'valid',
  },
  {
    name: '郭建华',
    dept: '办公室',
    clearance: 'secret',
    posts: [{ name: '档案管理员', cls: 'important', site: '档案室' }],
    vet: 'valid',
  },
  {
    name: '朱丽萍',
    dept: '办公室',
    clearance: 'secret',
    posts: [{ name: '文印室管理员', cls: 'important' }],
    vet: 'valid',
  },
  {
    name: '徐志刚',
    dept: '综合规划处',
    clearance: 'secret',
    posts: [{ name: '发展规划编制', cls: 'important' }],
    vet: 'valid',
  },
  {
    name: '孙雅琴',
    dept: '综合规划处',
    clearance: 'confidential',
    posts: [{ name: '规划资料管理', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '王海燕',
    dept: '保密办公室',
    clearance: 'secret',
    posts: [{ name: '兼职保密员', cls: 'important', site: '保密办公室' }],
    vet: 'valid',
  },
  {
    name: '李明哲',
    dept: '国民经济综合处',
    clearance: 'secret',
    posts: [{ name: '经济形势分析', cls: 'important' }],
    vet: 'due_soon',
  },
  {
    name: '钱文博',
    dept: '国民经济综合处',
    clearance: 'confidential',
    posts: [{ name: '综合统计', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '蒋晓红',
    dept: '固定资产投资处',
    clearance: 'secret',
    posts: [{ name: '中央预算内投资管理', cls: 'important' }],
    vet: 'valid',
  },
  {
    name: '沈国平',
    dept: '固定资产投资处',
    clearance: 'confidential',
    posts: [{ name: '项目库维护', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '韦佳怡',
    dept: '产业发展处',
    clearance: 'confidential',
    posts: [{ name: '产业项目初审', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '谢振宇',
    dept: '产业发展处',
    clearance: 'secret',
    posts: [{ name: '重点产业布局研究', cls: 'important' }],
    vet: 'valid',
  },
  {
    name: '董思远',
    dept: '人事处',
    clearance: 'confidential',
    posts: [{ name: '干部考核', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '袁春梅',
    dept: '人事处',
    clearance: 'confidential',
    posts: [{ name: '工资福利', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '潘建军',
    dept: '财务处',
    clearance: 'secret',
    posts: [{ name: '财务处处长', cls: 'important' }],
    vet: 'valid',
  },
  {
    name: '杜雪莲',
    dept: '财务处',
    clearance: 'confidential',
    posts: [{ name: '会计', cls: 'general' }],
    vet: 'none',
  },
  {
    name: '白晓峰',
    dept: '财务处',
    clearance: 'confidential',
    posts: [{ name: '出纳', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '程立伟',
    dept: '综合规划处',
    clearance: 'confidential',
    posts: [{ name: '规划数据录入', cls: 'general' }],
    vet: 'valid',
  },
  {
    name: '魏红霞',
    dept: '办公室',
    clearance: 'secret',
    posts: [{ name: '涉密会议保障', cls: 'important', site: '涉密计算机机房' }],
    vet: 'valid',
  },
  {
    name: '叶宏伟',
    dept: '固定资产投资处',
    clearance: 'secret',
    posts: [{ name: '投资计划下达', cls: 'important' }],
    vet: 'valid',
  },
];

/** The person whose recorded discipline keeps him out of every key site (R-PER-02). */
export const DEMO_BLOCKED = '叶宏伟';

const KEY_SITES = [
  { name: '机要室', kind: 'location', dept: '办公室', level: 'top_secret', note: '机要文件收发、保管' },
  { name: '保密办公室', kind: 'department', dept: '保密办公室', level: 'secret', note: '' },
  { name: '涉密计算机机房', kind: 'location', dept: '办公室', level: 'secret', note: '主楼三层' },
  { name: '档案室', kind: 'location', dept: '办公室', level: 'secret', note: '含涉密档案库房' },
] as const;

export async function coreDemoSeed(db: Db): Promise<DemoAccount[]> {
  await db.tx(async (sql: Sql) => {
    if (await demoDone(sql, DONE)) return;
    const orgId = await orgByName(sql, ORGAN);
    if (!orgId) return;
    const sysRow = await adminAccount(sql, 'sysadmin');
    const secRow = await adminAccount(sql, 'secadmin');
    if (!sysRow || !secRow) return;
    const admin = (a: { id: string; name: string; role: string }): Actor => ({
      id: a.id,
      name: a.name,
      class: a.role as Actor['class'],
      role: a.role,
      orgId: null,
      ip: null,
    });
    const depts = new Map((await demoDepartments(sql, orgId)).map((d) => [d.name, d.id]));
    let people = await demoPeople(sql, orgId);
    // Newcomers: registered by the system administrator, cleared by the security-secrecy administrator.
    for (const d of DEMO_PERSONNEL) {
      if (!d.dept || people.some((p) => p.name === d.name)) continue;
      const made = await createPerson(sql, admin(sysRow), {
        orgId,
        departmentId: depts.get(d.dept) ?? null,
        name: d.name,
        position: '科员',
        rank: 'section',
        nationality: '中国',
      });
      if (d.clearance) await setClearance(sql, admin(secRow), made.id, d.clearance);
    }
    people = await demoPeople(sql, orgId);
    const officerRow = people.find((p) => p.name === '赵敏' && p.roles.includes('secrecy_officer'));
    if (!officerRow?.accountId) return;
    const actor: Actor = {
      id: officerRow.accountId,
      name: officerRow.name,
      class: 'user',
      role: 'secrecy_officer',
      orgId,
    };
    const caller: Caller = {
      accountId: officerRow.accountId,
      personId: officerRow.personId,
      orgId,
      departmentId: officerRow.departmentId,
      position: officerRow.position,
      clearance: officerRow.clearance,
      roles: officerRow.roles as Caller['roles'],
    };
    const sites = new Map<string, string>();
    for (const s of KEY_SITES) {
      const dept = depts.get(s.dept);
      if (!dept) continue;
      const made = await createKeySite(sql, actor, caller, {
        name: s.name,
        kind: s.kind,
        departmentId: dept,
        level: s.level,
        note: s.note,
      });
      sites.set(s.name, made.id);
    }
    const today = todayInChina();
    let i = 0;
    for (const d of DEMO_PERSONNEL) {
      i += 1;
      // One person of that name (a generated name given twice is left out of the demo list).
      const same = people.filter((p) => p.name === d.name);
      if (same.length !== 1 || same[0]!.clearance === 'none') continue;
      const p = same[0]!;
      const cls = d.posts.some((x) => x.cls === 'core')
        ? 'core'
        : d.posts.some((x) => x.cls === 'important')
          ? 'important'
          : 'general';
      const vettedOn =
        d.vet === 'due_soon'
          ? addDays(addMonths(today, -36), 15 + i)
          : d.vet === 'expired'
            ? addMonths(today, -38)
            : addDays(addMonths(today, -30), i * 17);
      if (d.vet !== 'none')
        await addVetting(sql, actor, caller, p.personId, {
          vettedOn,
          result: 'passed',
          reviewer: cls === 'core' ? '江临市国家保密局' : '本机关保密委员会',
          personClass: cls,
          clearance: p.clearance,
        });
      if (d.name === DEMO_BLOCKED)
        await recordFact(sql, actor, caller, p.personId, {
          condition: 'discipline',
          since: '2024-03-01',
          note: '受行政记过处分',
        });
      if (d.name === '程立伟') {
        const r = await recordFact(sql, actor, caller, p.personId, {
          condition: 'temporary_hire',
          since: addMonths(today, -20),
          note: '劳务派遣，后转为正式在编',
        });
        await endEligibilityFact(sql, actor, caller, p.personId, r.facts[0]!.id, {
          until: addMonths(today, -8),
        });
      }
      for (const [k, x] of d.posts.entries()) {
        const siteId = x.site ? sites.get(x.site) : undefined;
        await addPost(sql, actor, caller, p.personId, {
          name: x.name,
          personClass: x.cls,
          keySiteId: siteId ?? null,
          since: addDays(vettedOn, 10 + k) > today ? today : addDays(vettedOn, 10 + k),
        });
      }
    }
    await markDemoDone(sql, DONE);
  });
  return [];
}
