// Who may read a review request — its files, hits and their context, which may hold the very secret
// (R-REV-01): the requester, the reviewers (the secrecy officers of the organisation, the secrecy office)
// and whoever decided on it; nobody of another organisation (404, as an unknown id). The 三员 are kept
// off business routes by the policy (R-SYS-01, 403). One rule for the detail, the list, the export,
// the PDF and the todos.
import { allowed, refused, type Verdict } from '../access/verdict.ts';

export interface ReviewReader {
  personId: string;
  orgId: string;
  departmentId?: string | null;
  roles: readonly string[];
}

export interface ReviewReadable {
  orgId: string;
  requesterPersonId: string;
  /** Whoever decided (or confirmed unread parts) on it, and whoever decided a step of its chain. */
  deciderPersonIds: readonly string[];
  /** The step of its approval chain waiting now (R-FOR-06, R-FOR-07): its approvers read it too. */
  pendingStep?: { role: string; orgId: string; departmentId: string | null } | null;
}

export const REVIEW_OBJECT = { zh: '保密审查申请', en: 'Review request' };

/** The secrecy office of an organisation reviews its outgoing material. */
export const isReviewer = (r: { roles: readonly string[] }) => r.roles.includes('secrecy_officer');

export function reviewReadVerdict(reader: ReviewReader, rec: ReviewReadable): Verdict {
  if (reader.orgId !== rec.orgId)
    return refused('not_found', {
      code: 'not_found',
      zh: '保密审查申请不存在或无权访问',
      en: 'Review request not found or not accessible',
    });
  if (rec.requesterPersonId === reader.personId) return allowed;
  if (isReviewer(reader)) return allowed;
  if (rec.deciderPersonIds.includes(reader.personId)) return allowed;
  const step = rec.pendingStep;
  if (
    step &&
    reader.roles.includes(step.role) &&
    reader.orgId === step.orgId &&
    (step.departmentId === null || reader.departmentId === step.departmentId)
  )
    return allowed;
  return refused('forbidden', {
    code: 'review_read_forbidden',
    rule: 'R-REV-01',
    zh: '只有申请人、审查人和本单位保密办可以查看保密审查申请及其命中内容',
    en: 'Only the requester, the reviewers and the secrecy office read a review request and its hits',
  });
}

/**
 * Who decides: a reviewer (secrecy officer) of the request's organisation, never on his own request
 * (a reviewer's own material is reviewed by another officer of the unit).
 */
export function reviewDecideVerdict(reader: ReviewReader, rec: ReviewReadable): Verdict {
  if (!isReviewer(reader))
    return refused('forbidden', {
      code: 'review_not_reviewer',
      rule: 'R-REV-01',
      zh: '只有本单位保密办（保密员）可以作出审查结论',
      en: 'Only the secrecy office of the organisation decides a review',
    });
  if (reader.orgId !== rec.orgId)
    return refused('not_found', {
      code: 'not_found',
      zh: '保密审查申请不存在或无权访问',
      en: 'Review request not found or not accessible',
    });
  if (reader.personId === rec.requesterPersonId)
    return refused('forbidden', {
      code: 'review_own_request',
      rule: 'R-REV-01',
      zh: '不能审查本人提交的材料，须由本单位其他保密员审查',
      en: 'You cannot review your own material: another secrecy officer of the unit does',
    });
  return allowed;
}

/** Who changes, submits or withdraws a request: its requester only. */
export function reviewRequesterVerdict(reader: ReviewReader, rec: ReviewReadable): Verdict {
  return reader.personId === rec.requesterPersonId && reader.orgId === rec.orgId
    ? allowed
    : refused('forbidden', {
        code: 'review_not_requester',
        rule: 'R-REV-01',
        zh: '只有申请人可以修改、提交或撤回审查申请',
        en: 'Only the requester changes, submits or withdraws a review request',
      });
}
