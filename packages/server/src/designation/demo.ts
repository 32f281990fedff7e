// raw SQL: the demo seeder moves sample records back in time.
// `npm run demo`: a year of designation records (定密) in 江临市发展和改革委员会 — through the real services
// (catalogue, appointment, drafts, approvals, corrections, escalation, changes, releases: every step
// audited and approved as in production), then moved back in time in the same transaction so that the
// ledger and the yearly statistics (R-DES-09) show twelve months of work. The audit events keep the
// seeding time (the chain cannot be rewritten). Idempotent: once per database (setting 'demo_designation').
import {
  addDays,
  clearanceCovers,
  type Decider,
  type KnowScope,
  type Period,
  type StateSecretLevel,
} from '@baomi/domain';
import { SAMPLE_CALENDAR_2026 } from '@baomi/domain/workdays/sample-calendar-2026.fixture.ts';
import { decideApproval } from '../approvals/service.ts';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { setDay } from '../workdays/service.ts';
import { createEntry } from './catalogue.service.ts';
import type { Caller } from './common.ts';
import { asOfDay, todayInChina } from './common.ts';
import { appoint, recordAbsence } from './designators.service.ts';
import { proposeChange } from './items.changes.ts';
import type { ItemCaller } from './items.common.ts';
import { correctItem } from './items.correct.ts';
import { createItem } from './items.draft.ts';
import { releaseDueItems } from './items.release.ts';
import { submitItem } from './items.submit.ts';

interface Who {
  actor: Actor;
  caller: ItemCaller;
  decider: Decider;
}

// 发展改革工作国家秘密范围 — invented clause texts, for the demonstration only.
const CLAUSES = [
  {
    clause: '（演示）发改秘范围第一条',
    title: '（演示数据）尚未公布的国民经济和社会发展规划重要指标及测算数据',
    maxLevel: 'secret',
  },
  {
    clause: '（演示）发改秘范围第二条',
    title: '（演示数据）重大项目布局和政府投资计划中尚未公开的选址、投资安排',
    maxLevel: 'secret',
  },
  {
    clause: '（演示）发改秘范围第三条',
    title: '（演示数据）重要物资储备的品种、数量、布点和动用方案',
    maxLevel: 'secret',
  },
  {
    clause: '（演示）发改秘范围第四条',
    title: '（演示数据）尚未公布的价格调控方案和调价幅度',
    maxLevel: 'confidential',
  },
  {
    clause: '（演示）发改秘范围第五条',
    title: '（演示数据）涉及国家安全的重点产业链供应链安全评估汇总数据',
    maxLevel: 'top_secret',
  },
] as const;

// R-DES-01a: the handler answers each question (none of these matters is public, a work secret …).
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};

// Per department: the catalogue clause it mostly cites and the matters it produces.
const WORK: Record<string, { clause: number; topics: string[] }> = {
  综合规划处: {
    clause: 0,
    topics: [
      '国民经济和社会发展第十五个五年规划纲要（征求意见稿）',
      '年度国民经济和社会发展计划草案测算表',
      '国土空间开发重大问题研究报告',
    ],
  },
  国民经济综合处: {
    clause: 0,
    topics: ['季度经济运行分析报告（内部稿）', '主要经济指标预测数据', '稳增长政策储备清单'],
  },
  固定资产投资处: {
    clause: 1,
    topics: ['重大项目储备库调整方案', '中央预算内投资计划建议', '重点基础设施项目选址比选报告'],
  },
  产业发展处: {
    clause: 1,
    topics: ['重点产业园区布局调整方案', '战略性新兴产业招商项目清单', '产业链补链强链项目安排'],
  },
  办公室: { clause: 2, topics: ['应急物资储备动用预案', '粮食和重要物资储备轮换计划', '能源保供应急方案'] },
  财务处: {
    clause: 3,
    topics: ['重要商品价格调控预案', '公用事业价格调整方案（送审稿）', '成本监审汇总数据'],
  },
};

export async function seedDemoDesignation(db: Db, today = todayInChina()): Promise<{ items: number } | null> {
  return db.tx(async (sql) => {
    if ((await sql.query("SELECT 1 FROM setting WHERE key = 'demo_designation'")).rowCount > 0) return null;
    const organ = (
      await sql.query<{ id: string; parentId: string | null }>(
        `SELECT id, parent_id AS "parentId" FROM org WHERE name = '江临市发展和改革委员会'`,
      )
    ).rows[0];
    if (!organ?.parentId) return null;
    await provinceAbove(sql, organ.parentId);
    // R-DES-07: the State Council's 2026 holidays and 调休 days, entered by the calendar keeper, before any
    // deadline is counted on them (the escalation below).
    await seedCalendar2026(sql);

    const people = (
      await sql.query<{
        personId: string;
        accountId: string | null;
        name: string;
        departmentId: string;
        department: string;
        position: string;
        clearance: ItemCaller['clearance'];
        roles: ItemCaller['roles'];
      }>(
        `SELECT p.id AS "personId", p.account_id AS "accountId", p.name, p.department_id AS "departmentId",
                d.name AS department, p.position, p.clearance,
                coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
           FROM person p JOIN department d ON d.id = p.department_id LEFT JOIN person_role r ON r.person_id = p.id
          WHERE p.org_id = $1 GROUP BY p.id, d.name ORDER BY p.created_at, p.id`,
        [organ.id],
      )
    ).rows;
    const who = (name: string, role?: string): Who => {
      const p = people.find((x) => x.name === name)!;
      const caller: ItemCaller = {
        accountId: p.accountId!,
        personId: p.personId,
        orgId: organ.id,
        departmentId: p.departmentId,
        position: p.position,
        clearance: p.clearance,
        roles: p.roles,
      };
      return {
        actor: {
          id: p.accountId,
          name: p.name,
          class: 'user',
          role: role ?? p.roles.join(','),
          orgId: organ.id,
        },
        caller,
        decider: { personId: p.personId, orgId: organ.id, departmentId: p.departmentId, roles: p.roles },
      };
    };
    const wang = who('王建国', 'designator');
    const zhao = who('赵敏', 'secrecy_officer');
    const chen = who('陈静', 'secrecy_officer');
    const asCaller = (w: Who): Caller => ({
      accountId: w.caller.accountId,
      personId: w.caller.personId,
      orgId: organ.id,
      roles: w.caller.roles,
    });

    // R-DES-04/05: the head (statutory, A) appoints 孙志强 as B, with letter and certificate.
    const sunPerson = people.find((x) => x.name === '孙志强')!;
    await appoint(
      sql,
      wang.actor,
      asCaller(wang),
      {
        personId: sunPerson.personId,
        role: 'B',
        partnerPersonId: wang.caller.personId,
        letterRef: '江发改〔2025〕演示12号',
        certificateNumber: '定密资格（演示）2025-0318',
        certificateValidUntil: addDays(today, 3 * 365),
        vetted: true,
      },
      today,
    );
    sunPerson.roles = [...new Set([...sunPerson.roles, 'designator' as const])];
    const sun = who('孙志强', 'designator');

    const entries: string[] = [];
    for (const c of CLAUSES)
      entries.push(
        (await createEntry(sql, zhao.actor, asCaller(zhao), { ...c, indefiniteAllowed: false })).id,
      );

    const decide = (
      w: Who,
      approvalId: string,
      decision: 'opinion' | 'approve' | 'return',
      comment: string,
    ) => decideApproval(sql, w.actor, w.decider, approvalId, { decision, comment });

    // Handlers: everyone of the department except the head and the designators; by turns.
    const handlers = (dept: string) =>
      people.filter((p) => p.department === dept && !p.roles.includes('designator') && p.accountId !== null);
    const anyone = (dept: string) => people.filter((p) => p.department === dept);
    const turn = new Map<string, number>();
    // R-PER-01: a handler is cleared for the level he drafts (here, or in another department if none is).
    const cleared = (list: typeof people, level: StateSecretLevel) =>
      list.filter((p) => clearanceCovers(p.clearance, level));
    const handlerFor = (dept: string, level: StateSecretLevel): Who => {
      // never a designator: he decides the request
      const candidates = [
        cleared(handlers(dept), level),
        cleared(
          people.filter((p) => !p.roles.includes('designator') && p.accountId !== null),
          level,
        ),
      ];
      const list = candidates.find((c) => c.length > 0);
      if (!list) throw new Error(`demo: nobody but a designator is cleared for ${level}`);
      const i = turn.get(dept) ?? 0;
      turn.set(dept, i + 1);
      return who(list[i % list.length]!.name);
    };

    // Moves recorded here, applied to the rows in one statement each at the end.
    const when: { id: string; approved: string | null; created: string }[] = [];
    const changeDays: { id: string; day: string }[] = [];
    const approved: { id: string; dept: string; level: StateSecretLevel; handler: Who }[] = [];
    const depts = Object.keys(WORK);
    const TOTAL = 84;
    // A few at the end stay open: drafts, in review, returned, escalated.
    const OPEN = new Map<number, 'draft' | 'review' | 'opinion' | 'returned' | 'escalated'>([
      [TOTAL - 1, 'draft'],
      [TOTAL - 2, 'review'],
      [TOTAL - 3, 'opinion'],
      [TOTAL - 4, 'returned'],
      [TOTAL - 5, 'review'],
      [TOTAL - 6, 'returned'],
      [TOTAL - 7, 'escalated'],
    ]);
    // B decides while A is away (R-DES-05): the head's absence, recorded by the secrecy officer.
    const B_ITEMS = new Set([36, 37, 38]);
    let absenceId: string | null = null;

    for (let i = 0; i < TOTAL; i++) {
      // 7 a month over the last 12 months, oldest first; the day of approval.
      const day = addDays(today, -358 + Math.floor(i * 4.2) + (i % 3));
      const dept = depts[i % depts.length]!;
      const work = WORK[dept]!;
      const open = OPEN.get(i);
      const secret = i % 4 === 0 || open === 'escalated';
      const level: StateSecretLevel =
        open === 'escalated' ? 'top_secret' : secret ? 'secret' : 'confidential';
      // A derived item is drafted by whoever may read its source: the source's own handler (issue 7).
      const source = i % 6 === 5 && !open ? approved.filter((a) => a.dept === dept).at(-1) : undefined;
      const h = source ? source.handler : handlerFor(dept, level);
      const period: Period =
        open === 'escalated'
          ? { kind: 'years', n: 20 }
          : i % 17 === 3
            ? { kind: 'months', n: 6 }
            : i % 13 === 5
              ? { kind: 'condition', text: '项目正式批复并公开后' }
              : { kind: 'years', n: secret ? [10, 5][i % 2]! : [5, 3, 2][i % 3]! };
      const deptId = h.caller.departmentId!;
      // R-DES-08a: a minimal, named scope — the handler and two colleagues of the department.
      const colleagues = anyone(dept)
        .filter((p) => p.personId !== h.caller.personId)
        .slice(i % 3, (i % 3) + 2)
        .map((p) => p.personId);
      const scope: KnowScope = {
        personIds: [h.caller.personId, ...colleagues],
        departmentIds: [],
        positions: [],
      };
      const topic = work.topics[Math.floor(i / depts.length) % work.topics.length]!;
      const title =
        open === 'escalated'
          ? '全市重点产业链供应链安全评估汇总报告'
          : `${topic}（${day.slice(0, 7).replace('-', '年')}月）`;
      const item = await asOfDay(day, () =>
        createItem(sql, h.actor, h.caller, {
          title: source ? `${title}摘编` : title,
          departmentId: deptId,
          basis: {
            catalogueEntryId: entries[open === 'escalated' ? 4 : work.clause] ?? null,
            text: source ? '摘编已定密事项的涉密内容（派生定密）' : '',
            grounds: NO,
          },
          ...(source
            ? { origin: 'derived' as const, sourceItemId: source.id }
            : { origin: 'original' as const, level, period, knowScope: scope }),
          issueDate: day,
        }),
      );
      when.push({ id: item.id, approved: null, created: addDays(day, -2) });
      if (open === 'draft') continue;
      const sub = await asOfDay(day, () => submitItem(sql, h.actor, h.caller, item.id, {}));
      if (open === 'escalated' || open === 'review') continue;
      const approvalId = sub.approvalId!;
      const pick = i % 3 === 0 ? chen : zhao;
      // never the handler himself (no one decides his own request)
      const officer = pick.caller.personId === h.caller.personId ? (pick === chen ? zhao : chen) : pick;
      if (open === 'returned') {
        await decide(officer, approvalId, 'return', '定密依据引用的条款不准确，请核对保密事项范围后重新提交');
        continue;
      }
      await decide(officer, approvalId, 'opinion', '经审核，符合发展改革工作国家秘密范围，拟同意');
      if (open === 'opinion') continue;
      let designator = wang;
      if (B_ITEMS.has(i)) {
        if (!absenceId)
          absenceId = (
            await recordAbsence(sql, zhao.actor, asCaller(zhao), wang.caller.personId, {
              reason: '赴省参加全省发展改革工作会议（演示）',
              from: today,
              to: today,
            })
          ).id;
        designator = sun;
      }
      if (i % 19 === 7 && !source) {
        // R-DES-06: the designator approves with corrections.
        await correctItem(sql, designator.actor, designator.caller, item.id, {
          level,
          period: { kind: 'years', n: 3 },
          knowScope: scope,
          note: '保密期限过长，修改为3年',
        });
      } else await decide(designator, approvalId, 'approve', '同意');
      when[when.length - 1]!.approved = day;
      approved.push({ id: item.id, dept, level: source?.level ?? level, handler: h });
      if (absenceId && i === Math.max(...B_ITEMS)) {
        // The absence is over: it covered the days those decisions are moved to (below).
        const from = addDays(today, -358 + Math.floor(Math.min(...B_ITEMS) * 4.2));
        await sql.query(
          `UPDATE designator_absence SET absent_from = $2::date - 1, absent_to = $2::date + 6,
             recorded_at = ($2::date - 2)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours' WHERE id = $1`,
          [absenceId, from],
        );
      }
    }
    // Move every record to its day (China time, office hours), renumber per year of approval.
    const ids = when.map((w) => w.id);
    // The numbers the approvals gave (all of this year): the notices sent then name them.
    const given = (
      await sql.query<{ id: string; itemNumber: string }>(
        `SELECT id, item_number AS "itemNumber" FROM designation_item WHERE id = ANY($1::uuid[]) AND item_number IS NOT NULL`,
        [ids],
      )
    ).rows;
    await sql.query(
      `WITH w AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[]) AS w(id, approved, created))
       UPDATE designation_item i SET
         created_at = w.created::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours 30 minutes',
         updated_at = coalesce(w.approved, w.created)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '16 hours',
         approved_at = CASE WHEN i.approved_at IS NOT NULL
           THEN w.approved::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '15 hours' END,
         item_number = CASE WHEN i.item_number IS NOT NULL THEN 'tmp-' || i.id END
        FROM w WHERE i.id = w.id`,
      [ids, when.map((w) => w.approved), when.map((w) => w.created)],
    );
    await sql.query(
      `WITH n AS (
         SELECT id, extract(year FROM approved_at AT TIME ZONE 'Asia/Shanghai')::int AS y,
                row_number() OVER (PARTITION BY extract(year FROM approved_at AT TIME ZONE 'Asia/Shanghai')
                                   ORDER BY approved_at, id) AS k
           FROM designation_item WHERE org_id = $1 AND item_number LIKE 'tmp-%')
       UPDATE designation_item i SET item_number = n.y || '-' || lpad(n.k::text, 4, '0') FROM n WHERE i.id = n.id`,
      [organ.id],
    );
    // The 定密通知 sent on approval carry the number given then: rename them with the item, and date them
    // on the day of approval (a 2025 item's notice says 2025-0001, not the seeding year's number).
    await sql.query(
      `WITH g AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS g(id, given))
       UPDATE todo t SET title = replace(t.title, '（' || g.given || '，', '（' || i.item_number || '，'),
              created_at = i.approved_at
         FROM g JOIN designation_item i ON i.id = g.id
        WHERE t.subject_type = 'designation_item' AND t.subject_id = g.id::text`,
      [given.map((g) => g.id), given.map((g) => g.itemNumber)],
    );
    await sql.query('DELETE FROM designation_item_counter WHERE org_id = $1', [organ.id]);
    await sql.query(
      `INSERT INTO designation_item_counter (org_id, year, last)
       SELECT org_id, split_part(item_number, '-', 1)::int, max(split_part(item_number, '-', 2)::int)
         FROM designation_item WHERE org_id = $1 AND item_number IS NOT NULL GROUP BY 1, 2`,
      [organ.id],
    );
    // The approvals, their decisions (opinion the day before, decision on the day), knowers, escalations.
    await sql.query(
      `WITH w AS (SELECT i.id, i.approval_id, i.created_at, coalesce(i.approved_at, i.updated_at) AS done
                    FROM designation_item i WHERE i.id = ANY($1::uuid[]))
       UPDATE approval a SET created_at = w.created_at + interval '1 hour', updated_at = w.done
         FROM w WHERE a.id = w.approval_id`,
      [ids],
    );
    await sql.query(
      `UPDATE approval_decision d SET at = CASE WHEN d.seq = 1 THEN a.created_at + interval '1 day' ELSE a.updated_at END
         FROM approval a, designation_item i WHERE d.approval_id = a.id AND a.id = i.approval_id AND i.id = ANY($1::uuid[])`,
      [ids],
    );
    // An approval still open (returned, or waiting after the officer's opinion) was last touched by that
    // decision: its update time (and its item's) is the decision's, never before it.
    await sql.query(
      `WITH last AS (SELECT d.approval_id, max(d.at) AS at FROM approval_decision d
                       JOIN designation_item i ON i.approval_id = d.approval_id
                      WHERE i.id = ANY($1::uuid[]) GROUP BY d.approval_id)
       UPDATE approval a SET updated_at = last.at FROM last WHERE a.id = last.approval_id AND a.updated_at < last.at`,
      [ids],
    );
    await sql.query(
      `UPDATE designation_item i SET updated_at = a.updated_at FROM approval a
        WHERE a.id = i.approval_id AND i.id = ANY($1::uuid[]) AND i.updated_at < a.updated_at`,
      [ids],
    );
    await sql.query(
      `UPDATE designation_knower k SET added_at = i.approved_at FROM designation_item i
        WHERE k.item_id = i.id AND i.id = ANY($1::uuid[]) AND i.approved_at IS NOT NULL`,
      [ids],
    );
    await sql.query(
      `UPDATE designation_escalation e SET reported_on = (i.created_at AT TIME ZONE 'Asia/Shanghai')::date + 1,
         created_at = i.created_at + interval '1 day' FROM designation_item i WHERE e.item_id = i.id AND i.id = ANY($1::uuid[])`,
      [ids],
    );

    // R-DES-08: changes and early releases of items designated earlier in the year, each through its approval.
    // Targets by what they are (nth designated 机密 / 秘密 item), so each change is a real one.
    const nth = (level: StateSecretLevel, n: number) => approved.filter((a) => a.level === level)[n]!;
    const plan: {
      item: (typeof approved)[number];
      after: number;
      input: Parameters<typeof proposeChange>[4];
    }[] = [
      {
        item: nth('secret', 1),
        after: 60,
        input: { kind: 'change', level: 'confidential', reason: '部分内容已随规划公开发布，降低密级' },
      },
      {
        item: nth('confidential', 6),
        after: 45,
        input: { kind: 'extend', period: { kind: 'years', n: 8 }, reason: '项目实施期延长，需延长保密期限' },
      },
      {
        item: nth('confidential', 10),
        after: 30,
        input: { kind: 'change', level: 'secret', reason: '汇总后涉及全市重大项目布局，提高密级' },
      },
      {
        item: nth('secret', 4),
        after: 40,
        input: {
          kind: 'change',
          knowScope: { personIds: [], departmentIds: [], positions: ['处长', '副处长'] },
          reason: '缩小知悉范围至处级以上人员',
        },
      },
      {
        item: nth('confidential', 3),
        after: 90,
        input: { kind: 'release', reason: '规划已正式公布，提前解除' },
      },
      {
        item: nth('secret', 6),
        after: 50,
        input: { kind: 'release', reason: '招商项目已公开签约，已无保密必要' },
      },
      {
        item: nth('confidential', 20),
        after: 35,
        input: { kind: 'extend', period: { kind: 'years', n: 10 }, reason: '方案尚未实施完毕' },
      },
      {
        item: nth('confidential', 30),
        after: 20,
        input: { kind: 'release', reason: '价格调整方案已公布执行' },
      },
    ];
    for (const p of plan) {
      const a = p.item;
      const row = when.find((w) => w.id === a.id)!;
      const day = addDays(row.approved!, p.after);
      if (day >= today) continue;
      const h = zhao;
      const ch = await proposeChange(sql, h.actor, h.caller, a.id, p.input);
      await decide(chen, ch.approvalId!, 'opinion', '拟同意');
      await decide(wang, ch.approvalId!, 'approve', '同意');
      changeDays.push({ id: ch.id, day });
    }
    await sql.query(
      `WITH w AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS w(id, day))
       UPDATE designation_change c SET created_at = (w.day - 3)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours',
         decided_at = w.day::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '16 hours'
        FROM w WHERE c.id = w.id`,
      [changeDays.map((c) => c.id), changeDays.map((c) => c.day)],
    );
    await sql.query(
      `UPDATE approval a SET created_at = c.created_at, updated_at = c.decided_at FROM designation_change c
        WHERE a.id = c.approval_id AND c.id = ANY($1::uuid[])`,
      [changeDays.map((c) => c.id)],
    );
    await sql.query(
      `UPDATE approval_decision d SET at = CASE WHEN d.seq = 1 THEN least(a.created_at + interval '1 day', a.updated_at) ELSE a.updated_at END
         FROM approval a, designation_change c WHERE d.approval_id = a.id AND a.id = c.approval_id AND c.id = ANY($1::uuid[])`,
      [changeDays.map((c) => c.id)],
    );
    await sql.query(
      `UPDATE designation_item i SET released_at = c.decided_at, updated_at = c.decided_at FROM designation_change c
        WHERE c.item_id = i.id AND c.kind = 'release' AND c.status = 'approved' AND c.id = ANY($1::uuid[])`,
      [changeDays.map((c) => c.id)],
    );
    // R-DES-08: the 6-month items whose period has ended are released by the daily job's function.
    const released = await releaseDueItems(sql, today);

    await sql.query("INSERT INTO setting (key, value) VALUES ('demo_designation', 'true')");
    await appendAudit(sql, SYSTEM_ACTOR, {
      action: 'demo.seed',
      objectType: 'system',
      summary: { designationItems: when.length, changes: changeDays.length, autoReleased: released.released },
    });
    return { items: when.length };
  });
}

/** The name a 2026 day of the State Council's arrangement is entered with. */
function calendarName(date: string, kind: 'holiday' | 'working_weekend'): string {
  const festival: Record<string, string> = {
    '01': '元旦',
    '02': '春节',
    '04': '清明节',
    '05': '劳动节',
    '06': '端午节',
    '09': kind === 'holiday' ? '中秋节' : '国庆节',
    '10': '国庆节',
  };
  const f = festival[date.slice(5, 7)] ?? '节假日';
  return kind === 'holiday' ? f : `${f}调休上班`;
}

/**
 * R-DES-07: the 2026 holidays and 调休 working days (国务院办公厅关于2026年部分节假日安排的通知, as the
 * domain's sample has them), entered through the work calendar's own service by its keeper — the top
 * bureau's secrecy officer (provsecrecy) — so each day is an audited work_calendar.set. Skipped when
 * the keeper is absent (a tree that was not built by this seed); days already entered stay.
 */
async function seedCalendar2026(sql: Sql) {
  const keeper = (
    await sql.query<{ accountId: string; name: string; orgId: string }>(
      `SELECT a.id AS "accountId", p.name, p.org_id AS "orgId" FROM account a JOIN person p ON p.account_id = a.id
        WHERE a.username = 'provsecrecy'`,
    )
  ).rows[0];
  if (!keeper) return;
  const actor: Actor = {
    id: keeper.accountId,
    name: keeper.name,
    class: 'user',
    role: 'secrecy_officer',
    orgId: keeper.orgId,
  };
  const days = [
    ...SAMPLE_CALENDAR_2026.holidays.map((d) => [d, 'holiday'] as const),
    ...SAMPLE_CALENDAR_2026.workingWeekends.map((d) => [d, 'working_weekend'] as const),
  ].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [date, kind] of days) {
    if ((await sql.query('SELECT 1 FROM work_calendar_day WHERE day = $1::date', [date])).rowCount > 0)
      continue;
    await setDay(sql, actor, date, { kind, name: calendarName(date, kind) });
  }
}

/** A provincial secrecy bureau above the city's (for 绝密 matters escalated above the city's authority). */
async function provinceAbove(sql: Sql, cityBureauId: string) {
  const city = (
    await sql.query<{ parentId: string | null }>('SELECT parent_id AS "parentId" FROM org WHERE id = $1', [
      cityBureauId,
    ])
  ).rows[0]!;
  if (city.parentId) return;
  const { rows } = await sql.query<{ id: string }>(
    "INSERT INTO org (name, level, kind) VALUES ('江东省国家保密局', 'province', 'secrecy_bureau') RETURNING id",
  );
  const province = rows[0]!.id;
  await sql.query('UPDATE org SET parent_id = $2, updated_at = now() WHERE id = $1', [
    cityBureauId,
    province,
  ]);
  const dept = (
    await sql.query<{ id: string }>(
      "INSERT INTO department (org_id, name) VALUES ($1, '定密工作处') RETURNING id",
      [province],
    )
  ).rows[0]!.id;
  const hash = (
    await sql.query<{ hash: string }>("SELECT password_hash AS hash FROM account WHERE username = 'bureau'")
  ).rows[0]?.hash;
  let accountId: string | null = null;
  if (hash)
    accountId = (
      await sql.query<{ id: string }>(
        `INSERT INTO account (username, display_name, password_hash, must_change_password)
         VALUES ('provbureau', '何振华', $1, false) RETURNING id`,
        [hash],
      )
    ).rows[0]!.id;
  const person = (
    await sql.query<{ id: string }>(
      `INSERT INTO person (org_id, department_id, name, position, rank, clearance, account_id)
       VALUES ($1, $2, '何振华', '局长（定密责任人）', 'bureau', 'top_secret', $3) RETURNING id`,
      [province, dept, accountId],
    )
  ).rows[0]!.id;
  for (const role of ['leader', 'designator'])
    await sql.query('INSERT INTO person_role (person_id, role) VALUES ($1, $2)', [person, role]);
  // The province bureau heads the tree, so its secrecy officer keeps the work calendar (R-DES-07).
  if (hash) {
    const keeperAccount = (
      await sql.query<{ id: string }>(
        `INSERT INTO account (username, display_name, password_hash, must_change_password)
         VALUES ('provsecrecy', '钱立新', $1, false) RETURNING id`,
        [hash],
      )
    ).rows[0]!.id;
    const keeper = (
      await sql.query<{ id: string }>(
        `INSERT INTO person (org_id, department_id, name, position, rank, clearance, account_id)
         VALUES ($1, $2, '钱立新', '保密员', 'division', 'secret', $3) RETURNING id`,
        [province, dept, keeperAccount],
      )
    ).rows[0]!.id;
    await sql.query("INSERT INTO person_role (person_id, role) VALUES ($1, 'secrecy_officer')", [keeper]);
  }
  await appendAudit(sql, SYSTEM_ACTOR, {
    action: 'demo.seed',
    objectType: 'org',
    objectId: province,
    summary: { name: '江东省国家保密局', above: cityBureauId },
  });
}

export const DEMO_DESIGNATION_ACCOUNT = {
  username: 'provbureau',
  role: '何振华（省保密局 局长，定密责任人）',
};

/** The module's demo seed (module manifest `demoSeed`): the records above and the province account. */
export async function designationDemoSeed(db: Db) {
  await seedDemoDesignation(db);
  return [DEMO_DESIGNATION_ACCOUNT, DEMO_CALENDAR_KEEPER];
}

/** The province bureau's secrecy officer, who keeps the work calendar of the whole tree (R-DES-07). */
export const DEMO_CALENDAR_KEEPER = {
  username: 'provsecrecy',
  role: '钱立新（省保密局 保密员，维护工作日历）',
};
