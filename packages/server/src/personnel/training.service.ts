// 涉密人员, part "training": the use cases. R-PER-04 sessions and each person's class hours against the
// unit's training policy (stored as a setting per organisation); R-PER-05 major-matter reports (the
// person about himself, the secrecy officer about anyone of his unit) and their review, which may
// change the class of the person's post (audited old → new, the day kept for the 脱密期); R-PER-07 the
// yearly assessment, checked against the year's training shortfall. Every decision is the domain's
// (training.ts, matters.ts, assessment.ts, access.ts); every change and every read of a person's
// record is audited in the same transaction.
import type * as C from '@baomi/api/personnel/training.ts';
import {
  allowed,
  assessmentsDue,
  checkAssessment,
  checkMajorMatterReport,
  checkMatterReview,
  checkTrainingPolicy,
  checkTrainingSession,
  conflict,
  DEFAULT_TRAINING_POLICY,
  effectiveClass,
  enforce,
  forbidden,
  impliedMajorMatter,
  invalid,
  type MajorMatterKind,
  notFound,
  type PersonClass,
  type PersonnelReadScope,
  personnelReadScope,
  personnelReadVerdict,
  personnelWriteVerdict,
  type RuleViolation,
  refused,
  type TrainingPolicy,
  type TrainingSession,
  type TrainingStatus,
  trainingStatus,
  visible,
  yearsInPost,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import { coolingOffOfPerson } from './leaving.queries.ts';
import { recomputeCoolingOff } from './leaving.service.ts';
import {
  type AssessmentRowDb,
  assessmentFacts,
  assessmentsOf,
  attendedBy,
  bumpSession,
  type ClassifiedPerson,
  classifiedPersons,
  getAssessment,
  getMatter,
  getSession,
  insertAssessment,
  insertMatter,
  insertSession,
  listMatters,
  listSessions,
  type MatterRow,
  matterByExitApplication,
  mattersOfPerson,
  personSubject,
  personsOfOrg,
  postsOf,
  reviewMatterRow,
  type SessionRow,
  type Subject,
  sessionAttendees,
  setAttendees,
  setPostClass,
  updateSession,
} from './training.queries.ts';

export const SESSION = { zh: '培训记录', en: 'Training session' };
export const MATTER = { zh: '重大事项报告', en: 'Major-matter report' };
export const ASSESSMENT = { zh: '年度考核', en: 'Yearly assessment' };
export const PERSON = { zh: '涉密人员记录', en: 'Classified-personnel record' };

const refuse = (violations: readonly RuleViolation[]): void => {
  if (violations.length > 0)
    throw invalid(violations[0]!, violations.length > 1 ? [...violations] : undefined);
};
const checked = (c: { ok: true } | { ok: false; violations: RuleViolation[] }) =>
  refuse(c.ok ? [] : c.violations);

const isOfficer = (c: Caller) => c.roles.includes('secrecy_officer');

/**
 * A secrecy officer who is himself a classified person does not review his own major-matter report or
 * assess himself: another officer of the unit does (D129).
 */
const notAboutHimself = (
  caller: Caller,
  personId: string,
  code: string,
  zh: string,
  en: string,
  rule: string,
) => enforce(caller.personId === personId ? refused('forbidden', { code, zh, en, rule }) : allowed);

/** The person's record subject, or the same 404 as an unknown id (another organisation's included). */
async function subjectOf(sql: Sql, caller: Caller, personId: string, field?: string): Promise<Subject> {
  const s = await personSubject(sql, personId);
  if (!s || s.orgId !== caller.orgId) throw notFound(PERSON, field);
  return s;
}

// ---------------------------------------------------------------------------------------------
// R-PER-04: the unit's training policy (a setting per organisation)

const policyKey = (orgId: string) => `personnel.training_policy:${orgId}`;

export async function trainingPolicyOf(sql: Sql, orgId: string): Promise<TrainingPolicy> {
  const v = (await readSetting(sql, policyKey(orgId))) as Partial<TrainingPolicy> | null;
  return { ...DEFAULT_TRAINING_POLICY, ...(v ?? {}) };
}

export async function setTrainingPolicy(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  next: C.TrainingPolicyBody,
): Promise<TrainingPolicy> {
  checked(checkTrainingPolicy(next));
  const before = await trainingPolicyOf(sql, caller.orgId);
  await writeSetting(sql, policyKey(caller.orgId), next, caller.accountId);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(next) as (keyof TrainingPolicy)[])
    if (before[k] !== next[k]) changed[k] = { from: before[k], to: next[k] };
  await appendAudit(sql, actor, {
    action: 'personnel.training_policy',
    objectType: 'setting',
    objectId: policyKey(caller.orgId),
    summary: changed,
  });
  return next;
}

// ---------------------------------------------------------------------------------------------
// R-PER-04: each person's class hours in a year

/** The domain's sessions of the persons' attendance in `year` (one session per attendance row). */
async function statusesOf(
  sql: Sql,
  orgId: string,
  persons: readonly ClassifiedPerson[],
  year: number,
  today: string,
): Promise<Map<string, TrainingStatus>> {
  const policy = await trainingPolicyOf(sql, orgId);
  const rows = await attendedBy(
    sql,
    persons.map((p) => p.personId),
    year,
  );
  const by = new Map<string, TrainingSession[]>();
  for (const r of rows) {
    const list = by.get(r.personId) ?? [];
    list.push({ heldOn: r.heldOn, hours: r.hours, attendeeIds: [r.personId] });
    by.set(r.personId, list);
  }
  const out = new Map<string, TrainingStatus>();
  for (const p of persons)
    out.set(p.personId, trainingStatus(p.personId, p.keySite, by.get(p.personId) ?? [], year, today, policy));
  return out;
}

const classOf = (p: ClassifiedPerson): PersonClass =>
  effectiveClass(p.classes.map((personClass) => ({ personClass }))) ?? 'general';

export interface ShortfallFilter {
  year?: number;
  departmentId?: string;
  keySite?: boolean;
  q?: string;
}

/** R-PER-04: the classified persons in the scope short of hours in the year, most short first. */
export async function shortfallRows(sql: Sql, scope: PersonnelReadScope, f: ShortfallFilter) {
  const today = todayInChina();
  const year = f.year ?? Number(today.slice(0, 4));
  let persons = await classifiedPersons(sql, scope, { departmentId: f.departmentId, q: f.q });
  if (f.keySite !== undefined) persons = persons.filter((p) => p.keySite === f.keySite);
  const st = await statusesOf(sql, scope.orgId, persons, year, today);
  const items = persons
    .map((p) => {
      const s = st.get(p.personId)!;
      return {
        personId: p.personId,
        name: p.name,
        departmentName: p.departmentName,
        personClass: classOf(p),
        keySite: p.keySite,
        required: s.required,
        attended: s.attended,
        shortfall: s.shortfall,
        todo: s.todo,
      };
    })
    .filter((r) => r.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall);
  return { year, items, persons: persons.length };
}

export async function shortfallPage(
  sql: Sql,
  caller: Caller,
  f: ShortfallFilter,
  page: { limit: number; offset: number },
) {
  const r = await shortfallRows(sql, personnelReadScope(caller), f);
  return {
    year: r.year,
    items: r.items.slice(page.offset, page.offset + page.limit),
    total: r.items.length,
    persons: r.persons,
  };
}

/**
 * R-PER-04: the classified persons of `orgId` short of hours in `year` (today's policy and key-site
 * staff): the core ledger's "training shortfall" filter.
 */
export async function trainingShortfallPersonIds(sql: Sql, orgId: string, year: number): Promise<string[]> {
  const r = await shortfallRows(sql, { kind: 'all', orgId }, { year });
  return r.items.map((x) => x.personId);
}

// ---------------------------------------------------------------------------------------------
// R-PER-04: sessions

async function sessionView(sql: Sql, s: SessionRow) {
  const attendees = (await sessionAttendees(sql, [s.id])).map(({ sessionId: _s, ...a }) => a);
  const { orgId: _o, ...rest } = s;
  return { ...rest, attendees };
}

async function sessionOf(sql: Sql, caller: Caller, id: string, lock = false): Promise<SessionRow> {
  const s = await getSession(sql, id, lock);
  if (!s || s.orgId !== caller.orgId) throw notFound(SESSION);
  return s;
}

/** Attendees are persons of the caller's organisation (an unknown or foreign id: 404 naming the field). */
async function checkAttendees(sql: Sql, caller: Caller, ids: readonly string[]): Promise<void> {
  const found = await personsOfOrg(sql, caller.orgId, [...new Set(ids)]);
  if (found.length !== new Set(ids).size) throw notFound({ zh: '参训人员', en: 'Attendee' }, 'attendeeIds');
}

export async function createSession(sql: Sql, actor: Actor, caller: Caller, input: C.SessionInput) {
  const today = todayInChina();
  checked(
    checkTrainingSession({ heldOn: input.heldOn, hours: input.hours, attendeeIds: input.attendeeIds }, today),
  );
  await checkAttendees(sql, caller, input.attendeeIds);
  const id = await insertSession(sql, {
    orgId: caller.orgId,
    topic: input.topic.trim(),
    heldOn: input.heldOn,
    hours: input.hours,
    trainer: input.trainer.trim(),
    materials: (input.materials ?? []).map((m) => m.trim()).filter(Boolean),
    by: caller.personId,
  });
  await setAttendees(sql, id, input.attendeeIds);
  await appendAudit(sql, actor, {
    action: 'personnel.training_session_create',
    objectType: 'personnel_training_session',
    objectId: id,
    summary: { heldOn: input.heldOn, hours: input.hours, attendees: input.attendeeIds.length },
  });
  return sessionView(sql, (await getSession(sql, id))!);
}

export async function editSession(sql: Sql, actor: Actor, caller: Caller, id: string, patch: C.SessionPatch) {
  const s = await sessionOf(sql, caller, id, true);
  const next = {
    topic: (patch.topic ?? s.topic).trim(),
    heldOn: patch.heldOn ?? s.heldOn,
    hours: patch.hours ?? s.hours,
    trainer: (patch.trainer ?? s.trainer).trim(),
    materials: (patch.materials ?? s.materials).map((m) => m.trim()).filter(Boolean),
  };
  // The attendees stay as they are; the check needs one to pass the "no attendees" rule only for a create.
  checked(
    checkTrainingSession({ heldOn: next.heldOn, hours: next.hours, attendeeIds: ['-'] }, todayInChina()),
  );
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of ['topic', 'heldOn', 'hours', 'trainer'] as const)
    if (s[k] !== next[k]) changed[k] = { from: s[k], to: next[k] };
  if (JSON.stringify(s.materials) !== JSON.stringify(next.materials))
    changed.materials = { from: s.materials.length, to: next.materials.length };
  await updateSession(sql, id, next);
  await appendAudit(sql, actor, {
    action: 'personnel.training_session_update',
    objectType: 'personnel_training_session',
    objectId: id,
    summary: changed,
  });
  return sessionView(sql, (await getSession(sql, id))!);
}

export async function setSessionAttendees(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  body: C.AttendeesBody,
) {
  const s = await sessionOf(sql, caller, id, true);
  checked(
    checkTrainingSession({ heldOn: s.heldOn, hours: s.hours, attendeeIds: body.attendeeIds }, todayInChina()),
  );
  await checkAttendees(sql, caller, body.attendeeIds);
  const { added, removed } = await setAttendees(sql, id, body.attendeeIds);
  await bumpSession(sql, id);
  await appendAudit(sql, actor, {
    action: 'personnel.training_attend',
    objectType: 'personnel_training_session',
    objectId: id,
    summary: { added, removed, attendees: body.attendeeIds.length },
  });
  return sessionView(sql, (await getSession(sql, id))!);
}

export async function sessionDetail(sql: Sql, caller: Caller, id: string) {
  return sessionView(sql, await sessionOf(sql, caller, id));
}

export async function sessionPage(
  sql: Sql,
  caller: Caller,
  f: { year?: number; q?: string },
  page: { limit: number; offset: number },
) {
  const { rows, total } = await listSessions(sql, caller.orgId, f, page);
  const att = await sessionAttendees(
    sql,
    rows.map((r) => r.id),
  );
  const items = rows.map(({ orgId: _o, ...r }) => ({
    ...r,
    attendees: att.filter((a) => a.sessionId === r.id).map(({ sessionId: _s, ...a }) => a),
  }));
  return { items, total };
}

// ---------------------------------------------------------------------------------------------
// R-PER-05: major-matter reports

const matterView = (caller: Caller, m: MatterRow) => {
  const { orgId: _o, departmentId: _d, ...rest } = m;
  return {
    ...rest,
    canReview:
      isOfficer(caller) &&
      m.status === 'pending' &&
      caller.orgId === m.orgId &&
      caller.personId !== m.personId,
  };
};

/**
 * R-PER-05: a report: the person about himself (source self), or the secrecy officer about a person of
 * his unit (source officer, a matter known but not reported). Only a classified person's (one who holds
 * or held a classified post).
 */
export async function reportMatter(sql: Sql, actor: Actor, caller: Caller, input: C.MatterInput) {
  const personId = input.personId ?? caller.personId;
  const self = personId === caller.personId;
  if (!self && !isOfficer(caller))
    throw forbidden({
      code: 'matter_self_only',
      zh: '重大事项由本人报告；保密工作机构可登记掌握的未报告事项',
      en: 'A person reports his own major matters; the secrecy office records those known but not reported',
      rule: 'R-PER-05',
    });
  const subject = await subjectOf(sql, caller, personId, 'personId');
  const source = self ? 'self' : 'officer';
  // Only invisible characters (zero-width, control) count as no description (D128).
  const description = visible(input.description ?? '') ? (input.description ?? '').trim() : '';
  checked(
    checkMajorMatterReport(
      { kind: input.kind, source, occurredOn: input.occurredOn, description },
      todayInChina(),
    ),
  );
  if ((await postsOf(sql, personId)).length === 0)
    throw conflict({
      code: 'matter_not_classified',
      zh: `${subject.name}不是涉密人员（无涉密岗位记录），无须报告重大事项`,
      en: `${subject.name} holds no classified post: no major-matter report`,
      rule: 'R-PER-05',
      field: 'personId',
    });
  const id = await insertMatter(sql, {
    orgId: caller.orgId,
    personId,
    kind: input.kind,
    source,
    occurredOn: input.occurredOn,
    description,
    by: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.matter_report',
    objectType: 'personnel_matter',
    objectId: id,
    summary: { personId, kind: input.kind, source, occurredOn: input.occurredOn },
  });
  return matterView(caller, (await getMatter(sql, id))!);
}

/**
 * R-PER-05, R-PER-06a: the major matter an approved private trip implies (impliedMajorMatter), recorded
 * once per application as reported and noted — the approval was its review. The exit part calls it in
 * its approval transaction. Returns the matter's id (the existing one on a second call), or null when
 * the trip implies none.
 */
export async function recordImpliedMatter(
  sql: Sql,
  actor: Actor,
  m: {
    orgId: string;
    personId: string;
    kind: MajorMatterKind;
    exitKind?: 'private' | 'official';
    occurredOn: string;
    description: string;
    exitApplicationId?: string | null;
    byPersonId: string;
  },
): Promise<string | null> {
  const kind = m.exitKind ? impliedMajorMatter(m.exitKind) : m.kind;
  if (!kind) return null;
  if (m.exitApplicationId) {
    const had = await matterByExitApplication(sql, m.exitApplicationId);
    if (had) return had;
  }
  const s = await personSubject(sql, m.personId);
  if (!s || s.orgId !== m.orgId) throw notFound(PERSON, 'personId');
  checked(
    checkMajorMatterReport(
      { kind, source: 'self', occurredOn: m.occurredOn, description: m.description },
      todayInChina(),
    ),
  );
  const id = await insertMatter(sql, {
    orgId: m.orgId,
    personId: m.personId,
    kind,
    source: 'self',
    occurredOn: m.occurredOn,
    description: m.description,
    by: m.byPersonId,
    exitApplicationId: m.exitApplicationId ?? null,
    reviewed: { opinion: '因私出国（境）申请已审批，视同报告' },
  });
  await appendAudit(sql, actor, {
    action: 'personnel.matter_report',
    objectType: 'personnel_matter',
    objectId: id,
    summary: { personId: m.personId, kind, source: 'self', occurredOn: m.occurredOn, implied: true },
  });
  return id;
}

async function readableMatter(sql: Sql, caller: Caller, id: string): Promise<MatterRow> {
  const m = await getMatter(sql, id);
  if (!m) throw notFound(MATTER);
  enforce(
    personnelReadVerdict(caller, { personId: m.personId, orgId: m.orgId, departmentId: m.departmentId }),
  );
  return m;
}

export async function matterDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const m = await readableMatter(sql, caller, id);
  await appendAudit(sql, actor, {
    action: 'personnel.matter_read',
    objectType: 'personnel_matter',
    objectId: id,
    summary: { personId: m.personId },
  });
  return matterView(caller, m);
}

export async function matterPage(
  sql: Sql,
  caller: Caller,
  f: { status?: string; kind?: string; personId?: string },
  page: { limit: number; offset: number },
) {
  const { rows, total } = await listMatters(sql, personnelReadScope(caller), f, page);
  return { items: rows.map((m) => matterView(caller, m)), total };
}

/**
 * R-PER-05: the secrecy officer reviews a pending report once: opinion, measures, and possibly a new
 * class for the person's open post (the day recorded: a change during a 脱密期 matters to leaving).
 * Two reviews at once: the second is 409 naming the first.
 */
export async function reviewMatter(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.ReviewInput) {
  const m = await getMatter(sql, id);
  if (!m || m.orgId !== caller.orgId) throw notFound(MATTER);
  enforce(
    personnelWriteVerdict(caller, { personId: m.personId, orgId: m.orgId, departmentId: m.departmentId }),
  );
  notAboutHimself(
    caller,
    m.personId,
    'matter_own_review',
    '不能审核本人报告的重大事项，须由本单位其他保密工作人员审核',
    'You cannot review a major matter about yourself; another secrecy officer of the unit does',
    'R-PER-05',
  );
  const already = () =>
    conflict({
      code: 'matter_already_reviewed',
      zh: '该报告已审核，不能再次审核',
      en: 'The report has already been reviewed',
      rule: 'R-PER-05',
    });
  // R-PER-06: a post he left whose 脱密期 is still running may change class too (a matter showed he knew
  // more): the leaving part then recomputes the period, the longer standing.
  const today = todayInChina();
  const running = new Set(
    (await coolingOffOfPerson(sql, m.personId)).filter((c) => c.end > today).map((c) => c.postId),
  );
  const open = (await postsOf(sql, m.personId, true)).filter((p) => p.leftOn === null || running.has(p.id));
  const d = checkMatterReview({
    status: m.status,
    changeClassTo: input.changeClassTo ?? null,
    postId: input.postId ?? null,
    openPosts: open,
  });
  if (!d.ok) throw d.kind === 'conflict' ? conflict(d.violation) : invalid(d.violation);
  const change = d.change ? { ...d.change, on: today } : null;
  const done = await reviewMatterRow(sql, id, {
    opinion: input.opinion.trim(),
    measures: (input.measures ?? '').trim(),
    by: caller.personId,
    postId: change?.postId ?? null,
    from: change?.from ?? null,
    to: change?.to ?? null,
    on: change?.on ?? null,
  });
  if (!done) throw already();
  if (change) await setPostClass(sql, change.postId, change.to);
  if (change && running.has(change.postId))
    await recomputeCoolingOff(sql, actor, m.personId, { on: change.on, personClass: change.to });
  await appendAudit(sql, actor, {
    action: 'personnel.matter_review',
    objectType: 'personnel_matter',
    objectId: id,
    summary: {
      personId: m.personId,
      kind: m.kind,
      ...(change ? { personClass: { from: change.from, to: change.to }, changedOn: change.on } : {}),
    },
  });
  return matterView(caller, (await getMatter(sql, id))!);
}

// ---------------------------------------------------------------------------------------------
// R-PER-07: yearly assessments

const assessmentView = (a: AssessmentRowDb) => ({
  id: a.id,
  personId: a.personId,
  personName: a.personName,
  year: a.year,
  ratings: { discipline: a.discipline, duties: a.duties, training: a.training },
  result: a.result,
  comment: a.comment,
  assessedByName: a.assessedByName,
  assessedOn: a.assessedOn,
});

export async function recordAssessment(sql: Sql, actor: Actor, caller: Caller, input: C.AssessmentInput) {
  const subject = await subjectOf(sql, caller, input.personId, 'personId');
  enforce(personnelWriteVerdict(caller, subject));
  notAboutHimself(
    caller,
    input.personId,
    'assessment_own',
    '不能考核本人，须由本单位其他保密工作人员考核',
    'You cannot assess yourself; another secrecy officer of the unit does',
    'R-PER-07',
  );
  const today = todayInChina();
  const persons = await classifiedPersons(
    sql,
    { kind: 'all', orgId: caller.orgId },
    { personIds: [input.personId] },
  );
  const p = persons[0];
  if (!p)
    throw conflict({
      code: 'assessment_not_classified',
      zh: `${subject.name}不在涉密岗位，无须年度考核`,
      en: `${subject.name} holds no open classified post`,
      rule: 'R-PER-07',
      field: 'personId',
    });
  const validYear = Number.isInteger(input.year) && input.year >= 1950 && input.year <= 2200;
  const shortfall = validYear
    ? ((await statusesOf(sql, caller.orgId, [p], input.year, today)).get(p.personId)?.shortfall ?? 0)
    : 0;
  checked(
    checkAssessment(
      {
        year: input.year,
        ratings: input.ratings,
        result: input.result,
        trainingShortfall: shortfall,
        firstYear: p.firstYear,
      },
      today,
    ),
  );
  const had = await assessmentsOf(sql, [input.personId], input.year);
  if (had.length)
    throw conflict({
      code: 'assessment_exists',
      zh: `${subject.name}的${input.year}年度考核已于${had[0]!.assessedOn}登记`,
      en: `The ${input.year} assessment was recorded on ${had[0]!.assessedOn}`,
      field: 'year',
      rule: 'R-PER-07',
    });
  const id = await insertAssessment(sql, {
    orgId: caller.orgId,
    personId: input.personId,
    year: input.year,
    ...input.ratings,
    result: input.result,
    comment: (input.comment ?? '').trim(),
    by: caller.personId,
    on: today,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.assessment',
    objectType: 'personnel_assessment',
    objectId: id,
    summary: { personId: input.personId, year: input.year, result: input.result, ...input.ratings },
  });
  return assessmentView((await getAssessment(sql, id))!);
}

export async function assessmentPage(
  sql: Sql,
  caller: Caller,
  f: { year?: number; state?: 'done' | 'due'; q?: string },
  page: { limit: number; offset: number },
) {
  const today = todayInChina();
  const year = f.year ?? Number(today.slice(0, 4)) - 1;
  const persons = await classifiedPersons(sql, personnelReadScope(caller), { q: f.q });
  const st = await statusesOf(sql, caller.orgId, persons, year, today);
  const done = new Map(
    (
      await assessmentsOf(
        sql,
        persons.map((p) => p.personId),
        year,
      )
    ).map((a) => [a.personId, assessmentView(a)]),
  );
  const all = persons
    .filter((p) => p.firstYear <= year)
    .map((p) => ({
      personId: p.personId,
      name: p.name,
      departmentName: p.departmentName,
      personClass: classOf(p),
      year,
      trainingShortfall: st.get(p.personId)!.shortfall,
      assessment: done.get(p.personId) ?? null,
    }))
    .filter((r) => (f.state === 'done' ? r.assessment : f.state === 'due' ? !r.assessment : true));
  return { year, items: all.slice(page.offset, page.offset + page.limit), total: all.length };
}

/** The assessment a caller may read (the person's read rule), for its printable sheet. */
export async function readableAssessment(sql: Sql, caller: Caller, id: string) {
  const a = await getAssessment(sql, id);
  if (!a) throw notFound(ASSESSMENT);
  const s = await personSubject(sql, a.personId);
  enforce(
    personnelReadVerdict(caller, {
      personId: a.personId,
      orgId: a.orgId,
      departmentId: s?.departmentId ?? null,
    }),
  );
  const persons = await classifiedPersons(sql, { kind: 'all', orgId: a.orgId }, { personIds: [a.personId] });
  const posts = await postsOf(sql, a.personId);
  return { a: assessmentView(a), subject: s!, person: persons[0] ?? null, posts };
}

/** R-PER-07: the assessments due in an organisation today (per year: how many, due by, overdue). */
export async function assessmentsDueIn(sql: Sql, orgId: string) {
  const today = todayInChina();
  const out = new Map<number, { n: number; dueOn: string; overdue: boolean }>();
  for (const f of await assessmentFacts(sql, orgId)) {
    const years = f.posts.flatMap((p) => yearsInPost(p.since, p.leftOn, today));
    for (const d of assessmentsDue(years, f.assessed, today)) {
      const cur = out.get(d.year) ?? { n: 0, dueOn: d.dueOn, overdue: d.overdue };
      cur.n += 1;
      out.set(d.year, cur);
    }
  }
  return [...out.entries()].map(([year, v]) => ({ year, ...v }));
}

// ---------------------------------------------------------------------------------------------
// The person's page: hours this year, sessions, reports, assessments (one read, audited)

export async function personTraining(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  year?: number,
) {
  const s = await personSubject(sql, personId);
  if (!s) throw notFound(PERSON);
  enforce(personnelReadVerdict(caller, s));
  const today = todayInChina();
  const y = year ?? Number(today.slice(0, 4));
  const persons = await classifiedPersons(sql, { kind: 'all', orgId: s.orgId }, { personIds: [personId] });
  const p = persons[0];
  const st = p ? (await statusesOf(sql, s.orgId, [p], y, today)).get(personId)! : null;
  const sessions = (await attendedBy(sql, [personId], y)).map((r) => ({
    id: r.sessionId,
    topic: r.topic,
    heldOn: r.heldOn,
    hours: r.hours,
  }));
  const matters = (await mattersOfPerson(sql, personId)).map((m) => matterView(caller, m));
  const assessments = (await assessmentsOf(sql, [personId], null)).map(assessmentView);
  await appendAudit(sql, actor, {
    action: 'personnel.training_read',
    objectType: 'person',
    objectId: personId,
    summary: { personId, year: y },
  });
  return {
    personId,
    year: y,
    classified: !!p,
    keySite: p?.keySite ?? false,
    required: st?.required ?? 0,
    attended: st?.attended ?? sessions.reduce((n, x) => n + x.hours, 0),
    shortfall: st?.shortfall ?? 0,
    sessions,
    matters,
    assessments,
  };
}
