// `npm run demo`, the activities part (R-FOR-01 … R-FOR-04, R-FOR-08): in 江临市发展和改革委员会, a year of
// foreign-affairs activities of every kind — past ones closed (重要 ones with their leading group and
// on-site inspection), one ended awaiting its closing (a todo), one started, one whose plan awaits the
// leader (on the approval engine: a todo for the leader), one approved starting soon with participants
// not yet briefed (a todo), and drafts. Past records are entered as what happened (steps cannot be
// back-dated), audited as the demo's. The visitors & materials part seeds its own records (or none):
// nothing here depends on them. Idempotent: once per database ('demo_foreign_activity').
import { type ActivityKind, type ActivityState, activityImportance, addDays } from '@baomi/domain';
import { openApproval } from '../approvals/service.ts';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import { sortKey } from '../db/sortkey.ts';
import type { DemoAccount } from '../kit/module.ts';
import { todayInChina } from '../kit/today.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import {
  demoDepartments,
  demoPeople,
  getActivity,
  insertActivity,
  insertStep,
  orgIdByName,
  patchActivity,
  setDemoState,
  setParticipants,
} from './activity.queries.ts';

const MARK = 'demo_foreign_activity';
const DEMO: Actor = { ...SYSTEM_ACTOR, name: '演示数据' };

interface Seed {
  kind: ActivityKind;
  title: string;
  /** Days from today. */
  start: number;
  days: number;
  place: string;
  parties: { kind: 'org' | 'person'; name: string; country: string }[];
  foreignCount: number;
  topics: { title: string; nationalStrategy: boolean; economicPolicy: boolean }[];
  level?: 'confidential' | 'secret' | null;
  classifiedApproved?: boolean;
  state: ActivityState;
}

const T = (title: string, s = false, e = false) => ({ title, nationalStrategy: s, economicPolicy: e });

const SEEDS: Seed[] = [
  {
    kind: 'reception',
    title: '接待德国巴伐利亚州经济代表团',
    start: -320,
    days: 2,
    place: '委机关三楼会议室',
    parties: [{ kind: 'org', name: '巴伐利亚州经济部', country: '德国' }],
    foreignCount: 14,
    topics: [T('区域产业合作', false, true)],
    state: 'closed',
  },
  {
    kind: 'travel_abroad',
    title: '赴新加坡考察智慧城市建设',
    start: -260,
    days: 6,
    place: '新加坡',
    parties: [{ kind: 'org', name: '新加坡城市重建局', country: '新加坡' }],
    foreignCount: 6,
    topics: [T('城市规划与数字治理')],
    state: 'closed',
  },
  {
    kind: 'foreign_meeting',
    title: '中欧绿色低碳发展研讨会',
    start: -200,
    days: 2,
    place: '江临国际会议中心',
    parties: [
      { kind: 'org', name: '欧盟驻华代表团', country: '欧盟' },
      { kind: 'org', name: '某欧洲智库', country: '比利时' },
    ],
    foreignCount: 22,
    topics: [T('碳达峰碳中和政策', true, true)],
    state: 'closed',
  },
  {
    kind: 'provision',
    title: '向日本某研究机构提供公开统计资料',
    start: -150,
    days: 1,
    place: '委机关',
    parties: [{ kind: 'org', name: '日本某经济研究所', country: '日本' }],
    foreignCount: 2,
    topics: [T('公开统计年鉴')],
    state: 'closed',
  },
  {
    kind: 'other',
    title: '外籍专家来访座谈',
    start: -90,
    days: 1,
    place: '委机关二楼会议室',
    parties: [{ kind: 'person', name: 'John Smith', country: '英国' }],
    foreignCount: 1,
    topics: [T('营商环境评价方法')],
    state: 'closed',
  },
  {
    kind: 'travel_abroad',
    title: '赴香港参加粤港澳大湾区合作论坛',
    start: -30,
    days: 3,
    place: '香港',
    parties: [{ kind: 'org', name: '香港贸易发展局', country: '中国香港' }],
    foreignCount: 30,
    topics: [T('大湾区规划衔接', true, false)],
    state: 'ended',
  },
  {
    kind: 'reception',
    title: '接待韩国友好城市访问团',
    start: -1,
    days: 3,
    place: '委机关及开发区',
    parties: [{ kind: 'org', name: '韩国某市政府', country: '韩国' }],
    foreignCount: 8,
    topics: [T('友好城市交流')],
    state: 'started',
  },
  {
    kind: 'foreign_meeting',
    title: '涉密项目国际合作谈判（经批准）',
    start: 20,
    days: 2,
    place: '委机关保密会议室',
    parties: [{ kind: 'org', name: '某国际组织', country: '瑞士' }],
    foreignCount: 4,
    topics: [T('合作项目技术方案')],
    level: 'secret',
    classifiedApproved: true,
    state: 'plan_submitted',
  },
  {
    kind: 'travel_abroad',
    title: '赴法国参加国际能源署年会',
    start: 4,
    days: 5,
    place: '法国巴黎',
    parties: [{ kind: 'org', name: '国际能源署', country: '法国' }],
    foreignCount: 0,
    topics: [T('能源安全形势', true, false)],
    state: 'plan_approved',
  },
  {
    kind: 'provision',
    title: '向世界银行项目组提供项目公开资料',
    start: 40,
    days: 1,
    place: '委机关',
    parties: [{ kind: 'org', name: '世界银行', country: '美国' }],
    foreignCount: 3,
    topics: [T('项目可行性研究公开文本')],
    state: 'draft',
  },
  {
    kind: 'other',
    title: '外国记者采访安排',
    start: 60,
    days: 1,
    place: '委机关新闻发布厅',
    parties: [{ kind: 'person', name: '某外国媒体记者', country: '美国' }],
    foreignCount: 2,
    topics: [T('经济运行情况（公开口径）', false, true)],
    state: 'draft',
  },
];

const PLAN = (s: Seed) => ({
  nature: s.level ? '经批准的涉密涉外活动' : '公开交流活动，不涉及国家秘密',
  responsibilities: '组织部门负责具体实施；保密办负责保密提醒和现场监督；办公室负责资料审核',
  measures: '限定活动范围和参观路线；专人陪同；禁止拍照录像；对外提供资料事先经保密审查',
  reason: s.title,
  programme: `${s.place}，${s.days}天；座谈交流`,
  materials: s.kind === 'provision' ? '经保密审查的公开资料' : '公开宣传材料',
});

export async function activityDemoSeed(db: Db): Promise<DemoAccount[]> {
  await db.tx(async (sql) => {
    if ((await readSetting(sql, MARK)) !== null) return;
    const orgId = await orgIdByName(sql, '江临市发展和改革委员会');
    if (!orgId) return;
    const rows = await demoPeople(sql, orgId);
    const depts = await demoDepartments(sql, orgId);
    if (rows.length < 2 || depts.length === 0) return;
    const people = [...new Map(rows.map((r) => [r.id, r])).values()];
    const withRole = (role: string) => rows.find((r) => r.role === role)?.id ?? null;
    const officer = withRole('secrecy_officer') ?? people[0]!.id;
    const leader = withRole('leader') ?? officer;
    const staff = people.filter((p) => p.id !== officer && p.id !== leader);
    const pool = staff.length ? staff : people;
    const today = todayInChina();
    let n = 0;
    for (const s of SEEDS) {
      n += 1;
      const dept = depts[n % depts.length]!;
      const startsOn = addDays(today, s.start);
      const endsOn = addDays(startsOn, s.days - 1);
      const level = s.level ?? null;
      const imp = activityImportance({
        foreignCount: s.foreignCount,
        topics: s.topics,
        level,
        classifiedApproved: !!s.classifiedApproved,
      });
      const id = await insertActivity(sql, orgId, officer, {
        kind: s.kind,
        title: s.title,
        titleSort: sortKey(s.title),
        organiserDepartmentId: dept.id,
        startsOn,
        endsOn,
        place: s.place,
        foreignParties: s.parties,
        foreignCount: s.foreignCount,
        topics: s.topics,
        level,
        classifiedApproved: !!s.classifiedApproved,
        important: imp.importance === 'major',
        plan: PLAN(s),
      });
      const team = [pool[n % pool.length]!, pool[(n + 1) % pool.length]!].filter(
        (p, i, all) => all.findIndex((x) => x.id === p.id) === i,
      );
      await setParticipants(
        sql,
        id,
        team.map((p, i) => ({ personId: p.id, duty: i === 0 ? '带队' : '随行' })),
      );
      await insertStep(sql, id, 'created', officer, '演示数据');
      const major = imp.importance === 'major';
      const group = major
        ? [
            { personId: leader, duty: '组长' },
            { personId: officer, duty: '成员' },
          ]
        : [];
      if (s.state === 'plan_submitted') {
        const a = (await getActivity(sql, id))!;
        const approval = await openApproval(sql, DEMO, {
          flowType: 'foreign_plan',
          subjectType: 'foreign_activity',
          subjectId: id,
          title: `涉外活动保密工作方案：${s.title}`,
          orgId,
          departmentId: dept.id,
          initiatorPersonId: officer,
          subject: {
            title: a.title,
            kind: a.kind,
            organiser: dept.name,
            startsOn,
            endsOn,
            place: a.place,
            foreignParties: s.parties.map((p) => `${p.name}（${p.country}）`),
            foreignCount: s.foreignCount,
            topics: s.topics.map((x) => x.title),
            level,
            classifiedApproved: String(!!s.classifiedApproved),
            plan: Object.values(PLAN(s)),
            participants: team.map((p) => p.name),
          },
        });
        await patchActivity(sql, id, { state: 'plan_submitted', approvalId: approval.id });
        await insertStep(sql, id, 'plan_submitted', officer);
      } else if (s.state !== 'draft') {
        const past = s.state === 'closed' || s.state === 'ended';
        await setDemoState(sql, id, {
          state: s.state,
          startedOn: s.state === 'plan_approved' ? null : startsOn,
          endedOn: past ? endsOn : null,
          closedOn: s.state === 'closed' ? addDays(endsOn, 7) : null,
          leadingGroup: group,
          inspection:
            major && s.state !== 'plan_approved'
              ? {
                  on: startsOn,
                  findings: '现场检查：参观路线、陪同和禁止拍照录像等措施落实到位',
                  byPersonId: leader,
                }
              : null,
          documents: past
            ? [
                { title: '会谈纪要', copies: 2, returned: true, note: '' },
                { title: '对方赠送资料', copies: 1, returned: false, note: '公开资料，已归档' },
              ]
            : [],
          summary: s.state === 'closed' ? '活动按保密工作方案实施，未发现泄密隐患。' : '',
          officerCheck:
            s.state === 'closed'
              ? {
                  byPersonId: officer,
                  at: `${addDays(endsOn, 5)}T02:00:00.000Z`,
                  note: '资料已收回，总结已归档',
                  suspectedLeak: false,
                }
              : null,
        });
        for (const k of [
          'plan_submitted',
          'plan_approved',
          ...(s.state === 'plan_approved' ? [] : ['started']),
          ...(past ? ['ended'] : []),
          ...(s.state === 'closed' ? ['officer_check', 'closed'] : []),
        ])
          await insertStep(sql, id, k, k === 'plan_approved' ? leader : officer, '演示数据');
      }
    }
    await writeSetting(sql, MARK, { at: today }, null);
    await appendAudit(sql, DEMO, {
      action: 'foreign.demo',
      objectType: 'org',
      objectId: orgId,
      summary: { demo: SEEDS.length },
    });
  });
  return [];
}
