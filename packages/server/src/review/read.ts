// What other modules may read of a review (the foreign-affairs module shows the review of its
// materials, R-FOR-06, R-FOR-07): refs of the reviews the caller may read, under the review's one read
// rule (packages/domain/src/review/access.ts). Never the hits or their context.
import { reviewReadVerdict } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { readableRecordOf } from './access.ts';
import { filesOf, reviewsByIds } from './queries.ts';

export type ReviewState =
  | 'draft'
  | 'in_review'
  | 'released'
  | 'released_with_changes'
  | 'refused'
  | 'withdrawn';

export interface ReviewRef {
  id: string;
  orgId: string;
  no: string;
  title: string;
  purpose: string;
  state: ReviewState;
  decidedAt: string | null;
  files: {
    name: string;
    sm3: string;
    size: number;
    highestLevel: 'top_secret' | 'secret' | 'confidential' | null;
    unread: boolean;
  }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The reviews with these ids that the caller may read (others omitted). */
export async function reviewRefs(sql: Sql, caller: Caller, ids: readonly string[]): Promise<ReviewRef[]> {
  const wanted = [...new Set(ids.filter((i) => UUID.test(i)))];
  if (wanted.length === 0) return [];
  const rows =
    // The organisation's rows, then the domain's rule for each (the one rule of detail, list, export).
    (
      await reviewsByIds(sql, { orgId: caller.orgId, personId: caller.personId, reviewer: true }, wanted)
    ).filter((r) => reviewReadVerdict(caller, readableRecordOf(r)).allowed);
  const files = await filesOf(
    sql,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    no: r.no,
    title: r.title,
    purpose: r.purpose,
    state: r.state,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    files: files
      .filter((f) => f.reviewId === r.id)
      .map((f) => ({
        name: f.name,
        sm3: f.sm3,
        size: f.size,
        highestLevel: f.highestLevel,
        unread: f.unread,
      })),
  }));
}
