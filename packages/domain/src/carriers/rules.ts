// 涉密载体 (classified carriers): every rule of ../shared/RULES.md section CAR as an explicit pure
// function, with its id in the comment. The server calls these; it never re-derives a rule.
// Reading scope (R-CAR-03) combines the ONE access decision (access/decide.ts: clearance, knowledge
// scope, organisation) with the distribution class; it does not re-write the access rule.
import { type AccessSubject, decideAccess } from '../access/decide.ts';
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { addDays, compareDates, daysBetween, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import type { KnowScope } from '../levels/classification.ts';
import { formatCopyNumber, isCopyNumber, MAX_COPY_NUMBER } from '../levels/copy-number.ts';
import {
  clearanceCovers,
  isStateSecret,
  LEVEL_LABELS,
  LEVEL_RANK,
  type Level,
  type StateSecretLevel,
} from '../levels/level.ts';
import { formatMarking, parseMarking } from '../levels/marking.ts';
import { checkPeriod, defaultPeriod, type Period } from '../levels/period.ts';
import { CLEARANCE_LABELS, type Clearance, type Rank } from '../orgs/enums.ts';
import {
  CONVEYANCE_LABELS,
  type Conveyance,
  DESTRUCTION_METHODS,
  DISTRIBUTION_CLASS_LABELS,
  type DistributionClass,
  TAKE_OUT_PLACE_LABELS,
  type TakeOutPlace,
} from './enums.ts';

const v = (code: string, rule: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule,
  field,
  zh,
  en,
});

// ---------------------------------------------------------------------------------------------
// R-LVL-03, R-LVL-02, R-LVL-04: the marking and copy numbers of a carrier
// ---------------------------------------------------------------------------------------------

/** A carrier's marking as read from what the registrar typed. */
export interface CarrierMarking {
  level: StateSecretLevel;
  period: Period;
  /** The canonical mark as printed: `机密★5年`, or `机密` for the level alone. */
  marking: string;
  /** The level alone: R-LVL-02's default period applies. */
  isDefault: boolean;
}

/**
 * R-LVL-03, R-LVL-02: reads the marking as printed on the carrier (tolerant: `机密 ★ 5 年`,
 * `秘密☆2030-12-31`, a level alone) with the domain's one parser, then checks the period against the
 * level's maximum from the issue date (the message names the maximum). A released mark is refused:
 * a carrier entering the ledger is still classified.
 */
export function readCarrierMarking(
  text: string,
  issueDate: PlainDate,
): { ok: true; value: CarrierMarking } | { ok: false; violations: RuleViolation[] } {
  const p = parseMarking(text);
  if (!p.ok) return { ok: false, violations: [p.violation] };
  if (p.released) {
    return {
      ok: false,
      violations: [
        v(
          'marking_released',
          'R-LVL-03',
          'marking',
          `“${text}”是已解密的标志，不作为涉密载体登记`,
          `"${text}" is a released mark; a released item is not registered as a classified carrier`,
        ),
      ],
    };
  }
  const { level, period } = p.marking;
  const c = checkPeriod(level, period, issueDate);
  if (!c.ok) return { ok: false, violations: c.violations.map((x) => ({ ...x, field: 'marking' })) };
  return {
    ok: true,
    value: { level, period, marking: formatMarking(p.marking), isDefault: period.kind === 'default' },
  };
}

/**
 * R-LVL-02: the secrecy period runs from the issue (or production) date, so that date cannot lie in the
 * future: a carrier is registered when it exists.
 */
export function checkCarrierIssueDate(issueDate: PlainDate, today: PlainDate): Check {
  if (!isPlainDate(issueDate))
    return fail(
      v(
        'issue_date_invalid',
        'R-LVL-02',
        'issueDate',
        `“${issueDate}”不是有效日期`,
        `"${issueDate}" is not a valid date`,
      ),
    );
  return compareDates(issueDate, today) > 0
    ? fail(
        v(
          'issue_date_future',
          'R-LVL-02',
          'issueDate',
          `成文（制作）日期不能晚于今天（${today}）：保密期限自该日起算`,
          `The issue date cannot be after today (${today}): the secrecy period runs from it`,
        ),
      )
    : ok;
}

/**
 * R-LVL-02, R-LVL-05: the marking as a screen or export shows it: the canonical mark, and for a level
 * alone the legal default said out loud — `机密（仅标密级，保密期限按20年）`.
 */
export function carrierMarkingText(level: Level, marking: string | null, period: Period | null): string {
  if (!isStateSecret(level)) return level === 'public' ? '' : LEVEL_LABELS[level].zh;
  const mark = marking ?? LEVEL_LABELS[level].zh;
  if (period && period.kind !== 'default') return mark;
  return `${mark}（仅标密级，保密期限按${defaultPeriod(level).n}年）`;
}

/** The English counterpart of `carrierMarkingText`'s default note. */
export function carrierMarkingNoteEn(level: Level, period: Period | null): string | null {
  if (!isStateSecret(level) || (period && period.kind !== 'default')) return null;
  return `level alone: ${defaultPeriod(level).n} years by law`;
}

/**
 * R-LVL-04: `count` copy numbers from `first` (a batch of copies of one document, each with its own
 * copy number). Refused past 999999.
 */
export function copyNumberRange(
  first: number,
  count: number,
): { ok: true; numbers: number[] } | { ok: false; violation: RuleViolation } {
  if (!isCopyNumber(first)) {
    return {
      ok: false,
      violation: v(
        'copy_number_out_of_range',
        'R-LVL-04',
        'firstCopyNumber',
        `起始份号必须是1至${MAX_COPY_NUMBER}之间的整数`,
        `The first copy number must be a whole number from 1 to ${MAX_COPY_NUMBER}`,
      ),
    };
  }
  if (!Number.isSafeInteger(count) || count < 1 || first + count - 1 > MAX_COPY_NUMBER) {
    return {
      ok: false,
      violation: v(
        'copy_number_out_of_range',
        'R-LVL-04',
        'copies',
        `从份号${formatCopyNumber(first)}起登记${count}份会超出份号上限${MAX_COPY_NUMBER}`,
        `${count} copies from copy number ${formatCopyNumber(first)} would pass the last copy number ${MAX_COPY_NUMBER}`,
      ),
    };
  }
  return { ok: true, numbers: Array.from({ length: count }, (_, i) => first + i) };
}

/** R-LVL-04: copy numbers of one document are valid and distinct. */
export function checkCopyNumbers(numbers: readonly number[]): Check {
  const out: RuleViolation[] = [];
  const seen = new Set<number>();
  for (const n of numbers) {
    if (!isCopyNumber(n)) {
      out.push(
        v(
          'copy_number_out_of_range',
          'R-LVL-04',
          'copyNumbers',
          `份号${n}无效：应为1至999999`,
          `Copy number ${n} is not valid: 1 to 999999`,
        ),
      );
    } else if (seen.has(n)) {
      out.push(
        v(
          'copy_number_duplicate',
          'R-LVL-04',
          'copyNumbers',
          `份号${formatCopyNumber(n)}重复：同一文件的每一份份号不同`,
          `Copy number ${formatCopyNumber(n)} appears twice: each copy of a document has its own`,
        ),
      );
    }
    seen.add(n);
  }
  return out.length ? fail(...out) : ok;
}

// ---------------------------------------------------------------------------------------------
// R-CAR-01: the trace — who held the carrier at each moment
// ---------------------------------------------------------------------------------------------

/** One registered step as the trace needs it: when, and who held the carrier after it (null: nobody). */
export interface TraceStep {
  at: Date;
  holderPersonId: string | null;
}

export interface CustodyInterval {
  holderPersonId: string | null;
  from: Date;
  /** null: still holding it. */
  to: Date | null;
}

/**
 * R-CAR-01: the carrier's custody as intervals, from its registered steps in order (全程留痕可追溯):
 * consecutive steps with the same holder merge. Steps out of time order are refused — a trace with a
 * step before the one it follows is not a trace.
 */
export function custodyIntervals(steps: readonly TraceStep[]): CustodyInterval[] {
  const out: CustodyInterval[] = [];
  let prev: Date | null = null;
  for (const s of steps) {
    if (prev && s.at.getTime() < prev.getTime()) {
      throw new RangeError('R-CAR-01: registered steps must be in time order');
    }
    prev = s.at;
    const last = out.at(-1);
    if (last && last.holderPersonId === s.holderPersonId) continue;
    if (last) last.to = s.at;
    out.push({ holderPersonId: s.holderPersonId, from: s.at, to: null });
  }
  return out;
}

/** R-CAR-01: who held the carrier at `at` (undefined before its first registration). */
export function holderAt(steps: readonly TraceStep[], at: Date): string | null | undefined {
  let holder: string | null | undefined;
  for (const i of custodyIntervals(steps)) {
    if (i.from.getTime() <= at.getTime()) holder = i.holderPersonId;
  }
  return holder;
}

// ---------------------------------------------------------------------------------------------
// R-CAR-02: production
// ---------------------------------------------------------------------------------------------

export interface ProductionInput {
  /** The approved number of copies. */
  approvedCopies: number;
  /** The copy numbers printed (one per approved copy). */
  copyNumbers: readonly number[];
  /** Drafts and spoiled sheets, registered for destruction. */
  spoiledCount: number;
}

/**
 * R-CAR-02: exactly the approved number of copies, each with its own copy number; drafts and spoilage
 * are a count ≥ 0 (registered for destruction by the caller).
 */
export function checkProduction(p: ProductionInput): Check {
  const out: RuleViolation[] = [];
  if (!Number.isSafeInteger(p.approvedCopies) || p.approvedCopies < 1) {
    out.push(
      v(
        'approved_copies_invalid',
        'R-CAR-02',
        'approvedCopies',
        '批准印制份数至少为1份',
        'At least one copy must be approved',
      ),
    );
  } else if (p.copyNumbers.length !== p.approvedCopies) {
    out.push(
      v(
        'copies_not_approved_count',
        'R-CAR-02',
        'copyNumbers',
        `须按批准份数印制：批准${p.approvedCopies}份，登记了${p.copyNumbers.length}份`,
        `Exactly the approved number of copies: ${p.approvedCopies} approved, ${p.copyNumbers.length} registered`,
      ),
    );
  }
  const c = checkCopyNumbers(p.copyNumbers);
  if (!c.ok) out.push(...c.violations);
  if (!Number.isSafeInteger(p.spoiledCount) || p.spoiledCount < 0) {
    out.push(
      v(
        'spoiled_count_invalid',
        'R-CAR-02',
        'spoiledCount',
        '废页、草稿数量不能为负数',
        'The spoilage count cannot be negative',
      ),
    );
  }
  return out.length ? fail(...out) : ok;
}

// ---------------------------------------------------------------------------------------------
// R-CAR-03: reading scope
// ---------------------------------------------------------------------------------------------

/** R-CAR-03: the lowest rank each distribution class admits (专业性 goes by line of work instead). */
const RANKS_ADMITTED: Record<Exclude<DistributionClass, 'professional'>, readonly Rank[]> = {
  provincial: ['minister'],
  prefectural: ['minister', 'bureau'],
  county: ['minister', 'bureau', 'division'],
};

/** What R-CAR-03 needs of the carrier. */
export interface ReadingScope {
  orgId: string;
  level: Level;
  knowScope: KnowScope;
  /** null: no distribution class (the knowledge scope alone decides). */
  distributionClass: DistributionClass | null;
  /** 专业性: the departments of that line of work. */
  lineOfWorkDepartmentIds: readonly string[];
  /** People the responsible leader approved beyond the class (widening). */
  widenedPersonIds: readonly string[];
}

/** What R-CAR-03 needs of the reader. */
export interface ScopeReader extends AccessSubject {
  rank: Rank;
}

/**
 * R-CAR-03: does the distribution class admit this reader? 省军级 → 省部级; 地师级 → 司局级 and
 * above; 县团级 → 处级 and above; 专业性 → staff of that line of work (its departments). A person the
 * responsible leader approved (widening) is admitted whatever his rank.
 */
export function distributionAdmits(scope: ReadingScope, reader: ScopeReader): Verdict {
  const cls = scope.distributionClass;
  if (cls === null || scope.widenedPersonIds.includes(reader.personId)) return allowed;
  const label = DISTRIBUTION_CLASS_LABELS[cls];
  if (cls === 'professional') {
    return reader.departmentId !== null && scope.lineOfWorkDepartmentIds.includes(reader.departmentId)
      ? allowed
      : refused(
          'invalid',
          v(
            'outside_distribution',
            'R-CAR-03',
            'toPersonId',
            '该载体为专业性文件，只限本业务条线人员阅读；扩大阅读范围须经主管领导批准',
            'The carrier is distributed to one line of work only; widening the reading scope needs the responsible leader’s approval',
          ),
        );
  }
  return RANKS_ADMITTED[cls].includes(reader.rank)
    ? allowed
    : refused(
        'invalid',
        v(
          'outside_distribution',
          'R-CAR-03',
          'toPersonId',
          `该载体发至${label.zh}，读者职级不在阅读范围内；扩大阅读范围须经主管领导批准`,
          `The carrier is distributed at ${label.en}; the reader’s rank is outside its reading scope, and widening it needs the responsible leader’s approval`,
        ),
      );
}

/**
 * R-CAR-03 with R-PER-01, R-LVL-01, R-DES-08a: may `reader` be given the carrier to read? First the
 * one access decision (clearance, knowledge scope, organisation; every failing reason kept as a
 * detail), then the distribution class. A refusal names the reader's problem (field toPersonId).
 */
export function mayRead(reader: ScopeReader, scope: ReadingScope): Verdict {
  const d = decideAccess(reader, { orgId: scope.orgId, level: scope.level, knowScope: scope.knowScope });
  const dist = distributionAdmits(scope, reader);
  const reasons = [...d.reasons, ...(dist.allowed ? [] : [dist.reason])];
  if (reasons.length === 0) return allowed;
  const first = reasons[0]!;
  return refused(
    'invalid',
    {
      code: 'reader_outside_scope',
      rule: 'R-CAR-03',
      field: 'toPersonId',
      zh: `该读者不在载体的阅读范围内：${reasons.map((r) => r.zh).join('；')}`,
      en: `The reader is outside the carrier's reading scope: ${reasons.map((r) => r.en).join('; ')}`,
    },
    reasons.length > 1 || first.code !== 'outside_distribution' ? reasons : undefined,
  );
}

// ---------------------------------------------------------------------------------------------
// Loans (R-CAR-01 lend/return registered; R-CAR-04 through the registry)
// ---------------------------------------------------------------------------------------------

/** The longest loan the registry grants unless an organisation sets otherwise (days). */
export const DEFAULT_MAX_LOAN_DAYS = 30;

/** R-CAR-01: a loan's due date is after the loan day and at most `maxDays` later. */
export function checkLoanDue(
  loanDate: PlainDate,
  dueDate: PlainDate,
  maxDays = DEFAULT_MAX_LOAN_DAYS,
): Check {
  if (!isPlainDate(dueDate)) {
    return fail(
      v(
        'due_date_invalid',
        'R-CAR-01',
        'dueDate',
        `归还日期“${dueDate}”不是有效日期`,
        `Due date "${dueDate}" is not a valid date`,
      ),
    );
  }
  const days = daysBetween(loanDate, dueDate);
  if (days < 0) {
    return fail(
      v(
        'due_date_past',
        'R-CAR-01',
        'dueDate',
        '归还日期不能早于借出日期',
        'The due date cannot be before the loan date',
      ),
    );
  }
  if (days > maxDays) {
    return fail(
      v(
        'due_date_too_far',
        'R-CAR-01',
        'dueDate',
        `借阅期限最长${maxDays}天，归还日期不能晚于${addDays(loanDate, maxDays)}`,
        `A loan lasts at most ${maxDays} days: the due date cannot be after ${addDays(loanDate, maxDays)}`,
      ),
    );
  }
  return ok;
}

/** R-CAR-01: an extension moves the due date later, and at most `maxDays` from today. */
export function checkExtension(
  currentDue: PlainDate,
  newDue: PlainDate,
  today: PlainDate,
  maxDays = DEFAULT_MAX_LOAN_DAYS,
): Check {
  if (isPlainDate(newDue) && compareDates(newDue, currentDue) <= 0) {
    return fail(
      v(
        'extension_not_later',
        'R-CAR-01',
        'dueDate',
        `续借后的归还日期须晚于原归还日期${currentDue}`,
        `The new due date must be after the current one, ${currentDue}`,
      ),
    );
  }
  return checkLoanDue(today, newDue, maxDays);
}

/** R-CAR-01: a loan is overdue the day after its due date. */
export function isLoanOverdue(dueDate: PlainDate, today: PlainDate): boolean {
  return compareDates(today, dueDate) > 0;
}

// ---------------------------------------------------------------------------------------------
// R-CAR-05, R-CAR-05a: copies, custody and conveyance
// ---------------------------------------------------------------------------------------------

export interface CopyRequest {
  level: Level;
  /** A central (中央) document. */
  central: boolean;
  /** The copy approval has been granted. */
  approved: boolean;
  /** The originating organ's consent is recorded (who, when, reference). */
  originatorConsent: boolean;
  copies: number;
}

/**
 * R-CAR-05: copying, excerpting or scanning needs an approval; a 绝密 carrier and a central document
 * also the originating organ's recorded consent; at least one copy.
 */
export function checkCopy(r: CopyRequest): Check {
  const out: RuleViolation[] = [];
  if (!r.approved)
    out.push(
      v(
        'copy_not_approved',
        'R-CAR-05',
        'approval',
        '复制、摘抄、扫描涉密载体须经审批',
        'Copying, excerpting or scanning a carrier needs approval',
      ),
    );
  if ((r.level === 'top_secret' || r.central) && !r.originatorConsent) {
    out.push(
      v(
        'originator_consent_missing',
        'R-CAR-05',
        'originatorConsent',
        r.level === 'top_secret'
          ? '复制绝密级载体须有原定密机关、单位的同意记录'
          : '复制中央文件须有原发文机关的同意记录',
        r.level === 'top_secret'
          ? 'Copying a top-secret carrier needs the originating organ’s recorded consent'
          : 'Copying a central document needs the originating organ’s recorded consent',
      ),
    );
  }
  if (!Number.isSafeInteger(r.copies) || r.copies < 1)
    out.push(v('copies_invalid', 'R-CAR-05', 'copies', '复制份数至少为1份', 'At least one copy'));
  return out.length ? fail(...out) : ok;
}

/** R-CAR-05: what a copy keeps of its original: its level, period and marking; and the copier's stamp. */
export function copyTerms<T extends { level: Level; period: Period | null; marking: string | null }>(
  original: T,
  copierOrgName: string,
): { level: Level; period: Period | null; marking: string | null; stamp: string } {
  return {
    level: original.level,
    period: original.period,
    marking: original.marking,
    stamp: `${copierOrgName}复制`,
  };
}

/** R-CAR-05a: a 绝密 carrier has a dedicated custodian. */
export function checkDedicatedCustodian(level: Level, custodianPersonId: string | null): Check {
  return level === 'top_secret' && !custodianPersonId
    ? fail(
        v(
          'custodian_missing',
          'R-CAR-05a',
          'custodianPersonId',
          '绝密级载体须指定专人保管',
          'A top-secret carrier needs a dedicated custodian',
        ),
      )
    : ok;
}

/**
 * R-CAR-05a: no ordinary post or courier for any carrier; a 绝密 carrier is carried by two or more
 * people together.
 */
export function checkConveyance(level: Level, conveyance: Conveyance, people: readonly string[]): Check {
  const out: RuleViolation[] = [];
  if (conveyance === 'ordinary_post' || conveyance === 'courier') {
    out.push(
      v(
        'conveyance_forbidden',
        'R-CAR-05a',
        'conveyance',
        `涉密载体不得通过${CONVEYANCE_LABELS[conveyance].zh}传递`,
        `A carrier never travels by ${CONVEYANCE_LABELS[conveyance].en.toLowerCase()}`,
      ),
    );
  }
  if (level === 'top_secret' && new Set(people).size < 2) {
    out.push(
      v(
        'two_people_required',
        'R-CAR-05a',
        'people',
        '绝密级载体须二人以上同行携带',
        'A top-secret carrier is carried by two or more people together',
      ),
    );
  }
  return out.length ? fail(...out) : ok;
}

// ---------------------------------------------------------------------------------------------
// R-CAR-06: taking out
// ---------------------------------------------------------------------------------------------

/** R-CAR-06: never into sightseeing, private visits or public places. */
export function checkTakeOutPlace(place: TakeOutPlace): Check {
  return place === 'meeting' || place === 'work_visit'
    ? ok
    : fail(
        v(
          'take_out_place_forbidden',
          'R-CAR-06',
          'place',
          `不得携带涉密载体${TAKE_OUT_PLACE_LABELS[place].zh}`,
          `A carrier is never taken to: ${TAKE_OUT_PLACE_LABELS[place].en.toLowerCase()}`,
        ),
      );
}

/**
 * R-CAR-06: the longest take-out the system accepts, in days from its first to its last day. Carriers
 * taken to a meeting or a work visit come back the same day or the next morning; a take-out covers
 * one trip, and a trip longer than a month is not a take-out but a transfer of custody (R-CAR-08).
 */
export const MAX_TAKE_OUT_DAYS = 30;

/** R-CAR-06: how far ahead a take-out may be asked for (a trip planned for next season, not year 9999). */
export const MAX_TAKE_OUT_LEAD_DAYS = 180;

/**
 * R-CAR-06: the dates of a take-out: valid dates, starting today or later (a take-out is asked for
 * before the trip, never recorded after it), ending on or after its start, at most MAX_TAKE_OUT_DAYS
 * long and starting at most MAX_TAKE_OUT_LEAD_DAYS ahead.
 */
export function checkTakeOutDates(
  from: PlainDate,
  to: PlainDate,
  today: PlainDate,
  maxDays = MAX_TAKE_OUT_DAYS,
  maxLead = MAX_TAKE_OUT_LEAD_DAYS,
): Check {
  for (const [field, d] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isPlainDate(d))
      return fail(
        v('take_out_date_invalid', 'R-CAR-06', field, `“${d}”不是有效日期`, `"${d}" is not a valid date`),
      );
  }
  const out: RuleViolation[] = [];
  if (compareDates(from, today) < 0)
    out.push(
      v(
        'take_out_start_past',
        'R-CAR-06',
        'from',
        `携带外出须事先审批，开始日期不能早于今天（${today}）`,
        `A take-out is approved beforehand: it cannot start before today (${today})`,
      ),
    );
  else if (daysBetween(today, from) > maxLead)
    out.push(
      v(
        'take_out_start_too_far',
        'R-CAR-06',
        'from',
        `开始日期最多为${maxLead}天后（${addDays(today, maxLead)}）`,
        `A take-out starts at most ${maxLead} days ahead (${addDays(today, maxLead)})`,
      ),
    );
  if (compareDates(to, from) < 0)
    out.push({
      code: 'dates_reversed',
      rule: 'R-CAR-06',
      field: 'to',
      zh: '结束日期不能早于开始日期',
      en: 'The end cannot be before the start',
    });
  else if (daysBetween(from, to) + 1 > maxDays)
    out.push(
      v(
        'take_out_too_long',
        'R-CAR-06',
        'to',
        `携带外出最长${maxDays}天，结束日期不能晚于${addDays(from, maxDays - 1)}`,
        `A take-out lasts at most ${maxDays} days: it cannot end after ${addDays(from, maxDays - 1)}`,
      ),
    );
  return out.length ? fail(...out) : ok;
}

/** The hour (China time) by which a carrier brought back is handed in on the next morning. */
export const NEXT_MORNING_HOUR = 12;

/**
 * R-CAR-06: carriers brought back are handed in the same day or the next morning: due the day after
 * the take-out ends, at noon (China time). Returns the due date and hour.
 */
export function takeOutDueBack(endDate: PlainDate): { date: PlainDate; hour: number } {
  return { date: addDays(endDate, 1), hour: NEXT_MORNING_HOUR };
}

/** R-CAR-06: is a take-out overdue at `today` `hour` (China time)? */
export function isTakeOutOverdue(endDate: PlainDate, today: PlainDate, hour: number): boolean {
  const due = takeOutDueBack(endDate);
  const c = compareDates(today, due.date);
  return c > 0 || (c === 0 && hour >= due.hour);
}

// ---------------------------------------------------------------------------------------------
// R-CAR-07: destruction
// ---------------------------------------------------------------------------------------------

export interface DestructionInput {
  /** The office head's approval has been granted (the shared approval, settled `approved`). */
  approved: boolean;
  /** The itemised list: the carriers destroyed. */
  items: readonly string[];
  /** The supervising witnesses (监销人). */
  supervisorIds: readonly string[];
  method: string;
}

/**
 * R-CAR-07: destruction needs the office head's approval, an itemised list, at least two distinct
 * supervising persons, and a method; selling to scrap collectors is never a method. Every missing
 * condition is reported.
 */
export function checkDestruction(d: DestructionInput): Check {
  const out: RuleViolation[] = [];
  if (!d.approved)
    out.push(
      v(
        'destruction_not_approved',
        'R-CAR-07',
        'approval',
        '销毁涉密载体须经办公室负责人批准',
        'Destruction needs the office head’s approval',
      ),
    );
  if (d.items.length === 0)
    out.push(
      v(
        'destruction_list_empty',
        'R-CAR-07',
        'carrierIds',
        '销毁须有逐件登记的销毁清单',
        'Destruction needs an itemised list',
      ),
    );
  const supervisors = new Set(d.supervisorIds);
  if (supervisors.size < 2) {
    out.push(
      v(
        'supervisors_too_few',
        'R-CAR-07',
        'supervisorPersonIds',
        `销毁须有两名以上监销人，现有${supervisors.size}名`,
        `Destruction needs at least two supervising persons; ${supervisors.size} given`,
      ),
    );
  }
  if (!(DESTRUCTION_METHODS as readonly string[]).includes(d.method)) {
    out.push(
      v(
        'destruction_method_invalid',
        'R-CAR-07',
        'method',
        '销毁方式不符合规定（严禁出售给废品收购人员）',
        'Not a permitted destruction method (never sold to scrap collectors)',
      ),
    );
  }
  return out.length ? fail(...out) : ok;
}

// ---------------------------------------------------------------------------------------------
// R-CAR-08: handover on change of post
// ---------------------------------------------------------------------------------------------

export interface HandoverInput {
  fromPersonId: string;
  toPersonId: string;
  /** Every carrier in the person's custody. */
  inCustody: readonly string[];
  /** The carriers on the signed list. */
  listed: readonly string[];
  signedByFrom: boolean;
  signedByTo: boolean;
}

/**
 * R-CAR-08: the handover list covers every carrier in the person's custody (count and items), goes to
 * another person, and both sign.
 */
export function checkHandover(h: HandoverInput): Check {
  const out: RuleViolation[] = [];
  if (h.fromPersonId === h.toPersonId)
    out.push(
      v(
        'handover_to_self',
        'R-CAR-08',
        'toPersonId',
        '接收人不能是移交人本人',
        'The receiver cannot be the person handing over',
      ),
    );
  const listed = new Set(h.listed);
  const missing = h.inCustody.filter((id) => !listed.has(id));
  const extra = [...listed].filter((id) => !h.inCustody.includes(id));
  if (missing.length || extra.length || listed.size !== h.listed.length) {
    out.push(
      v(
        'handover_list_incomplete',
        'R-CAR-08',
        'carrierIds',
        `移交清单须逐件列明本人保管的全部${h.inCustody.length}件载体（清单${h.listed.length}件，缺${missing.length}件，多${extra.length}件）`,
        `The list must name every one of the ${h.inCustody.length} carriers in custody (${h.listed.length} listed, ${missing.length} missing, ${extra.length} extra)`,
      ),
    );
  }
  if (!h.signedByFrom || !h.signedByTo)
    out.push(
      v(
        'handover_unsigned',
        'R-CAR-08',
        'signatures',
        '移交清单须由移交人和接收人双方签字',
        'Both the person handing over and the receiver sign the list',
      ),
    );
  return out.length ? fail(...out) : ok;
}

/**
 * R-PER-01, R-CAR-04: a person's clearance may not fall below the level of a carrier he keeps or holds
 * (custodian, on loan, taken out): he would hold what he may no longer read. 409 naming how many and the
 * highest level among them; the carriers are handed over or returned first. `heldLevels`: the levels of
 * the carriers in his custody (the count is the rule's, not a read).
 */
export function checkClearanceChange(clearance: Clearance, heldLevels: readonly Level[]): Verdict {
  const above = heldLevels.filter((l) => !clearanceCovers(clearance, l));
  if (above.length === 0) return allowed;
  const top = above.reduce((a, b) => (LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a));
  return refused('conflict', {
    code: 'clearance_below_carriers_held',
    rule: 'R-PER-01',
    field: 'clearance',
    zh: `本人仍保管或借用${above.length}件高于“${CLEARANCE_LABELS[clearance].zh}”的涉密载体（最高为${LEVEL_LABELS[top].zh}），须先移交或归还，再调整涉密等级`,
    en: `${above.length} carrier(s) in the person's custody are above the clearance "${CLEARANCE_LABELS[clearance].en}" (highest ${LEVEL_LABELS[top].en}): hand them over or return them before changing the clearance`,
  });
}

/** R-CAR-08: a person's post cannot be closed while carriers remain in his custody. */
export function checkPostClosing(carriersInCustody: number): Verdict {
  return carriersInCustody === 0
    ? allowed
    : refused('conflict', {
        code: 'carriers_in_custody',
        rule: 'R-CAR-08',
        field: 'personId',
        zh: `本人仍保管或借用${carriersInCustody}件涉密载体，须先办理移交或归还`,
        en: `${carriersInCustody} carrier(s) remain in the person's custody: hand them over or return them first`,
      });
}

// ---------------------------------------------------------------------------------------------
// R-CAR-09: inventory and recall
// ---------------------------------------------------------------------------------------------

export const INVENTORY_RESULTS = ['found', 'missing', 'damaged'] as const;
export type InventoryResult = (typeof INVENTORY_RESULTS)[number];

/** R-CAR-09 with R-INC-01: what a custodian's confirmation leads to; a missing carrier starts an incident. */
export function inventoryOutcome(result: InventoryResult): {
  startsIncident: boolean;
  marksMissing: boolean;
} {
  return { startsIncident: result === 'missing', marksMissing: result === 'missing' };
}

/** R-INC-01: the incident report is due 24 hours after discovery, on the clock (not working days). */
export function incidentReportDeadline(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + 24 * 3600 * 1000);
}

// ---------------------------------------------------------------------------------------------
// R-CAR-10: abroad
// ---------------------------------------------------------------------------------------------

export interface AbroadInput {
  level: Level;
  exitPermit: boolean;
  safeBox: boolean;
  travellers: readonly string[];
}

/**
 * R-CAR-10: 绝密 never leaves the country; others only with an exit permit, in a safe box kept on the
 * person, with at least two people travelling together.
 */
export function checkAbroad(a: AbroadInput): Check {
  if (a.level === 'top_secret') {
    return fail(
      v(
        'top_secret_abroad',
        'R-CAR-10',
        'level',
        '绝密级载体严禁携带出境',
        'A top-secret carrier never leaves the country',
      ),
    );
  }
  const out: RuleViolation[] = [];
  if (!a.exitPermit)
    out.push(
      v(
        'exit_permit_missing',
        'R-CAR-10',
        'exitPermit',
        '携带涉密载体出境须经批准（出境许可）',
        'Carrying a carrier abroad needs an exit permit',
      ),
    );
  if (!a.safeBox)
    out.push(
      v(
        'safe_box_missing',
        'R-CAR-10',
        'safeBox',
        '出境携带的涉密载体须装入保密箱并随身携带',
        'The carrier travels in a safe box kept on the person',
      ),
    );
  if (new Set(a.travellers).size < 2)
    out.push(
      v(
        'two_travellers_required',
        'R-CAR-10',
        'travellers',
        '携带涉密载体出境须二人以上同行',
        'At least two people travel together with the carrier',
      ),
    );
  return out.length ? fail(...out) : ok;
}

// ---------------------------------------------------------------------------------------------
// R-CAR-11: media
// ---------------------------------------------------------------------------------------------

/**
 * R-CAR-11: media are kept per level (专盘专用): data of a level above the medium's is never written to
 * it, and a classified medium is never used on an unclassified machine (nor an unclassified medium on
 * a classified one).
 */
export function checkMediumUse(u: {
  mediumLevel: Level;
  dataLevel: Level;
  machineClassified: boolean;
}): Check {
  const out: RuleViolation[] = [];
  if (LEVEL_RANK[u.dataLevel] > LEVEL_RANK[u.mediumLevel]) {
    out.push(
      v(
        'medium_level_too_low',
        'R-CAR-11',
        'level',
        `${LEVEL_LABELS[u.mediumLevel].zh}介质不能存储${LEVEL_LABELS[u.dataLevel].zh}信息（专盘专用）`,
        `A ${LEVEL_LABELS[u.mediumLevel].en.toLowerCase()} medium cannot hold ${LEVEL_LABELS[u.dataLevel].en.toLowerCase()} data`,
      ),
    );
  }
  if (isStateSecret(u.mediumLevel) !== u.machineClassified) {
    out.push(
      v(
        'medium_cross_use',
        'R-CAR-11',
        'machineClassified',
        '涉密介质与非涉密计算机之间严禁交叉使用',
        'Classified media and unclassified machines are never used across each other',
      ),
    );
  }
  return out.length ? fail(...out) : ok;
}

/** R-CAR-11: a medium is registered marked with its level and period. */
export function checkMediumMarked(kind: string, marking: string | null): Check {
  return kind === 'medium' && (marking === null || marking === '')
    ? fail(
        v(
          'medium_unmarked',
          'R-CAR-11',
          'marking',
          '存储介质须标明密级和保密期限',
          'A medium is marked with its level and period',
        ),
      )
    : ok;
}
