// Test helper: the audit events appended after a given head, with their summaries.
import type { Sql } from '../db/db.ts';

export interface TestAuditEvent {
  seq: number;
  action: string;
  objectType: string | null;
  objectId: string | null;
  actorClass: string;
  summary: Record<string, unknown>;
}

export async function auditEventsSince(sql: Sql, head: number): Promise<TestAuditEvent[]> {
  const { rows } = await sql.query<TestAuditEvent>(
    `SELECT seq, action, object_type AS "objectType", object_id AS "objectId", actor_class AS "actorClass",
            (payload::jsonb) -> 10 AS summary
       FROM audit_event WHERE seq > $1 ORDER BY seq`,
    [head],
  );
  return rows;
}
