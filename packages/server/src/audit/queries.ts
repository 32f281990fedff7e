import { type AdminRole, auditVisibility } from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import { accountIdsMatching } from '../accounts/queries.ts';
import { likePattern, type Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { listPage, type Paging } from '../db/list.ts';
import { type Checkpoint, chainPending } from './chain.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  /** The actions of one module (the 操作 filter's group), resolved from the catalogue. */
  actions?: readonly string[];
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
  prevHash: string;
  /** The canonical JSON the hash covers. */
  payload: string;
}

/** The audit list counts at most this many matches (beyond: "more than 10000"). */
export const AUDIT_COUNT_CAP = 10_000;

/** R-SYS-01: the viewer's slice of the trail, then the search filters; newest first. */
export async function searchAudit(
  sql: Sql,
  viewer: { id: string; adminRole: AdminRole | null },
  f: AuditFilter,
  page: Paging,
): Promise<{ items: AuditEventView[]; total: number; totalAtLeast?: boolean }> {
  // The whole committed trail: what waits in the outbox is chained first (D51); if that fails, the
  // trail is still shown and verification names the problem.
  await chainPending(sql).catch(() => 0);
  const vis = auditVisibility(viewer.adminRole);
  const actorIds = f.actor ? await accountIdsMatching(sql, f.actor) : [];
  return listPage(
    kdb(sql).selectFrom('audit_event'),
    (qb) =>
      qb
        .select([
          'seq',
          'at',
          'actor_id as actorId',
          'actor_name as actorName',
          'actor_class as actorClass',
          k<string | null>`(payload::jsonb) ->> 5`.as('actorRole'),
          k<string | null>`(payload::jsonb) ->> 6`.as('orgId'),
          'action',
          'object_type as objectType',
          'object_id as objectId',
          k<unknown>`(payload::jsonb) -> 10`.as('summary'),
          k<string | null>`(payload::jsonb) ->> 11`.as('ip'),
          'hash',
          'prev_hash as prevHash',
          'payload',
        ])
        .$castTo<AuditEventView>(),
    {
      where: (eb) => [
        k<SqlBool>`(actor_class = ANY(${vis.classes}::text[]) OR actor_id = ${vis.own ? viewer.id : null}::uuid)`,
        // 操作人: the person's or account's name, or the user name of the account (issue 7: user names
        // did not match).
        !!f.actor &&
          k<SqlBool>`(actor_name ILIKE ${likePattern(f.actor)} OR actor_id = ANY(${actorIds}::uuid[]))`,
        !!f.action && eb('action', 'ilike', likePattern(f.action)),
        !!f.actions && k<SqlBool>`action = ANY(${[...f.actions]}::text[])`,
        !!f.objectType && eb('object_type', '=', f.objectType),
        !!f.objectId && eb('object_id', '=', f.objectId),
        !!f.from && k<SqlBool>`at >= ${f.from}::timestamptz`,
        !!f.to && k<SqlBool>`at <= ${f.to}::timestamptz`,
      ],
      sorts: { seq: { by: k`seq` } },
      sort: { field: 'seq', desc: true },
      paging: page,
      // A trail of millions: "超过 10000 条" instead of counting every match of a broad filter.
      countCap: AUDIT_COUNT_CAP,
    },
  );
}

/** The chain's head (the checkpoint an auditor writes down) and when its last event happened. */
export async function currentCheckpoint(sql: Sql): Promise<(Checkpoint & { at: Date | null }) | undefined> {
  await chainPending(sql).catch(() => 0);
  return kdb(sql)
    .selectFrom('audit_head as h')
    .leftJoin('audit_event as e', 'e.seq', 'h.seq')
    .select(['h.seq', 'h.hash', 'e.at'])
    .where('h.id', '=', 1)
    .executeTakeFirst();
}

/**
 * The names of non-classified directory records an audit page shows (people, organisations,
 * departments, accounts), by kind and id. Read-only, by primary key: the audit trail names what its
 * events point at without the modules' business content (R-SYS-01, describe.ts).
 */
export async function directoryNames(
  sql: Sql,
  ids: { person: string[]; org: string[]; department: string[]; account: string[] },
): Promise<{ kind: 'person' | 'org' | 'department' | 'account'; id: string; name: string }[]> {
  const db = kdb(sql);
  const none = Promise.resolve([] as { id: string; name: string }[]);
  const [people, orgs, departments, accounts] = await Promise.all([
    ids.person.length
      ? db.selectFrom('person').select(['id', 'name']).where('id', 'in', ids.person).execute()
      : none,
    ids.org.length ? db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids.org).execute() : none,
    ids.department.length
      ? db.selectFrom('department').select(['id', 'name']).where('id', 'in', ids.department).execute()
      : none,
    ids.account.length
      ? db
          .selectFrom('account')
          .select(['id', k<string>`display_name || '（' || username || '）'`.as('name')])
          .where('id', 'in', ids.account)
          .execute()
      : none,
  ]);
  return [
    ...people.map((r) => ({ kind: 'person' as const, ...r })),
    ...orgs.map((r) => ({ kind: 'org' as const, ...r })),
    ...departments.map((r) => ({ kind: 'department' as const, ...r })),
    ...accounts.map((r) => ({ kind: 'account' as const, ...r })),
  ];
}

/** The user names of the accounts that acted (the 操作人 column shows name and account). */
export async function usernamesOf(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await kdb(sql)
    .selectFrom('account')
    .select(['id', 'username'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.username]));
}
