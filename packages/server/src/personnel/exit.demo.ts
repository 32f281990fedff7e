// `npm run demo`, the exit part (R-PER-06a): in 江临市发展和改革委员会, among the persons holding an open
// classified post when it runs (the core part seeds them; none: nothing here), a private trip already
// approved and back whose return report is overdue (a todo for the person and the secrecy officer), a
// briefing and an approved coming trip with its passport on loan, and a passport held. The past trip is
// entered as a record of what happened (an application cannot be back-dated), audited as the demo's.
// 人事处 gives the HR opinion of EXIT_FLOW (unless a department already does). Idempotent: once per
// database ('demo_personnel_exit').
import { addDays, BRIEFING_TOPICS } from '@baomi/domain';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import type { DemoAccount } from '../kit/module.ts';
import { todayInChina } from '../kit/today.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import {
  insertBriefing,
  insertExit,
  insertPassport,
  insertPassportStep,
  markHrDepartment,
  orgIdByName,
  personsWithOpenPost,
  personWithRole,
  setPassportState,
  updateExit,
} from './exit.queries.ts';

const MARK = 'demo_personnel_exit';
const DEMO: Actor = { ...SYSTEM_ACTOR, name: '演示数据' };

export async function exitDemoSeed(db: Db): Promise<DemoAccount[]> {
  await db.tx(async (sql) => {
    if ((await readSetting(sql, MARK)) !== null) return;
    const orgId = await orgIdByName(sql, '江临市发展和改革委员会');
    if (!orgId) return;
    // EXIT_FLOW's first step: the head of the department whose function is HR (人事处, 郑丽华).
    await markHrDepartment(sql, orgId, '人事处');
    const people = await personsWithOpenPost(sql, orgId);
    if (people.length === 0) return;
    const officer = (await personWithRole(sql, orgId, 'secrecy_officer')) ?? people[0]!.id;
    const today = todayInChina();
    const [a, b = people[0]!, c = people[0]!] = people;
    // A private trip, approved and back ten days ago, no report yet (overdue under the 7-day default).
    const past = await insertExit(sql, {
      orgId,
      personId: a!.id,
      appliedByPersonId: a!.id,
      kind: 'private',
      destination: '日本（东京）',
      departOn: addDays(today, -20),
      returnOn: addDays(today, -10),
      purpose: '探亲',
      companions: '配偶',
      flags: [],
    });
    await updateExit(sql, past, {
      status: 'approved',
      approvedOn: addDays(today, -30),
      impliedMatter: 'private_travel_abroad',
    });
    // A briefing, an approved coming trip, and its passport on loan.
    const coming = await insertExit(sql, {
      orgId,
      personId: b.id,
      appliedByPersonId: b.id,
      kind: 'private',
      destination: '新加坡',
      departOn: addDays(today, 5),
      returnOn: addDays(today, 12),
      purpose: '旅游',
      companions: '',
      flags: [],
    });
    await updateExit(sql, coming, {
      status: 'approved',
      approvedOn: addDays(today, -2),
      impliedMatter: 'private_travel_abroad',
    });
    await insertBriefing(sql, {
      orgId,
      personId: b.id,
      exitId: coming,
      heldOn: addDays(today, -1),
      topics: [...BRIEFING_TOPICS],
      signed: true,
      note: '',
      givenByPersonId: officer,
    });
    const lent = await insertPassport(sql, {
      orgId,
      personId: b.id,
      kind: 'passport',
      number: 'E60918273',
      expiresOn: addDays(today, 2000),
      note: '',
      byPersonId: officer,
    });
    await insertPassportStep(sql, {
      passportId: lent,
      kind: 'deposit',
      on: addDays(today, -400),
      exitId: null,
      dueBack: null,
      byPersonId: officer,
    });
    const due = addDays(today, 19);
    await setPassportState(sql, lent, { status: 'lent', exitId: coming, lentOn: today, dueBack: due });
    await insertPassportStep(sql, {
      passportId: lent,
      kind: 'lend',
      on: today,
      exitId: coming,
      dueBack: due,
      byPersonId: officer,
    });
    const held = await insertPassport(sql, {
      orgId,
      personId: c.id,
      kind: 'hk_macao',
      number: 'C51234567',
      expiresOn: addDays(today, 1500),
      note: '',
      byPersonId: officer,
    });
    await insertPassportStep(sql, {
      passportId: held,
      kind: 'deposit',
      on: addDays(today, -200),
      exitId: null,
      dueBack: null,
      byPersonId: officer,
    });
    for (const [action, objectType, objectId] of [
      ['personnel.exit_apply', 'personnel_exit', past],
      ['personnel.exit_apply', 'personnel_exit', coming],
      ['personnel.passport_register', 'personnel_passport', lent],
      ['personnel.passport_lend', 'personnel_passport', lent],
      ['personnel.passport_register', 'personnel_passport', held],
    ] as const)
      await appendAudit(sql, DEMO, { action, objectType, objectId, summary: { demo: true } });
    await writeSetting(sql, MARK, { at: today }, null);
  });
  return [];
}
