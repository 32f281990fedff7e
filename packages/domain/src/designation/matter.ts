// R-DES-01, R-DES-01a, R-DES-06, R-DES-07, R-DES-08, R-DES-08a, R-LVL-02: a matter to designate
// (定密事项) — the handler's draft and its checks, the approval procedure (承办人 → 保密员 → 定密责任人,
// 国家秘密事项定密审核审批表) as a state machine, disputed and unclear matters, automatic release
// when the period ends, the yearly review, and the list of people who know 机密 and 绝密 items.
import { type Check, DomainError, fail, ok, type RuleViolation } from '../errors.ts';
import {
  addDays,
  addYears,
  compareDates,
  daysBetween,
  isPlainDate,
  type PlainDate,
} from '../levels/calendar.ts';
import { checkClassification, type KnowScope } from '../levels/classification.ts';
import { normalizeConditionText } from '../levels/condition.ts';
import { isStateSecret, LEVEL_LABELS, type Level, maxLevel, type StateSecretLevel } from '../levels/level.ts';
import { type Period, releaseDate, resolvePeriod } from '../levels/period.ts';
import type { AdminLevel } from '../orgs/enums.ts';
import { addWorkingDays, WEEKENDS_ONLY, type WorkCalendar } from '../workdays/workdays.ts';
import type { DesignationKind, DesignationReason } from './authority.ts';
import type { DesignatorRole, MayDecideResult } from './designators.ts';

// ---------------------------------------------------------------------------------------------
// The draft (R-DES-06) and its basis (R-DES-01a)

/** R-DES-01a: grounds on which a matter may NOT be classified; the form asks each one. */
export const NON_CLASSIFIABLE_GROUNDS = [
  'public_must_know',
  'work_secret',
  'commercial_secret',
  'personal_privacy',
  'already_public',
] as const;
export type NonClassifiableGround = (typeof NON_CLASSIFIABLE_GROUNDS)[number];
export const NON_CLASSIFIABLE_LABELS: Record<NonClassifiableGround, { zh: string; en: string }> = {
  public_must_know: {
    zh: '属于依法应当公开或者公众应当知晓的事项',
    en: 'it is something the public must know',
  },
  work_secret: { zh: '属于工作秘密', en: 'it is a work secret' },
  commercial_secret: { zh: '属于商业秘密', en: 'it is a commercial secret' },
  personal_privacy: { zh: '属于个人隐私', en: 'it is personal privacy' },
  already_public: { zh: '已经公开', en: 'it is already public' },
};

/**
 * One clause of an applicable 保密事项范围 (catalogue of secret matters), as the secrecy office
 * configures it. `levels`: the levels the clause provides for (empty: any); `indefiniteAllowed`:
 * whether it allows 长期.
 */
export interface SecretCatalogueEntry {
  id: string;
  /** The clause as cited, e.g. 《…保密事项范围》第三条第（二）项. */
  clause: string;
  levels: readonly StateSecretLevel[];
  indefiniteAllowed: boolean;
}

/**
 * 定密依据: the clause relied on — a catalogue entry, free text, or both — and the form's answers
 * to the R-DES-01a questions (true = the matter falls under that ground, so it cannot be secret).
 */
export interface DesignationBasis {
  catalogueEntryId?: string;
  text: string;
  grounds: Readonly<Record<NonClassifiableGround, boolean>>;
}

/** The already classified item a derived matter comes from (派生定密的来源事项). */
export interface SourceItem {
  id: string;
  level: Level;
  period: Period;
  issueDate: PlainDate;
  knowScope: KnowScope;
  released?: boolean;
}

/** The handler's proposal (承办人拟办意见), the content of the 国家秘密事项定密审核审批表. */
export interface MatterDraft {
  title: string;
  basis: DesignationBasis;
  kind: DesignationKind;
  /** Required for a derived matter; ignored for an original one. */
  sourceItem?: SourceItem;
  level: StateSecretLevel;
  period: Period;
  /** The day the period runs from (制发日期 / 书面通知日期). */
  issueDate: PlainDate;
  knowScope: KnowScope;
}

export interface MatterDraftContext {
  catalogue: readonly SecretCatalogueEntry[];
  /** Today in China: with it, an issue date far in the past or future and a period already over are refused. */
  today?: PlainDate;
}

/** No state secret of the People's Republic was issued before it was founded. */
export const EARLIEST_ISSUE_DATE: PlainDate = '1949-10-01';
/** A document may be designated before it is issued, but not more than a year ahead. */
export const MAX_ISSUE_DAYS_AHEAD = 366;

/**
 * R-LVL-02: a designation states a period; a draft with the level alone (`default`) takes the legal
 * maximum — 绝密 30, 机密 20, 秘密 10 years — and is stored and shown as such (秘密★10年), one behaviour
 * for the API, the form and the marking.
 */
export function designationPeriod(level: StateSecretLevel, period: Period): Period {
  return resolvePeriod(level, period);
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const viol = (code: string, rule: string, zh: string, en: string, field?: string): DesignationReason => ({
  code,
  zh,
  en,
  ...(field === undefined ? {} : { field }),
  rule,
});
const lzh = (l: Level) => LEVEL_LABELS[l].zh;
const len = (l: Level) => LEVEL_LABELS[l].en.toLowerCase();

/** The release date a period gives, or a tag for the periods without one; null when malformed. */
function releaseKey(issueDate: PlainDate, period: Period, level: Level): string | null {
  const p = resolvePeriod(level, period);
  if (p.kind === 'indefinite') return 'indefinite';
  if (p.kind === 'condition') return `condition:${normalizeConditionText(p.text)}`;
  try {
    return releaseDate(issueDate, p, level);
  } catch {
    return null;
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** R-DES-01: whether two scopes name the same people, departments and positions (order ignored). */
export function sameKnowScope(a: KnowScope, b: KnowScope): boolean {
  return (
    sameSet(a.personIds, b.personIds) &&
    sameSet(a.departmentIds, b.departmentIds) &&
    sameSet(a.positions, b.positions)
  );
}

/**
 * R-DES-01: the terms a derived item takes from its source, for an item issued on `issueDate`:
 * the source's level and scope, and a period that ends when the source's does — the same period
 * when issued the same day, otherwise the source's release date as a 解密时间; a condition or 长期
 * is taken as it is. Null when the source is not a state secret or its period gives no valid date.
 */
export function derivedTerms(
  source: SourceItem,
  issueDate: PlainDate,
): { level: StateSecretLevel; period: Period; knowScope: KnowScope } | null {
  if (!isStateSecret(source.level)) return null;
  const p = resolvePeriod(source.level, source.period);
  const base = { level: source.level, knowScope: source.knowScope };
  if (p.kind === 'indefinite' || p.kind === 'condition') return { ...base, period: p };
  if (issueDate === source.issueDate) return { ...base, period: p };
  const r = releaseKey(source.issueDate, p, source.level);
  return r === null ? null : { ...base, period: { kind: 'date', date: r } };
}

/**
 * R-DES-06, R-DES-01, R-DES-01a, R-LVL-01, R-LVL-02: checks a draft; reports EVERY violation:
 * - a title; a basis (catalogue entry or text) for an original matter — a derived one relies on its
 *   source; a catalogue entry that exists; a level the entry provides for;
 * - R-DES-01a: every non-classifiable question answered, and none answered yes;
 * - R-DES-01: a derived matter has a source that is a state secret not yet released, and takes
 *   its level, its period (same end: same release date, condition or 长期) and its scope;
 * - R-LVL-02: a stated period (not the level-only default) within the level's maximum; 长期 only
 *   where the catalogue entry allows it (derived: where the source is 长期);
 * - R-LVL-01: a non-empty knowledge scope.
 * Authority is not checked here: an original matter above the organisation's authority is a valid
 * draft that goes up as a 无权定密事项申报 (canDesignate, R-DES-07).
 */
export function checkDraft(draft: MatterDraft, context: MatterDraftContext): Check {
  const out: RuleViolation[] = [];
  if (blank(draft.title))
    out.push(viol('title_missing', 'R-DES-06', '请填写定密事项名称', 'Give the matter a title', 'title'));

  // DesignationBasis (R-DES-06) and the catalogue entry.
  let entry: SecretCatalogueEntry | undefined;
  if (!blank(draft.basis.catalogueEntryId)) {
    entry = context.catalogue.find((e) => e.id === draft.basis.catalogueEntryId);
    if (!entry)
      out.push(
        viol(
          'basis_entry_unknown',
          'R-DES-06',
          `保密事项范围目录中没有条目“${draft.basis.catalogueEntryId}”`,
          `The catalogue of secret matters has no entry "${draft.basis.catalogueEntryId}"`,
          'basis.catalogueEntryId',
        ),
      );
  } else if (draft.kind === 'original' && blank(draft.basis.text)) {
    out.push(
      viol(
        'basis_missing',
        'R-DES-06',
        '原始定密须写明定密依据（适用的保密事项范围条款）',
        'An original designation needs its basis: the clause of the applicable catalogue of secret matters',
        'basis',
      ),
    );
  }
  if (entry && entry.levels.length > 0 && !entry.levels.includes(draft.level))
    out.push(
      viol(
        'level_not_in_catalogue',
        'R-DES-06',
        `依据条款（${entry.clause}）规定的密级为${entry.levels.map((l) => `${lzh(l)}级`).join('、')}，不是${lzh(draft.level)}级`,
        `The clause relied on (${entry.clause}) provides for ${entry.levels.map(len).join(' or ')}, not ${len(draft.level)}`,
        'level',
      ),
    );

  // R-DES-01a: the questions the form asks.
  for (const g of NON_CLASSIFIABLE_GROUNDS) {
    const answer = (draft.basis.grounds as Partial<Record<NonClassifiableGround, unknown>>)[g];
    const label = NON_CLASSIFIABLE_LABELS[g];
    if (answer === true)
      out.push(
        viol(
          'basis_not_classifiable',
          'R-DES-01a',
          `该事项${label.zh}，不得确定为国家秘密`,
          `This matter cannot be classified: ${label.en}`,
          `basis.grounds.${g}`,
        ),
      );
    else if (answer !== false)
      out.push(
        viol(
          'basis_question_unanswered',
          'R-DES-01a',
          `请回答：该事项是否${label.zh}？`,
          `Answer whether ${label.en.replace(/^it is /u, 'the matter is ')}`,
          `basis.grounds.${g}`,
        ),
      );
  }

  // R-DES-01: a derived matter takes everything from its source.
  let indefiniteAllowed = entry?.indefiniteAllowed ?? false;
  if (draft.kind === 'derived') {
    const src = draft.sourceItem;
    if (!src) {
      out.push(
        viol(
          'derived_without_source',
          'R-DES-01',
          '派生定密须注明来源事项（所执行、引用、汇编的已定密事项）',
          'A derived designation must name its source: the classified item it executes, quotes or compiles',
          'sourceItem',
        ),
      );
    } else if (!isStateSecret(src.level)) {
      out.push(
        viol(
          'source_not_classified',
          'R-DES-01',
          `来源事项为${lzh(src.level)}，不是国家秘密，不能据此派生定密`,
          `The source is ${len(src.level)}, not a state secret: nothing to derive`,
          'sourceItem',
        ),
      );
    } else {
      indefiniteAllowed = resolvePeriod(src.level, src.period).kind === 'indefinite';
      if (src.released)
        out.push(
          viol(
            'source_released',
            'R-DES-01',
            '来源事项已解密，不能据此派生定密',
            'The source has been released: nothing to derive',
            'sourceItem',
          ),
        );
      if (src.level !== draft.level)
        out.push(
          viol(
            'derived_level_differs',
            'R-DES-01',
            `派生定密的密级应与来源事项一致（${lzh(src.level)}级），不能是${lzh(draft.level)}级`,
            `A derived item takes its source's level (${len(src.level)}), not ${len(draft.level)}`,
            'level',
          ),
        );
      const mine = releaseKey(draft.issueDate, draft.period, draft.level);
      const theirs = releaseKey(src.issueDate, src.period, src.level);
      if (mine === null || theirs === null || mine !== theirs) {
        const t = derivedTerms(src, draft.issueDate);
        const hint = t ? describePeriod(t.period) : null;
        out.push(
          viol(
            'derived_period_differs',
            'R-DES-01',
            `派生定密的保密期限应与来源事项一致${hint ? `（${hint.zh}）` : ''}`,
            `A derived item takes its source's period${hint ? ` (${hint.en})` : ''}`,
            'period',
          ),
        );
      }
      if (!sameKnowScope(src.knowScope, draft.knowScope))
        out.push(
          viol(
            'derived_scope_differs',
            'R-DES-01',
            '派生定密的知悉范围应与来源事项一致',
            "A derived item takes its source's knowledge scope",
            'knowScope',
          ),
        );
    }
  }

  // R-LVL-02: a period stated, or the level's maximum (designationPeriod); the dates it runs between.
  const period = designationPeriod(draft.level, draft.period);
  if (context.today) out.push(...checkIssueDate(draft.issueDate, draft.level, period, context.today));
  const cls = checkClassification(
    { level: draft.level, period, issueDate: draft.issueDate, knowScope: draft.knowScope },
    { indefiniteAllowed },
  );
  if (!cls.ok) out.push(...cls.violations);
  return out.length === 0 ? ok : fail(...out);
}

/**
 * R-LVL-02, R-DES-06: the issue date (the day the period runs from) is a real day of the PRC's
 * secrets — not before 1949-10-01, not more than a year ahead — and the period must not be over
 * already: a matter whose period ended before today is not a state secret any more and cannot be
 * designated (an item ending today still can; the daily job releases it).
 */
export function checkIssueDate(
  issueDate: PlainDate,
  level: StateSecretLevel,
  period: Period,
  today: PlainDate,
): RuleViolation[] {
  if (!isPlainDate(issueDate)) return []; // checkClassification names a malformed date
  if (compareDates(issueDate, EARLIEST_ISSUE_DATE) < 0)
    return [
      viol(
        'issue_date_too_early',
        'R-LVL-02',
        `成文日期${issueDate}早于1949年10月1日，不能作为保密期限的起算日期`,
        `The issue date ${issueDate} is before 1 October 1949 and cannot start a secrecy period`,
        'issueDate',
      ),
    ];
  const latest = addDays(today, MAX_ISSUE_DAYS_AHEAD);
  if (compareDates(issueDate, latest) > 0)
    return [
      viol(
        'issue_date_too_late',
        'R-LVL-02',
        `成文日期${issueDate}晚于一年之后（${latest}），请核对`,
        `The issue date ${issueDate} is more than a year ahead (after ${latest}); check it`,
        'issueDate',
      ),
    ];
  let release: PlainDate | null = null;
  try {
    release = releaseDate(issueDate, period, level);
  } catch {
    return []; // a malformed period is named by checkClassification
  }
  if (release && compareDates(release, today) < 0)
    return [
      viol(
        'period_already_over',
        'R-LVL-02',
        `自成文日期${issueDate}起算，该保密期限已满，事项已于${release}解密，不再是国家秘密，不能定密`,
        `Counted from the issue date ${issueDate}, this period is over: the matter was released on ${release}, is no longer a state secret and cannot be designated`,
        'period',
      ),
    ];
  return [];
}

function describePeriod(p: Period): { zh: string; en: string } {
  switch (p.kind) {
    case 'years':
      return { zh: `${p.n}年`, en: `${p.n} years` };
    case 'months':
      return { zh: `${p.n}个月`, en: `${p.n} months` };
    case 'days':
      return { zh: `${p.n}天`, en: `${p.n} days` };
    case 'date':
      return { zh: `解密时间${p.date}`, en: `release date ${p.date}` };
    case 'condition':
      return { zh: `解密条件：${p.text}`, en: `release condition: ${p.text}` };
    case 'indefinite':
      return { zh: '长期', en: 'indefinite' };
    case 'default':
      return { zh: '仅标密级', en: 'level only' };
  }
}

// ---------------------------------------------------------------------------------------------
// Disputed and unclear matters (R-DES-07)

/**
 * R-DES-07: the level a matter is protected at while it is escalated, disputed or unclear: the
 * highest level anyone claims (while escalated, the single claim is the proposed level). Null for
 * no claims.
 */
export function protectionLevel(claims: readonly Level[]): Level | null {
  let top: Level | null = null;
  for (const c of claims) top = top === null ? c : maxLevel(top, c);
  return top;
}

/** R-DES-07: 10 working days to report an unclear matter, 10 for the bureau to decide. */
export const UNCLEAR_MATTER_WORKING_DAYS = 10;

export interface UnclearMatterDeadlines {
  /** Last day to report to the bureau: the 10th working day after the day it was drafted. */
  reportBy: PlainDate;
  /** Last day for the bureau to decide: the 10th working day after receipt; null until received. */
  decideBy: PlainDate | null;
}

/**
 * R-DES-07: deadlines of an unclear matter (不明确事项): report within 10 working days of drafting
 * the proposed level (拟定), decide within 10 working days of receipt. Working days on `cal`
 * (see workdays/README.md: the start day is not counted, the deadline day is included).
 */
export function unclearMatterDeadlines(
  dates: { draftedOn: PlainDate; receivedOn?: PlainDate },
  cal: WorkCalendar = WEEKENDS_ONLY,
): UnclearMatterDeadlines {
  return {
    reportBy: addWorkingDays(dates.draftedOn, UNCLEAR_MATTER_WORKING_DAYS, cal),
    decideBy:
      dates.receivedOn === undefined
        ? null
        : addWorkingDays(dates.receivedOn, UNCLEAR_MATTER_WORKING_DAYS, cal),
  };
}

/**
 * R-DES-07 (条例 2014 第19条): which bureau decides an unclear matter — the national one
 * (`central`) for a proposed 绝密 and for anything a central organ proposes; otherwise the
 * provincial one (`province`).
 */
export function unclearMatterBureauLevel(
  proposedLevel: StateSecretLevel,
  orgLevel: AdminLevel,
): 'central' | 'province' {
  return proposedLevel === 'top_secret' || orgLevel === 'central' ? 'central' : 'province';
}

// ---------------------------------------------------------------------------------------------
// The procedure (R-DES-06, R-DES-07, R-DES-05) as a state machine

export const MATTER_STATES = [
  'draft',
  'officer_review',
  'designator_review',
  'approved',
  'returned',
  'escalated',
] as const;
export type MatterState = (typeof MATTER_STATES)[number];
export const MATTER_STATE_LABELS: Record<MatterState, { zh: string; en: string }> = {
  draft: { zh: '拟办', en: 'Draft' },
  officer_review: { zh: '保密员审核', en: 'Secrecy officer review' },
  designator_review: { zh: '定密责任人审批', en: 'Designator review' },
  approved: { zh: '已定密', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  escalated: { zh: '已上报', en: 'Escalated' },
};

export const MATTER_ACTIONS = [
  'submit',
  'opinion',
  'approve',
  'correct',
  'return',
  'reject',
  'escalate',
  'revise',
] as const;
export type MatterAction = (typeof MATTER_ACTIONS)[number];
export const MATTER_ACTION_LABELS: Record<MatterAction, { zh: string; en: string }> = {
  submit: { zh: '提交', en: 'Submit' },
  opinion: { zh: '提出审核意见', en: 'Give an opinion' },
  approve: { zh: '批准', en: 'Approve' },
  correct: { zh: '修改后批准', en: 'Approve with corrections' },
  return: { zh: '退回', en: 'Return' },
  reject: { zh: '不予定密', en: 'Reject' },
  escalate: { zh: '上报（无权定密事项申报）', en: 'Escalate' },
  revise: { zh: '修改重办', en: 'Revise' },
};

/** Who acts in the procedure: 承办人, 保密员, 定密责任人. */
export const PROCEDURE_ROLES = ['handler', 'secrecy_officer', 'designator'] as const;
export type ProcedureRole = (typeof PROCEDURE_ROLES)[number];
export const PROCEDURE_ROLE_LABELS: Record<ProcedureRole, { zh: string; en: string }> = {
  handler: { zh: '承办人', en: 'Handler' },
  secrecy_officer: { zh: '保密员', en: 'Secrecy officer' },
  designator: { zh: '定密责任人', en: 'Designator' },
};

export interface MatterTransition {
  from: MatterState;
  action: MatterAction;
  role: ProcedureRole;
  to: MatterState;
}

/**
 * R-DES-06, R-DES-07: every allowed step. The handler drafts and submits; the secrecy officer gives
 * an opinion or returns (DESIGNATION_FLOW step `officer_opinion`); the designator approves,
 * corrects (changes level, period or scope with a note, then approves) or returns (step
 * `designator_decision`), or escalates a matter above the authority — or an unclear one — to the
 * superior or bureau; there the designator of the organisation it was sent to approves, corrects,
 * returns or rejects (ESCALATION_FLOW step `target_designator`); a returned or rejected matter goes
 * back to the handler, who may revise it into a new draft. Changes of level, period or scope and
 * early release of an approved item run through the same steps as a matter of their own.
 */
export const MATTER_TRANSITIONS: readonly MatterTransition[] = [
  { from: 'draft', action: 'submit', role: 'handler', to: 'officer_review' },
  { from: 'officer_review', action: 'opinion', role: 'secrecy_officer', to: 'designator_review' },
  { from: 'officer_review', action: 'return', role: 'secrecy_officer', to: 'returned' },
  { from: 'designator_review', action: 'approve', role: 'designator', to: 'approved' },
  { from: 'designator_review', action: 'correct', role: 'designator', to: 'approved' },
  { from: 'designator_review', action: 'return', role: 'designator', to: 'returned' },
  { from: 'designator_review', action: 'escalate', role: 'designator', to: 'escalated' },
  { from: 'escalated', action: 'approve', role: 'designator', to: 'approved' },
  { from: 'escalated', action: 'correct', role: 'designator', to: 'approved' },
  { from: 'escalated', action: 'return', role: 'designator', to: 'returned' },
  { from: 'escalated', action: 'reject', role: 'designator', to: 'returned' },
  { from: 'returned', action: 'revise', role: 'handler', to: 'draft' },
];

/**
 * The facts a step depends on, computed by the caller. A fact a step needs and that is missing is
 * a refusal, never a pass. In state `escalated` the facts are those of the organisation the matter
 * was sent to (its authority, its designator).
 * - `draftCheck`: checkDraft of the matter as it stands or as corrected (submit, approve, correct,
 *   escalate);
 * - `designation`: canDesignate for its level and kind (approve and correct need allowed; escalate
 *   needs not allowed, unless `unclear`);
 * - `decider`: mayDecide of the acting designator (every designator decision);
 * - `unclear`: the matter is 不明确事项 (escalate goes up whatever the authority);
 * - `note`: the opinion, the correction note, the reason for returning or rejecting.
 */
export interface TransitionFacts {
  draftCheck?: Check;
  designation?: { allowed: boolean };
  decider?: MayDecideResult;
  unclear?: boolean;
  note?: string;
}

export type TransitionResult =
  | { ok: true; state: MatterState; actingRole?: DesignatorRole }
  | { ok: false; violations: RuleViolation[] };

const NEEDS_DRAFT: readonly MatterAction[] = ['submit', 'approve', 'correct', 'escalate'];
const NEEDS_NOTE: readonly MatterAction[] = ['opinion', 'correct', 'return', 'reject'];

const roleLabel = (r: string) =>
  (PROCEDURE_ROLES as readonly string[]).includes(r)
    ? PROCEDURE_ROLE_LABELS[r as ProcedureRole]
    : { zh: r, en: r };

/**
 * R-DES-06, R-DES-07, R-DES-05: the state after `action` by someone acting as `actorRole`, or every
 * refusal: an unknown state or action; an action not possible in this state; a role that may not
 * take it; then the facts (see TransitionFacts). A designator's decision returns the role (A or B)
 * it was made in, to be recorded with it.
 */
export function nextState(
  state: MatterState,
  action: MatterAction,
  actorRole: ProcedureRole,
  facts: TransitionFacts = {},
): TransitionResult {
  const out: RuleViolation[] = [];
  const forAction = MATTER_TRANSITIONS.filter((x) => x.action === action);
  if (!(MATTER_STATES as readonly string[]).includes(state) || forAction.length === 0) {
    return {
      ok: false,
      violations: [
        viol(
          'transition_unknown',
          'R-DES-06',
          `未知的状态或操作：${state} / ${action}`,
          `Unknown state or action: ${state} / ${action}`,
        ),
      ],
    };
  }
  const a = MATTER_ACTION_LABELS[action];
  const inState = forAction.filter((x) => x.from === state);
  const t = inState.find((x) => x.role === actorRole);
  if (!t) {
    if (inState.length === 0)
      out.push(
        viol(
          'transition_wrong_state',
          'R-DES-06',
          `处于“${MATTER_STATE_LABELS[state].zh}”状态的事项不能“${a.zh}”`,
          `A matter in state "${MATTER_STATE_LABELS[state].en}" cannot be acted on with "${a.en}"`,
        ),
      );
    const roles = [...new Set((inState.length > 0 ? inState : forAction).map((x) => x.role))];
    if (!roles.includes(actorRole)) {
      const who = roleLabel(actorRole);
      out.push(
        viol(
          'transition_wrong_role',
          'R-DES-06',
          `“${a.zh}”应由${roles.map((r) => PROCEDURE_ROLE_LABELS[r].zh).join('或')}办理，${who.zh}不能办理`,
          `"${a.en}" is for the ${roles.map((r) => PROCEDURE_ROLE_LABELS[r].en.toLowerCase()).join(' or ')}, not the ${who.en.toLowerCase()}`,
        ),
      );
    }
    return { ok: false, violations: out };
  }

  if (NEEDS_DRAFT.includes(action)) {
    if (!facts.draftCheck)
      out.push(
        viol(
          'draft_not_checked',
          'R-DES-06',
          '尚未检查定密事项内容',
          'The matter has not been checked',
          'draft',
        ),
      );
    else if (!facts.draftCheck.ok) out.push(...facts.draftCheck.violations);
  }
  if (t.role === 'designator') {
    if (!facts.decider)
      out.push(
        viol(
          'decider_not_established',
          'R-DES-05',
          '尚未确认定密责任人可以履职',
          'Whether the designator may decide has not been established',
        ),
      );
    else if (!facts.decider.allowed) out.push(...facts.decider.reasons);
  }
  if (action === 'approve' || action === 'correct') {
    if (!facts.designation)
      out.push(
        viol(
          'authority_not_established',
          'R-DES-02',
          '尚未确认定密权限',
          'The authority for this level has not been established',
        ),
      );
    else if (!facts.designation.allowed)
      out.push(
        viol(
          'level_above_authority',
          'R-DES-07',
          '拟定密级超出原始定密权限，不能批准：请上报（无权定密事项申报）',
          'The level is above the original authority and cannot be approved here: escalate it',
          'level',
        ),
      );
  }
  if (action === 'escalate' && facts.unclear !== true) {
    if (!facts.designation)
      out.push(
        viol(
          'authority_not_established',
          'R-DES-02',
          '尚未确认定密权限',
          'The authority for this level has not been established',
        ),
      );
    else if (facts.designation.allowed)
      out.push(
        viol(
          'escalation_not_needed',
          'R-DES-07',
          '拟定密级在本单位定密权限以内，应由本单位审批，无需上报（不明确事项除外）',
          "The level is within the organisation's authority: approve it here rather than escalate (unless the matter is unclear)",
        ),
      );
  }
  if (NEEDS_NOTE.includes(action) && blank(facts.note))
    out.push(
      viol('note_missing', 'R-DES-06', `“${a.zh}”须填写意见或理由`, `"${a.en}" needs a written note`, 'note'),
    );
  if (out.length > 0) return { ok: false, violations: out };
  return t.role === 'designator' && facts.decider
    ? { ok: true, state: t.to, actingRole: facts.decider.actingRole }
    : { ok: true, state: t.to };
}

// ---------------------------------------------------------------------------------------------
// Release (R-DES-08) and the yearly review

/**
 * An approved change of period (变更保密期限: extension or shortening), decided on `decidedOn`.
 * The new period replaces the old and, like every period, runs from the item's issue date (the
 * mark shows the whole period: 机密★5年 → 机密★10年).
 */
export interface PeriodChange {
  decidedOn: PlainDate;
  period: Period;
  approved: boolean;
}

/** A designated item as the release and review rules see it. */
export interface DesignatedItem {
  level: StateSecretLevel;
  issueDate: PlainDate;
  /** The period as first designated. */
  period: Period;
  periodChanges?: readonly PeriodChange[];
  /** Already released (by decision or automatically). */
  released?: boolean;
}

export interface EffectiveRelease {
  /** The period in force after every timely approved change. */
  period: Period;
  /** First day no longer secret; null for 长期 and conditions. */
  releaseDate: PlainDate | null;
  reasons: DesignationReason[];
}

/**
 * R-DES-08, R-LVL-02: the period in force and its release date. Approved changes apply in the
 * order decided, each only if decided BEFORE the release date then in force (on or before the last
 * secret day); a change decided on or after that day is too late — the item was released at 00:00 —
 * and is ignored with a reason. Pending or refused changes never apply. Throws a DomainError on a
 * malformed issue date or period.
 */
export function effectiveRelease(item: DesignatedItem): EffectiveRelease {
  let period = resolvePeriod(item.level, item.period);
  let release = releaseDate(item.issueDate, period, item.level);
  const reasons: DesignationReason[] = [];
  const changes = (item.periodChanges ?? [])
    .filter((c) => c.approved)
    .slice()
    .sort((a, b) => compareDates(a.decidedOn, b.decidedOn));
  for (const c of changes) {
    if (release !== null && compareDates(c.decidedOn, release) >= 0) {
      reasons.push(
        viol(
          'period_change_too_late',
          'R-DES-08',
          `${c.decidedOn}批准的保密期限变更晚于期限届满（${release}已解密），不能延长：须重新定密`,
          `The period change approved on ${c.decidedOn} came after expiry (released on ${release}): it cannot extend the period; designate anew`,
        ),
      );
      continue;
    }
    period = resolvePeriod(item.level, c.period);
    release = releaseDate(item.issueDate, period, item.level);
    const d = describePeriod(period);
    reasons.push(
      viol(
        'period_changed',
        'R-DES-08',
        `${c.decidedOn}批准变更保密期限为${d.zh}`,
        `Period changed to ${d.en} by a decision of ${c.decidedOn}`,
      ),
    );
  }
  return { period, releaseDate: release, reasons };
}

export interface AutoReleaseResult {
  due: boolean;
  releaseDate: PlainDate | null;
  reasons: DesignationReason[];
}

/**
 * R-DES-08: whether the item is released automatically on `today`: its period (after timely
 * approved changes, see effectiveRelease) has ended — today is on or after the release date. Never
 * for 长期 (its release needs central approval) nor for a release condition (released by a decision
 * when the condition is met), nor for an item already released. A pending change does not stop it.
 */
export function autoReleaseDue(item: DesignatedItem, today: PlainDate): AutoReleaseResult {
  const eff = effectiveRelease(item);
  const reasons = [...eff.reasons];
  if (item.released) {
    reasons.push(viol('already_released', 'R-DES-08', '该事项已解密', 'The item is already released'));
    return { due: false, releaseDate: eff.releaseDate, reasons };
  }
  if (eff.period.kind === 'indefinite') {
    reasons.push(
      viol(
        'indefinite_never_auto',
        'R-DES-08',
        '保密期限为长期的事项不自动解密，解密须经批准',
        'An indefinite (长期) item is never released automatically: its release needs approval',
      ),
    );
    return { due: false, releaseDate: null, reasons };
  }
  if (eff.period.kind === 'condition' || eff.releaseDate === null) {
    reasons.push(
      viol(
        'condition_needs_decision',
        'R-DES-08',
        '以解密条件确定期限的事项，在条件成就时经决定解密，不自动解密',
        'An item with a release condition is released by a decision when the condition is met, not automatically',
      ),
    );
    return { due: false, releaseDate: null, reasons };
  }
  const due = compareDates(today, eff.releaseDate) >= 0;
  reasons.push(
    due
      ? viol(
          'period_ended',
          'R-DES-08',
          `保密期限已届满，自${eff.releaseDate}起自行解密`,
          `The period has ended: released from ${eff.releaseDate}`,
        )
      : viol(
          'period_running',
          'R-DES-08',
          `保密期限未届满，将于${eff.releaseDate}自行解密`,
          `The period is running: released on ${eff.releaseDate}`,
        ),
  );
  return { due, releaseDate: eff.releaseDate, reasons };
}

/** Review horizons the UI offers: due now, within 30 days, within 90 days. */
export const REVIEW_HORIZONS = [0, 30, 90] as const;

export interface ReviewableItem extends DesignatedItem {
  id: string;
  /** The day it was designated; defaults to issueDate. */
  designatedOn?: PlainDate;
  lastReviewedOn?: PlainDate;
}

export type ReviewBucket = 'due' | 'within_30' | 'within_90' | 'later';

export interface ReviewDueEntry<T extends ReviewableItem> {
  item: T;
  dueOn: PlainDate;
  /** Calendar days from today to dueOn; 0 or negative when due (negative: overdue). */
  daysUntil: number;
  bucket: ReviewBucket;
}

/** R-DES-08: the day the next yearly review is due: one year after the later of designation and last review. */
export function reviewDueOn(item: ReviewableItem): PlainDate {
  const designated = item.designatedOn ?? item.issueDate;
  const anchor =
    item.lastReviewedOn !== undefined && compareDates(item.lastReviewedOn, designated) > 0
      ? item.lastReviewedOn
      : designated;
  return addYears(anchor, 1);
}

/**
 * R-DES-08: the items whose yearly review is due on or before `today + horizonDays` (calendar
 * days), soonest first (then by id). "Due" = one year after designation or the last review,
 * whichever is later (a 29 February anchor falls due on 28 February). Bucket: `due` (today or
 * earlier), `within_30`, `within_90`, `later`. Items already released, released automatically by
 * today, or released before their review falls due are left out. Throws a DomainError when
 * horizonDays is not a whole number ≥ 0.
 */
export function reviewDue<T extends ReviewableItem>(
  items: readonly T[],
  today: PlainDate,
  horizonDays: number,
): ReviewDueEntry<T>[] {
  if (!Number.isSafeInteger(horizonDays) || horizonDays < 0 || !isPlainDate(today))
    throw new DomainError(
      'invalid',
      viol(
        'review_horizon_invalid',
        'R-DES-08',
        `审核期限天数须为非负整数、日期须为YYYY-MM-DD（${horizonDays}，${today}）`,
        `The horizon must be a whole number of days ≥ 0 and today a YYYY-MM-DD date (${horizonDays}, ${today})`,
      ),
    );
  const limit = addDays(today, horizonDays);
  const out: ReviewDueEntry<T>[] = [];
  for (const item of items) {
    if (item.released) continue;
    const dueOn = reviewDueOn(item);
    if (compareDates(dueOn, limit) > 0) continue;
    const { releaseDate: rel } = effectiveRelease(item);
    if (rel !== null && (compareDates(rel, today) <= 0 || compareDates(rel, dueOn) <= 0)) continue;
    const daysUntil = daysBetween(today, dueOn);
    const bucket: ReviewBucket =
      daysUntil <= 0 ? 'due' : daysUntil <= 30 ? 'within_30' : daysUntil <= 90 ? 'within_90' : 'later';
    out.push({ item, dueOn, daysUntil, bucket });
  }
  return out.sort(
    (a, b) => compareDates(a.dueOn, b.dueOn) || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
}

/** R-DES-08a: a record is kept of every person who knows a 机密 or 绝密 item. */
export function mustKeepKnowerList(level: Level): boolean {
  return level === 'secret' || level === 'top_secret';
}

// ---------------------------------------------------------------------------------------------
// Items about to expire (R-DES-08: an extension must be decided before the period ends)

/** Windows the 即将到期 list offers (calendar days); the default is the wider one. */
export const EXPIRY_WINDOWS = [30, 90] as const;
export const EXPIRY_WINDOW_DEFAULT = 90;
/** The largest window a caller may ask for. */
export const EXPIRY_WINDOW_MAX = 366;
/** The item's designator gets a todo this many days before the last secret day. */
export const EXPIRY_TODO_DAYS = 30;

export interface ExpiringEntry<T extends DesignatedItem> {
  item: T;
  /** First day no longer secret (the period's release date). */
  releaseDate: PlainDate;
  /** The last secret day (releaseDate − 1): the last day an extension can be decided. */
  endsOn: PlainDate;
  /** Calendar days from today to endsOn: 0 = ends today, 1 = ends tomorrow. */
  daysLeft: number;
}

/**
 * R-DES-08: the items whose period ends within `windowDays` calendar days of `today` — the last
 * secret day (release date − 1, after every timely approved change) falls on today … today + window.
 * An extension (变更保密期限) or an early release must be decided on or before that day; an item
 * whose release date is today or earlier is already released (too late to extend) and is left out,
 * as are released items, 长期 and condition periods (no date). Soonest first, then by release date
 * and the input order. Throws a DomainError when windowDays is not a whole number 0 … 366 or today
 * is not a date.
 */
export function expiringWithin<T extends DesignatedItem>(
  items: readonly T[],
  today: PlainDate,
  windowDays: number,
): ExpiringEntry<T>[] {
  if (
    !Number.isSafeInteger(windowDays) ||
    windowDays < 0 ||
    windowDays > EXPIRY_WINDOW_MAX ||
    !isPlainDate(today)
  )
    throw new DomainError(
      'invalid',
      viol(
        'expiry_window_invalid',
        'R-DES-08',
        `到期提醒天数须为0至${EXPIRY_WINDOW_MAX}的整数、日期须为YYYY-MM-DD（${windowDays}，${today}）`,
        `The window must be a whole number of days 0 … ${EXPIRY_WINDOW_MAX} and today a YYYY-MM-DD date (${windowDays}, ${today})`,
      ),
    );
  const limit = addDays(today, windowDays);
  const out: ExpiringEntry<T>[] = [];
  for (const item of items) {
    if (item.released) continue;
    const { releaseDate: rel } = effectiveRelease(item);
    if (rel === null || compareDates(rel, today) <= 0) continue;
    const endsOn = addDays(rel, -1);
    if (compareDates(endsOn, limit) > 0) continue;
    out.push({ item, releaseDate: rel, endsOn, daysLeft: daysBetween(today, endsOn) });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}
