// R-DES-04, R-DES-05: designators (定密责任人) — the statutory one (the head, 法定), appointed ones
// (指定, with an authorisation letter, a qualification certificate and vetting), and A/B roles
// (AB角: B decides only while A is recorded as unable to act). Seed 003 第一篇 二(三).
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import type { DesignationReason } from './authority.ts';

export type DesignatorKind = 'statutory' | 'appointed';
export type DesignatorRole = 'A' | 'B';

/** 定密资格证书: valid up to and including `validUntil`. */
export interface QualificationCertificate {
  number: string;
  validUntil: PlainDate;
}

export interface Designator {
  personId: string;
  kind: DesignatorKind;
  /** personId of the statutory designator who appointed this one (appointed only). */
  appointedBy?: string;
  /** 定密责任人授权书 reference (appointed only). */
  letterRef?: string;
  certificate?: QualificationCertificate;
  /** Passed 涉密资格审查 (required for appointed designators). */
  vetted: boolean;
  role: DesignatorRole;
  /** For B: the A it stands in for. For A: its B, if any. */
  partnerPersonId?: string;
}

/** A recorded inability to act (因故不能履行职责): reason and window, both days included. */
export interface DesignatorAbsence {
  personId: string;
  reason: string;
  from: PlainDate;
  to: PlainDate;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const reason = (code: string, rule: string, zh: string, en: string, field?: string): DesignationReason => ({
  code,
  zh,
  en,
  ...(field === undefined ? {} : { field }),
  rule,
});

/** R-DES-05: an absence counts only with a person, a reason and a valid window (to ≥ from). */
export function checkAbsence(absence: DesignatorAbsence): Check {
  const out: RuleViolation[] = [];
  if (blank(absence.personId))
    out.push(
      reason(
        'absence_person_missing',
        'R-DES-05',
        '未写明缺位的定密责任人',
        'The absence names no designator',
        'personId',
      ),
    );
  if (blank(absence.reason))
    out.push(
      reason(
        'absence_reason_missing',
        'R-DES-05',
        '必须写明A角不能履行职责的原因',
        'State why the A designator cannot act',
        'reason',
      ),
    );
  const fromOk = isPlainDate(absence.from);
  const toOk = isPlainDate(absence.to);
  if (!fromOk || !toOk)
    out.push(
      reason(
        'absence_dates_invalid',
        'R-DES-05',
        '缺位起止日期无效（应为YYYY-MM-DD）',
        'The absence dates are not valid YYYY-MM-DD dates',
        fromOk ? 'to' : 'from',
      ),
    );
  else if (compareDates(absence.to, absence.from) < 0)
    out.push(
      reason(
        'absence_dates_reversed',
        'R-DES-05',
        `缺位结束日${absence.to}早于开始日${absence.from}`,
        `The absence ends (${absence.to}) before it starts (${absence.from})`,
        'to',
      ),
    );
  return out.length === 0 ? ok : fail(...out);
}

/** R-DES-05: the valid absence of `personId` covering `day`, if any (incomplete records never count). */
export function absenceOn(
  personId: string,
  absences: readonly DesignatorAbsence[],
  day: PlainDate,
): DesignatorAbsence | undefined {
  return absences.find(
    (a) =>
      a.personId === personId &&
      checkAbsence(a).ok &&
      compareDates(a.from, day) <= 0 &&
      compareDates(day, a.to) <= 0,
  );
}

/** R-DES-04: a certificate is valid through its `validUntil` day, expired from the day after. */
export function certificateValidOn(cert: QualificationCertificate | undefined, day: PlainDate): boolean {
  return (
    cert !== undefined &&
    !blank(cert.number) &&
    isPlainDate(cert.validUntil) &&
    compareDates(day, cert.validUntil) <= 0
  );
}

/**
 * R-DES-04: what an appointed designator needs on `today` to act: an authorisation letter, a
 * certificate that has not expired, and vetting. Statutory designators need none of it.
 */
function qualificationProblems(d: Designator, today: PlainDate): DesignationReason[] {
  if (d.kind !== 'appointed') return [];
  const out: DesignationReason[] = [];
  if (blank(d.letterRef))
    out.push(
      reason(
        'authorisation_letter_missing',
        'R-DES-04',
        '指定的定密责任人须有定密责任人授权书',
        'An appointed designator needs an authorisation letter (定密责任人授权书)',
        'letterRef',
      ),
    );
  const cert = d.certificate;
  if (cert === undefined || blank(cert.number))
    out.push(
      reason(
        'certificate_missing',
        'R-DES-04',
        '指定的定密责任人须持有定密资格证书',
        'An appointed designator needs a designation qualification certificate',
        'certificate',
      ),
    );
  else if (!isPlainDate(cert.validUntil))
    out.push(
      reason(
        'certificate_date_invalid',
        'R-DES-04',
        `定密资格证书有效期“${cert.validUntil}”无效（应为YYYY-MM-DD）`,
        `Certificate validity "${cert.validUntil}" is not a valid YYYY-MM-DD date`,
        'certificate.validUntil',
      ),
    );
  else if (!certificateValidOn(cert, today))
    out.push(
      reason(
        'certificate_expired',
        'R-DES-04',
        `定密资格证书${cert.number}已于${cert.validUntil}到期`,
        `Qualification certificate ${cert.number} expired on ${cert.validUntil}`,
        'certificate.validUntil',
      ),
    );
  if (!d.vetted)
    out.push(
      reason(
        'designator_not_vetted',
        'R-DES-04',
        '指定的定密责任人须通过涉密资格审查',
        'An appointed designator must have passed vetting (涉密资格审查)',
        'vetted',
      ),
    );
  return out;
}

function roleProblems(d: Designator): DesignationReason[] {
  if (d.role === 'B' && blank(d.partnerPersonId))
    return [
      reason(
        'role_b_without_partner',
        'R-DES-05',
        'B角定密责任人必须对应一名A角',
        'A B designator must name the A designator it stands in for',
        'partnerPersonId',
      ),
    ];
  if (!blank(d.partnerPersonId) && d.partnerPersonId === d.personId)
    return [
      reason(
        'partner_is_self',
        'R-DES-05',
        'A角和B角不能是同一人',
        'A and B cannot be the same person',
        'partnerPersonId',
      ),
    ];
  return [];
}

/**
 * R-DES-04, R-DES-05: may `appointer` appoint `appointee` on `today`? Reports every violation:
 * only the statutory designator (the head) appoints; an appointed designator cannot appoint
 * (不得再指定); the appointee is of kind 'appointed', is not the appointer, names the appointer in
 * `appointedBy`, and has an authorisation letter, an unexpired certificate and vetting; a B role
 * names its A, and nobody is their own partner.
 */
export function checkAppointment(appointer: Designator, appointee: Designator, today: PlainDate): Check {
  const out: RuleViolation[] = [];
  if (appointer.kind !== 'statutory')
    out.push(
      reason(
        'appointed_cannot_appoint',
        'R-DES-04',
        '指定的定密责任人不得再指定他人为定密责任人：只有单位负责人（法定定密责任人）可以指定',
        'An appointed designator cannot appoint others: only the head of the organisation (the statutory designator) appoints',
        'appointedBy',
      ),
    );
  if (appointee.kind !== 'appointed')
    out.push(
      reason(
        'statutory_needs_no_appointment',
        'R-DES-04',
        '单位负责人是法定定密责任人，一经任命即为定密责任人，无需指定',
        'The head of the organisation is the statutory designator by appointment to office and needs no designation',
        'kind',
      ),
    );
  if (appointee.personId === appointer.personId)
    out.push(
      reason(
        'appoint_self',
        'R-DES-04',
        '不能指定自己为定密责任人',
        'A designator cannot appoint themselves',
        'personId',
      ),
    );
  if (blank(appointee.appointedBy))
    out.push(
      reason(
        'appointed_by_missing',
        'R-DES-04',
        '未写明由谁指定',
        'The appointment does not name who appointed',
        'appointedBy',
      ),
    );
  else if (appointee.appointedBy !== appointer.personId)
    out.push(
      reason(
        'appointer_mismatch',
        'R-DES-04',
        '授权书上的指定人与办理指定的人不一致',
        'The appointer named on the record is not the person appointing',
        'appointedBy',
      ),
    );
  out.push(...qualificationProblems({ ...appointee, kind: 'appointed' }, today), ...roleProblems(appointee));
  return out.length === 0 ? ok : fail(...out);
}

export interface MayDecideResult {
  allowed: boolean;
  /** The role the decision is made in, to be recorded with it (R-DES-05). */
  actingRole: DesignatorRole;
  /** When allowed: why (the role and, for B, A's absence). When refused: every refusal. */
  reasons: DesignationReason[];
}

/**
 * R-DES-04, R-DES-05: may this designator decide on `today`, and in which role?
 * - an appointed designator needs a letter, an unexpired certificate and vetting;
 * - anyone recorded absent on that day may not decide (end the absence first), so that at most one
 *   of an A/B pair may decide on any day;
 * - A decides; B decides only while its A is recorded absent on that day (a valid absence: reason
 *   and window — incomplete records do not count).
 */
export function mayDecide(
  designator: Designator,
  absences: readonly DesignatorAbsence[],
  today: PlainDate,
): MayDecideResult {
  const refusals: DesignationReason[] = [
    ...qualificationProblems(designator, today),
    ...roleProblems(designator),
  ];
  const own = absenceOn(designator.personId, absences, today);
  if (own)
    refusals.push(
      reason(
        'designator_recorded_absent',
        'R-DES-05',
        `本人在${own.from}至${own.to}登记为不能履行职责（${own.reason}），期间不能定密：请先结束缺位登记`,
        `You are recorded as unable to act from ${own.from} to ${own.to} (${own.reason}) and cannot decide: end the absence first`,
      ),
    );
  const explanations: DesignationReason[] = [];
  if (designator.role === 'B' && !blank(designator.partnerPersonId)) {
    const partner = designator.partnerPersonId!;
    const away = absenceOn(partner, absences, today);
    if (away) {
      explanations.push(
        reason(
          'acting_as_b',
          'R-DES-05',
          `A角在${away.from}至${away.to}因“${away.reason}”不能履行职责，由B角定密`,
          `A is recorded unable to act from ${away.from} to ${away.to} (${away.reason}); deciding as B`,
        ),
      );
    } else {
      const incomplete = absences.some(
        (a) =>
          a.personId === partner &&
          !checkAbsence(a).ok &&
          isPlainDate(a.from) &&
          isPlainDate(a.to) &&
          compareDates(a.from, today) <= 0 &&
          compareDates(today, a.to) <= 0,
      );
      refusals.push(
        reason(
          'role_b_while_a_present',
          'R-DES-05',
          incomplete
            ? `A角的缺位登记不完整（须写明原因和起止日期），B角不能定密`
            : `A角${today}没有登记为不能履行职责，B角不能定密`,
          incomplete
            ? 'The record of A being unable to act is incomplete (reason and dates needed): B cannot decide'
            : `A is not recorded as unable to act on ${today}: B cannot decide`,
        ),
      );
    }
  } else if (designator.role === 'A') {
    explanations.push(reason('acting_as_a', 'R-DES-05', '以A角定密', 'Deciding as A'));
  }
  if (refusals.length > 0) return { allowed: false, actingRole: designator.role, reasons: refusals };
  const kind =
    designator.kind === 'statutory'
      ? reason(
          'statutory_designator',
          'R-DES-04',
          '单位负责人为法定定密责任人',
          'The head of the organisation is the statutory designator',
        )
      : reason(
          'appointed_designator',
          'R-DES-04',
          `指定的定密责任人（授权书${designator.letterRef}，资格证书有效至${designator.certificate?.validUntil}）`,
          `Appointed designator (letter ${designator.letterRef}, certificate valid until ${designator.certificate?.validUntil})`,
        );
  return { allowed: true, actingRole: designator.role, reasons: [kind, ...explanations] };
}
