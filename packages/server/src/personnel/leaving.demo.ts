// The demo of the part "leaving" (`npm run demo`): in 江临市发展和改革委员会, signed commitments for most
// people with an open classified post (some left missing), one person in a 脱密期 (a post left last
// year with its cooling-off row), and one leaving under way with the access revocation missing. The core
// part seeds the people and posts; with none, nothing is done. Idempotent: skipped once the
// organisation has any commitment or leaving.

import { addDays, addMonths, DEFAULT_COOLING_OFF_POLICY, type PlainDate } from '@baomi/domain';
import type { Db } from '../db/db.ts';
import type { DemoAccount } from '../kit/module.ts';
import { todayInChina } from '../kit/today.ts';
import { DEMO_BLOCKED } from './core.demo.ts';
import {
  anyLeavingInOrg,
  closePost,
  demoCandidates,
  insertCommitment,
  insertCoolingOff,
  insertLeaving,
  markApproved,
  postById,
  setAccessRevoked,
  setDevicesNotReturned,
  setReminderTalk,
} from './leaving.queries.ts';

const ORG = '江临市发展和改革委员会';
const RESERVED = new Set([DEMO_BLOCKED, '赵敏', '周晓燕', '田明', '杜雪莲', '许刚', '李明哲']);
const later = (a: PlainDate, b: PlainDate) => (a > b ? a : b);

export async function leavingDemoSeed(db: Db): Promise<DemoAccount[]> {
  await db.tx(async (sql) => {
    const all = await demoCandidates(sql, ORG);
    if (!all.length || (await anyLeavingInOrg(sql, all[0]!.orgId))) return;
    const by = all[0]!.officerId ?? all[0]!.personId;
    const today = todayInChina();
    const year = Number(today.slice(0, 4));
    // One open post per person (the first); the others are signed for too.
    const seen = new Set<string>();
    const firsts = all.filter((c) => {
      if (seen.has(c.personId)) return false;
      seen.add(c.personId);
      return true;
    });
    const yearly = new Set<string>();
    // The one in a 脱密期 and the one leaving are not people the core's demo shows for something else (the
    // barred person, the officer's and the staff member's accounts, the vetting cases).
    const free = firsts.filter((c) => !RESERVED.has(c.name));
    const cooling = free.length >= 3 ? free[free.length - 1]! : null;
    const leaving = free.length >= 2 ? free[free.length - 2]! : null;
    for (const [i, c] of all.entries()) {
      if (c.personId === cooling?.personId && c.postId === cooling.postId) continue;
      const post = await postById(sql, c.postId);
      if (!post) continue;
      const missing = i % 7 === 3; // about one in seven has not signed
      if (!missing) {
        await insertCommitment(sql, {
          orgId: c.orgId,
          personId: c.personId,
          kind: 'on_post',
          postId: c.postId,
          year: null,
          signedOn: c.since,
          note: '',
          by,
        });
        if (post.keySite)
          await insertCommitment(sql, {
            orgId: c.orgId,
            personId: c.personId,
            kind: 'responsibility_letter',
            postId: c.postId,
            year: null,
            signedOn: c.since,
            note: '',
            by,
          });
      }
      // This year's renewal, for most who were in post before 1 January.
      if (!missing && i % 5 !== 1 && c.since < `${year}-01-01` && !yearly.has(c.personId)) {
        yearly.add(c.personId);
        await insertCommitment(sql, {
          orgId: c.orgId,
          personId: c.personId,
          kind: 'yearly',
          postId: null,
          year,
          signedOn: later(`${year}-01-15`, c.since) > today ? today : later(`${year}-01-15`, c.since),
          note: '',
          by,
        });
      }
    }
    // A person in his 脱密期: left about seven months ago (a 一般 post: 12 months by default).
    if (cooling) {
      const post = (await postById(sql, cooling.postId))!;
      const approvedOn = later(addMonths(today, -7), addDays(post.since, 1));
      if (approvedOn < today) {
        const startedOn = later(addDays(approvedOn, -20), post.since);
        const id = await insertLeaving(sql, {
          orgId: post.orgId,
          personId: post.personId,
          postId: post.id,
          startedOn,
          reason: '工作调动',
          by,
        });
        await insertCommitment(sql, {
          orgId: post.orgId,
          personId: post.personId,
          kind: 'exit',
          postId: post.id,
          year: null,
          signedOn: startedOn,
          note: '',
          by,
        });
        await setReminderTalk(sql, id, startedOn, '保密办');
        await setDevicesNotReturned(sql, id, 0);
        await setAccessRevoked(sql, id, approvedOn);
        await markApproved(sql, id, { approvedOn, approverName: '单位领导', by, months: null });
        await closePost(sql, post.id, approvedOn);
        const months = DEFAULT_COOLING_OFF_POLICY[post.personClass];
        await insertCoolingOff(sql, {
          orgId: post.orgId,
          personId: post.personId,
          postId: post.id,
          start: approvedOn,
          end: addMonths(approvedOn, months),
          months,
          personClass: post.personClass,
          by,
        });
      }
    }
    // A leaving under way: talk held, exit commitment signed, devices returned; access not yet revoked.
    if (leaving) {
      const startedOn = later(addDays(today, -5), leaving.since);
      const id = await insertLeaving(sql, {
        orgId: leaving.orgId,
        personId: leaving.personId,
        postId: leaving.postId,
        startedOn,
        reason: '调离涉密岗位',
        by,
      });
      await setReminderTalk(sql, id, startedOn, '保密办');
      await insertCommitment(sql, {
        orgId: leaving.orgId,
        personId: leaving.personId,
        kind: 'exit',
        postId: leaving.postId,
        year: null,
        signedOn: startedOn,
        note: '',
        by,
      });
      await setDevicesNotReturned(sql, id, 0);
    }
  });
  return [];
}
