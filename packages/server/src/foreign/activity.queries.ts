// Every SQL statement of the foreign module's activities part (R-FOR-01 … R-FOR-04, R-FOR-08): the
// activity, its participants and its timeline — the part's own tables (migration 0027). The list filter
// comes from activityReadScope (domain foreign/access.ts), not written again.
import type {
  ActivityKind,
  ActivityReadScope,
  ActivityState,
  ActivityTopic,
  CollectedDocument,
  SecrecyPlan,
  StateSecretLevel,
} from '@baomi/domain';
import { type Expression, sql as k, type SqlBool } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';

export interface StoredParty {
  kind: 'org' | 'person';
  name: string;
  country: string;
}
export interface GroupMember {
  personId: string;
  duty: string;
}
export interface StoredInspection {
  on: string;
  findings: string;
  byPersonId: string;
}
export interface StoredCheck {
  byPersonId: string;
  at: string;
  note: string;
  suspectedLeak: boolean;
}

export interface ActivityRecord {
  id: string;
  orgId: string;
  kind: ActivityKind;
  title: string;
  organiserDepartmentId: string;
  organiserDepartmentName: string;
  startsOn: string;
  endsOn: string;
  place: string;
  foreignParties: StoredParty[];
  foreignCount: number;
  topics: ActivityTopic[];
  level: StateSecretLevel | null;
  classifiedApproved: boolean;
  important: boolean;
  plan: Partial<SecrecyPlan>;
  state: ActivityState;
  approvalId: string | null;
  leadingGroup: GroupMember[];
  inspection: StoredInspection | null;
  documents: CollectedDocument[];
  summary: string;
  officerCheck: StoredCheck | null;
  incidentId: string | null;
  startedOn: string | null;
  endedOn: string | null;
  closedOn: string | null;
  version: number;
  createdByPersonId: string;
  createdByName: string;
  createdAt: Date;
  participantIds: string[];
}

const rows = (sql: Sql) =>
  kdb(sql)
    .selectFrom('foreign_activity as a')
    .innerJoin('department as d', 'd.id', 'a.organiser_department_id')
    .innerJoin('person as c', 'c.id', 'a.created_by_person_id')
    .select([
      'a.id',
      'a.org_id as orgId',
      k<ActivityKind>`a.kind`.as('kind'),
      'a.title',
      'a.organiser_department_id as organiserDepartmentId',
      'd.name as organiserDepartmentName',
      'a.starts_on as startsOn',
      'a.ends_on as endsOn',
      'a.place',
      k<StoredParty[]>`a.foreign_parties`.as('foreignParties'),
      'a.foreign_count as foreignCount',
      k<ActivityTopic[]>`a.topics`.as('topics'),
      k<StateSecretLevel | null>`a.level`.as('level'),
      'a.classified_approved as classifiedApproved',
      'a.important',
      k<Partial<SecrecyPlan>>`a.plan`.as('plan'),
      k<ActivityState>`a.state`.as('state'),
      'a.approval_id as approvalId',
      k<GroupMember[]>`a.leading_group`.as('leadingGroup'),
      k<StoredInspection | null>`a.inspection`.as('inspection'),
      k<CollectedDocument[]>`a.documents`.as('documents'),
      'a.summary',
      k<StoredCheck | null>`a.officer_check`.as('officerCheck'),
      'a.incident_id as incidentId',
      'a.started_on as startedOn',
      'a.ended_on as endedOn',
      'a.closed_on as closedOn',
      'a.version',
      'a.created_by_person_id as createdByPersonId',
      'c.name as createdByName',
      k<Date>`a.created_at`.as('createdAt'),
      k<
        string[]
      >`coalesce((select json_agg(p.person_id) from foreign_activity_participant p where p.activity_id = a.id), '[]'::json)`.as(
        'participantIds',
      ),
    ]);

export async function getActivity(sql: Sql, id: string, lock = false): Promise<ActivityRecord | null> {
  if (lock)
    await kdb(sql).selectFrom('foreign_activity').select('id').where('id', '=', id).forUpdate().execute();
  return ((await rows(sql).where('a.id', '=', id).executeTakeFirst()) as ActivityRecord | undefined) ?? null;
}

export async function activityByApproval(sql: Sql, approvalId: string): Promise<ActivityRecord | null> {
  return (
    ((await rows(sql).where('a.approval_id', '=', approvalId).executeTakeFirst()) as
      | ActivityRecord
      | undefined) ?? null
  );
}

export interface ParticipantRow {
  personId: string;
  name: string;
  departmentName: string | null;
  duty: string;
  commitmentSigned: boolean;
  registrationFiled: boolean;
}

export async function participantsOf(sql: Sql, activityId: string): Promise<ParticipantRow[]> {
  return (await kdb(sql)
    .selectFrom('foreign_activity_participant as fp')
    .innerJoin('person as p', 'p.id', 'fp.person_id')
    .leftJoin('department as d', 'd.id', 'p.department_id')
    .select([
      'fp.person_id as personId',
      'p.name',
      'd.name as departmentName',
      'fp.duty',
      'fp.commitment_signed as commitmentSigned',
      'fp.registration_filed as registrationFiled',
    ])
    .where('fp.activity_id', '=', activityId)
    .orderBy(k`p.name_sort collate "C"`)
    .orderBy('p.id')
    .execute()) as ParticipantRow[];
}

/** People of the organisation by id (the participants and leading group must be of it). */
export async function peopleOfOrg(
  sql: Sql,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  return kdb(sql)
    .selectFrom('person')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function departmentOfOrg(sql: Sql, orgId: string, id: string): Promise<boolean> {
  const r = await kdb(sql)
    .selectFrom('department')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return !!r;
}

export interface ActivityValues {
  kind: ActivityKind;
  title: string;
  titleSort: string;
  organiserDepartmentId: string;
  startsOn: string;
  endsOn: string;
  place: string;
  foreignParties: StoredParty[];
  foreignCount: number;
  topics: ActivityTopic[];
  level: StateSecretLevel | null;
  classifiedApproved: boolean;
  important: boolean;
  plan: SecrecyPlan;
}

const columns = (v: ActivityValues) => ({
  kind: v.kind,
  title: v.title,
  title_sort: v.titleSort,
  organiser_department_id: v.organiserDepartmentId,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  place: v.place,
  foreign_parties: JSON.stringify(v.foreignParties),
  foreign_count: v.foreignCount,
  topics: JSON.stringify(v.topics),
  level: v.level,
  classified_approved: v.classifiedApproved,
  important: v.important,
  plan: JSON.stringify(v.plan),
});

export async function insertActivity(
  sql: Sql,
  orgId: string,
  createdBy: string,
  v: ActivityValues,
): Promise<string> {
  const r = await kdb(sql)
    .insertInto('foreign_activity')
    .values({ ...columns(v), org_id: orgId, created_by_person_id: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateActivity(sql: Sql, id: string, v: ActivityValues): Promise<void> {
  await kdb(sql)
    .updateTable('foreign_activity')
    .set({ ...columns(v), version: k`version + 1`, updated_at: k`now()` })
    .where('id', '=', id)
    .execute();
}

export async function setParticipants(
  sql: Sql,
  activityId: string,
  list: readonly { personId: string; duty: string }[],
): Promise<void> {
  const keep = list.map((p) => p.personId);
  let del = kdb(sql).deleteFrom('foreign_activity_participant').where('activity_id', '=', activityId);
  if (keep.length) del = del.where('person_id', 'not in', keep);
  await del.execute();
  for (const p of list)
    await kdb(sql)
      .insertInto('foreign_activity_participant')
      .values({ activity_id: activityId, person_id: p.personId, duty: p.duty })
      .onConflict((oc) => oc.columns(['activity_id', 'person_id']).doUpdateSet({ duty: p.duty }))
      .execute();
}

export async function setParticipantPapers(
  sql: Sql,
  activityId: string,
  personId: string,
  commitmentSigned: boolean,
  registrationFiled: boolean,
): Promise<void> {
  await kdb(sql)
    .updateTable('foreign_activity_participant')
    .set({ commitment_signed: commitmentSigned, registration_filed: registrationFiled })
    .where('activity_id', '=', activityId)
    .where('person_id', '=', personId)
    .execute();
}

/** A partial update of the activity's step columns; bumps the version. */
export interface ActivityPatch {
  state?: ActivityState;
  approvalId?: string | null;
  leadingGroup?: GroupMember[];
  inspection?: StoredInspection | null;
  documents?: CollectedDocument[];
  summary?: string;
  officerCheck?: StoredCheck | null;
  incidentId?: string | null;
  startedOn?: string | null;
  endedOn?: string | null;
  closedOn?: string | null;
}

export async function patchActivity(sql: Sql, id: string, p: ActivityPatch): Promise<void> {
  await kdb(sql)
    .updateTable('foreign_activity')
    .set({
      ...(p.state !== undefined ? { state: p.state } : {}),
      ...(p.approvalId !== undefined ? { approval_id: p.approvalId } : {}),
      ...(p.leadingGroup !== undefined ? { leading_group: JSON.stringify(p.leadingGroup) } : {}),
      ...(p.inspection !== undefined
        ? { inspection: p.inspection === null ? null : JSON.stringify(p.inspection) }
        : {}),
      ...(p.documents !== undefined ? { documents: JSON.stringify(p.documents) } : {}),
      ...(p.summary !== undefined ? { summary: p.summary } : {}),
      ...(p.officerCheck !== undefined
        ? { officer_check: p.officerCheck === null ? null : JSON.stringify(p.officerCheck) }
        : {}),
      ...(p.incidentId !== undefined ? { incident_id: p.incidentId } : {}),
      ...(p.startedOn !== undefined ? { started_on: p.startedOn } : {}),
      ...(p.endedOn !== undefined ? { ended_on: p.endedOn } : {}),
      ...(p.closedOn !== undefined ? { closed_on: p.closedOn } : {}),
      version: k`version + 1`,
      updated_at: k`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertStep(
  sql: Sql,
  activityId: string,
  kind: string,
  byPersonId: string,
  note = '',
): Promise<void> {
  await kdb(sql)
    .insertInto('foreign_activity_step')
    .values({ activity_id: activityId, kind, by_person_id: byPersonId, note: note.slice(0, 1000) })
    .execute();
}

export async function stepsOf(sql: Sql, activityId: string) {
  return (await kdb(sql)
    .selectFrom('foreign_activity_step as s')
    .innerJoin('person as p', 'p.id', 's.by_person_id')
    .select(['s.kind', k<Date>`s.at`.as('at'), 'p.name as byName', 's.note'])
    .where('s.activity_id', '=', activityId)
    .orderBy('s.at')
    .orderBy('s.id')
    .execute()) as { kind: string; at: Date; byName: string; note: string }[];
}

export async function namesOf(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await kdb(sql)
    .selectFrom('person')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(r.map((x) => [x.id, x.name]));
}

// ---- the ledger

const LEVEL_RANK_SQL = k<number>`(case a.level when 'confidential' then 2 when 'secret' then 3 when 'top_secret' then 4 else 0 end)`;

/** activityReadScope as SQL (the same rule as activityReadVerdict). */
export function scopeCondition(s: ActivityReadScope): Expression<SqlBool> {
  const involved = s.all
    ? k<boolean>`true`
    : k<boolean>`(${s.headOf !== null ? k`a.organiser_department_id = ${s.headOf}` : k`false`}
        or a.created_by_person_id = ${s.personId}
        or exists (select 1 from foreign_activity_participant fp where fp.activity_id = a.id and fp.person_id = ${s.personId})
        or a.leading_group @> ${JSON.stringify([{ personId: s.personId }])}::jsonb)`;
  return k<SqlBool>`(a.org_id = ${s.orgId} and (a.level is null or ${LEVEL_RANK_SQL} <= ${s.clearanceRank}) and ${involved})`;
}

export interface ActivityFilter {
  kind?: ActivityKind;
  importance?: 'major' | 'ordinary';
  state?: ActivityState;
  departmentId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface LedgerRow {
  id: string;
  kind: ActivityKind;
  title: string;
  organiserDepartmentId: string;
  organiserDepartmentName: string;
  startsOn: string;
  endsOn: string;
  place: string;
  foreignCount: number;
  level: StateSecretLevel | null;
  important: boolean;
  state: ActivityState;
  participantCount: number;
  version: number;
}

function ledger(sql: Sql, scope: ActivityReadScope, f: ActivityFilter) {
  let q = kdb(sql)
    .selectFrom('foreign_activity as a')
    .innerJoin('department as d', 'd.id', 'a.organiser_department_id')
    .where(scopeCondition(scope));
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.importance) q = q.where('a.important', '=', f.importance === 'major');
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.departmentId) q = q.where('a.organiser_department_id', '=', f.departmentId);
  if (f.from) q = q.where('a.starts_on', '>=', f.from);
  if (f.to) q = q.where('a.starts_on', '<=', f.to);
  const text = f.q?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('a.title', 'ilike', like),
        eb('a.place', 'ilike', like),
        eb(k`a.foreign_parties::text`, 'ilike', like),
      ]),
    );
  }
  return q;
}

export async function listActivityRows(
  sql: Sql,
  scope: ActivityReadScope,
  f: ActivityFilter,
  sort: 'startsOn' | 'title' | 'createdAt',
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<{ items: LedgerRow[]; total: number }> {
  const base = ledger(sql, scope, f);
  const total = await base.select(k<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const dir = order === 'asc' ? k`asc` : k`desc`;
  const by =
    sort === 'title' ? k`a.title_sort collate "C"` : sort === 'createdAt' ? k`a.created_at` : k`a.starts_on`;
  const items = await base
    .select([
      'a.id',
      k<ActivityKind>`a.kind`.as('kind'),
      'a.title',
      'a.organiser_department_id as organiserDepartmentId',
      'd.name as organiserDepartmentName',
      'a.starts_on as startsOn',
      'a.ends_on as endsOn',
      'a.place',
      'a.foreign_count as foreignCount',
      k<StateSecretLevel | null>`a.level`.as('level'),
      'a.important',
      k<ActivityState>`a.state`.as('state'),
      k<number>`(select count(*)::int from foreign_activity_participant fp where fp.activity_id = a.id)`.as(
        'participantCount',
      ),
      'a.version',
    ])
    .orderBy(k`${by} ${dir}`)
    .orderBy('a.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items: items as LedgerRow[], total: total.n };
}

// ---- todos

export async function activitiesInStates(
  sql: Sql,
  orgId: string,
  states: readonly ActivityState[],
): Promise<ActivityRecord[]> {
  return (await rows(sql)
    .where('a.org_id', '=', orgId)
    .where('a.state', 'in', [...states])
    .orderBy('a.starts_on')
    .limit(500)
    .execute()) as ActivityRecord[];
}

export async function activityIdsOfOrg(sql: Sql, orgId: string): Promise<{ title: string }[]> {
  return kdb(sql).selectFrom('foreign_activity').select('title').where('org_id', '=', orgId).execute();
}

// ---- demo

export async function orgIdByName(sql: Sql, name: string): Promise<string | null> {
  const r = await kdb(sql).selectFrom('org').select('id').where('name', '=', name).executeTakeFirst();
  return r?.id ?? null;
}

export async function demoPeople(sql: Sql, orgId: string) {
  return kdb(sql)
    .selectFrom('person as p')
    .leftJoin('person_role as r', (j) => j.onRef('r.person_id', '=', 'p.id'))
    .select(['p.id', 'p.name', 'p.department_id as departmentId', 'r.role'])
    .where('p.org_id', '=', orgId)
    .orderBy('p.name_sort')
    .execute();
}

export async function demoDepartments(sql: Sql, orgId: string) {
  return kdb(sql)
    .selectFrom('department')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
}

/** A demo record of what happened: the state and the step columns as they ended up. */
export async function setDemoState(
  sql: Sql,
  id: string,
  v: {
    state: ActivityState;
    startedOn?: string | null;
    endedOn?: string | null;
    closedOn?: string | null;
    leadingGroup?: GroupMember[];
    inspection?: StoredInspection | null;
    documents?: CollectedDocument[];
    summary?: string;
    officerCheck?: StoredCheck | null;
  },
): Promise<void> {
  await patchActivity(sql, id, v);
}

/** Sets the stored importance flag (the ledger's filter) of the given activities. */
export async function setImportant(sql: Sql, ids: readonly string[], important: boolean): Promise<void> {
  if (!ids.length) return;
  await kdb(sql)
    .updateTable('foreign_activity')
    .set({ important })
    .where('id', 'in', [...ids])
    .execute();
}

export async function importanceInputsOf(sql: Sql, orgId: string) {
  return (await kdb(sql)
    .selectFrom('foreign_activity')
    .select([
      'id',
      'important',
      k<ActivityState>`state`.as('state'),
      'foreign_count as foreignCount',
      k<ActivityTopic[]>`topics`.as('topics'),
      k<StateSecretLevel | null>`level`.as('level'),
      'classified_approved as classifiedApproved',
    ])
    .where('org_id', '=', orgId)
    .execute()) as {
    id: string;
    important: boolean;
    state: ActivityState;
    foreignCount: number;
    topics: ActivityTopic[];
    level: StateSecretLevel | null;
    classifiedApproved: boolean;
  }[];
}
