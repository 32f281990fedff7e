// Test helper: the audit events appended after a given head, with their summaries.
import { chainPending } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';

export interface TestAuditEvent {
  seq: number;
  action: string;
  objectType: string | null;
  objectId: string | null;
  actorClass: string;
  summary: Record<string, unknown>;
}

/**
 * The events after `head`; refused attempts (access.denied…, appended on their own by audit/denied.ts)
 * only when `denied` is asked for.
 */
export async function auditEventsSince(
  sql: Sql,
  head: number,
  opts: { denied?: boolean } = {},
): Promise<TestAuditEvent[]> {
  await chainPending(sql); // PostgreSQL chains from the outbox moments after the commit (D51)
  const { rows } = await sql.query<TestAuditEvent>(
    `SELECT seq, action, object_type AS "objectType", object_id AS "objectId", actor_class AS "actorClass",
            (payload::jsonb) -> 10 AS summary
       FROM audit_event WHERE seq > $1 ${opts.denied ? '' : "AND action NOT LIKE 'access.denied%'"} ORDER BY seq`,
    [head],
  );
  return rows;
}
