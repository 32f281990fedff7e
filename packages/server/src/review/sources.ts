// Records of other modules that a review is opened from (its `source`: { module, id, label }). A module
// whose record has its own approval after the review's release — a material for a foreign party, whose
// provision goes through FOREIGN_MATERIALS_FLOW (department head → business office → secrecy office,
// R-FOR-06) — registers here; a review opened from such a record runs no purpose chain of its own, or
// the same heads would approve the same material twice (D149). The source is what the client sent, so
// the owning module confirms it: its record exists in the review's organisation and names this review.
import type { Sql } from '../db/db.ts';

export interface ReviewSourceOwner {
  /** True when `sourceId` is this module's record in `orgId`, linked to `reviewId`, with its own chain. */
  ownsChain(sql: Sql, orgId: string, sourceId: string, reviewId: string): Promise<boolean>;
}

const owners = new Map<string, ReviewSourceOwner>();

/** Called by the owning module when it is loaded (foreign: visitor.part.ts). */
export function registerReviewSource(module: string, owner: ReviewSourceOwner): void {
  owners.set(module, owner);
}

/** Whether the review's source, confirmed by its module, runs the approval chain itself. */
export async function sourceOwnsChain(
  sql: Sql,
  review: { id: string; orgId: string; source: { module: string; id: string } | null },
): Promise<boolean> {
  const s = review.source;
  if (!s) return false;
  const owner = owners.get(s.module);
  return owner ? owner.ownsChain(sql, review.orgId, s.id, review.id) : false;
}
