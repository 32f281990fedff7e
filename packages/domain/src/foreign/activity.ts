// 涉外活动 (foreign-affairs activities, R-FOR-01 … R-FOR-03, R-FOR-08): the kinds, the states, the
// importance the server computes, and the checks of each step (the plan, start, closing). Pure rules;
// the server's foreign module (activity part) applies them.
import type { RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import type { StateSecretLevel } from '../levels/level.ts';

const L = (zh: string, en: string) => ({ zh, en });
type Labels<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;

/** R-FOR-01: the five kinds of foreign-affairs activity (seed 000 第八条(一)). */
export const ACTIVITY_KINDS = [
  'travel_abroad',
  'reception',
  'foreign_meeting',
  'provision',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Labels<ActivityKind> = {
  travel_abroad: L('出国（境）', 'Going abroad'),
  reception: L('涉外接待', 'Reception of foreign visitors'),
  foreign_meeting: L('涉外会议', 'Foreign meeting'),
  provision: L('对外提供资料物品', 'Provision to a foreign party'),
  other: L('其他涉外活动', 'Other foreign contact'),
};

/** The activity's life: draft → plan submitted → plan approved → started → ended → closed. */
export const ACTIVITY_STATES = [
  'draft',
  'plan_submitted',
  'plan_approved',
  'started',
  'ended',
  'closed',
] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];
export const ACTIVITY_STATE_LABELS: Labels<ActivityState> = {
  draft: L('草拟', 'Draft'),
  plan_submitted: L('方案待审批', 'Plan submitted'),
  plan_approved: L('方案已批准', 'Plan approved'),
  started: L('进行中', 'Started'),
  ended: L('已结束待总结', 'Ended'),
  closed: L('已办结', 'Closed'),
};

/** R-FOR-02: 重要 (major) or 一般 (ordinary). */
export const IMPORTANCES = ['major', 'ordinary'] as const;
export type Importance = (typeof IMPORTANCES)[number];
export const IMPORTANCE_LABELS: Labels<Importance> = {
  major: L('重要', 'Major'),
  ordinary: L('一般', 'Ordinary'),
};

/** Which condition made an activity 重要 (R-FOR-02, seed 000 第八条(二)1). */
export const MAJOR_REASONS = [
  'foreign_count',
  'national_strategy',
  'economic_policy',
  'classified_approved',
] as const;
export type MajorReason = (typeof MAJOR_REASONS)[number];
export const MAJOR_REASON_LABELS: Labels<MajorReason> = {
  foreign_count: L('境外人员参与人数较多', 'Many foreign participants'),
  national_strategy: L('涉及国家战略', 'Touches national strategy'),
  economic_policy: L('涉及经济政策', 'Touches economic policy'),
  classified_approved: L('经国家有关部门批准的涉密涉外活动', 'Approved classified foreign activity'),
};

/** R-FOR-02: the default threshold of foreign participants (10 及以上), configurable per unit. */
export const DEFAULT_MAJOR_FOREIGN_COUNT = 10;

export interface ActivityTopic {
  title: string;
  nationalStrategy: boolean;
  economicPolicy: boolean;
}

export interface ImportanceInput {
  foreignCount: number;
  topics: readonly ActivityTopic[];
  level: StateSecretLevel | null;
  classifiedApproved: boolean;
}

export interface ImportanceResult {
  importance: Importance;
  reasons: MajorReason[];
}

/**
 * R-FOR-02: 重要 when foreign participants ≥ `threshold` (10 by default), or a topic touches national
 * strategy or economic policy, or it is a classified activity approved by the state's competent
 * bodies; otherwise 一般. Returns every condition that holds (the UI shows them).
 */
export function activityImportance(
  a: ImportanceInput,
  threshold: number = DEFAULT_MAJOR_FOREIGN_COUNT,
): ImportanceResult {
  const reasons: MajorReason[] = [];
  if (Number.isFinite(a.foreignCount) && a.foreignCount >= threshold) reasons.push('foreign_count');
  if (a.topics.some((t) => t.nationalStrategy)) reasons.push('national_strategy');
  if (a.topics.some((t) => t.economicPolicy)) reasons.push('economic_policy');
  if (a.level !== null && a.classifiedApproved) reasons.push('classified_approved');
  return { importance: reasons.length ? 'major' : 'ordinary', reasons };
}

/** States from the plan's approval on (R-FOR-03): the importance the leader approved is kept. */
export const IMPORTANCE_KEPT_STATES: readonly ActivityState[] = [
  'plan_approved',
  'started',
  'ended',
  'closed',
];

/**
 * R-FOR-02 with R-FOR-03 (D155): an activity's importance as it stands. Before its plan is approved it
 * follows the unit's threshold; from the approval on, a later, higher threshold does not lower the 重要
 * it was approved as (its leading group and on-site inspection stay due) — a change of the activity
 * itself reopens the approval and is judged afresh. `kept` says the 重要 is the approved one.
 */
export function currentImportance(
  a: ImportanceInput & { state: ActivityState; important: boolean },
  threshold: number = DEFAULT_MAJOR_FOREIGN_COUNT,
): ImportanceResult & { kept: boolean } {
  const live = activityImportance(a, threshold);
  if (live.importance === 'major' || !a.important || !IMPORTANCE_KEPT_STATES.includes(a.state))
    return { ...live, kept: false };
  return { importance: 'major', reasons: ['foreign_count'], kept: true };
}

/** The secrecy plan's five parts (R-FOR-03, seed 000 第九条(四)); the level is the activity's. */
export interface SecrecyPlan {
  /** 任务性质 */
  nature: string;
  /** 责任分工 */
  responsibilities: string;
  /** 保密措施 */
  measures: string;
  /** 具体要求: 活动事由、活动方案、提供资料 */
  reason: string;
  programme: string;
  materials: string;
}
export const PLAN_PARTS = [
  'nature',
  'responsibilities',
  'measures',
  'reason',
  'programme',
  'materials',
] as const;
export const PLAN_PART_LABELS: Labels<(typeof PLAN_PARTS)[number]> = {
  nature: L('任务性质', 'Nature of the task'),
  responsibilities: L('责任分工', 'Division of responsibilities'),
  measures: L('保密措施', 'Secrecy measures'),
  reason: L('活动事由', 'Reason'),
  programme: L('活动方案', 'Programme'),
  materials: L('提供资料', 'Materials to provide'),
};

export interface DatesInput {
  startsOn: PlainDate;
  endsOn: PlainDate;
  today: PlainDate;
}

/** Dates an activity may have: valid days, end not before start, within 2 years back and 5 ahead. */
export function checkActivityDates(d: DatesInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const [field, v] of [
    ['startsOn', d.startsOn],
    ['endsOn', d.endsOn],
  ] as const) {
    if (!isPlainDate(v)) {
      out.push({ code: 'bad_date', field, zh: '日期无效', en: 'Invalid date', rule: 'R-FOR-01' });
      continue;
    }
    const year = Number(v.slice(0, 4));
    const thisYear = Number(d.today.slice(0, 4));
    if (year < thisYear - 2 || year > thisYear + 5)
      out.push({
        code: 'date_out_of_range',
        field,
        zh: `日期须在${thisYear - 2}年至${thisYear + 5}年之间`,
        en: `The date must lie between ${thisYear - 2} and ${thisYear + 5}`,
        rule: 'R-FOR-01',
      });
  }
  if (!out.length && compareDates(d.endsOn, d.startsOn) < 0)
    out.push({
      code: 'ends_before_start',
      field: 'endsOn',
      zh: '结束日期早于开始日期',
      en: 'The end date is before the start date',
      rule: 'R-FOR-01',
    });
  return out;
}

/** R-FOR-03: the plan's parts that are still empty (all must be filled before it is submitted). */
export function missingPlanParts(plan: Partial<SecrecyPlan>): (typeof PLAN_PARTS)[number][] {
  return PLAN_PARTS.filter((k) => !(plan[k] ?? '').trim());
}

/** R-FOR-03: may the plan be submitted for approval: from a draft, complete, before the start date. */
export function checkPlanSubmission(a: {
  state: ActivityState;
  plan: Partial<SecrecyPlan>;
  startsOn: PlainDate;
  today: PlainDate;
  participants: number;
}): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (a.state !== 'draft')
    out.push({
      code: 'activity_state',
      zh: `当前状态（${ACTIVITY_STATE_LABELS[a.state].zh}）不能报批方案`,
      en: `The plan cannot be submitted in state ${ACTIVITY_STATE_LABELS[a.state].en}`,
      rule: 'R-FOR-03',
    });
  const missing = missingPlanParts(a.plan);
  if (missing.length)
    out.push({
      code: 'plan_incomplete',
      field: `plan.${missing[0]}`,
      zh: `保密工作方案缺少：${missing.map((k) => PLAN_PART_LABELS[k].zh).join('、')}`,
      en: `The secrecy plan lacks: ${missing.map((k) => PLAN_PART_LABELS[k].en).join(', ')}`,
      rule: 'R-FOR-03',
    });
  if (compareDates(a.today, a.startsOn) > 0)
    out.push({
      code: 'plan_after_start',
      field: 'startsOn',
      zh: '保密工作方案须在活动开始前报经主管领导批准，开始日期已过',
      en: 'The plan must be approved before the activity starts; the start date has passed',
      rule: 'R-FOR-03',
    });
  if (a.participants < 1)
    out.push({
      code: 'no_participants',
      field: 'participants',
      zh: '请填写我方参加人员',
      en: 'Name our participants',
      rule: 'R-FOR-04',
    });
  return out;
}

/** A participant as the start check sees him. */
export interface StartParticipant {
  personId: string;
  name: string;
  /** A valid, signed briefing covering every topic (R-FOR-04; once a year is enough). */
  briefed: boolean;
  /** A classified person (涉密人员): also a signed commitment and a registration form. */
  classified: boolean;
  commitmentSigned: boolean;
  registrationFiled: boolean;
}

/**
 * R-FOR-03, R-FOR-04: may the activity start: its plan approved (and not changed since — a change
 * reopens the approval, so the state is no longer plan_approved), every participant briefed, every
 * classified participant's commitment and registration form registered. Names who blocks.
 */
export function checkStart(a: {
  state: ActivityState;
  approvalApproved: boolean;
  participants: readonly StartParticipant[];
}): RuleViolation[] {
  if (a.state !== 'plan_approved' || !a.approvalApproved)
    return [
      {
        code: a.state === 'plan_submitted' ? 'plan_not_approved' : 'activity_state',
        zh:
          a.state === 'plan_submitted'
            ? '保密工作方案尚未经主管领导批准（或批准后有变更，须重新审批），活动不能开始'
            : `当前状态（${ACTIVITY_STATE_LABELS[a.state].zh}）不能开始活动，须先经批准保密工作方案`,
        en:
          a.state === 'plan_submitted'
            ? 'The secrecy plan is not approved (or changed after approval and awaits re-approval)'
            : `The activity cannot start in state ${ACTIVITY_STATE_LABELS[a.state].en}; the plan must be approved first`,
        rule: 'R-FOR-03',
      },
    ];
  const out: RuleViolation[] = [];
  const unbriefed = a.participants.filter((p) => !p.briefed);
  if (unbriefed.length)
    out.push({
      code: 'participants_unbriefed',
      field: 'participants',
      zh: `以下参加人员没有有效的保密提醒记录：${unbriefed.map((p) => p.name).join('、')}`,
      en: `These participants have no valid secrecy briefing: ${unbriefed.map((p) => p.name).join(', ')}`,
      rule: 'R-FOR-04',
    });
  const unsigned = a.participants.filter((p) => p.classified && !(p.commitmentSigned && p.registrationFiled));
  if (unsigned.length)
    out.push({
      code: 'participants_unsigned',
      field: 'participants',
      zh: `以下涉密人员未签保密承诺书或未填登记表：${unsigned.map((p) => p.name).join('、')}`,
      en: `These classified participants lack the signed commitment or the registration form: ${unsigned.map((p) => p.name).join(', ')}`,
      rule: 'R-FOR-04',
    });
  return out;
}

export interface CollectedDocument {
  title: string;
  copies: number;
  /** Returned or otherwise accounted for (the note says how). */
  returned: boolean;
  note: string;
}

/**
 * R-FOR-03, R-FOR-08: may the activity be closed: it has ended; the documents collected are all
 * returned or accounted for; a summary is written; the secrecy officer checked it; a 重要 activity has
 * a leading group and an on-site inspection record.
 */
export function checkClose(a: {
  state: ActivityState;
  importance: Importance;
  leadingGroup: number;
  inspected: boolean;
  documents: readonly CollectedDocument[];
  summary: string;
  officerChecked: boolean;
}): RuleViolation[] {
  if (a.state !== 'ended')
    return [
      {
        code: 'activity_state',
        zh: `当前状态（${ACTIVITY_STATE_LABELS[a.state].zh}）不能办结，活动须先结束`,
        en: `The activity cannot be closed in state ${ACTIVITY_STATE_LABELS[a.state].en}`,
        rule: 'R-FOR-08',
      },
    ];
  const out: RuleViolation[] = [];
  if (a.importance === 'major' && a.leadingGroup < 1)
    out.push({
      code: 'no_leading_group',
      field: 'leadingGroup',
      zh: '重要涉外活动须成立保密工作领导小组',
      en: 'A major activity needs a secrecy leading group',
      rule: 'R-FOR-03',
    });
  if (a.importance === 'major' && !a.inspected)
    out.push({
      code: 'no_inspection',
      field: 'inspection',
      zh: '重要涉外活动须有保密工作领导小组的现场检查记录',
      en: 'A major activity needs the leading group’s on-site inspection record',
      rule: 'R-FOR-03',
    });
  const open = a.documents.filter((d) => !d.returned && !d.note.trim());
  if (open.length)
    out.push({
      code: 'documents_outstanding',
      field: 'documents',
      zh: `以下文件资料未收回也未说明去向：${open.map((d) => d.title).join('、')}`,
      en: `These documents are neither returned nor accounted for: ${open.map((d) => d.title).join(', ')}`,
      rule: 'R-FOR-08',
    });
  if (!a.summary.trim())
    out.push({
      code: 'no_summary',
      field: 'summary',
      zh: '请填写涉外活动保密工作总结',
      en: 'Write the summary',
      rule: 'R-FOR-08',
    });
  if (!a.officerChecked)
    out.push({
      code: 'no_officer_check',
      field: 'officerCheck',
      zh: '须经保密员检查',
      en: 'The secrecy officer has not checked it',
      rule: 'R-FOR-08',
    });
  return out;
}
