// The review's read rule on the server: the domain's reviewReadVerdict (packages/domain/src/review/
// access.ts) for one record, and the same rule as SQL for lists (queries.ts `visible`).
import {
  enforce,
  hiddenRecord,
  isReviewer,
  notFound,
  REVIEW_OBJECT,
  type ReviewReadable,
  reviewReadVerdict,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { type Chain, chainOf } from './chain.ts';
import { getReview, type ReviewRow, type Visibility } from './queries.ts';

/** The record the read rule judges; with its chain (chain.ts) when the caller has read it. */
export const readableRecordOf = (r: ReviewRow, chain: Chain | null = null): ReviewReadable => ({
  orgId: r.orgId,
  requesterPersonId: r.requesterPersonId,
  deciderPersonIds: [
    ...(r.decidedByPersonId ? [r.decidedByPersonId] : []),
    ...r.confirmerIds,
    ...(chain?.deciderIds ?? []),
  ],
  pendingStep: chain?.pendingStep ?? null,
});

export const visibilityOf = (c: Caller): Visibility => ({
  orgId: c.orgId,
  personId: c.personId,
  reviewer: isReviewer(c),
});

/** The request if `caller` may read it: 404 for unknown or another organisation's, 403 otherwise. */
export async function readableReview(sql: Sql, caller: Caller, id: string, lock = false): Promise<ReviewRow> {
  return (await readableReviewWithChain(sql, caller, id, lock)).r;
}

/** The same, with its approval chain (R-FOR-06, R-FOR-07): the chain's approvers read it too. */
export async function readableReviewWithChain(
  sql: Sql,
  caller: Caller,
  id: string,
  lock = false,
): Promise<{ r: ReviewRow; chain: Chain | null }> {
  const r = await getReview(sql, id, lock);
  if (!r) throw notFound(REVIEW_OBJECT);
  if (r.orgId !== caller.orgId) throw hiddenRecord(REVIEW_OBJECT);
  const chain = await chainOf(sql, r);
  enforce(reviewReadVerdict(caller, readableRecordOf(r, chain)));
  return { r, chain };
}
