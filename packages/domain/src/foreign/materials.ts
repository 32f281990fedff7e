// 涉外活动, part "visitors and materials": materials for foreign parties (R-FOR-06, R-FOR-07, R-CAR-10,
// R-REV-01/02). Each document or item provided, carried or mailed abroad, and each paper, speech or
// press release about a foreign activity, names its recipients, copies and recovery or destruction
// terms; it passes a confidentiality review (the review module) released before the approval chain
// (FOREIGN_MATERIALS_FLOW) may approve it; state secrets need national approval and the other side's
// written secrecy obligation; a classified carrier abroad follows the carriers' exit rules (绝密 never).
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { addDays, compareDates, isPlainDate } from '../levels/calendar.ts';
import type { StateSecretLevel } from '../levels/level.ts';
import { cleanText } from './visitor.ts';

const L = (zh: string, en: string) => ({ zh, en });
const v = (code: string, rule: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule,
  field,
  zh,
  en,
});

export const MATERIAL_KINDS = ['document', 'item', 'paper', 'speech', 'press_release'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const MATERIAL_KIND_LABELS: Record<MaterialKind, { zh: string; en: string }> = {
  document: L('文件资料', 'Document'),
  item: L('物品', 'Item'),
  paper: L('论文、文稿', 'Paper'),
  speech: L('讲话稿、发言稿', 'Speech'),
  press_release: L('新闻稿、宣传报道', 'Press release'),
};

export const MATERIAL_DELIVERIES = ['provide', 'carry', 'mail', 'publish'] as const;
export type MaterialDelivery = (typeof MATERIAL_DELIVERIES)[number];
export const MATERIAL_DELIVERY_LABELS: Record<MaterialDelivery, { zh: string; en: string }> = {
  provide: L('当面提供', 'Handed over'),
  carry: L('携带出境', 'Carried abroad'),
  mail: L('寄送境外', 'Mailed abroad'),
  publish: L('发表、发布', 'Published'),
};
/** Deliveries that take the material across the border (R-CAR-10 for a classified carrier). */
export const ABROAD_DELIVERIES: readonly MaterialDelivery[] = ['carry', 'mail'];

export const MATERIAL_RECOVERIES = ['recover', 'destroy', 'retain'] as const;
export type MaterialRecovery = (typeof MATERIAL_RECOVERIES)[number];
export const MATERIAL_RECOVERY_LABELS: Record<MaterialRecovery, { zh: string; en: string }> = {
  recover: L('用后收回', 'Recovered after use'),
  destroy: L('由对方销毁并告知', 'Destroyed by the recipient'),
  retain: L('对方留存', 'Kept by the recipient'),
};

/**
 * `draft` (being prepared: review to link), `pending` (on the approval chain), `returned`/`rejected`
 * (its outcome, changed and submitted again), `approved`, `provided` (handed over: recipients, date),
 * `closed` (recovered or destruction confirmed, or kept by the recipient once provided).
 */
export const MATERIAL_STATUSES = [
  'draft',
  'pending',
  'returned',
  'rejected',
  'approved',
  'provided',
  'closed',
] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];
export const MATERIAL_STATUS_LABELS: Record<MaterialStatus, { zh: string; en: string }> = {
  draft: L('待送审', 'Draft'),
  pending: L('审批中', 'Awaiting approval'),
  returned: L('已退回', 'Returned'),
  rejected: L('未批准', 'Rejected'),
  approved: L('已批准', 'Approved'),
  provided: L('已提供', 'Provided'),
  closed: L('已办结', 'Closed'),
};

export const MATERIAL_LIMITS = {
  title: 200,
  recipients: 20,
  recipient: 200,
  copies: 1000,
  terms: 500,
  nationalNo: 100,
  authority: 100,
  obligation: 300,
  note: 500,
} as const;

export interface MaterialInput {
  title: string;
  recipients: readonly string[];
  copies: number;
  recovery: MaterialRecovery;
  recoveryTerms: string;
  recoverBy: string | null;
  today: string;
}

/** R-FOR-06: recipients, number of copies, recovery or destruction terms (and the day by which). */
export function checkMaterial(input: MaterialInput): Check {
  const out: RuleViolation[] = [];
  if (!cleanText(input.title))
    out.push(
      v('material_title_missing', 'R-FOR-06', 'title', '请填写资料名称', 'Enter the title of the material'),
    );
  const recipients = input.recipients.map(cleanText).filter(Boolean);
  if (recipients.length === 0 || recipients.length !== input.recipients.length)
    out.push(
      v(
        'material_recipients_missing',
        'R-FOR-06',
        'recipients',
        '请逐一填写接收方（不得为空）',
        'Name each recipient (none blank)',
      ),
    );
  if (!Number.isSafeInteger(input.copies) || input.copies < 1 || input.copies > MATERIAL_LIMITS.copies)
    out.push(
      v(
        'material_copies_invalid',
        'R-FOR-06',
        'copies',
        '份数须为1—1000的整数',
        'Copies are a whole number from 1 to 1000',
      ),
    );
  if (input.recovery !== 'retain') {
    if (!cleanText(input.recoveryTerms))
      out.push(
        v(
          'material_recovery_terms_missing',
          'R-FOR-06',
          'recoveryTerms',
          '须写明回收或销毁要求',
          'State the recovery or destruction terms',
        ),
      );
    if (
      input.recoverBy === null ||
      !isPlainDate(input.recoverBy) ||
      compareDates(input.recoverBy, addDays(input.today, -366)) < 0 ||
      compareDates(input.recoverBy, addDays(input.today, 3 * 366)) > 0
    )
      out.push(
        v(
          'material_recover_by_invalid',
          'R-FOR-06',
          'recoverBy',
          '须填写回收或销毁期限（三年之内的日期）',
          'Give the day by which it is recovered or destroyed (within three years)',
        ),
      );
  }
  return out.length ? fail(...out) : ok;
}

export interface NationalApproval {
  number: string;
  on: string;
  authority: string;
}
export interface SecrecyObligation {
  reference: string;
  on: string;
}

/** R-FOR-06: a state secret is involved when the material is marked or its review found a marking. */
export function involvesStateSecrets(
  level: StateSecretLevel | null,
  reviewMarkings: readonly (StateSecretLevel | null)[],
): boolean {
  return level !== null || reviewMarkings.some((m) => m !== null);
}

const validDay = (d: string, today: string) =>
  isPlainDate(d) && compareDates(d, '2000-01-01') >= 0 && compareDates(d, today) <= 0;

/**
 * R-FOR-06: providing state secrets to a foreign party needs the national approval (document number,
 * date, authority) and the other side's written secrecy obligation, both recorded; else refused.
 */
export function checkSecretsProvision(
  secret: boolean,
  national: NationalApproval | null,
  obligation: SecrecyObligation | null,
  today: string,
): Check {
  if (!secret) return ok;
  const out: RuleViolation[] = [];
  if (
    !national ||
    !cleanText(national.number) ||
    !cleanText(national.authority) ||
    !validDay(national.on, today)
  )
    out.push(
      v(
        'foreign_secrets_no_national_approval',
        'R-FOR-06',
        'nationalApproval',
        '向境外提供国家秘密，须经国家有关主管部门批准：请登记批准文号、批准日期和批准机关',
        'Providing state secrets abroad needs national approval: record its number, date and authority',
      ),
    );
  if (!obligation || !cleanText(obligation.reference) || !validDay(obligation.on, today))
    out.push(
      v(
        'foreign_secrets_no_obligation',
        'R-FOR-06',
        'obligation',
        '向境外提供国家秘密，须登记对方书面承担的保密义务',
        'Providing state secrets abroad needs the recipient’s written secrecy obligation',
      ),
    );
  return out.length ? fail(...out) : ok;
}

/** The review states that let a material go on (R-REV-01: released, possibly with changes). */
export const RELEASED_REVIEW_STATES = ['released', 'released_with_changes'] as const;

/**
 * R-FOR-06, R-FOR-07, R-REV-01: a material goes to (and through) its approval only with a linked
 * confidentiality review that has been released; a refused, withdrawn or unfinished one blocks it.
 */
export function checkReviewReleased(review: { no: string; state: string } | null): Check {
  if (!review)
    return fail(
      v(
        'material_review_missing',
        'R-FOR-07',
        'reviewId',
        '对外提供的资料须先经保密审查：请发起或关联保密审查',
        'Materials for foreign parties pass a confidentiality review first: start or link one',
      ),
    );
  if (!(RELEASED_REVIEW_STATES as readonly string[]).includes(review.state))
    return fail(
      v(
        'material_review_not_released',
        'R-FOR-06',
        'reviewId',
        `保密审查${review.no}尚未同意发布，资料不能报批或批准`,
        `Confidentiality review ${review.no} has not been released; the material cannot be approved`,
      ),
    );
  return ok;
}

/**
 * R-CAR-10: a material carried or mailed abroad on a classified carrier: 绝密 never leaves the
 * country (the carriers module's rule; its take-out abroad handles the rest: permit, safe box, two).
 */
export function checkCarrierAbroad(level: string | null, delivery: MaterialDelivery): Check {
  if (level === 'top_secret' && ABROAD_DELIVERIES.includes(delivery))
    return fail(
      v(
        'top_secret_abroad',
        'R-CAR-10',
        'carrierId',
        '绝密级载体严禁携带或寄送出境',
        'A top-secret carrier never leaves the country',
      ),
    );
  return ok;
}

/**
 * R-CAR-10: a classified carrier leaves the country only with the carriers module's take-out abroad
 * (exit permit, safe box, two travellers): at the hand-over it must be out under that take-out.
 */
export function checkCarrierOut(status: string | null, delivery: MaterialDelivery): Check {
  if (status === null || !ABROAD_DELIVERIES.includes(delivery) || status === 'taken_out') return ok;
  return fail(
    v(
      'carrier_not_taken_out',
      'R-CAR-10',
      'carrierId',
      '该涉密载体尚未经批准携带外出（出境许可），请先在涉密载体中办理携带出境审批和登记',
      'The carrier has not been taken out under an approved take-out abroad (exit permit)',
    ),
  );
}

/**
 * R-FOR-06, R-FOR-08: a provided material to recover or destroy is outstanding once the activity has
 * ended (the todo), and overdue once its recovery day passed.
 */
export function materialNotRecovered(
  m: { status: MaterialStatus; recovery: MaterialRecovery },
  activityEndsOn: string | null,
  today: string,
): boolean {
  if (m.status !== 'provided' || m.recovery === 'retain') return false;
  return activityEndsOn !== null && compareDates(activityEndsOn, today) < 0;
}
