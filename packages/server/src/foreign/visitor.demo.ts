// `npm run demo`, the visitors & materials part (R-FOR-05): in 江临市发展和改革委员会, a register of
// foreign visitors (Latin and Chinese names, masked numbers in the lists) and three receptions: one
// visited last month, one coming, and one into a key site (if the personnel part registered one)
// waiting for its per-visit approval — a todo of the secrecy office; materials for the activities the
// activities part's demo seeded (a coming one: awaiting its review; a past one: provided and destroyed,
// entered as a record of what happened; none seeded: none here). Idempotent: once per database
// ('demo_foreign_visitors').
import { addDays, FOREIGN_VISIT_FLOW, normalizeDocNumber } from '@baomi/domain';
import { openApproval } from '../approvals/service.ts';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import { sortKey } from '../db/sortkey.ts';
import type { DemoAccount } from '../kit/module.ts';
import { todayInChina } from '../kit/today.ts';
import { keySiteRefs } from '../personnel/read.sites.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import { activitiesInStates } from './activity.queries.ts';
import { insertMaterial, setMaterialState } from './material.queries.ts';
import { demoOrg, demoPeople, insertVisit, insertVisitor, updateVisit } from './visitor.queries.ts';

const MARK = 'demo_foreign_visitors';
const DEMO: Actor = { ...SYSTEM_ACTOR, name: '演示数据' };

const VISITORS = [
  ['John Smith', '美国', 'University of Michigan', 'passport', '568412397'],
  ['Marie Dubois', '法国', 'Institut Pasteur', 'passport', '18FV24571'],
  ['Hans Müller', '德国', 'Fraunhofer IWS', 'passport', 'C01X00T47'],
  ['山田太郎', '日本', '東京工業大学', 'passport', 'TZ1234567'],
  ['Kim Min-jun', '韩国', 'KAIST', 'passport', 'M12345678'],
  ['陈国伟', '中国香港', '香港科技大学', 'travel_permit', 'H10293847'],
] as const;

export async function visitorDemoSeed(db: Db): Promise<DemoAccount[]> {
  await db.tx(async (sql) => {
    if ((await readSetting(sql, MARK)) !== null) return;
    const orgId = await demoOrg(sql, '江临市发展和改革委员会');
    if (!orgId) return;
    const people = await demoPeople(sql, orgId);
    if (people.length < 2) return;
    const [officer, escort] = people as [(typeof people)[0], (typeof people)[0]];
    const ids: string[] = [];
    for (const [name, nationality, organisation, docType, doc] of VISITORS)
      ids.push(
        await insertVisitor(sql, {
          orgId,
          name,
          nameSort: sortKey(name, 'name'),
          nationality,
          organisation,
          docType,
          docNumber: normalizeDocNumber(doc),
          contact: '',
          note: '',
          createdByPersonId: officer.id,
        }),
      );
    const today = todayInChina();
    const base = {
      orgId,
      activityId: null,
      departmentId: officer.departmentId,
      organiserId: officer.id,
      purpose: '学术交流',
      escortIds: [escort.id],
    };
    await insertVisit(sql, {
      ...base,
      visitOn: addDays(today, -30),
      endsOn: addDays(today, -30),
      scope: '一楼展厅、第一会议室',
      route: '东门—展厅—第一会议室—东门',
      keySiteIds: [],
      status: 'visited',
      visitorIds: ids.slice(0, 2),
    });
    await insertVisit(sql, {
      ...base,
      visitOn: addDays(today, 7),
      endsOn: addDays(today, 8),
      scope: '第二会议室',
      route: '西门—第二会议室—西门',
      keySiteIds: [],
      status: 'registered',
      visitorIds: ids.slice(2, 4),
    });
    const sites = await keySiteRefs(sql, orgId);
    if (sites.length) {
      const visitId = await insertVisit(sql, {
        ...base,
        visitOn: addDays(today, 14),
        endsOn: addDays(today, 14),
        scope: `${sites[0]!.name}外围参观通道`,
        route: '南门—参观通道—南门',
        keySiteIds: [sites[0]!.id],
        status: 'pending',
        visitorIds: ids.slice(4, 6),
      });
      // Its per-visit approval, on the one engine (the secrecy office's opinion, then the leader's).
      const a = await openApproval(sql, DEMO, {
        flowType: FOREIGN_VISIT_FLOW.type,
        subjectType: 'foreign_visit',
        subjectId: visitId,
        title: `境外人员参观保密要害部门部位审批：${sites[0]!.name}（${addDays(today, 14)}）`,
        orgId,
        departmentId: officer.departmentId,
        initiatorPersonId: officer.id,
        subject: {
          visitors: VISITORS.slice(4, 6).map(([n, c]) => `${n}（${c}）`),
          keySites: [sites[0]!.name],
          visitOn: addDays(today, 14),
          endsOn: addDays(today, 14),
          scope: `${sites[0]!.name}外围参观通道`,
          route: '南门—参观通道—南门',
          escorts: [],
          purpose: '学术交流',
        },
      });
      await updateVisit(sql, visitId, { approvalId: a.id });
    }
    // Materials for the activities the activities part's demo seeded (if any): one waiting for its
    // review (a todo), one of a past activity provided and recovered (a record of what happened).
    const acts = await activitiesInStates(sql, orgId, [
      'draft',
      'plan_submitted',
      'plan_approved',
      'started',
      'ended',
      'closed',
    ]);
    const coming = acts.find((a) => a.endsOn >= today);
    const past = acts.find((a) => a.endsOn < today);
    const base2 = {
      orgId,
      departmentId: officer.departmentId,
      requesterId: escort.id,
      kind: 'document' as const,
      delivery: 'provide' as const,
      copies: 2,
      level: null,
      carrierId: null,
      reviewId: null,
      nationalNo: '',
      nationalOn: null,
      nationalAuthority: '',
      obligationRef: '',
      obligationOn: null,
    };
    let materials = 0;
    if (coming) {
      await insertMaterial(sql, {
        ...base2,
        activityId: coming.id,
        title: '合作研究项目简介',
        titleSort: sortKey('合作研究项目简介'),
        recipients: ['外方代表团'],
        recovery: 'recover',
        recoveryTerms: '会谈结束后当场收回',
        recoverBy: coming.endsOn,
      });
      materials += 1;
    }
    if (past) {
      const id = await insertMaterial(sql, {
        ...base2,
        activityId: past.id,
        title: '单位概况介绍（公开版）',
        titleSort: sortKey('单位概况介绍（公开版）'),
        recipients: ['外方代表团'],
        recovery: 'destroy',
        recoveryTerms: '由对方使用后销毁并书面告知',
        recoverBy: past.endsOn,
      });
      await setMaterialState(sql, id, { status: 'closed', providedOn: past.startsOn, closedOn: past.endsOn });
      materials += 1;
    }
    await appendAudit(sql, DEMO, {
      action: 'foreign.visitor_create',
      objectType: 'foreign_visitor',
      summary: { demo: true, visitors: ids.length, materials },
    });
    await writeSetting(sql, MARK, true, null);
  });
  return [];
}
