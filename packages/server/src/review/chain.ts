// The approval chain of a purpose before the secrecy office decides (R-FOR-06: department head →
// business office; R-FOR-07: department head), through the approvals mechanism: opened at submission,
// read for the read rule (its approvers read the request) and the decision (not before it is approved),
// and told when it settles (returned: the request is a draft again for its requester).
import { CONTENT_REVIEW_CHAINS, FOUND_LEVEL_LABELS, REVIEW_PURPOSE_LABELS } from '@baomi/domain';
import { type ApprovalRow, getApproval, listDecisions } from '../approvals/queries.ts';
import {
  openApproval,
  type SettleHandler,
  type SubjectLink,
  withdrawApproval,
} from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { FileRow, ReviewRow } from './queries.ts';
import { getReview, returnReviewToDraft, setReviewApproval } from './queries.ts';
import { sourceOwnsChain } from './sources.ts';

export const REVIEW_SUBJECT = 'content_review';

export interface Chain {
  id: string;
  status: ApprovalRow['status'];
  label: string;
  deciderIds: string[];
  pendingStep: { role: string; orgId: string; departmentId: string | null } | null;
}

export async function chainOf(sql: Sql, r: Pick<ReviewRow, 'approvalId'>): Promise<Chain | null> {
  if (!r.approvalId) return null;
  const a = await getApproval(sql, r.approvalId);
  if (!a) return null;
  const decisions = await listDecisions(sql, a.id);
  const step = a.status === 'pending' ? a.steps[a.stepIndex] : undefined;
  const flow = Object.values(CONTENT_REVIEW_CHAINS).find((f) => f?.type === a.flowType);
  return {
    id: a.id,
    status: a.status,
    label: flow?.label.zh ?? a.title,
    deciderIds: decisions.map((d) => d.personId),
    pendingStep: step ? { role: step.role, orgId: step.orgId, departmentId: step.departmentId } : null,
  };
}

/** Opens the purpose's chain, if it has one, for a request just submitted. */
export async function openChain(
  sql: Sql,
  actor: Actor,
  r: ReviewRow,
  files: readonly FileRow[],
  initiator: string,
) {
  // A material for a foreign party has its own chain after the release (sources.ts, D149).
  const flow = (await sourceOwnsChain(sql, r)) ? null : (CONTENT_REVIEW_CHAINS[r.purpose] ?? null);
  if (!flow) {
    await setReviewApproval(sql, r.id, null);
    return;
  }
  const a = await openApproval(sql, actor, {
    flowType: flow.type,
    subjectType: REVIEW_SUBJECT,
    subjectId: r.id,
    title: `保密审查：${r.no}《${r.title}》`,
    orgId: r.orgId,
    departmentId: r.departmentId,
    initiatorPersonId: initiator,
    subject: {
      no: r.no,
      title: r.title,
      purpose: REVIEW_PURPOSE_LABELS[r.purpose].zh,
      purposeNote: r.purposeNote,
      files: files.map(
        (f) =>
          `${f.name}（SM3 ${f.sm3}；命中${f.hitsCount}处${f.highestLevel ? `；${FOUND_LEVEL_LABELS[f.highestLevel]}标志` : ''}${f.unread ? '；有未读内容' : ''}）`,
      ),
    },
  });
  await setReviewApproval(sql, r.id, a.id);
}

/** A withdrawn request withdraws its pending chain. */
export async function withdrawChain(sql: Sql, actor: Actor, r: ReviewRow, personId: string) {
  if (!r.approvalId) return;
  const a = await getApproval(sql, r.approvalId);
  if (a?.status === 'pending') await withdrawApproval(sql, actor, personId, a.id);
}

export const reviewChainSettled: SettleHandler = async (sql, approval, actor) => {
  const r = await getReview(sql, approval.subjectId, true);
  if (!r || r.approvalId !== approval.id || r.state !== 'in_review') return;
  if (approval.status === 'returned' || approval.status === 'rejected') {
    const last = (await listDecisions(sql, approval.id)).at(-1);
    await returnReviewToDraft(sql, r.id, last?.comment ?? '');
  }
  if (approval.status === 'pending' || approval.status === 'withdrawn') return;
  await appendAudit(sql, actor, {
    action: 'review.chain_settled',
    objectType: 'review',
    objectId: r.id,
    summary: { no: r.no, approval: approval.status },
  });
};

export const reviewChainLink: SubjectLink = async (_sql, subjectId) => `/review/${subjectId}`;
