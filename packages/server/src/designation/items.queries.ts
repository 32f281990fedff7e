// SQL of designation items (定密事项): the item, its knowers, changes and escalations.
import type { ItemStatus } from '@baomi/api/designation.ts';
import type {
  DesignationBasis,
  DesignationReason,
  KnowScope,
  NonClassifiableGround,
  Period,
  SecretCatalogueEntry,
  StateSecretLevel,
} from '@baomi/domain';
import { STATE_SECRET_LEVELS } from '@baomi/domain';
import { type Insertable, sql as k, type Updateable } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';
import { sortKey } from '../db/sortkey.ts';

// The statuses and their labels are the contract's (declared once, shared with the web app).
export { ITEM_STATUS_LABELS, ITEM_STATUSES, type ItemStatus } from '@baomi/api/designation.ts';

export interface ItemRow {
  id: string;
  orgId: string;
  departmentId: string | null;
  departmentName: string | null;
  handlerPersonId: string;
  handlerName: string;
  title: string;
  basis: {
    catalogueEntryId: string | null;
    clause: string | null;
    text: string;
    grounds: Record<NonClassifiableGround, boolean>;
  };
  origin: 'original' | 'derived';
  sourceItemId: string | null;
  level: StateSecretLevel;
  period: Period;
  issueDate: string;
  releaseDate: string | null;
  releaseCondition: string | null;
  knowScope: KnowScope;
  status: ItemStatus;
  protectionLevel: StateSecretLevel | null;
  approvalId: string | null;
  itemNumber: string | null;
  marking: string | null;
  approvedAt: Date | null;
  decidedByOrgId: string | null;
  releasedAt: Date | null;
  releaseReason: string | null;
  lastReviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Designation items alone (the ledger's page keys and its count need no join). */
export const itemsOnly = (sql: Sql) => kdb(sql).selectFrom('designation_item as i');

/** Their handler, department and catalogue entry (one row each at most). */
export const itemJoins = (qb: ReturnType<typeof itemsOnly>) =>
  qb
    .innerJoin('person as h', 'h.id', 'i.handler_person_id')
    .leftJoin('department as d', 'd.id', 'i.department_id')
    .leftJoin('secret_catalogue_entry as c', 'c.id', 'i.basis_catalogue_entry_id');

/** Designation items with their handler, department and catalogue entry. */
export const itemsFrom = (sql: Sql) => itemJoins(itemsOnly(sql));

/** The item row (ItemRow) selected from itemsFrom. */
export const itemColumns = (qb: ReturnType<typeof itemsFrom>) =>
  qb
    .select([
      'i.id',
      'i.org_id as orgId',
      'i.department_id as departmentId',
      'd.name as departmentName',
      'i.handler_person_id as handlerPersonId',
      'h.name as handlerName',
      'i.title',
      k<
        ItemRow['basis']
      >`jsonb_build_object('catalogueEntryId', i.basis_catalogue_entry_id, 'clause', c.clause,
        'text', i.basis_text, 'grounds', i.basis_grounds)`.as('basis'),
      'i.origin',
      'i.source_item_id as sourceItemId',
      'i.level',
      'i.period',
      'i.issue_date as issueDate',
      'i.release_date as releaseDate',
      'i.release_condition as releaseCondition',
      'i.know_scope as knowScope',
      'i.status',
      'i.protection_level as protectionLevel',
      'i.approval_id as approvalId',
      'i.item_number as itemNumber',
      'i.marking',
      'i.approved_at as approvedAt',
      'i.decided_by_org_id as decidedByOrgId',
      'i.released_at as releasedAt',
      'i.release_reason as releaseReason',
      'i.last_reviewed_at as lastReviewedAt',
      'i.created_at as createdAt',
      'i.updated_at as updatedAt',
    ])
    .$castTo<ItemRow>();

export async function getItem(sql: Sql, id: string, lock = false): Promise<ItemRow | null> {
  const q = itemColumns(itemsFrom(sql)).where('i.id', '=', id);
  return (await (lock ? q.forUpdate('i') : q).executeTakeFirst()) ?? null;
}

/** R-DES-08: the organisation's designated items (the yearly review list). */
export interface ItemWrite {
  orgId: string;
  departmentId: string | null;
  handlerPersonId: string;
  title: string;
  basis: DesignationBasis;
  origin: 'original' | 'derived';
  sourceItemId: string | null;
  level: StateSecretLevel;
  period: Period;
  issueDate: string;
  knowScope: KnowScope;
}

const releaseConditionOf = (p: Period) => (p.kind === 'condition' ? p.text : null);

export async function insertItem(sql: Sql, w: ItemWrite): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO designation_item (org_id, department_id, handler_person_id, title, basis_catalogue_entry_id,
       basis_text, basis_grounds, origin, source_item_id, level, period, issue_date, release_condition, know_scope,
       title_sort)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      w.orgId,
      w.departmentId,
      w.handlerPersonId,
      w.title,
      w.basis.catalogueEntryId ?? null,
      w.basis.text,
      JSON.stringify(w.basis.grounds),
      w.origin,
      w.sourceItemId,
      w.level,
      JSON.stringify(w.period),
      w.issueDate,
      releaseConditionOf(w.period),
      JSON.stringify(w.knowScope),
      sortKey(w.title),
    ],
  );
  return rows[0]!.id;
}

export async function updateDraft(sql: Sql, id: string, w: ItemWrite): Promise<void> {
  await sql.query(
    `UPDATE designation_item SET department_id = $2, title = $3, basis_catalogue_entry_id = $4, basis_text = $5,
       basis_grounds = $6, origin = $7, source_item_id = $8, level = $9, period = $10, issue_date = $11,
       release_condition = $12, know_scope = $13, title_sort = $14, updated_at = now()
     WHERE id = $1`,
    [
      id,
      w.departmentId,
      w.title,
      w.basis.catalogueEntryId ?? null,
      w.basis.text,
      JSON.stringify(w.basis.grounds),
      w.origin,
      w.sourceItemId,
      w.level,
      JSON.stringify(w.period),
      w.issueDate,
      releaseConditionOf(w.period),
      JSON.stringify(w.knowScope),
      sortKey(w.title),
    ],
  );
}

/** The next item number of an organisation in a year: 2026-0001, 2026-0002 … (row-locked counter). */
export async function nextItemNumber(sql: Sql, orgId: string, year: number): Promise<string> {
  const { rows } = await sql.query<{ last: number }>(
    `INSERT INTO designation_item_counter (org_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (org_id, year) DO UPDATE SET last = designation_item_counter.last + 1 RETURNING last`,
    [orgId, year],
  );
  return `${year}-${String(rows[0]!.last).padStart(4, '0')}`;
}

/** The catalogue entries an organisation may cite (its own and the shared ones), in the domain's shape. */
export async function catalogueFor(sql: Sql, orgId: string): Promise<SecretCatalogueEntry[]> {
  const { rows } = await sql.query<{
    id: string;
    clause: string;
    maxLevel: StateSecretLevel;
    indefiniteAllowed: boolean;
  }>(
    `SELECT id, clause, max_level AS "maxLevel", indefinite_allowed AS "indefiniteAllowed"
       FROM secret_catalogue_entry WHERE active AND (org_id IS NULL OR org_id = $1)`,
    [orgId],
  );
  return rows.map((r) => ({
    id: r.id,
    clause: r.clause,
    levels: STATE_SECRET_LEVELS.slice(0, STATE_SECRET_LEVELS.indexOf(r.maxLevel) + 1),
    indefiniteAllowed: r.indefiniteAllowed,
  }));
}

export interface ScopePerson {
  personId: string;
  accountId: string | null;
  name: string;
}

/**
 * Everyone of the organisation inside a knowledge scope: named people, members of named departments,
 * holders of named positions (R-DES-08a).
 */
export async function peopleInScope(sql: Sql, orgId: string, scope: KnowScope): Promise<ScopePerson[]> {
  const { rows } = await sql.query<ScopePerson>(
    `SELECT p.id AS "personId", p.account_id AS "accountId", p.name FROM person p
      WHERE p.org_id = $1
        AND (p.id = ANY($2::uuid[]) OR p.department_id = ANY($3::uuid[])
             OR (p.position <> '' AND p.position = ANY($4::text[])))
      ORDER BY p.name, p.id`,
    [orgId, scope.personIds, scope.departmentIds, scope.positions],
  );
  return rows;
}

export interface KnowerRow {
  personId: string;
  name: string;
  departmentName: string | null;
  position: string;
  addedAt: Date;
  addedBy: string | null;
}

export async function listKnowers(sql: Sql, itemId: string): Promise<KnowerRow[]> {
  const { rows } = await sql.query<KnowerRow>(
    `SELECT k.person_id AS "personId", p.name, d.name AS "departmentName", p.position, k.added_at AS "addedAt",
            k.added_by AS "addedBy"
       FROM designation_knower k JOIN person p ON p.id = k.person_id
       LEFT JOIN department d ON d.id = p.department_id
      WHERE k.item_id = $1 ORDER BY k.added_at, p.name`,
    [itemId],
  );
  return rows;
}

export async function addKnowers(
  sql: Sql,
  itemId: string,
  personIds: readonly string[],
  addedBy: string | null,
): Promise<number> {
  if (personIds.length === 0) return 0;
  const r = await sql.query(
    `INSERT INTO designation_knower (item_id, person_id, added_by)
     SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
    [itemId, [...new Set(personIds)], addedBy],
  );
  return r.rowCount ?? 0;
}

export interface ChangeRow {
  id: string;
  itemId: string;
  kind: 'change' | 'release' | 'extend';
  proposedLevel: StateSecretLevel | null;
  proposedPeriod: Period | null;
  proposedScope: KnowScope | null;
  reason: string;
  proposedByPersonId: string;
  proposedByName: string;
  approvalId: string | null;
  status: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | 'too_late';
  before: Record<string, unknown>;
  after: Record<string, unknown> | null;
  decidedAt: Date | null;
  createdAt: Date;
}

const CHANGE_COLS = `c.id, c.item_id AS "itemId", c.kind, c.proposed_level AS "proposedLevel",
  c.proposed_period AS "proposedPeriod", c.proposed_scope AS "proposedScope", c.reason,
  c.proposed_by_person_id AS "proposedByPersonId", p.name AS "proposedByName", c.approval_id AS "approvalId",
  c.status, c.before, c.after, c.decided_at AS "decidedAt", c.created_at AS "createdAt"`;

export async function getChange(sql: Sql, id: string, lock = false): Promise<ChangeRow | null> {
  const { rows } = await sql.query<ChangeRow>(
    `SELECT ${CHANGE_COLS} FROM designation_change c JOIN person p ON p.id = c.proposed_by_person_id
      WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** R-DES-08: does a change or release of the item wait for approval (one open proposal per item)? */
export async function changePending(sql: Sql, itemId: string): Promise<boolean> {
  return (await pendingChangeItems(sql, [itemId])).has(itemId);
}

/** Of these items, those with a change or release waiting for approval. */
export async function pendingChangeItems(sql: Sql, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const { rows } = await sql.query<{ itemId: string }>(
    `SELECT DISTINCT item_id AS "itemId" FROM designation_change
      WHERE item_id = ANY($1::uuid[]) AND status = 'pending'`,
    [[...itemIds]],
  );
  return new Set(rows.map((r) => r.itemId));
}

export async function listChanges(sql: Sql, itemId: string): Promise<ChangeRow[]> {
  const { rows } = await sql.query<ChangeRow>(
    `SELECT ${CHANGE_COLS} FROM designation_change c JOIN person p ON p.id = c.proposed_by_person_id
      WHERE c.item_id = $1 ORDER BY c.created_at, c.id`,
    [itemId],
  );
  return rows;
}

export interface EscalationRow {
  id: string;
  itemId: string;
  kind: 'above_authority' | 'unclear';
  fromOrgId: string;
  toOrgId: string;
  toOrgName: string;
  approvalId: string | null;
  reportedOn: string;
  reportedByDeadline: string | null;
  decideByDeadline: string | null;
  protectionLevel: StateSecretLevel;
  status: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn';
  reasons: DesignationReason[];
  decidedAt: Date | null;
  createdAt: Date;
}

const ESC_COLS = `e.id, e.item_id AS "itemId", e.kind, e.from_org_id AS "fromOrgId", e.to_org_id AS "toOrgId",
  o.name AS "toOrgName", e.approval_id AS "approvalId", e.reported_on::text AS "reportedOn",
  e.reported_by_deadline::text AS "reportedByDeadline", e.decide_by_deadline::text AS "decideByDeadline",
  e.protection_level AS "protectionLevel", e.status, e.reasons, e.decided_at AS "decidedAt",
  e.created_at AS "createdAt"`;

export async function listEscalations(sql: Sql, itemId: string): Promise<EscalationRow[]> {
  const { rows } = await sql.query<EscalationRow>(
    `SELECT ${ESC_COLS} FROM designation_escalation e JOIN org o ON o.id = e.to_org_id
      WHERE e.item_id = $1 ORDER BY e.created_at, e.id`,
    [itemId],
  );
  return rows;
}

/** Organisations an item was escalated to (their designators and officers may see it, R-DES-07). */
export async function escalationTargets(sql: Sql, itemId: string): Promise<string[]> {
  const { rows } = await sql.query<{ toOrgId: string }>(
    'SELECT DISTINCT to_org_id AS "toOrgId" FROM designation_escalation WHERE item_id = $1',
    [itemId],
  );
  return rows.map((r) => r.toOrgId);
}

/** R-DES-08: stamps the yearly review; returns its moment. */
export async function markReviewed(sql: Sql, id: string): Promise<Date> {
  const row = await kdb(sql)
    .updateTable('designation_item')
    .set({ last_reviewed_at: k<Date>`now()`, updated_at: k<Date>`now()` })
    .where('id', '=', id)
    .returning('last_reviewed_at')
    .executeTakeFirstOrThrow();
  return row.last_reviewed_at!;
}

/** R-DES-08: designated items whose release date has come, locked for the release job. */
export async function itemsPastReleaseDate(sql: Sql, today: string) {
  return kdb(sql)
    .selectFrom('designation_item')
    .select([
      'id',
      'org_id as orgId',
      'title',
      'item_number as itemNumber',
      'level',
      'period',
      'issue_date as issueDate',
      'know_scope as knowScope',
    ])
    .where('status', '=', 'approved')
    .where('release_date', 'is not', null)
    .where('release_date', '<=', today)
    .orderBy('release_date')
    .orderBy('id')
    .forUpdate()
    .$castTo<{
      id: string;
      orgId: string;
      title: string;
      itemNumber: string;
      level: StateSecretLevel;
      period: Period;
      issueDate: string;
      knowScope: KnowScope;
    }>()
    .execute();
}

/**
 * Releases a designated item (解密). The automatic release leaves an item no longer 'approved' alone;
 * an approved release request (`onlyApproved: false`) releases it as it is.
 */
export async function markReleased(
  sql: Sql,
  id: string,
  reason: string,
  marking: string,
  opts: { onlyApproved: boolean } = { onlyApproved: true },
): Promise<void> {
  let q = kdb(sql)
    .updateTable('designation_item')
    .set({
      status: 'released',
      released_at: k<Date>`now()`,
      release_reason: reason,
      marking,
      updated_at: k<Date>`now()`,
    })
    .where('id', '=', id);
  if (opts.onlyApproved) q = q.where('status', '=', 'approved');
  await q.execute();
}

/** What approvals of an item are about: the item itself and its change requests. */
export async function approvalSubjects(sql: Sql, itemId: string) {
  const changes = await kdb(sql)
    .selectFrom('designation_change')
    .select('id')
    .where('item_id', '=', itemId)
    .execute();
  return [
    { type: 'designation_item', ids: [itemId] },
    { type: 'designation_change', ids: changes.map((c) => c.id) },
  ];
}

/** Updates an item's columns (and its updated_at). */
export async function updateItemRow(
  sql: Sql,
  id: string,
  set: Updateable<DB['designation_item']>,
): Promise<void> {
  await kdb(sql)
    .updateTable('designation_item')
    .set({ ...set, updated_at: k<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function hasPendingChange(sql: Sql, itemId: string): Promise<boolean> {
  const row = await kdb(sql)
    .selectFrom('designation_change')
    .select('id')
    .where('item_id', '=', itemId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertChange(sql: Sql, c: Insertable<DB['designation_change']>): Promise<string> {
  const row = await kdb(sql)
    .insertInto('designation_change')
    .values(c)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setChangeApproval(sql: Sql, id: string, approvalId: string): Promise<void> {
  await kdb(sql)
    .updateTable('designation_change')
    .set({ approval_id: approvalId })
    .where('id', '=', id)
    .execute();
}

/** A change request is decided: its status, what it did (`after`, when given), decided now. */
export async function closeChange(
  sql: Sql,
  id: string,
  status: ChangeRow['status'],
  after?: Record<string, unknown>,
): Promise<void> {
  await kdb(sql)
    .updateTable('designation_change')
    .set({
      status,
      ...(after !== undefined ? { after: JSON.stringify(after) } : {}),
      decided_at: k<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertEscalation(sql: Sql, e: Insertable<DB['designation_escalation']>): Promise<void> {
  await kdb(sql).insertInto('designation_escalation').values(e).execute();
}

/** The pending escalation of a settled approval takes its outcome. */
export async function closeEscalations(
  sql: Sql,
  approvalId: string,
  status: EscalationRow['status'],
): Promise<void> {
  await kdb(sql)
    .updateTable('designation_escalation')
    .set({ status, decided_at: k<Date>`now()` })
    .where('approval_id', '=', approvalId)
    .where('status', '=', 'pending')
    .execute();
}
