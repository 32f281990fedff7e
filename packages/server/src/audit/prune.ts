// raw SQL: removes a range of the chain and writes its anchor under the chain lock.
// R-SYS-03: removing audit events older than the retention period. The chain stays verifiable:
// the last removed event's sequence and hash become an anchor that verification starts from.
import { auditRetentionCutoff } from '@baomi/domain';
import type { Db } from '../db/db.ts';
import { getSecurityPolicy } from '../settings/service.ts';
import { type Actor, appendAudit, chainPending } from './chain.ts';

export interface PruneResult {
  removed: number;
  anchor: { seq: number; hash: string } | null;
  cutoff: Date;
}

export async function pruneAudit(db: Db, actor: Actor, now = new Date()): Promise<PruneResult> {
  await chainPending(db);
  return db.tx(async (sql) => {
    const policy = await getSecurityPolicy(sql);
    const cutoff = auditRetentionCutoff(now, policy.auditRetentionMonths);
    // Lock the head so no event is appended while the tail is cut.
    await sql.query('SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE');
    const last = (
      await sql.query<{ seq: number; hash: string }>(
        // Only the unbroken run of old events at the start of the chain (clocks of several nodes may differ).
        `SELECT seq, hash FROM audit_event
          WHERE at < $1 AND seq < coalesce((SELECT min(seq) FROM audit_event WHERE at >= $1), 9223372036854775807)
          ORDER BY seq DESC LIMIT 1`,
        [cutoff],
      )
    ).rows[0];
    if (!last) return { removed: 0, anchor: null, cutoff };
    await sql.query('INSERT INTO audit_anchor (seq, hash) VALUES ($1, $2) ON CONFLICT (seq) DO NOTHING', [
      last.seq,
      last.hash,
    ]);
    const removed = (await sql.query('DELETE FROM audit_event WHERE seq <= $1', [last.seq])).rowCount;
    await appendAudit(sql, actor, {
      action: 'audit.prune',
      objectType: 'audit',
      summary: { removed, anchorSeq: last.seq, anchorHash: last.hash, cutoff: cutoff.toISOString() },
    });
    return { removed, anchor: last, cutoff };
  });
}
