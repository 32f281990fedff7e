// `npm run demo`: 保密审查 in 江临市发展和改革委员会 — a sensitive-term list of a few hundred invented
// terms (project code names, internal numbers, sites, equipment models: none real), and requests in
// every state, their files generated in memory (docx and text) and scanned by the engine through the
// real use cases (every step audited). Idempotent: once per database ('demo_review').
import type { BusinessRole, Clearance, Decider } from '@baomi/domain';
import { docx } from '@baomi/scanner/extract/fixtures.ts';
import { decideApproval } from '../approvals/service.ts';
import type { Actor } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import type { DemoAccount, DemoSeedContext } from '../kit/module.ts';
import { demoPeople, demoSeeded, getReview, markDemoSeeded } from './queries.ts';
import {
  createReview,
  decideReview,
  reviewDetail,
  submitReview,
  uploadFile,
  withdrawReview,
} from './service.ts';
import { importTerms } from './terms.ts';

const ORG = '江临市发展和改革委员会';
const KEY = 'demo_review';

const CODE_NAMES = [
  '天穹',
  '星河',
  '玄武',
  '青鸾',
  '烛龙',
  '鲲鹏',
  '赤霄',
  '苍龙',
  '白泽',
  '朱雀',
  '凌霄',
  '破晓',
  '长风',
  '惊蛰',
  '北辰',
  '南箕',
  '启明',
  '太初',
  '归墟',
  '昆仑',
  '澜沧',
  '雪域',
  '金乌',
  '玉衡',
  '天枢',
  '开阳',
  '摇光',
  '天璇',
  '天玑',
  '紫微',
  '飞廉',
  '句芒',
  '蓐收',
  '祝融',
  '共工',
  '夸父',
  '精卫',
  '应龙',
  '毕方',
  '獬豸',
  '驺虞',
  '当康',
  '重明',
  '狻猊',
  '螭吻',
  '椒图',
  '蒲牢',
  '睚眦',
  '霸下',
  '貔貅',
];
const CODE_SUFFIXES = ['工程', '项目', '计划', '专项'];
const SITES = ['一号', '二号', '三号', '四号', '五号', '六号', '七号', '八号', '九号', '十号'];
const SITE_KINDS = ['试验场', '储备库', '数据中心', '机房'];
const MODELS = ['JL', 'XF', 'HX', 'QY', 'TZ', 'GD', 'SK', 'YH'];
const ECONOMY = [
  '未公开统计数据',
  '内部测算口径',
  '储备投放计划',
  '价格调控预案',
  '重大项目储备清单',
  '未发布规划草案',
  '招商底价',
  '专项债额度分配',
  '土地出让底价',
  '能耗指标分配',
  '应急物资储备数量',
  '粮食储备布局',
  '重点企业名单（内部）',
  '资金拨付计划',
  '投资计划（未批复）',
  '考核排名（内部）',
];

/** The demo list, in parseTermList's format (term, category, severity, [pattern]). */
export function demoTermList(): string {
  const lines: string[] = ['# 演示敏感词库：均为虚构词条'];
  CODE_NAMES.forEach((c, i) => {
    for (const s of CODE_SUFFIXES) lines.push(`${c}${s}\t项目代号\t${i % 3 === 0 ? '高' : '中'}`);
  });
  for (const s of SITES) for (const k of SITE_KINDS) lines.push(`${s}${k}\t涉密场所\t中`);
  for (const m of MODELS) {
    lines.push(`${m}-##型\t设备型号\t高\t模式`);
    lines.push(`${m}-###\t设备型号\t中\t模式`);
  }
  for (const e of ECONOMY) lines.push(`${e}\t经济数据\t中`);
  for (let y = 2019; y <= 2027; y++) {
    lines.push(`江发改密〔${y}〕#号\t内部文号\t高\t模式`);
    lines.push(`江发改密〔${y}〕##号\t内部文号\t高\t模式`);
    lines.push(`江发改内〔${y}〕#号\t内部文号\t低\t模式`);
  }
  lines.push('内部编号##-###\t内部编号\t中\t模式');
  lines.push('JL-###号文件\t内部编号\t中\t模式');
  return lines.join('\n');
}

export async function reviewDemoSeed(db: Db, _ctx: DemoSeedContext): Promise<DemoAccount[]> {
  if (await demoSeeded(db, KEY)) return [];
  const people = await demoPeople(db, ORG);
  if (people.length === 0) return [];
  const who = (name: string, role: string): { actor: Actor; caller: Caller; decider: Decider } => {
    const p = people.find((x) => x.name === name);
    if (!p) throw new Error(`demo person ${name} missing`);
    return {
      actor: { id: p.accountId, name: p.name, class: 'user', role, orgId: p.orgId },
      caller: {
        accountId: p.accountId ?? '',
        personId: p.personId,
        orgId: p.orgId,
        departmentId: p.departmentId,
        position: p.position,
        clearance: p.clearance as Clearance,
        roles: p.roles as BusinessRole[],
      },
      decider: {
        personId: p.personId,
        orgId: p.orgId,
        departmentId: p.departmentId,
        roles: p.roles as BusinessRole[],
      },
    };
  };
  const zhao = who('赵敏', 'secrecy_officer');
  const chen = who('陈静', 'secrecy_officer');
  const zhou = who('周晓燕', 'staff');
  const sun = who('孙志强', 'department_head');
  const wu = who('吴海涛', 'department_head');

  await db.tx((sql) => importTerms(sql, zhao.actor, zhao.caller, { text: demoTermList() }));

  const enc = (s: string) => new TextEncoder().encode(s);
  const file = async (
    w: typeof zhou,
    input: {
      title: string;
      purpose:
        | 'publication'
        | 'press'
        | 'conference'
        | 'foreign_party'
        | 'foreign_publication'
        | 'email'
        | 'other';
      purposeNote?: string;
    },
    files: { name: string; bytes: Uint8Array }[],
  ) => {
    let d = await db.tx((sql) => createReview(sql, w.actor, w.caller, input));
    for (const f of files) d = await uploadFile(db, w.actor, w.caller, d.id, f);
    return d;
  };
  const submit = (w: typeof zhou, d: { id: string; version: number }) =>
    db.tx((sql) => submitReview(sql, w.actor, w.caller, d.id, { version: d.version }));

  // 草稿: a website article still being put together.
  await file(
    zhou,
    {
      title: '2026年一季度经济运行情况（网站稿）',
      purpose: 'publication',
      purposeNote: '门户网站“数据发布”栏目',
    },
    [
      {
        name: '一季度经济运行情况.txt',
        bytes: enc('一季度全市经济运行总体平稳。\n规模以上工业增加值同比增长5.2%。\n'),
      },
    ],
  );

  // 待审查: a press release mentioning a project code name, and a conference paper with a scanned figure.
  const press = await file(sun, { title: '关于重大项目集中开工的新闻通稿', purpose: 'press' }, [
    {
      name: '新闻通稿.docx',
      bytes: docx({
        body: [
          '今日，全市重大项目集中开工仪式举行。',
          '其中天穹工程一期总投资约12亿元。',
          '联系人：综合规划处',
        ],
        comment: '请核实投资额是否可以公开',
      }),
    },
  ]);
  await submit(sun, press);
  const paper = await file(
    wu,
    {
      title: '区域协调发展研讨会论文',
      purpose: 'conference',
      purposeNote: '长三角区域协调发展研讨会（上海）',
    },
    [
      {
        name: '论文正文.docx',
        bytes: docx({ body: ['摘要：本文分析区域协调发展的路径。', '数据来源：公开统计年鉴。'] }),
      },
      {
        name: '附图.png',
        bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      },
    ],
  );
  await submit(wu, paper);

  // 同意发布: a clean notice.
  const notice = await file(zhou, { title: '政务公开指南更新', purpose: 'publication' }, [
    { name: '政务公开指南.txt', bytes: enc('本机关依申请公开政府信息的办理流程如下。\n') },
  ]);
  const n2 = await submit(zhou, notice);
  await db.tx((sql) =>
    decideReview(sql, zhao.actor, zhao.caller, n2.id, {
      decision: 'release',
      version: n2.version,
      comments: '未发现涉密内容，同意发布',
    }),
  );

  // 修改后发布: an e-mail attachment naming a site, to be changed and resubmitted.
  const mail = await file(
    sun,
    { title: '项目对接材料（发往合作单位）', purpose: 'email', purposeNote: '发往市投资促进中心' },
    [
      {
        name: '对接材料.docx',
        bytes: docx({ body: ['项目选址拟在三号储备库周边。', '招商底价另行商定。'] }),
      },
    ],
  );
  const m2 = await submit(sun, mail);
  await db.tx((sql) =>
    decideReview(sql, chen.actor, chen.caller, m2.id, {
      decision: 'release_with_changes',
      version: m2.version,
      comments: '删去“三号储备库”和“招商底价”后可以发送',
    }),
  );

  // 不同意: a speech about a foreign delegation's visit carrying a 机密 marking (R-FOR-07: the department
  // head's review first; R-REV-02: never released).
  const foreign = await file(
    zhou,
    { title: '外方代表团座谈讲话稿', purpose: 'foreign_publication', purposeNote: '某国经贸代表团来访座谈' },
    [
      {
        name: '座谈讲话稿.docx',
        bytes: docx({ header: '机密★10年', body: ['关于玄武计划的进展情况汇报。', '份号：000012'] }),
      },
    ],
  );
  const f2 = await submit(zhou, foreign);
  const approvalId = (await db.tx((sql) => getReview(sql, f2.id)))?.approvalId;
  if (approvalId)
    await db.tx((sql) =>
      decideApproval(sql, sun.actor, sun.decider, approvalId, {
        decision: 'approve',
        comment: '请保密办审查',
      }),
    );
  const f3 = await db.tx((sql) => reviewDetail(sql, zhao.actor, zhao.caller, f2.id));
  await db.tx((sql) =>
    decideReview(sql, zhao.actor, zhao.caller, f3.id, {
      decision: 'refuse',
      version: f3.version,
      comments: '讲话稿标有“机密★10年”，属国家秘密，不得用于涉外活动；请另行准备公开稿',
    }),
  );

  // 已撤回.
  const old = await file(zhou, { title: '年度工作总结（旧稿）', purpose: 'other' }, [
    { name: '年度总结.txt', bytes: enc('本年度主要工作如下。\n') },
  ]);
  await db.tx((sql) => withdrawReview(sql, zhou.actor, zhou.caller, old.id, { version: old.version }));

  await markDemoSeeded(db, KEY);
  return [];
}
