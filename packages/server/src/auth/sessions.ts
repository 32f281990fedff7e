// raw SQL: session tokens on the hot path of every request.
// Sessions: a random token in an HttpOnly cookie; the database keeps only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { isIdleExpired, type SecurityPolicy, secondFactorRequired } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { policyFrom } from '../settings/service.ts';
import type { AuthContext, Me, PersonSummary } from './context.ts';
import type { SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'baomi_session';
export const CSRF_COOKIE = 'baomi_csrf';
/** last_seen_at is refreshed at most this often, so a read does not always write. */
const TOUCH_EVERY_MS = 60_000;

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  sql: Sql,
  accountId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await sql.query('INSERT INTO session (id, account_id, csrf, ip, user_agent) VALUES ($1, $2, $3, $4, $5)', [
    tokenId(token),
    accountId,
    csrf,
    meta.ip,
    meta.userAgent?.slice(0, 300) ?? null,
  ]);
  return { token, csrf };
}

export async function revokeSessions(sql: Sql, accountId: string): Promise<number> {
  return (await sql.query('DELETE FROM session WHERE account_id = $1', [accountId])).rowCount;
}

export async function revokeSession(sql: Sql, id: string): Promise<void> {
  await sql.query('DELETE FROM session WHERE id = $1', [id]);
}

/** The columns that make a Me, shared by the session lookup and by account reads. */
export const ME_COLUMNS = `
  a.id, a.username, a.display_name, a.admin_role, a.must_change_password,
  EXISTS (SELECT 1 FROM second_factor f WHERE f.account_id = a.id AND f.confirmed_at IS NOT NULL
            AND f.revoked_at IS NULL) AS has_second_factor,
  p.id AS person_id, p.name AS person_name, p.org_id, o.name AS org_name, o.kind AS org_kind, p.department_id,
  d.name AS department_name, p.position, p.rank, p.clearance,
  coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM person_role r WHERE r.person_id = p.id), '[]'::json) AS roles`;
export const ME_JOINS = `
  LEFT JOIN person p ON p.account_id = a.id
  LEFT JOIN org o ON o.id = p.org_id
  LEFT JOIN department d ON d.id = p.department_id`;

export interface MeRow {
  id: string;
  username: string;
  display_name: string;
  admin_role: Me['adminRole'];
  must_change_password: boolean;
  has_second_factor: boolean;
  person_id: string | null;
  person_name: string | null;
  org_id: string | null;
  org_name: string | null;
  org_kind: PersonSummary['orgKind'] | null;
  department_id: string | null;
  department_name: string | null;
  position: string | null;
  rank: PersonSummary['rank'] | null;
  clearance: PersonSummary['clearance'] | null;
  roles: PersonSummary['roles'];
}

export function meFromRow(r: MeRow, policy: SecurityPolicy): Me {
  const me: Me = {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    adminRole: r.admin_role,
    mustChangePassword: r.must_change_password,
    mustEnrolSecondFactor: false,
    person: r.person_id
      ? {
          id: r.person_id,
          name: r.person_name!,
          orgId: r.org_id!,
          orgName: r.org_name!,
          orgKind: r.org_kind!,
          departmentId: r.department_id,
          departmentName: r.department_name,
          position: r.position ?? '',
          rank: r.rank ?? 'other',
          clearance: r.clearance ?? 'none',
          roles: r.roles ?? [],
        }
      : null,
  };
  me.mustEnrolSecondFactor = !r.has_second_factor && secondFactorRequired(me, policy);
  return me;
}

export async function loadMe(sql: Sql, accountId: string): Promise<Me | null> {
  const { rows } = await sql.query<MeRow & { policy: unknown }>(
    `SELECT ${ME_COLUMNS}, (SELECT value FROM setting WHERE key = 'security') AS policy
       FROM account a ${ME_JOINS} WHERE a.id = $1`,
    [accountId],
  );
  return rows[0] ? meFromRow(rows[0], policyFrom(rows[0].policy)) : null;
}

export type SessionLookup =
  | { ok: true; ctx: AuthContext }
  | { ok: false; reason: 'none' | 'idle' | 'disabled'; policy?: SecurityPolicy };

/**
 * The session, its account, person, roles and the security policy: from this node's cache when it
 * holds them, else in one query. R-SYS-02's idle timeout is checked either way; a cached entry that
 * looks idle is re-read, since another node may have seen activity since.
 */
export async function lookupSession(
  sql: Sql,
  token: string,
  now = new Date(),
  cache?: SessionCache,
): Promise<SessionLookup> {
  const id = tokenId(token);
  const t = now.getTime();
  const hit = cache?.get(id, t);
  if (hit && !isIdleExpired(new Date(hit.lastSeen), now, hit.ctx.policy)) {
    hit.lastSeen = t;
    if (t - hit.lastTouched > TOUCH_EVERY_MS) {
      hit.lastTouched = t;
      await sql.query('UPDATE session SET last_seen_at = $2 WHERE id = $1', [id, now]);
    }
    return { ok: true, ctx: hit.ctx };
  }
  const generation = cache?.generation ?? 0;
  const { rows } = await sql.query<
    MeRow & { csrf: string; last_seen_at: Date; disabled: boolean; policy: unknown }
  >(
    `SELECT s.csrf, s.last_seen_at, a.disabled, ${ME_COLUMNS},
            (SELECT value FROM setting WHERE key = 'security') AS policy
       FROM session s JOIN account a ON a.id = s.account_id ${ME_JOINS}
      WHERE s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) {
    cache?.delete(id);
    return { ok: false, reason: 'none' };
  }
  const policy = policyFrom(row.policy);
  if (row.disabled) {
    await revokeSession(sql, id);
    return { ok: false, reason: 'disabled', policy };
  }
  if (isIdleExpired(row.last_seen_at, now, policy)) {
    await revokeSession(sql, id);
    return { ok: false, reason: 'idle', policy };
  }
  let lastTouched = row.last_seen_at.getTime();
  if (t - lastTouched > TOUCH_EVERY_MS) {
    await sql.query('UPDATE session SET last_seen_at = $2 WHERE id = $1', [id, now]);
    lastTouched = t;
  }
  const ctx: AuthContext = { sessionId: id, csrf: row.csrf, me: meFromRow(row, policy), policy };
  cache?.set(id, { ctx, loadedAt: t, lastSeen: t, lastTouched }, generation);
  return { ok: true, ctx };
}
