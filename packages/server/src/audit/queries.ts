import { type AdminRole, auditVisibility } from '@baomi/domain';
import { likePattern, type Sql } from '../db/db.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

export interface AuditEventView {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  actorClass: string;
  actorRole: string | null;
  orgId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  summary: unknown;
  ip: string | null;
  hash: string;
}

/** R-SYS-01: the viewer's slice of the trail, then the search filters. */
function where(viewer: { id: string; adminRole: AdminRole | null }, f: AuditFilter) {
  const vis = auditVisibility(viewer.adminRole);
  const params: unknown[] = [vis.classes, vis.own ? viewer.id : null];
  const conds = ['(actor_class = ANY($1::text[]) OR actor_id = $2::uuid)'];
  const add = (cond: (i: string) => string, v: unknown) => {
    params.push(v);
    conds.push(cond(`$${params.length}`));
  };
  if (f.actor) add((i) => `actor_name ILIKE ${i}`, likePattern(f.actor));
  if (f.action) add((i) => `action ILIKE ${i}`, likePattern(f.action));
  if (f.objectType) add((i) => `object_type = ${i}`, f.objectType);
  if (f.objectId) add((i) => `object_id = ${i}`, f.objectId);
  if (f.from) add((i) => `at >= ${i}::timestamptz`, f.from);
  if (f.to) add((i) => `at <= ${i}::timestamptz`, f.to);
  return { clause: `WHERE ${conds.join(' AND ')}`, params };
}

const COLS = `seq, at, actor_id AS "actorId", actor_name AS "actorName", actor_class AS "actorClass",
  (payload::jsonb) ->> 5 AS "actorRole", (payload::jsonb) ->> 6 AS "orgId", action, object_type AS "objectType",
  object_id AS "objectId", (payload::jsonb) -> 10 AS summary, (payload::jsonb) ->> 11 AS ip, hash`;

export async function searchAudit(
  sql: Sql,
  viewer: { id: string; adminRole: AdminRole | null },
  f: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEventView[]; total: number }> {
  const w = where(viewer, f);
  const [items, total] = await Promise.all([
    sql.query<AuditEventView>(
      `SELECT ${COLS} FROM audit_event ${w.clause} ORDER BY seq DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      w.params,
    ),
    sql.query<{ n: number }>(`SELECT count(*) AS n FROM audit_event ${w.clause}`, w.params),
  ]);
  return {
    items: items.rows,
    total: total.rows[0]?.n ?? 0,
  };
}
