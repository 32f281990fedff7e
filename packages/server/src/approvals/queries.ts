import type { ApprovalState, DecisionRecord, ResolvedStep } from '@baomi/domain';
import { type Insertable, sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';

export interface ApprovalRow {
  id: string;
  flowType: string;
  subjectType: string;
  subjectId: string;
  title: string;
  orgId: string;
  initiatorPersonId: string;
  status: ApprovalState['status'];
  stepIndex: number;
  steps: ResolvedStep[];
  fingerprint: string;
  subjectSnapshot: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface DecisionRow extends DecisionRecord {
  seq: number;
  actingAs: 'A' | 'B' | null;
  snapshot: Record<string, unknown>;
  personName: string;
}

const COLS = `a.id, a.flow_type AS "flowType", a.subject_type AS "subjectType", a.subject_id AS "subjectId",
  a.title, a.org_id AS "orgId", a.initiator_person_id AS "initiatorPersonId", a.status, a.step_index AS "stepIndex",
  a.steps, a.fingerprint, a.subject_snapshot AS "subjectSnapshot", a.created_at AS "createdAt",
  a.updated_at AS "updatedAt"`;

export async function getApproval(sql: Sql, id: string, lock = false): Promise<ApprovalRow | null> {
  const { rows } = await sql.query<ApprovalRow>(
    `SELECT ${COLS} FROM approval a WHERE a.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The approvals a person asked for, most recently changed first, a page of them and the total. */
export async function approvalsAskedBy(
  sql: Sql,
  personId: string,
  page: { limit: number; offset: number },
): Promise<{ items: ApprovalRow[]; total: number }> {
  const { rows } = await sql.query<ApprovalRow & { total: number }>(
    `SELECT ${COLS}, count(*) OVER () AS total
       FROM approval a WHERE a.initiator_person_id = $1
      ORDER BY a.updated_at DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
    [personId],
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

export async function approvalForSubject(
  sql: Sql,
  subjectType: string,
  subjectId: string,
): Promise<ApprovalRow | null> {
  const { rows } = await sql.query<ApprovalRow>(
    `SELECT ${COLS} FROM approval a WHERE a.subject_type = $1 AND a.subject_id = $2 ORDER BY a.created_at DESC LIMIT 1`,
    [subjectType, subjectId],
  );
  return rows[0] ?? null;
}

export async function listDecisions(sql: Sql, approvalId: string): Promise<DecisionRow[]> {
  const { rows } = await sql.query<DecisionRow & { at: Date }>(
    `SELECT d.seq, d.step_key AS "stepKey", d.person_id AS "personId", p.name AS "personName", d.role,
            d.acting_as AS "actingAs", d.decision, d.comment, d.at, d.fingerprint, d.snapshot, d.superseded
       FROM approval_decision d JOIN person p ON p.id = d.person_id
      WHERE d.approval_id = $1 ORDER BY d.seq`,
    [approvalId],
  );
  return rows.map((r) => ({ ...r, at: (r.at as unknown as Date).toISOString() }));
}

/**
 * Pending approvals whose current step this person may decide: the step's role is one of theirs,
 * in the step's organisation (and department, when the step names one), not their own request,
 * and not one they already decided in this round.
 */
export async function approvalsWaitingOn(
  sql: Sql,
  person: { id: string; orgId: string; departmentId: string | null; roles: readonly string[] },
): Promise<ApprovalRow[]> {
  if (person.roles.length === 0) return [];
  const { rows } = await sql.query<ApprovalRow>(
    `SELECT ${COLS} FROM approval a
      CROSS JOIN LATERAL (SELECT a.steps -> a.step_index AS step) s
      WHERE a.status = 'pending'
        AND (s.step ->> 'orgId')::uuid = $1
        AND (s.step ->> 'departmentId' IS NULL OR (s.step ->> 'departmentId')::uuid = $2::uuid)
        AND s.step ->> 'role' = ANY($3::text[])
        AND a.initiator_person_id <> $4
        AND NOT EXISTS (SELECT 1 FROM approval_decision d
                         WHERE d.approval_id = a.id AND d.person_id = $4 AND NOT d.superseded)
      ORDER BY a.created_at`,
    [person.orgId, person.departmentId, person.roles, person.id],
  );
  return rows;
}

/** The person's requests that were returned to him (his todo list). */
export async function returnedTo(sql: Sql, personId: string) {
  return kdb(sql)
    .selectFrom('approval')
    .select([
      'id',
      'flow_type as flowType',
      'title',
      'updated_at as updatedAt',
      'subject_type as subjectType',
      'subject_id as subjectId',
    ])
    .where('initiator_person_id', '=', personId)
    .where('status', '=', 'returned')
    .execute();
}

/** Subjects of approvals: a subject type and the ids of that type. */
export type SubjectSet = readonly { type: string; ids: readonly string[] }[];

function onSubjects(subjects: SubjectSet) {
  return subjects.filter((s) => s.ids.length > 0);
}

/** The approvals on any of the subjects, oldest first (a record's approval history). */
export async function approvalsOn(sql: Sql, subjects: SubjectSet) {
  const set = onSubjects(subjects);
  if (set.length === 0) return [];
  return kdb(sql)
    .selectFrom('approval as a')
    .select([
      'a.id',
      'a.flow_type as flowType',
      'a.subject_type as subjectType',
      'a.subject_id as subjectId',
      'a.status',
      'a.created_at as createdAt',
      'a.updated_at as updatedAt',
    ])
    .where((eb) =>
      eb.or(set.map((s) => eb.and([eb('a.subject_type', '=', s.type), eb('a.subject_id', 'in', s.ids)]))),
    )
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

/** Has the person decided (any step of) an approval on any of the subjects? */
export async function hasDecidedOn(sql: Sql, personId: string, subjects: SubjectSet): Promise<boolean> {
  const set = onSubjects(subjects);
  if (set.length === 0) return false;
  const row = await kdb(sql)
    .selectFrom('approval as a')
    .innerJoin('approval_decision as d', 'd.approval_id', 'a.id')
    .select('a.id')
    .where('d.person_id', '=', personId)
    .where((eb) =>
      eb.or(set.map((s) => eb.and([eb('a.subject_type', '=', s.type), eb('a.subject_id', 'in', s.ids)]))),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertApproval(sql: Sql, a: Insertable<DB['approval']>): Promise<string> {
  const row = await kdb(sql).insertInto('approval').values(a).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The approval's new state; decisions of an earlier round become superseded. */
export async function saveApprovalState(
  sql: Sql,
  id: string,
  next: {
    status: string;
    stepIndex: number;
    fingerprint: string;
    decisions: readonly { superseded?: boolean }[];
  },
  snapshot: Record<string, unknown>,
  /** The decision's own instant, when a decision moved it (else the transaction's time). */
  at?: Date,
): Promise<void> {
  // A decision and the state it produced carry one instant: now() is the transaction's start, which on
  // PostgreSQL precedes a decision stamped later in a long transaction (a demo seed, a batch).
  await sql.query(
    `UPDATE approval SET status = $2, step_index = $3, fingerprint = $4, subject_snapshot = $5,
            updated_at = coalesce($6::timestamptz, now())
      WHERE id = $1`,
    [id, next.status, next.stepIndex, next.fingerprint, JSON.stringify(snapshot), at ?? null],
  );
  if (next.decisions.some((d) => d.superseded)) {
    await sql.query(
      'UPDATE approval_decision SET superseded = true WHERE approval_id = $1 AND NOT superseded',
      [id],
    );
  }
}

/** One decision, numbered after the approval's last. */
export async function insertDecision(
  sql: Sql,
  d: Omit<Insertable<DB['approval_decision']>, 'seq'> & { approval_id: string },
): Promise<void> {
  await kdb(sql)
    .insertInto('approval_decision')
    .values({
      ...d,
      seq: k<number>`(SELECT coalesce(max(seq), 0) + 1 FROM approval_decision WHERE approval_id = ${d.approval_id})`,
    })
    .execute();
}
