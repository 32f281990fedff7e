// raw SQL: the demo seeder prepares the organisation (the general office and its head) and moves a few
// loans back in time so that some are overdue.
// `npm run demo`: carrier life in 江临市发展和改革委员会 — received documents in copies, a production
// with spoilage, loans (one overdue), a copy made with approval, a take-out, a destruction with two
// supervisors, a medium's use, a copy sent out by confidential mail, a person leaving with a handover
// list, and a finished inventory with one missing carrier — all through the real use cases (every step
// registered, audited and approved as in production). Idempotent: once per database ('demo_carriers').
import { addDays, type BusinessRole, type Clearance, type Decider } from '@baomi/domain';
import { decideApproval } from '../approvals/service.ts';
import type { Actor } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { seedDemoCampaign } from './campaigns.demo.ts';
import { makeCopies, requestCopy } from './copies.ts';
import { handOver } from './handover.ts';
import { inCustodyOf } from './read.ts';
import { destroy, loan, produce, receive, requestDestruction, returnCarrier } from './service.ts';
import { sendOut, useMedium } from './steps.ts';
import { registerTakeOut, requestTakeOut } from './takeout.ts';

interface Who {
  actor: Actor;
  caller: Caller;
  decider: Decider;
}

export async function seedDemoCarriers(db: Db): Promise<{ carriers: number } | null> {
  return db.tx(async (sql: Sql) => {
    if ((await sql.query("SELECT 1 FROM setting WHERE key = 'demo_carriers'")).rowCount > 0) return null;
    const organ = (
      await sql.query<{ id: string }>(`SELECT id FROM org WHERE name = '江临市发展和改革委员会'`)
    ).rows[0];
    if (!organ) return null;
    // The destruction approval's office head (R-CAR-07): 办公室 is the general office, 李卫东 its head.
    await sql.query(
      `UPDATE department SET function = 'general_office' WHERE org_id = $1 AND name = '办公室'`,
      [organ.id],
    );
    await sql.query(
      `INSERT INTO person_role (person_id, role) SELECT id, 'department_head' FROM person
        WHERE org_id = $1 AND name = '李卫东' ON CONFLICT DO NOTHING`,
      [organ.id],
    );
    const people = (
      await sql.query<{
        personId: string;
        accountId: string | null;
        name: string;
        departmentId: string;
        position: string;
        clearance: Clearance;
        roles: BusinessRole[];
      }>(
        `SELECT p.id AS "personId", p.account_id AS "accountId", p.name, p.department_id AS "departmentId",
                p.position, p.clearance,
                coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
           FROM person p LEFT JOIN person_role r ON r.person_id = p.id
          WHERE p.org_id = $1 GROUP BY p.id ORDER BY p.created_at, p.id`,
        [organ.id],
      )
    ).rows;
    const who = (name: string, role: string): Who => {
      const p = people.find((x) => x.name === name);
      if (!p) throw new Error(`demo person ${name} missing`);
      return {
        actor: { id: p.accountId, name: p.name, class: 'user', role, orgId: organ.id },
        caller: {
          accountId: p.accountId!,
          personId: p.personId,
          orgId: organ.id,
          departmentId: p.departmentId,
          position: p.position,
          clearance: p.clearance,
          roles: p.roles,
        },
        decider: { personId: p.personId, orgId: organ.id, departmentId: p.departmentId, roles: p.roles },
      };
    };
    const zhao = who('赵敏', 'secrecy_officer'); // the registry
    const chen = who('陈静', 'department_head'); // head of the 保密办公室 (copies, take-outs)
    const li = who('李卫东', 'department_head'); // office head (destruction)
    const sun = who('孙志强', 'staff');
    const wu = who('吴海涛', 'staff');
    const zheng = who('郑丽华', 'staff');
    const today = todayInChina();
    const depts = (
      await sql.query<{ id: string; name: string }>('SELECT id, name FROM department WHERE org_id = $1', [
        organ.id,
      ])
    ).rows;
    const dept = (name: string) => depts.find((d) => d.name === name)!.id;
    const scope = { personIds: [], departmentIds: depts.map((d) => d.id), positions: [] };
    const reg = zhao.caller;
    let n = 0;

    // Received documents, several in copies (R-LVL-04), with the markings as printed.
    const received = [];
    const incoming = [
      ['关于做好年度保密自查自评工作的通知', '江保〔2026〕3号', '江临市国家保密局', '秘密★1年', 'county', 3],
      [
        '全省发展改革工作会议材料汇编',
        '江发改〔2026〕12号',
        '江临省发展和改革委员会',
        '机密 ★ 5 年',
        'county',
        2,
      ],
      [
        '重要物资储备动用方案（征求意见稿）',
        '江发改储〔2026〕7号',
        '江临省发展和改革委员会',
        '机密',
        'county',
        2,
      ],
      ['价格调控工作要点', '江价〔2026〕2号', '江临市人民政府', '秘密☆2027年12月31日', null, 1],
    ] as const;
    for (const [title, docNumber, sender, marking, cls, copies] of incoming) {
      const b = await receive(sql, zhao.actor, reg, {
        kind: 'document',
        title,
        docNumber,
        sender,
        marking,
        issueDate: addDays(today, -60 + n * 7),
        distributionClass: cls,
        knowScope: scope,
        departmentId: dept('保密办公室'),
        firstCopyNumber: String(1 + n * 10).padStart(6, '0'),
        copies,
      });
      received.push(...b.items);
      n++;
    }
    const usb = await receive(sql, zhao.actor, reg, {
      kind: 'medium',
      title: '涉密U盘（规划处专用）',
      sender: '本单位',
      marking: '机密★10年',
      issueDate: addDays(today, -90),
      knowScope: scope,
      departmentId: dept('保密办公室'),
      mediumSerial: 'U-2026-001',
    });
    // Its uses on the planning office's classified machine (R-CAR-11).
    await useMedium(sql, zhao.actor, reg, usb.items[0]!.id, {
      machineLevel: 'secret',
      machine: '规划处涉密计算机（JL-GH-02）',
      dataLevel: 'secret',
      purpose: '拷贝年度规划测算数据',
    });
    // Produced in the unit: the approved copies, spoilage put up for destruction (R-CAR-02).
    const made = await produce(sql, zhao.actor, reg, {
      kind: 'document',
      title: '国民经济和社会发展计划执行情况分析（内部参阅）',
      docNumber: '江发改〔2026〕30号',
      marking: '秘密★2年',
      issueDate: addDays(today, -20),
      knowScope: scope,
      departmentId: dept('保密办公室'),
      approvedCopies: 5,
      firstCopyNumber: '000001',
      spoiledCount: 4,
    });
    // Loans: one returned, one out, one overdue (moved back in time below).
    const [a, b, c] = received;
    await loan(sql, zhao.actor, reg, a!.id, { toPersonId: sun.caller.personId, dueDate: addDays(today, 7) });
    await returnCarrier(sql, zhao.actor, reg, a!.id, {});
    await loan(sql, zhao.actor, reg, b!.id, { toPersonId: wu.caller.personId, dueDate: addDays(today, 10) });
    await loan(sql, zhao.actor, reg, c!.id, { toPersonId: sun.caller.personId, dueDate: addDays(today, 3) });
    await sql.query(`UPDATE carrier SET out_since = $1::date, due_date = $2::date WHERE id = $3`, [
      addDays(today, -20),
      addDays(today, -5),
      c!.id,
    ]);
    // A copy with the department head's approval (R-CAR-05).
    const cr = await requestCopy(sql, zhao.actor, reg, received[3]!.id, {
      kind: 'copy',
      copies: 2,
      purpose: '党组会传达学习',
    });
    await decideApproval(sql, chen.actor, chen.decider, cr.approvalId!, { decision: 'approve' });
    await makeCopies(sql, zhao.actor, reg, cr.id, { firstCopyNumber: '000101' });
    // A take-out to a meeting (R-CAR-06).
    const to = await requestTakeOut(sql, zhao.actor, reg, received[4]!.id, {
      personId: wu.caller.personId,
      purpose: '参加全省发展改革工作会议',
      destination: '江临省发展和改革委员会',
      place: 'meeting',
      from: today,
      to: addDays(today, 1),
    });
    await decideApproval(sql, chen.actor, chen.decider, to.approvalId!, { decision: 'approve' });
    await registerTakeOut(sql, zhao.actor, reg, to.id);
    // A destruction with the office head's approval and two supervisors (R-CAR-07).
    const dx = await requestDestruction(sql, zhao.actor, reg, {
      carrierIds: [received[0]!.id, received[5]!.id],
      reason: '年度清退，已无保存价值',
    });
    await decideApproval(sql, li.actor, li.decider, dx.approvalId!, { decision: 'approve' });
    await destroy(sql, zhao.actor, reg, dx.id, {
      method: 'shred',
      supervisorPersonIds: [chen.caller.personId, zheng.caller.personId],
      place: '保密办公室',
    });
    if (made.destructionId) {
      const sp = await requestDestructionApproval(sql, made.destructionId);
      if (sp) await decideApproval(sql, li.actor, li.decider, sp, { decision: 'approve' });
    }
    // A copy sent back to the province by confidential mail under a transmittal (R-CAR-05a).
    await sendOut(sql, zhao.actor, reg, {
      carrierIds: [received[6]!.id],
      recipientOrgan: '江临省发展和改革委员会',
      docNumber: '江发改函〔2026〕21号',
      conveyance: 'confidential_mail',
      bearers: [],
      note: '征求意见稿按要求退回',
    });
    // 郑丽华 leaves her post: what she keeps goes to 陈静 on a handover list (R-CAR-08).
    await receive(sql, zhao.actor, reg, {
      kind: 'document',
      title: '干部人事档案管理工作细则',
      docNumber: '江组〔2026〕5号',
      sender: '中共江临市委组织部',
      marking: '秘密★5年',
      issueDate: addDays(today, -30),
      knowScope: scope,
      departmentId: dept('人事处'),
      custodianPersonId: zheng.caller.personId,
      firstCopyNumber: '000008',
      copies: 2,
    });
    const custody = await inCustodyOf(sql, zheng.caller.personId);
    await handOver(sql, zhao.actor, reg, {
      fromPersonId: zheng.caller.personId,
      toPersonId: chen.caller.personId,
      carrierIds: custody.ids,
      count: custody.count,
      signedByFrom: true,
      signedByTo: true,
    });
    // A finished inventory with one missing carrier (the U盘): a leak incident is opened (R-CAR-09, R-INC-01).
    await seedDemoCampaign(sql, zhao, dept('保密办公室'), usb.items[0]!.id);
    // Seeded in one transaction (now() is its start): an approval was last touched by its last decision.
    await sql.query(
      `WITH last AS (SELECT d.approval_id, max(d.at) AS at FROM approval_decision d JOIN approval a ON a.id = d.approval_id
                      WHERE a.org_id = $1 AND a.subject_type IN ('carrier_destruction', 'carrier_copy', 'carrier_take_out')
                      GROUP BY d.approval_id)
       UPDATE approval a SET updated_at = last.at FROM last WHERE a.id = last.approval_id AND a.updated_at < last.at`,
      [organ.id],
    );
    await sql.query("INSERT INTO setting (key, value) VALUES ('demo_carriers', 'true')");
    const total = (
      await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM carrier WHERE org_id = $1', [organ.id])
    ).rows[0]!.n;
    return { carriers: total };
  });
}

async function requestDestructionApproval(sql: Sql, destructionId: string): Promise<string | null> {
  const r = await sql.query<{ approval_id: string | null }>(
    'SELECT approval_id FROM carrier_destruction WHERE id = $1',
    [destructionId],
  );
  return r.rows[0]?.approval_id ?? null;
}

export async function carriersDemoSeed(db: Db) {
  await seedDemoCarriers(db);
  return [];
}
