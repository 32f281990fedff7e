// The foreign module's activities part (R-FOR-01 … R-FOR-04, R-FOR-08): every step of an activity, each
// checked (domain foreign/activity.ts) before anything is written, in the caller's transaction, audited.
// The plan is approved on the one approval engine (FOREIGN_PLAN_FLOW); a change after approval reopens it
// (subjectChanged: the frozen snapshot's fingerprint). Briefings are the personnel module's
// (read.foreign.ts to read, registerBriefing to record); a suspected leak opens an incident (openIncident).
import type * as C from '@baomi/api/foreign/activity.ts';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_NOT_FOUND,
  ACTIVITY_STATE_LABELS,
  type ActivityState,
  type ActivitySubject,
  activityImportance,
  activityReadScope,
  activityReadVerdict,
  activityWriteVerdict,
  BRIEFING_STATUS_LABELS,
  briefingStatus,
  checkActivityDates,
  checkClose,
  checkPlanSubmission,
  checkStart,
  conflict,
  currentImportance,
  enforce,
  IMPORTANCE_LABELS,
  invalid,
  isPlainDate,
  LEVEL_LABELS,
  MAJOR_REASON_LABELS,
  notFound,
  officerVerdict,
  PLAN_PART_LABELS,
  PLAN_PARTS,
  planDeciderVerdict,
  type RuleViolation,
  refused,
  type SecrecyPlan,
  type Verdict,
} from '@baomi/domain';
import { type ApprovalRow, getApproval, listDecisions } from '../approvals/queries.ts';
import {
  type DecideGuard,
  openApproval,
  resubmitApproval,
  type SettleHandler,
  type SubjectLink,
  subjectChanged,
} from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { sortKey } from '../db/sortkey.ts';
import type { Caller } from '../http/policy.ts';
import { openIncident } from '../incidents/service.ts';
import { todayInChina } from '../kit/today.ts';
import { registerBriefing } from '../personnel/exit.service.ts';
import { briefingsForForeign } from '../personnel/read.foreign.ts';
import { writeSetting } from '../settings/queries.ts';
import {
  type ActivityFilter,
  type ActivityRecord,
  activityByApproval,
  departmentOfOrg,
  getActivity,
  importanceInputsOf,
  insertActivity,
  insertStep,
  listActivityRows,
  namesOf,
  type ParticipantRow,
  participantsOf,
  patchActivity,
  peopleOfOrg,
  setImportant,
  setParticipantPapers,
  setParticipants,
  stepsOf,
  updateActivity,
} from './activity.queries.ts';
import { type ForeignSettings, foreignSettingsOf, settingsKey } from './activity.settings.ts';

export const ACTIVITY = ACTIVITY_NOT_FOUND;
export const SUBJECT_TYPE = 'foreign_activity';

const subjectOf = (a: ActivityRecord): ActivitySubject => ({
  orgId: a.orgId,
  organiserDepartmentId: a.organiserDepartmentId,
  createdByPersonId: a.createdByPersonId,
  level: a.level,
  participantIds: a.participantIds,
  leadingGroupIds: a.leadingGroup.map((m) => m.personId),
});

/** The activity the caller may read (404 another organisation's or an unknown one, 403 not his). */
export async function readableActivity(sql: Sql, caller: Caller, id: string, lock = false) {
  const a = await getActivity(sql, id, lock);
  if (!a) throw notFound(ACTIVITY);
  enforce(activityReadVerdict(caller, subjectOf(a)));
  return a;
}

/** A state-changing step is taken on the version the caller saw: a stale one is 409 (two at once). */
function checkVersion(a: ActivityRecord, version: number | undefined) {
  if (version !== undefined && version !== a.version)
    throw conflict({
      code: 'stale_version',
      zh: '该涉外活动已被他人更新，请刷新后重试',
      en: 'The activity was changed by someone else; reload and try again',
    });
}

function refuseAll(violations: RuleViolation[], kind: 'invalid' | 'conflict' = 'conflict'): void {
  if (!violations.length) return;
  if (kind === 'invalid') throw invalid(violations[0]!, violations);
  enforce(refused('conflict', violations[0]!, violations.slice(1).length ? violations : undefined));
}

// ---- input

async function valuesOf(sql: Sql, caller: Caller, input: C.ActivityInput, settings: ForeignSettings) {
  const today = todayInChina();
  refuseAll(checkActivityDates({ startsOn: input.startsOn, endsOn: input.endsOn, today }), 'invalid');
  if (!(await departmentOfOrg(sql, caller.orgId, input.organiserDepartmentId)))
    throw notFound({ zh: '组织部门', en: 'Organising department' }, 'organiserDepartmentId');
  const ids = input.participants.map((p) => p.personId);
  if (new Set(ids).size !== ids.length)
    throw invalid({
      code: 'duplicate_participant',
      field: 'participants',
      zh: '参加人员重复',
      en: 'A participant is named twice',
    });
  const people = await peopleOfOrg(sql, caller.orgId, ids);
  if (people.length !== ids.length) throw notFound({ zh: '参加人员', en: 'Participant' }, 'participants');
  if (input.level === null && input.classifiedApproved)
    throw invalid({
      code: 'approved_without_level',
      field: 'classifiedApproved',
      zh: '涉密涉外活动须填写涉密等级',
      en: 'A classified activity needs its level',
      rule: 'R-FOR-02',
    });
  const clean = (s: string) => s.replace(/[\u200b-\u200f\u2060\ufeff]/g, '').trim();
  const title = clean(input.title);
  const place = clean(input.place);
  if (!title) throw invalid({ code: 'blank', field: 'title', zh: '请填写活动名称', en: 'Title is blank' });
  if (!place) throw invalid({ code: 'blank', field: 'place', zh: '请填写地点', en: 'Place is blank' });
  const topics = input.topics.map((t) => ({ ...t, title: clean(t.title) }));
  const plan = Object.fromEntries(PLAN_PARTS.map((k) => [k, input.plan[k].trim()])) as unknown as SecrecyPlan;
  const imp = activityImportance(
    {
      foreignCount: input.foreignCount,
      topics,
      level: input.level,
      classifiedApproved: input.classifiedApproved,
    },
    settings.majorForeignCount,
  );
  return {
    values: {
      kind: input.kind,
      title,
      titleSort: sortKey(title),
      organiserDepartmentId: input.organiserDepartmentId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      place,
      foreignParties: input.foreignParties.map((p) => ({
        kind: p.kind,
        name: clean(p.name),
        country: clean(p.country ?? ''),
      })),
      foreignCount: input.foreignCount,
      topics,
      level: input.level,
      classifiedApproved: input.classifiedApproved,
      important: imp.importance === 'major',
      plan,
    },
    participants: input.participants.map((p) => ({ personId: p.personId, duty: (p.duty ?? '').trim() })),
  };
}

/** The approval's subject: the activity as the leader reads it (every field material, R-FOR-03). */
async function approvalSubject(sql: Sql, a: ActivityRecord, settings: ForeignSettings) {
  const parts = await participantsOf(sql, a.id);
  const imp = currentImportance(a, settings.majorForeignCount);
  return {
    title: a.title,
    kind: a.kind,
    organiser: a.organiserDepartmentName,
    importance: IMPORTANCE_LABELS[imp.importance].zh,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    place: a.place,
    foreignParties: a.foreignParties.map((p) => `${p.name}${p.country ? `（${p.country}）` : ''}`),
    foreignCount: a.foreignCount,
    topics: a.topics.map(
      (t) =>
        `${t.title}${t.nationalStrategy ? '〔涉及国家战略〕' : ''}${t.economicPolicy ? '〔涉及经济政策〕' : ''}`,
    ),
    level: a.level,
    classifiedApproved: String(a.classifiedApproved),
    plan: PLAN_PARTS.map((k) => `${PLAN_PART_LABELS[k].zh}：${a.plan[k] ?? ''}`),
    participants: parts.map((p) => `${p.name}${p.duty ? `（${p.duty}）` : ''}`),
  };
}

// ---- create, change

/** An activity's fields as the audit trail shows a change of them (plain text and numbers, D153). */
async function auditView(sql: Sql, a: ActivityRecord) {
  const parts = await participantsOf(sql, a.id);
  return {
    title: a.title,
    kind: a.kind,
    organiser: a.organiserDepartmentName,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    place: a.place,
    foreignParties: a.foreignParties.map((p) => `${p.name}${p.country ? `（${p.country}）` : ''}`).join('；'),
    foreignCount: a.foreignCount,
    topics: a.topics
      .map(
        (t) =>
          `${t.title}${t.nationalStrategy ? '〔涉及国家战略〕' : ''}${t.economicPolicy ? '〔涉及经济政策〕' : ''}`,
      )
      .join('；'),
    level: a.level,
    classifiedApproved: a.classifiedApproved,
    important: a.important,
    participants: parts.map((p) => `${p.name}${p.duty ? `（${p.duty}）` : ''}`).join('、'),
    plan: PLAN_PARTS.map((k) => `${PLAN_PART_LABELS[k].zh}：${a.plan[k] ?? ''}`).join('\n'),
  };
}
type AuditView = Awaited<ReturnType<typeof auditView>>;

export async function createActivity(sql: Sql, actor: Actor, caller: Caller, input: C.ActivityInput) {
  const settings = await foreignSettingsOf(sql, caller.orgId);
  const { values, participants } = await valuesOf(sql, caller, input, settings);
  const writer: ActivitySubject = {
    orgId: caller.orgId,
    organiserDepartmentId: values.organiserDepartmentId,
    createdByPersonId: caller.personId,
    level: values.level,
    participantIds: participants.map((p) => p.personId),
    leadingGroupIds: [],
  };
  enforce(activityWriteVerdict(caller, writer));
  const id = await insertActivity(sql, caller.orgId, caller.personId, values);
  await setParticipants(sql, id, participants);
  await insertStep(sql, id, 'created', caller.personId);
  await appendAudit(sql, actor, {
    action: 'foreign.create',
    objectType: SUBJECT_TYPE,
    objectId: id,
    summary: {
      title: values.title,
      kind: values.kind,
      level: values.level,
      startsOn: values.startsOn,
      important: values.important,
    },
  });
  return detailOf(sql, caller, (await getActivity(sql, id))!);
}

/**
 * Changes an activity before it starts. R-FOR-03: after the plan was submitted or approved, a material
 * change reopens its approval from the first step (an approved plan goes back to awaiting approval).
 */
export async function changeActivity(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ActivityInput,
) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(activityWriteVerdict(caller, subjectOf(a)));
  // D154: a change names the version it was made on (two keepers at once: the second gets 409, not a
  // silent overwrite of the first's change).
  if (input.version === undefined)
    throw invalid({
      code: 'version_required',
      field: 'version',
      zh: '修改须注明所依据的版本，请刷新后重试',
      en: 'A change names the version it was made on; reload and try again',
      rule: 'R-FOR-03',
    });
  checkVersion(a, input.version);
  if (!['draft', 'plan_submitted', 'plan_approved'].includes(a.state))
    throw conflict({
      code: 'activity_state',
      zh: `活动${ACTIVITY_STATE_LABELS[a.state].zh}，不能再修改`,
      en: `The activity is ${ACTIVITY_STATE_LABELS[a.state].en} and can no longer be changed`,
      rule: 'R-FOR-03',
    });
  const settings = await foreignSettingsOf(sql, caller.orgId);
  const { values, participants } = await valuesOf(sql, caller, input, settings);
  enforce(
    activityWriteVerdict(caller, {
      ...subjectOf(a),
      organiserDepartmentId: values.organiserDepartmentId,
      level: values.level,
    }),
  );
  const was = await auditView(sql, a);
  await updateActivity(sql, a.id, values);
  await setParticipants(sql, a.id, participants);
  let reopened = false;
  if (a.approvalId && a.state !== 'draft') {
    const after = (await getActivity(sql, a.id))!;
    const before = await getApproval(sql, a.approvalId);
    const row = await subjectChanged(sql, actor, a.approvalId, await approvalSubject(sql, after, settings));
    reopened = before?.status !== row.status || before.fingerprint !== row.fingerprint;
    if (reopened && a.state === 'plan_approved') await patchActivity(sql, a.id, { state: 'plan_submitted' });
    if (reopened) await insertStep(sql, a.id, 'plan_reopened', caller.personId, '批准后变更，方案重新报批');
    // D155: an unchanged save of an approved plan keeps the 重要 it was approved as (a higher
    // threshold set since does not lower it through the back door of a no-op change).
    if (!reopened && a.state === 'plan_approved' && a.important && !values.important)
      await setImportant(sql, [a.id], true);
  }
  await insertStep(sql, a.id, 'changed', caller.personId);
  // Audited as words, every changed field old → new (D153): not only the title, dates, place and level
  // but the foreign participants' count, the topics' flags, the participants, the plan — what decides
  // the importance (R-FOR-02) and what the leader approved (R-FOR-03).
  const is = await auditView(sql, (await getActivity(sql, a.id))!);
  const changedKeys = (Object.keys(is) as (keyof AuditView)[]).filter((k) => was[k] !== is[k]);
  await appendAudit(sql, actor, {
    action: 'foreign.update',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: {
      from: Object.fromEntries(changedKeys.map((k) => [k, was[k]])),
      to: Object.fromEntries(changedKeys.map((k) => [k, is[k]])),
      reopened,
    },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

// ---- the plan's approval (R-FOR-03)

export async function submitPlan(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.StepInput) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(activityWriteVerdict(caller, subjectOf(a)));
  checkVersion(a, input.version);
  refuseAll(
    checkPlanSubmission({
      state: a.state,
      plan: a.plan,
      startsOn: a.startsOn,
      today: todayInChina(),
      participants: a.participantIds.length,
    }),
  );
  const settings = await foreignSettingsOf(sql, a.orgId);
  const subject = await approvalSubject(sql, a, settings);
  const prior = a.approvalId ? await getApproval(sql, a.approvalId) : null;
  let approvalId: string;
  if (prior && prior.status === 'returned') {
    approvalId = (await resubmitApproval(sql, actor, prior.initiatorPersonId, prior.id, subject)).id;
  } else {
    approvalId = (
      await openApproval(sql, actor, {
        flowType: 'foreign_plan',
        subjectType: SUBJECT_TYPE,
        subjectId: a.id,
        title: `涉外活动保密工作方案：${a.title}`,
        orgId: a.orgId,
        departmentId: a.organiserDepartmentId,
        initiatorPersonId: caller.personId,
        subject,
      })
    ).id;
  }
  await patchActivity(sql, a.id, { state: 'plan_submitted', approvalId });
  await insertStep(sql, a.id, 'plan_submitted', caller.personId, input.note ?? '');
  await appendAudit(sql, actor, {
    action: 'foreign.plan_submit',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { approvalId, from: a.state, to: 'plan_submitted' },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

/** R-FOR-03: the leader approves the plan before the activity starts (a late approval is refused). */
export const planGuard: DecideGuard = async (sql, approval, who, input) => {
  const a = await getActivity(sql, approval.subjectId);
  // R-FOR-03 (D151): a leader does not decide the plan of an activity he takes part in or registered.
  const own = a ? planDeciderVerdict(who.personId, a) : { allowed: true as const };
  if (!own.allowed) return { verdict: own, actingAs: null };
  if (input.decision === 'approve' && a && todayInChina() > a.startsOn)
    return {
      verdict: refused('conflict', {
        code: 'plan_after_start',
        zh: '活动开始日期已过，保密工作方案须在活动开始前批准；请修改日期后重新报批',
        en: 'The start date has passed; the plan must be approved before the activity starts',
        rule: 'R-FOR-03',
      }),
      actingAs: null,
    };
  return { verdict: { allowed: true }, actingAs: null };
};

export const planSettled: SettleHandler = async (sql: Sql, approval: ApprovalRow, actor: Actor) => {
  const a = await activityByApproval(sql, approval.id);
  if (!a) return;
  if (a.state !== 'plan_submitted') return;
  const next: ActivityState = approval.status === 'approved' ? 'plan_approved' : 'draft';
  await patchActivity(sql, a.id, { state: next });
  const decisions = await listDecisions(sql, approval.id);
  const last = decisions[decisions.length - 1];
  await insertStep(
    sql,
    a.id,
    `plan_${approval.status}`,
    last?.personId ?? a.createdByPersonId,
    last?.comment ?? '',
  );
  await appendAudit(sql, actor, {
    action: 'foreign.plan_settled',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { approval: approval.status, from: a.state, to: next },
  });
};

export const planLink: SubjectLink = async (sql, subjectId) =>
  (await getActivity(sql, subjectId)) ? `/foreign/activities/${subjectId}` : null;

// ---- briefings (R-FOR-04): the personnel module's records

interface BriefedParticipant extends ParticipantRow {
  classified: boolean;
  briefed: boolean;
  heldOn: string | null;
  label: { zh: string; en: string };
}

async function briefedParticipants(
  sql: Sql,
  a: ActivityRecord,
  settings: ForeignSettings,
): Promise<BriefedParticipant[]> {
  const parts = await participantsOf(sql, a.id);
  const held = await briefingsForForeign(
    sql,
    parts.map((p) => p.personId),
  );
  return parts.map((p) => {
    const h = held.get(p.personId);
    const s = briefingStatus(h?.briefings ?? [], a.startsOn, settings.briefingValidMonths);
    return {
      ...p,
      classified: h?.classified ?? false,
      briefed: s.valid,
      heldOn: s.valid ? s.heldOn : null,
      label: s.valid ? BRIEFING_STATUS_LABELS.valid : BRIEFING_STATUS_LABELS[s.reason],
    };
  });
}

function participantOf(a: ActivityRecord, personId: string) {
  if (!a.participantIds.includes(personId)) throw notFound({ zh: '参加人员', en: 'Participant' }, 'personId');
}

export async function briefParticipant(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ActivityBriefingInput,
) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(officerVerdict(caller));
  participantOf(a, input.personId);
  if (a.state === 'closed' || a.state === 'ended')
    throw conflict({
      code: 'activity_state',
      zh: '活动已结束，不再登记行前保密提醒',
      en: 'The activity has ended',
      rule: 'R-FOR-04',
    });
  const b = await registerBriefing(sql, actor, caller, {
    personId: input.personId,
    heldOn: input.heldOn,
    topics: input.topics,
    signed: input.signed,
    note: (input.note ?? '').trim() || `涉外活动：${a.title}`.slice(0, 500),
  });
  const names = await namesOf(sql, [input.personId]);
  await insertStep(
    sql,
    a.id,
    'briefing',
    caller.personId,
    `${names.get(input.personId) ?? ''} ${input.heldOn}`,
  );
  await patchActivity(sql, a.id, {});
  await appendAudit(sql, actor, {
    action: 'foreign.briefing',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { personId: input.personId, briefingId: b.id, heldOn: input.heldOn, signed: input.signed },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

/** R-FOR-04: a classified participant's signed commitment and registration form (DUT-BM-94). */
export async function setPapers(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  personId: string,
  input: C.ParticipantPapersInput,
) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(officerVerdict(caller));
  checkVersion(a, input.version);
  participantOf(a, personId);
  if (a.state === 'closed')
    throw conflict({
      code: 'activity_state',
      zh: '活动已办结',
      en: 'The activity is closed',
      rule: 'R-FOR-04',
    });
  await setParticipantPapers(sql, a.id, personId, input.commitmentSigned, input.registrationFiled);
  await patchActivity(sql, a.id, {});
  await insertStep(
    sql,
    a.id,
    'papers',
    caller.personId,
    (await namesOf(sql, [personId])).get(personId) ?? '',
  );
  await appendAudit(sql, actor, {
    action: 'foreign.papers',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: {
      personId,
      commitmentSigned: input.commitmentSigned,
      registrationFiled: input.registrationFiled,
    },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

// ---- start, leading group, inspection, end

export async function startActivity(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.StepInput) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(activityWriteVerdict(caller, subjectOf(a)));
  checkVersion(a, input.version);
  const settings = await foreignSettingsOf(sql, a.orgId);
  const approval = a.approvalId ? await getApproval(sql, a.approvalId) : null;
  const parts = await briefedParticipants(sql, a, settings);
  refuseAll(
    checkStart({
      state: a.state,
      approvalApproved: approval?.status === 'approved',
      participants: parts.map((p) => ({ ...p, personId: p.personId, name: p.name })),
    }),
  );
  const today = todayInChina();
  await patchActivity(sql, a.id, { state: 'started', startedOn: today });
  await insertStep(sql, a.id, 'started', caller.personId, input.note ?? '');
  await appendAudit(sql, actor, {
    action: 'foreign.start',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { from: a.state, to: 'started' },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

export async function setLeadingGroup(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.LeadingGroupInput,
) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(activityWriteVerdict(caller, subjectOf(a)));
  checkVersion(a, input.version);
  if (a.state === 'closed')
    throw conflict({
      code: 'activity_state',
      zh: '活动已办结',
      en: 'The activity is closed',
      rule: 'R-FOR-03',
    });
  const ids = input.members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length)
    throw invalid({
      code: 'duplicate_member',
      field: 'members',
      zh: '成员重复',
      en: 'A member is named twice',
    });
  const people = await peopleOfOrg(sql, a.orgId, ids);
  if (people.length !== ids.length) throw notFound({ zh: '领导小组成员', en: 'Member' }, 'members');
  const members = input.members.map((m) => ({ personId: m.personId, duty: (m.duty ?? '').trim() }));
  await patchActivity(sql, a.id, { leadingGroup: members });
  await insertStep(sql, a.id, 'leading_group', caller.personId, people.map((p) => p.name).join('、'));
  await appendAudit(sql, actor, {
    action: 'foreign.leading_group',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { from: a.leadingGroup.map((m) => m.personId), to: ids },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

/** R-FOR-03: the leading group's on-site inspection (a member or the secrecy officer records it). */
export async function recordInspection(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.InspectionInput,
) {
  const a = await readableActivity(sql, caller, id, true);
  const member = a.leadingGroup.some((m) => m.personId === caller.personId);
  if (!member) enforce(officerVerdict(caller));
  checkVersion(a, input.version);
  if (a.state !== 'started' && a.state !== 'ended')
    throw conflict({
      code: 'activity_state',
      zh: '现场检查在活动进行中或结束后登记',
      en: 'The inspection is recorded once the activity has started',
      rule: 'R-FOR-03',
    });
  if (!a.leadingGroup.length)
    throw conflict({
      code: 'no_leading_group',
      field: 'leadingGroup',
      zh: '请先成立保密工作领导小组',
      en: 'Set up the leading group first',
      rule: 'R-FOR-03',
    });
  refuseAll(
    checkActivityDates({ startsOn: input.on, endsOn: input.on, today: todayInChina() }).map((v) => ({
      ...v,
      field: 'on',
    })),
    'invalid',
  );
  if (input.on < (a.startedOn ?? a.startsOn) || input.on > todayInChina())
    throw invalid({
      code: 'inspection_date',
      field: 'on',
      zh: '检查日期须在活动开始之后、今天之前',
      en: 'The inspection date must lie between the start and today',
      rule: 'R-FOR-03',
    });
  const inspection = { on: input.on, findings: input.findings.trim(), byPersonId: caller.personId };
  await patchActivity(sql, a.id, { inspection });
  await insertStep(sql, a.id, 'inspection', caller.personId, inspection.findings);
  await appendAudit(sql, actor, {
    action: 'foreign.inspection',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { on: input.on },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

export async function endActivity(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.StepInput) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(activityWriteVerdict(caller, subjectOf(a)));
  checkVersion(a, input.version);
  if (a.state !== 'started')
    throw conflict({
      code: 'activity_state',
      zh: `当前状态（${ACTIVITY_STATE_LABELS[a.state].zh}）不能结束活动`,
      en: `The activity cannot end in state ${ACTIVITY_STATE_LABELS[a.state].en}`,
      rule: 'R-FOR-08',
    });
  await patchActivity(sql, a.id, { state: 'ended', endedOn: todayInChina() });
  await insertStep(sql, a.id, 'ended', caller.personId, input.note ?? '');
  await appendAudit(sql, actor, {
    action: 'foreign.end',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { from: a.state, to: 'ended' },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

// ---- closing (R-FOR-08)

export async function wrapUp(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.WrapUpInput) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(activityWriteVerdict(caller, subjectOf(a)));
  checkVersion(a, input.version);
  if (a.state !== 'ended')
    throw conflict({
      code: 'activity_state',
      zh: '活动结束后再登记文件资料收集和总结',
      en: 'Documents and the summary are recorded after the activity ended',
      rule: 'R-FOR-08',
    });
  const documents = input.documents.map((d) => ({
    title: d.title.trim(),
    copies: d.copies,
    returned: d.returned,
    note: (d.note ?? '').trim(),
  }));
  await patchActivity(sql, a.id, { documents, summary: input.summary.trim() });
  await insertStep(sql, a.id, 'wrap_up', caller.personId, `文件资料${documents.length}项`);
  await appendAudit(sql, actor, {
    action: 'foreign.wrap_up',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { documents: documents.length, returned: documents.filter((d) => d.returned).length },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

/** R-FOR-08 (D156): an officer who took part in the activity does not check it himself. */
const OWN_CHECK = refused('forbidden', {
  code: 'own_activity',
  zh: '保密员本人参加了该涉外活动，须由其他保密员检查',
  en: 'The secrecy officer took part in the activity; another officer records the check',
  rule: 'R-FOR-08',
});

/** R-FOR-08: the secrecy officer's check; a suspected leak opens the incident at once (24 h on the clock). */
export async function officerCheck(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.OfficerCheckInput,
) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(officerVerdict(caller));
  // R-FOR-08 (D156): the check is of those who went, not by one of them — another officer records it.
  if (a.participantIds.includes(caller.personId)) enforce(OWN_CHECK);
  checkVersion(a, input.version);
  if (a.state !== 'ended' && a.state !== 'started')
    throw conflict({
      code: 'activity_state',
      zh: '保密员检查在活动进行中或结束后登记',
      en: 'The check is recorded once the activity has started',
      rule: 'R-FOR-08',
    });
  const leak = (input.leakDescription ?? '').trim();
  if (input.suspectedLeak && !leak)
    throw invalid({
      code: 'leak_description',
      field: 'leakDescription',
      zh: '请说明疑似泄密的情况',
      en: 'Describe the suspected leak',
      rule: 'R-FOR-08',
    });
  let incidentId = a.incidentId;
  if (input.suspectedLeak && !incidentId) {
    const inc = await openIncident(sql, actor, {
      orgId: a.orgId,
      title: `涉外活动疑似泄密：${a.title}（${leak}）`.slice(0, 300),
      level: a.level ?? 'confidential',
      knowScope: {
        personIds: [...a.participantIds],
        departmentIds: [a.organiserDepartmentId],
        positions: [],
      },
      source: 'manual',
      discoveredByPersonId: caller.personId,
    });
    incidentId = inc.id;
    await insertStep(sql, a.id, 'leak', caller.personId, leak);
  }
  // R-FOR-08 (D152): a later check does not clear a suspected leak — once the incident is open the
  // check stays marked; the incident itself is settled in the incidents module, not by a new check.
  const suspectedLeak = input.suspectedLeak || incidentId !== null;
  const check = {
    byPersonId: caller.personId,
    at: new Date().toISOString(),
    note: input.note.trim(),
    suspectedLeak,
  };
  await patchActivity(sql, a.id, { officerCheck: check, incidentId });
  await insertStep(sql, a.id, 'officer_check', caller.personId, check.note);
  await appendAudit(sql, actor, {
    action: 'foreign.officer_check',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { suspectedLeak, incidentId },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

export async function closeActivity(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.StepInput) {
  const a = await readableActivity(sql, caller, id, true);
  enforce(activityWriteVerdict(caller, subjectOf(a)));
  checkVersion(a, input.version);
  const settings = await foreignSettingsOf(sql, a.orgId);
  refuseAll(closeViolations(a, settings));
  await patchActivity(sql, a.id, { state: 'closed', closedOn: todayInChina() });
  await insertStep(sql, a.id, 'closed', caller.personId, input.note ?? '');
  await appendAudit(sql, actor, {
    action: 'foreign.close',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { from: a.state, to: 'closed' },
  });
  return detailOf(sql, caller, (await getActivity(sql, a.id))!);
}

const closeViolations = (a: ActivityRecord, settings: ForeignSettings) =>
  checkClose({
    state: a.state,
    // D155: the 重要 the plan was approved as keeps its leading group and inspection due
    importance: currentImportance(a, settings.majorForeignCount).importance,
    leadingGroup: a.leadingGroup.length,
    inspected: a.inspection !== null,
    documents: a.documents,
    summary: a.summary,
    officerChecked: a.officerCheck !== null,
  });

// ---- reads

const STEP_LABELS: Record<string, { zh: string; en: string }> = {
  created: { zh: '登记活动', en: 'Registered' },
  changed: { zh: '修改', en: 'Changed' },
  plan_submitted: { zh: '报批保密工作方案', en: 'Plan submitted' },
  plan_reopened: { zh: '方案批准后变更，重新审批', en: 'Changed after approval: re-approval' },
  plan_approved: { zh: '主管领导批准方案', en: 'Plan approved' },
  plan_returned: { zh: '方案退回修改', en: 'Plan returned' },
  plan_rejected: { zh: '方案未获批准', en: 'Plan rejected' },
  plan_withdrawn: { zh: '方案撤回', en: 'Plan withdrawn' },
  briefing: { zh: '保密提醒', en: 'Briefing' },
  papers: { zh: '承诺书、登记表', en: 'Commitment and form' },
  started: { zh: '活动开始', en: 'Started' },
  leading_group: { zh: '成立保密工作领导小组', en: 'Leading group' },
  inspection: { zh: '现场检查', en: 'On-site inspection' },
  ended: { zh: '活动结束', en: 'Ended' },
  wrap_up: { zh: '文件资料收集与总结', en: 'Documents and summary' },
  leak: { zh: '疑似泄密，已登记泄密事件', en: 'Suspected leak: incident opened' },
  officer_check: { zh: '保密员检查', en: 'Secrecy officer’s check' },
  closed: { zh: '办结', en: 'Closed' },
};

const abilityOf = (v: Verdict) =>
  v.allowed
    ? { allowed: true }
    : { allowed: false, reason: { zh: v.reason.zh, en: v.reason.en, rule: v.reason.rule } };
const both = (...vs: Verdict[]): Verdict => vs.find((v) => !v.allowed) ?? { allowed: true };
const stateIs = (a: ActivityRecord, states: readonly ActivityState[], rule: string): Verdict =>
  states.includes(a.state)
    ? { allowed: true }
    : refused('conflict', {
        code: 'activity_state',
        zh: `当前状态：${ACTIVITY_STATE_LABELS[a.state].zh}`,
        en: `State: ${ACTIVITY_STATE_LABELS[a.state].en}`,
        rule,
      });
const fromViolations = (vs: RuleViolation[]): Verdict =>
  vs.length ? refused('conflict', vs[0]!) : { allowed: true };

export async function detailOf(sql: Sql, caller: Caller, a: ActivityRecord) {
  const settings = await foreignSettingsOf(sql, a.orgId);
  const imp = currentImportance(a, settings.majorForeignCount);
  const parts = await briefedParticipants(sql, a, settings);
  const approval = a.approvalId ? await getApproval(sql, a.approvalId) : null;
  const names = await namesOf(sql, [
    ...a.leadingGroup.map((m) => m.personId),
    ...(a.inspection ? [a.inspection.byPersonId] : []),
    ...(a.officerCheck ? [a.officerCheck.byPersonId] : []),
  ]);
  const write = activityWriteVerdict(caller, subjectOf(a));
  const officer = officerVerdict(caller);
  const member = a.leadingGroup.some((m) => m.personId === caller.personId);
  const today = todayInChina();
  const abilities = {
    update: abilityOf(both(write, stateIs(a, ['draft', 'plan_submitted', 'plan_approved'], 'R-FOR-03'))),
    submit: abilityOf(
      both(
        write,
        fromViolations(
          checkPlanSubmission({
            state: a.state,
            plan: a.plan,
            startsOn: a.startsOn,
            today,
            participants: a.participantIds.length,
          }),
        ),
      ),
    ),
    brief: abilityOf(
      both(officer, stateIs(a, ['draft', 'plan_submitted', 'plan_approved', 'started'], 'R-FOR-04')),
    ),
    start: abilityOf(
      both(
        write,
        fromViolations(
          checkStart({
            state: a.state,
            approvalApproved: approval?.status === 'approved',
            participants: parts,
          }),
        ),
      ),
    ),
    leadingGroup: abilityOf(
      both(write, stateIs(a, ['draft', 'plan_submitted', 'plan_approved', 'started', 'ended'], 'R-FOR-03')),
    ),
    inspect: abilityOf(
      both(member ? { allowed: true } : officer, stateIs(a, ['started', 'ended'], 'R-FOR-03')),
    ),
    end: abilityOf(both(write, stateIs(a, ['started'], 'R-FOR-08'))),
    wrapUp: abilityOf(both(write, stateIs(a, ['ended'], 'R-FOR-08'))),
    check: abilityOf(
      both(
        officer,
        a.participantIds.includes(caller.personId) ? OWN_CHECK : { allowed: true },
        stateIs(a, ['started', 'ended'], 'R-FOR-08'),
      ),
    ),
    close: abilityOf(both(write, fromViolations(closeViolations(a, settings)))),
  };
  const steps = await stepsOf(sql, a.id);
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    organiserDepartmentId: a.organiserDepartmentId,
    organiserDepartmentName: a.organiserDepartmentName,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    place: a.place,
    foreignCount: a.foreignCount,
    level: a.level,
    importance: imp.importance,
    state: a.state,
    participantCount: parts.length,
    version: a.version,
    foreignParties: a.foreignParties.map((p) => ({ kind: p.kind, name: p.name, country: p.country ?? '' })),
    topics: a.topics,
    classifiedApproved: a.classifiedApproved,
    majorReasons: imp.reasons.map((code) => ({
      code,
      label:
        code === 'foreign_count' && imp.kept
          ? {
              zh: `${MAJOR_REASON_LABELS[code].zh}（${a.foreignCount}人，保密工作方案批准时为重要，之后调高的人数标准不降低其重要程度）`,
              en: `${MAJOR_REASON_LABELS[code].en} (${a.foreignCount}; major when its plan was approved, a later higher threshold does not lower it)`,
            }
          : code === 'foreign_count'
            ? {
                zh: `${MAJOR_REASON_LABELS[code].zh}（${a.foreignCount}人，${settings.majorForeignCount}人及以上为重要）`,
                en: `${MAJOR_REASON_LABELS[code].en} (${a.foreignCount}; ${settings.majorForeignCount} or more)`,
              }
            : MAJOR_REASON_LABELS[code],
    })),
    plan: {
      nature: a.plan.nature ?? '',
      responsibilities: a.plan.responsibilities ?? '',
      measures: a.plan.measures ?? '',
      reason: a.plan.reason ?? '',
      programme: a.plan.programme ?? '',
      materials: a.plan.materials ?? '',
    },
    approvalId: a.approvalId,
    approvalStatus: approval?.status ?? null,
    participants: parts.map((p) => ({
      personId: p.personId,
      name: p.name,
      departmentName: p.departmentName,
      duty: p.duty,
      classified: p.classified,
      commitmentSigned: p.commitmentSigned,
      registrationFiled: p.registrationFiled,
      briefed: p.briefed,
      briefing: { valid: p.briefed, heldOn: p.heldOn, label: p.label },
    })),
    leadingGroup: a.leadingGroup.map((m) => ({ ...m, name: names.get(m.personId) ?? '' })),
    inspection: a.inspection
      ? {
          on: a.inspection.on,
          findings: a.inspection.findings,
          byName: names.get(a.inspection.byPersonId) ?? '',
        }
      : null,
    documents: a.documents,
    summary: a.summary,
    officerCheck: a.officerCheck
      ? {
          byName: names.get(a.officerCheck.byPersonId) ?? '',
          at: a.officerCheck.at,
          note: a.officerCheck.note,
          suspectedLeak: a.officerCheck.suspectedLeak,
        }
      : null,
    incidentId: a.incidentId,
    startedOn: a.startedOn,
    endedOn: a.endedOn,
    closedOn: a.closedOn,
    createdByName: a.createdByName,
    createdAt: a.createdAt,
    steps: steps.map((s) => ({ ...s, label: STEP_LABELS[s.kind] ?? { zh: s.kind, en: s.kind } })),
    abilities,
  };
}
export type ActivityDetail = Awaited<ReturnType<typeof detailOf>>;

/** The detail, audited as a read (`foreign.read`; every read of an activity's page). */
export async function activityDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const a = await readableActivity(sql, caller, id);
  await appendAudit(sql, actor, {
    action: 'foreign.read',
    objectType: SUBJECT_TYPE,
    objectId: a.id,
    summary: { level: a.level },
  });
  return detailOf(sql, caller, a);
}

export async function listActivities(
  sql: Sql,
  caller: Caller,
  f: ActivityFilter & { sort?: 'startsOn' | 'title' | 'createdAt'; order?: 'asc' | 'desc' },
  page: { limit: number; offset: number } | null,
) {
  const { sort, order, ...filter } = f;
  for (const field of ['from', 'to'] as const) {
    const v = filter[field];
    if (v !== undefined && (!isPlainDate(v) || v < '1900-01-01' || v > '9999-12-31'))
      throw invalid({ code: 'bad_date', field, zh: '日期无效', en: 'Invalid date' });
  }
  const r = await listActivityRows(
    sql,
    activityReadScope(caller),
    filter,
    sort ?? 'startsOn',
    order ?? (sort === 'title' ? 'asc' : 'desc'),
    page ?? { limit: 10000, offset: 0 },
  );
  return {
    items: r.items.map(({ important, ...x }) => ({
      ...x,
      importance: important ? ('major' as const) : ('ordinary' as const),
    })),
    total: r.total,
  };
}

export const kindLabel = (k: keyof typeof ACTIVITY_KIND_LABELS) => ACTIVITY_KIND_LABELS[k].zh;
export const levelLabel = (l: string | null) =>
  l ? LEVEL_LABELS[l as keyof typeof LEVEL_LABELS].zh : '非涉密';

/**
 * The unit's rules (R-FOR-02 threshold, R-FOR-04 validity, the todos' horizons), audited from → to; the
 * stored importance of every activity of the unit follows a new threshold at once (the ledger's filter).
 */
export async function setForeignSettings(sql: Sql, actor: Actor, caller: Caller, next: C.ForeignSettings) {
  const before = await foreignSettingsOf(sql, caller.orgId);
  await writeSetting(sql, settingsKey(caller.orgId), next, actor.id);
  const after = await foreignSettingsOf(sql, caller.orgId);
  const rows = await importanceInputsOf(sql, caller.orgId);
  // D155: from the plan's approval on, a higher threshold does not lower 重要 (currentImportance)
  const flips = rows.filter(
    (r) => (currentImportance(r, after.majorForeignCount).importance === 'major') !== r.important,
  );
  await setImportant(
    sql,
    flips.filter((r) => !r.important).map((r) => r.id),
    true,
  );
  await setImportant(
    sql,
    flips.filter((r) => r.important).map((r) => r.id),
    false,
  );
  await appendAudit(sql, actor, {
    action: 'foreign.settings',
    objectType: 'org',
    objectId: caller.orgId,
    summary: { from: before, to: after, reclassified: flips.length },
  });
  return after;
}
