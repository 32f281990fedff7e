// The demo's training records (`npm run demo`, idempotent: once per database, 'demo_personnel_training'):
// for the classified persons the core part seeded in 江临市发展和改革委员会 (whoever holds an open post
// at seed time; none: nothing yet), this year's sessions with realistic gaps (some persons short, key-site
// staff short of their working days), last year's session and assessments for some, one reviewed and
// one pending major-matter report. Through the real use cases (audited as in production).
import { addDays, type PlainDate } from '@baomi/domain';
import type { Actor } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import type { DemoAccount } from '../kit/module.ts';
import { todayInChina } from '../kit/today.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import { demoContext } from './training.queries.ts';
import { createSession, recordAssessment, reportMatter, reviewMatter } from './training.service.ts';

const DONE = 'demo_personnel_training';

export async function seedDemoTraining(db: Db): Promise<DemoAccount[]> {
  await db.tx(async (sql) => {
    if ((await readSetting(sql, DONE)) !== null) return;
    const ctx = await demoContext(sql);
    if (!ctx?.officer || ctx.persons.length === 0 || ctx.hasSessions) return;
    const o = ctx.officer;
    const who = (
      p: { personId: string; accountId: string | null; name: string; departmentId: string | null },
      role: string,
    ) => ({
      actor: { id: p.accountId, name: p.name, class: 'user', role, orgId: ctx.orgId } satisfies Actor,
      caller: {
        accountId: p.accountId ?? '',
        personId: p.personId,
        orgId: ctx.orgId,
        departmentId: p.departmentId,
        position: '',
        clearance: 'secret',
        roles: role === 'secrecy_officer' ? ['secrecy_officer'] : ['staff'],
      } satisfies Caller,
    });
    const officer = who(o, 'secrecy_officer');
    const today = todayInChina();
    const year = Number(today.slice(0, 4));
    // A day `back` days ago, kept inside this year (never after today).
    const thisYear = (back: number): PlainDate => {
      const d = addDays(today, -back);
      return Number(d.slice(0, 4)) === year ? d : `${year}-01-0${Math.min(2, Number(today.slice(8, 10)))}`;
    };
    const ps = ctx.persons;
    const ids = (list: typeof ps) => list.map((p) => p.personId);
    const n = ps.length;
    const lastYear = await createSession(sql, officer.actor, officer.caller, {
      topic: `${year - 1}年度保密法律法规全员培训`,
      heldOn: `${year - 1}-06-18`,
      hours: 4,
      trainer: '市保密局宣教科',
      materials: ['《中华人民共和国保守国家秘密法》', '保密法实施条例解读课件'],
      attendeeIds: ids(ps.slice(0, Math.max(1, n - 5))),
    });
    await createSession(sql, officer.actor, officer.caller, {
      topic: '新修订保密法宣贯及典型泄密案例警示教育',
      heldOn: thisYear(150),
      hours: 2,
      trainer: o.name,
      materials: ['保密法条文对照表', '典型泄密案例汇编'],
      attendeeIds: ids(ps.slice(0, Math.max(1, n - 8))),
    });
    await createSession(sql, officer.actor, officer.caller, {
      topic: '涉密载体与涉密计算机管理专题培训',
      heldOn: thisYear(60),
      hours: 2,
      trainer: '委信息中心',
      materials: ['涉密载体管理规定'],
      attendeeIds: ids(ps.slice(0, Math.max(1, Math.ceil(n / 2)))),
    });
    const keySite = ps.filter((p) => p.keySite);
    if (keySite.length)
      await createSession(sql, officer.actor, officer.caller, {
        topic: '要害部门部位人员保密技能培训',
        heldOn: thisYear(30),
        hours: 6,
        trainer: '市保密局技术检查科',
        materials: ['要害部门部位保密管理要求', '保密技术防护手册'],
        attendeeIds: ids(keySite.slice(0, Math.max(1, Math.ceil(keySite.length / 2)))),
      });
    void lastYear;
    // Last year's assessments for some (those who held a post then); a training shortfall rates 基本符合.
    const attendedLast = new Set(ids(ps.slice(0, Math.max(1, n - 5))));
    for (const p of ps.slice(0, Math.min(12, n))) {
      if (p.firstYear > year - 1 || p.personId === o.personId) continue;
      const short = p.keySite || !attendedLast.has(p.personId);
      await recordAssessment(sql, officer.actor, officer.caller, {
        personId: p.personId,
        year: year - 1,
        ratings: { discipline: 'meets', duties: 'meets', training: short ? 'partly' : 'meets' },
        result: short ? 'basic' : ps.indexOf(p) % 3 === 0 ? 'excellent' : 'pass',
        comment: short ? '培训学时未达要求，须在本年度补足' : '严格遵守保密纪律，履行保密责任',
      });
    }
    // One matter recorded and reviewed, one reported by the person himself and pending.
    const reviewed = ps.find((p) => p.personId !== o.personId);
    if (reviewed) {
      const m = await reportMatter(sql, officer.actor, officer.caller, {
        personId: reviewed.personId,
        kind: 'foreign_contact',
        occurredOn: thisYear(90),
        description: '参加行业交流活动期间与境外机构人员有非公务往来，本人未及时报告',
      });
      await reviewMatter(sql, officer.actor, officer.caller, m.id, {
        opinion: '已约谈本人，说明情况属实，未涉及国家秘密',
        measures: '进行保密提醒谈话，纳入重点教育对象',
      });
    }
    const pending =
      ps.filter((p) => p.personId !== o.personId)[2] ?? ps.find((p) => p.personId !== o.personId);
    if (pending) {
      const self = who(pending, 'staff');
      await reportMatter(sql, self.actor, self.caller, {
        kind: 'relatives_abroad',
        occurredOn: thisYear(10),
        description: '本人子女已被境外高校录取，将于下月赴境外留学',
      });
    }
    await writeSetting(sql, DONE, true, null);
  });
  return [];
}
