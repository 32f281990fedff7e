// Every SQL statement of the personnel module's exit part (R-PER-06a, R-FOR-04): exit applications,
// briefings, passports and their steps; and the reads of the core tables this part needs (open posts,
// the 脱密期 rows) — the module's own tables. The list filters come from personnelReadScope (access.ts).
import type {
  BriefingTopic,
  ExitKind,
  ExitStatus,
  PassportKind,
  PassportStatus,
  PassportStepKind,
  PersonnelReadScope,
} from '@baomi/domain';
import { type Expression, sql as k, type SqlBool } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';

export interface StoredFlag {
  code: string;
  rule?: string;
  zh: string;
  en: string;
}

export interface ExitRow {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  departmentId: string | null;
  departmentName: string | null;
  kind: ExitKind;
  destination: string;
  departOn: string;
  returnOn: string;
  purpose: string;
  companions: string;
  flags: StoredFlag[];
  status: ExitStatus;
  approvalId: string | null;
  appliedByPersonId: string;
  appliedByName: string;
  approvedOn: string | null;
  impliedMatter: string | null;
  reportText: string | null;
  reportedOn: string | null;
  reportNotedByName: string | null;
  reportNotedAt: Date | null;
  reportNote: string;
  createdAt: Date;
}

/** The person the record is about (the read rule's subject) and his name. */
export interface PersonRef {
  personId: string;
  orgId: string;
  departmentId: string | null;
  name: string;
  orgName: string;
  departmentName: string | null;
  position: string;
}

export async function personRef(sql: Sql, personId: string): Promise<PersonRef | null> {
  const r = await kdb(sql)
    .selectFrom('person as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .leftJoin('department as d', 'd.id', 'p.department_id')
    .select([
      'p.id as personId',
      'p.org_id as orgId',
      'p.department_id as departmentId',
      'p.name',
      'o.name as orgName',
      'd.name as departmentName',
      'p.position',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return r ?? null;
}

/** The read rule over the person of alias `p` (personnelReadScope compiled, never written again). */
export function scopeCondition(scope: PersonnelReadScope): Expression<SqlBool> {
  if (scope.kind === 'all') return k<SqlBool>`p.org_id = ${scope.orgId}::uuid`;
  if (scope.kind === 'department')
    return k<SqlBool>`(p.org_id = ${scope.orgId}::uuid AND (p.department_id = ${scope.departmentId}::uuid OR p.id = ${scope.personId}::uuid))`;
  return k<SqlBool>`(p.org_id = ${scope.orgId}::uuid AND p.id = ${scope.personId}::uuid)`;
}

const exitRows = (sql: Sql) =>
  kdb(sql)
    .selectFrom('personnel_exit as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('department as d', 'd.id', 'p.department_id')
    .innerJoin('person as ap', 'ap.id', 'e.applied_by_person_id')
    .leftJoin('person as rn', 'rn.id', 'e.report_noted_by_person_id')
    .select([
      'e.id',
      'e.org_id as orgId',
      'e.person_id as personId',
      'p.name as personName',
      'p.department_id as departmentId',
      'd.name as departmentName',
      k<ExitKind>`e.kind`.as('kind'),
      'e.destination',
      'e.depart_on as departOn',
      'e.return_on as returnOn',
      'e.purpose',
      'e.companions',
      k<StoredFlag[]>`e.flags`.as('flags'),
      k<ExitStatus>`e.status`.as('status'),
      'e.approval_id as approvalId',
      'e.applied_by_person_id as appliedByPersonId',
      'ap.name as appliedByName',
      'e.approved_on as approvedOn',
      'e.implied_matter as impliedMatter',
      'e.report_text as reportText',
      'e.reported_on as reportedOn',
      'rn.name as reportNotedByName',
      k<Date | null>`e.report_noted_at`.as('reportNotedAt'),
      'e.report_note as reportNote',
      k<Date>`e.created_at`.as('createdAt'),
    ]);

/** One application; `lock`: FOR UPDATE of its row first (two officers at once: one waits). */
export async function getExit(sql: Sql, id: string, lock = false): Promise<ExitRow | null> {
  if (lock)
    await kdb(sql).selectFrom('personnel_exit').select('id').where('id', '=', id).forUpdate().execute();
  return ((await exitRows(sql).where('e.id', '=', id).executeTakeFirst()) as ExitRow | undefined) ?? null;
}

export async function exitByApproval(sql: Sql, approvalId: string): Promise<ExitRow | null> {
  const r = await kdb(sql)
    .selectFrom('personnel_exit')
    .select('id')
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
  return r ? getExit(sql, r.id, true) : null;
}

export interface ExitFilter {
  status?: ExitStatus;
  kind?: ExitKind;
  personId?: string;
  departFrom?: string;
  departTo?: string;
  reportDue?: boolean;
  q?: string;
  sort?: 'departOn' | 'returnOn' | 'createdAt' | 'personName';
  order?: 'asc' | 'desc';
}

const SORT = {
  departOn: 'e.depart_on',
  returnOn: 'e.return_on',
  createdAt: 'e.created_at',
  personName: 'p.name',
} as const;

export async function listExitRows(
  sql: Sql,
  scope: PersonnelReadScope,
  f: ExitFilter,
  today: string,
  page: { limit: number; offset: number } | null,
): Promise<{ items: ExitRow[]; total: number }> {
  let q = exitRows(sql).where(scopeCondition(scope));
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.personId) q = q.where('e.person_id', '=', f.personId);
  if (f.departFrom) q = q.where('e.depart_on', '>=', f.departFrom);
  if (f.departTo) q = q.where('e.depart_on', '<=', f.departTo);
  if (f.reportDue)
    q = q
      .where('e.status', '=', 'approved')
      .where('e.reported_on', 'is', null)
      .where('e.return_on', '<=', today);
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(k<SqlBool>`(p.name ILIKE ${like} OR e.destination ILIKE ${like} OR e.purpose ILIKE ${like})`);
  }
  const total = await q.clearSelect().select(k<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  let ordered = q.orderBy(SORT[f.sort ?? 'departOn'], f.order ?? 'desc').orderBy('e.id');
  if (page) ordered = ordered.limit(page.limit).offset(page.offset);
  return { items: (await ordered.execute()) as ExitRow[], total: total.n };
}

export interface ExitValues {
  kind: ExitKind;
  destination: string;
  departOn: string;
  returnOn: string;
  purpose: string;
  companions: string;
  flags: StoredFlag[];
}

export async function insertExit(
  sql: Sql,
  v: ExitValues & { orgId: string; personId: string; appliedByPersonId: string },
): Promise<string> {
  const r = await kdb(sql)
    .insertInto('personnel_exit')
    .values({
      org_id: v.orgId,
      person_id: v.personId,
      kind: v.kind,
      destination: v.destination,
      depart_on: v.departOn,
      return_on: v.returnOn,
      purpose: v.purpose,
      companions: v.companions,
      flags: JSON.stringify(v.flags),
      applied_by_person_id: v.appliedByPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateExit(
  sql: Sql,
  id: string,
  v: Partial<ExitValues> & {
    status?: ExitStatus;
    approvalId?: string;
    approvedOn?: string | null;
    impliedMatter?: string | null;
    reportText?: string;
    reportedOn?: string;
    reportedByPersonId?: string;
    reportNotedByPersonId?: string;
    reportNote?: string;
    reportNoted?: boolean;
  },
): Promise<void> {
  await kdb(sql)
    .updateTable('personnel_exit')
    .set({
      ...(v.kind !== undefined ? { kind: v.kind } : {}),
      ...(v.destination !== undefined ? { destination: v.destination } : {}),
      ...(v.departOn !== undefined ? { depart_on: v.departOn } : {}),
      ...(v.returnOn !== undefined ? { return_on: v.returnOn } : {}),
      ...(v.purpose !== undefined ? { purpose: v.purpose } : {}),
      ...(v.companions !== undefined ? { companions: v.companions } : {}),
      ...(v.flags !== undefined ? { flags: JSON.stringify(v.flags) } : {}),
      ...(v.status !== undefined ? { status: v.status } : {}),
      ...(v.approvalId !== undefined ? { approval_id: v.approvalId } : {}),
      ...(v.approvedOn !== undefined ? { approved_on: v.approvedOn } : {}),
      ...(v.impliedMatter !== undefined ? { implied_matter: v.impliedMatter } : {}),
      ...(v.reportText !== undefined ? { report_text: v.reportText } : {}),
      ...(v.reportedOn !== undefined ? { reported_on: v.reportedOn } : {}),
      ...(v.reportedByPersonId !== undefined ? { reported_by_person_id: v.reportedByPersonId } : {}),
      ...(v.reportNotedByPersonId !== undefined
        ? { report_noted_by_person_id: v.reportNotedByPersonId, report_noted_at: k`now()` }
        : {}),
      ...(v.reportNote !== undefined ? { report_note: v.reportNote } : {}),
      updated_at: k`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** The person's approved trips other than `exceptId` (R-PER-06a: no overlap). */
export async function approvedTripsOf(sql: Sql, personId: string, exceptId: string | null) {
  let q = kdb(sql)
    .selectFrom('personnel_exit')
    .select(['id', 'depart_on as departOn', 'return_on as returnOn'])
    .where('person_id', '=', personId)
    .where('status', '=', 'approved');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.orderBy('depart_on').execute();
}

/** R-PER-06: the person's 脱密期 rows (core table personnel_cooling_off, written by the leaving part). */
export async function coolingOffOf(sql: Sql, personId: string) {
  return kdb(sql)
    .selectFrom('personnel_cooling_off')
    .select(['start_on as start', 'end_on as end'])
    .where('person_id', '=', personId)
    .orderBy('start_on')
    .execute();
}

/** R-PER-01: a classified person on `today`: an open post, or a 脱密期 not yet over. */
export async function isClassified(sql: Sql, personId: string, today: string): Promise<boolean> {
  const r = await kdb(sql)
    .selectNoFrom([
      k<boolean>`EXISTS (SELECT 1 FROM personnel_post WHERE person_id = ${personId}::uuid AND left_on IS NULL)`.as(
        'post',
      ),
      k<boolean>`EXISTS (SELECT 1 FROM personnel_cooling_off WHERE person_id = ${personId}::uuid AND end_on >= ${today}::date)`.as(
        'cooling',
      ),
    ])
    .executeTakeFirstOrThrow();
  return r.post || r.cooling;
}

// ---- briefings

export interface BriefingRow {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  departmentId: string | null;
  exitId: string | null;
  heldOn: string;
  topics: BriefingTopic[];
  signed: boolean;
  note: string;
  givenByName: string;
  createdAt: Date;
}

const briefingRows = (sql: Sql) =>
  kdb(sql)
    .selectFrom('personnel_briefing as b')
    .innerJoin('person as p', 'p.id', 'b.person_id')
    .innerJoin('person as g', 'g.id', 'b.given_by_person_id')
    .select([
      'b.id',
      'b.org_id as orgId',
      'b.person_id as personId',
      'p.name as personName',
      'p.department_id as departmentId',
      'b.exit_id as exitId',
      'b.held_on as heldOn',
      k<BriefingTopic[]>`b.topics`.as('topics'),
      'b.signed',
      'b.note',
      'g.name as givenByName',
      k<Date>`b.created_at`.as('createdAt'),
    ]);

export async function getBriefing(sql: Sql, id: string, lock = false): Promise<BriefingRow | null> {
  if (lock)
    await kdb(sql).selectFrom('personnel_briefing').select('id').where('id', '=', id).forUpdate().execute();
  return (
    ((await briefingRows(sql).where('b.id', '=', id).executeTakeFirst()) as BriefingRow | undefined) ?? null
  );
}

export async function briefingsOf(sql: Sql, personId: string): Promise<BriefingRow[]> {
  return (await briefingRows(sql)
    .where('b.person_id', '=', personId)
    .orderBy('b.held_on', 'desc')
    .orderBy('b.created_at', 'desc')
    .execute()) as BriefingRow[];
}

export async function listBriefingRows(
  sql: Sql,
  scope: PersonnelReadScope,
  personId: string | undefined,
  page: { limit: number; offset: number },
): Promise<{ items: BriefingRow[]; total: number }> {
  let q = briefingRows(sql).where(scopeCondition(scope));
  if (personId) q = q.where('b.person_id', '=', personId);
  const total = await q.clearSelect().select(k<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = await q
    .orderBy('b.held_on', 'desc')
    .orderBy('b.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items: items as BriefingRow[], total: total.n };
}

export async function insertBriefing(
  sql: Sql,
  v: {
    orgId: string;
    personId: string;
    exitId: string | null;
    heldOn: string;
    topics: readonly string[];
    signed: boolean;
    note: string;
    givenByPersonId: string;
  },
): Promise<string> {
  const r = await kdb(sql)
    .insertInto('personnel_briefing')
    .values({
      org_id: v.orgId,
      person_id: v.personId,
      exit_id: v.exitId,
      held_on: v.heldOn,
      topics: JSON.stringify(v.topics),
      signed: v.signed,
      note: v.note,
      given_by_person_id: v.givenByPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function markBriefingSigned(sql: Sql, id: string): Promise<void> {
  await kdb(sql).updateTable('personnel_briefing').set({ signed: true }).where('id', '=', id).execute();
}

// ---- passports

export interface PassportRow {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  departmentId: string | null;
  departmentName: string | null;
  kind: PassportKind;
  number: string;
  expiresOn: string;
  status: PassportStatus;
  exitId: string | null;
  lentOn: string | null;
  dueBack: string | null;
  note: string;
  createdAt: Date;
}

const passportRows = (sql: Sql) =>
  kdb(sql)
    .selectFrom('personnel_passport as x')
    .innerJoin('person as p', 'p.id', 'x.person_id')
    .leftJoin('department as d', 'd.id', 'p.department_id')
    .select([
      'x.id',
      'x.org_id as orgId',
      'x.person_id as personId',
      'p.name as personName',
      'p.department_id as departmentId',
      'd.name as departmentName',
      k<PassportKind>`x.kind`.as('kind'),
      'x.number',
      'x.expires_on as expiresOn',
      k<PassportStatus>`x.status`.as('status'),
      'x.exit_id as exitId',
      'x.lent_on as lentOn',
      'x.due_back as dueBack',
      'x.note',
      k<Date>`x.created_at`.as('createdAt'),
    ]);

export async function getPassport(sql: Sql, id: string, lock = false): Promise<PassportRow | null> {
  if (lock)
    await kdb(sql).selectFrom('personnel_passport').select('id').where('id', '=', id).forUpdate().execute();
  return (
    ((await passportRows(sql).where('x.id', '=', id).executeTakeFirst()) as PassportRow | undefined) ?? null
  );
}

export async function passportsOf(sql: Sql, personId: string): Promise<PassportRow[]> {
  return (await passportRows(sql)
    .where('x.person_id', '=', personId)
    .orderBy('x.created_at')
    .execute()) as PassportRow[];
}

export interface PassportFilter {
  status?: PassportStatus;
  kind?: PassportKind;
  personId?: string;
  overdue?: boolean;
  q?: string;
}

export async function listPassportRows(
  sql: Sql,
  scope: PersonnelReadScope,
  f: PassportFilter,
  today: string,
  page: { limit: number; offset: number } | null,
): Promise<{ items: PassportRow[]; total: number }> {
  let q = passportRows(sql).where(scopeCondition(scope));
  if (f.status) q = q.where('x.status', '=', f.status);
  if (f.kind) q = q.where('x.kind', '=', f.kind);
  if (f.personId) q = q.where('x.person_id', '=', f.personId);
  if (f.overdue) q = q.where('x.status', '=', 'lent').where('x.due_back', '<', today);
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(k<SqlBool>`(p.name ILIKE ${like} OR x.number ILIKE ${like})`);
  }
  const total = await q.clearSelect().select(k<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  let ordered = q.orderBy('p.name').orderBy('x.kind').orderBy('x.id');
  if (page) ordered = ordered.limit(page.limit).offset(page.offset);
  return { items: (await ordered.execute()) as PassportRow[], total: total.n };
}

export async function insertPassport(
  sql: Sql,
  v: {
    orgId: string;
    personId: string;
    kind: PassportKind;
    number: string;
    expiresOn: string;
    note: string;
    byPersonId: string;
  },
): Promise<string> {
  const r = await kdb(sql)
    .insertInto('personnel_passport')
    .values({
      org_id: v.orgId,
      person_id: v.personId,
      kind: v.kind,
      number: v.number,
      expires_on: v.expiresOn,
      status: 'held',
      note: v.note,
      created_by_person_id: v.byPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setPassportState(
  sql: Sql,
  id: string,
  s: { status: PassportStatus; exitId: string | null; lentOn: string | null; dueBack: string | null },
): Promise<void> {
  await kdb(sql)
    .updateTable('personnel_passport')
    .set({
      status: s.status,
      exit_id: s.exitId,
      lent_on: s.lentOn,
      due_back: s.dueBack,
      updated_at: k`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertPassportStep(
  sql: Sql,
  v: {
    passportId: string;
    kind: PassportStepKind;
    on: string;
    exitId: string | null;
    dueBack: string | null;
    byPersonId: string;
  },
): Promise<void> {
  await kdb(sql)
    .insertInto('personnel_passport_step')
    .values({
      passport_id: v.passportId,
      kind: v.kind,
      on_date: v.on,
      exit_id: v.exitId,
      due_back: v.dueBack,
      by_person_id: v.byPersonId,
    })
    .execute();
}

export async function passportStepsOfPerson(sql: Sql, personId: string) {
  return kdb(sql)
    .selectFrom('personnel_passport_step as s')
    .innerJoin('personnel_passport as x', 'x.id', 's.passport_id')
    .select([
      's.kind',
      's.on_date as on',
      's.exit_id as exitId',
      's.due_back as dueBack',
      k<PassportKind>`x.kind`.as('passportKind'),
      'x.number',
    ])
    .where('x.person_id', '=', personId)
    .orderBy('s.at')
    .execute();
}

// ---- todos and demo

/** Approved trips of the organisation whose return report is due (return day reached) and not filed. */
export async function reportsDue(sql: Sql, orgId: string, personId: string | null, today: string) {
  let q = exitRows(sql)
    .where('e.org_id', '=', orgId)
    .where('e.status', '=', 'approved')
    .where('e.reported_on', 'is', null)
    .where('e.return_on', '<=', today);
  if (personId) q = q.where('e.person_id', '=', personId);
  return (await q.orderBy('e.return_on').limit(200).execute()) as ExitRow[];
}

/** Filed return reports the secrecy office has not noted yet. */
export async function reportsToNote(sql: Sql, orgId: string) {
  return (await exitRows(sql)
    .where('e.org_id', '=', orgId)
    .where('e.reported_on', 'is not', null)
    .where('e.report_noted_at', 'is', null)
    .orderBy('e.reported_on')
    .limit(200)
    .execute()) as ExitRow[];
}

export async function passportsOverdue(sql: Sql, orgId: string, today: string) {
  return (await passportRows(sql)
    .where('x.org_id', '=', orgId)
    .where('x.status', '=', 'lent')
    .where('x.due_back', '<', today)
    .orderBy('x.due_back')
    .limit(200)
    .execute()) as PassportRow[];
}

/** Persons of an organisation holding an open classified post (the demo picks among them). */
export async function personsWithOpenPost(sql: Sql, orgId: string): Promise<{ id: string; name: string }[]> {
  return kdb(sql)
    .selectFrom('person as p')
    .select(['p.id', 'p.name'])
    .where('p.org_id', '=', orgId)
    .where(
      k<SqlBool>`EXISTS (SELECT 1 FROM personnel_post pp WHERE pp.person_id = p.id AND pp.left_on IS NULL)`,
    )
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

export async function exitsOfPerson(sql: Sql, personId: string): Promise<ExitRow[]> {
  return (await exitRows(sql)
    .where('e.person_id', '=', personId)
    .orderBy('e.depart_on')
    .execute()) as ExitRow[];
}

/** The demo organisation by its name. */
export async function orgIdByName(sql: Sql, name: string): Promise<string | null> {
  const r = await kdb(sql).selectFrom('org').select('id').where('name', '=', name).executeTakeFirst();
  return r?.id ?? null;
}

/** A person of the organisation with a business role (the demo's secrecy officer, leader). */
export async function personWithRole(sql: Sql, orgId: string, role: string): Promise<string | null> {
  const r = await kdb(sql)
    .selectFrom('person as p')
    .innerJoin('person_role as r', 'r.person_id', 'p.id')
    .select('p.id')
    .where('p.org_id', '=', orgId)
    .where('r.role', '=', role)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Locks the person's applications (FOR UPDATE): two approvals of his trips at once are serialised. */
export async function lockExitsOfPerson(sql: Sql, personId: string): Promise<void> {
  await kdb(sql)
    .selectFrom('personnel_exit')
    .select('id')
    .where('person_id', '=', personId)
    .forUpdate()
    .execute();
}

/** The demo: the department that gives EXIT_FLOW's HR opinion, unless the organisation has one already. */
export async function markHrDepartment(sql: Sql, orgId: string, name: string): Promise<void> {
  await kdb(sql)
    .updateTable('department')
    .set({ function: 'hr' })
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .where(
      k<SqlBool>`NOT EXISTS (SELECT 1 FROM department x WHERE x.org_id = ${orgId}::uuid AND x.function = 'hr')`,
    )
    .execute();
}
