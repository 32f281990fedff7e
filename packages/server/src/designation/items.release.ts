// R-DES-08: items whose period has ended are released automatically on the day — a daily job, once per
// China day across every node (job_run), idempotent (only items still 'approved' are looked at), one
// audit event per item released, by the system. 长期 and condition items never auto-release; an
// extension approved before expiry has already moved the release date (items.changes.ts).
import { autoReleaseDue, formatMarking } from '@baomi/domain';
import { appendAudit, SYSTEM_ACTOR } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Job } from '../jobs/runner.ts';
import { todayInChina } from './common.ts';
import { itemsPastReleaseDate, markReleased } from './items.queries.ts';
import { notifyScope } from './items.settle.ts';

export async function releaseDueItems(
  sql: Sql,
  today: string,
): Promise<{ released: number; items: string[] }> {
  const rows = await itemsPastReleaseDate(sql, today);
  const released: string[] = [];
  for (const it of rows) {
    const due = autoReleaseDue({ level: it.level, issueDate: it.issueDate, period: it.period }, today);
    if (!due.due) continue;
    const marking = formatMarking({ level: it.level, period: it.period }, { released: true });
    const reason = due.reasons.at(-1)!;
    await markReleased(sql, it.id, reason.zh, marking);
    const notified = await notifyScope(
      sql,
      it,
      [it.knowScope],
      `解密通知：${it.title}（${it.itemNumber}，${marking}）`,
    );
    await appendAudit(sql, SYSTEM_ACTOR, {
      action: 'designation_item.release',
      objectType: 'designation_item',
      objectId: it.id,
      summary: { automatic: true, releaseDate: due.releaseDate, marking, notified },
    });
    released.push(it.itemNumber);
  }
  return { released: released.length, items: released };
}

export const designationReleaseJob: Job = {
  name: 'designation_release',
  period: (now) => todayInChina(now),
  run: (sql, now) => releaseDueItems(sql, todayInChina(now)),
};
