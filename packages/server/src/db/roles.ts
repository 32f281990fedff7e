// raw SQL: GRANT/REVOKE and catalogue queries on roles, which a query builder does not express.
// Least privilege on a PostgreSQL server (R-SYS-03: no role of the application can rewrite the trail).
// Two roles: the OWNER runs the migrations and owns every table (BAOMI_MIGRATE_URL, or `baomi migrate
// --owner-url`); the RUNTIME role that `baomi serve` connects as (DATABASE_URL) may read and write the
// business tables but only SELECT and INSERT the audit trail, move the audit head forward, and alter,
// disable or truncate nothing. The server refuses to start when its own role owns the audit tables or
// is a superuser: whoever holds DATABASE_URL could otherwise `ALTER TABLE … DISABLE TRIGGER`.
import type { Sql } from './db.ts';

/** A plain role name (what the grants quote); anything else is refused rather than escaped. */
const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/** Tables the runtime role may read and append to, never change. */
const APPEND_ONLY = ['audit_event', 'audit_outbox'];
/** Tables the runtime role may only read (written by the owner: migrations, prune anchors). */
const READ_ONLY = ['audit_anchor', 'schema_migration'];

/**
 * Grants the runtime role what the server needs, on every table there is now (run after each
 * migration, by the owner). Idempotent.
 */
export async function grantRuntimeRole(owner: Sql, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`Not a plain role name: ${role}`);
  const r = `"${role}"`;
  const tables = async (names: string[]) =>
    (
      await owner.query<{ name: string }>(
        `SELECT quote_ident(c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY($1)`,
        [names],
      )
    ).rows.map((x) => x.name);
  await owner.exec(`
    GRANT USAGE ON SCHEMA public TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r};`);
  const appendOnly = await tables(APPEND_ONLY);
  if (appendOnly.length) await owner.exec(`REVOKE UPDATE, DELETE ON ${appendOnly.join(', ')} FROM ${r};`);
  const readOnly = await tables(READ_ONLY);
  if (readOnly.length) await owner.exec(`REVOKE INSERT, UPDATE, DELETE ON ${readOnly.join(', ')} FROM ${r};`);
  // The head only moves forward (its trigger checks it): no insert, no delete.
  const head = await tables(['audit_head']);
  if (head.length) await owner.exec(`REVOKE INSERT, DELETE ON audit_head FROM ${r};`);
}

export interface RoleCheck {
  role: string;
  superuser: boolean;
  /** The role owns the audit tables (or is a member of their owner), so it can disable their triggers. */
  ownsAudit: boolean;
}

/** What the connected role may do to the audit trail beyond appending. */
export async function checkRuntimeRole(sql: Sql): Promise<RoleCheck> {
  const { rows } = await sql.query<RoleCheck>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            coalesce((SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c
                       JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'public' AND c.relname = 'audit_event'), false) AS "ownsAudit"`,
  );
  return rows[0]!;
}

/** The bilingual refusal `baomi serve` prints, with the fix. */
export function roleProblem(check: RoleCheck): string | null {
  if (!check.superuser && !check.ownsAudit) return null;
  const why = check.superuser
    ? `数据库角色 ${check.role} 是超级用户 / role ${check.role} is a superuser`
    : `数据库角色 ${check.role} 拥有审计表 / role ${check.role} owns the audit tables`;
  return [
    `拒绝启动：${why}，持有 DATABASE_URL 的人可以停用审计触发器并改写审计记录（R-SYS-03）。`,
    `Refusing to start: ${why}; whoever holds DATABASE_URL could disable the audit triggers and rewrite the trail (R-SYS-03).`,
    'Fix / 解决：create an owner role for migrations and a runtime role for the server (README, "On a PostgreSQL server"):',
    '  BAOMI_MIGRATE_URL=postgres://baomi_owner:…@host/baomi DATABASE_URL=postgres://baomi_app:…@host/baomi npm start',
    'Set BAOMI_ALLOW_OWNER_ROLE=1 only for a throw-away development database.',
  ].join('\n');
}
