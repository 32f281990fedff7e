// What the materials part reads of other modules, through their exported functions only: the review
// module's requests (review/read.ts reviewRefs, under the review's own read rule) and the carriers
// module's carriers (carriers/read.ts readableCarrier, under the carriers' read rule: 404/403).

import { readableCarrier } from '../carriers/read.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { type ReviewRef, reviewRefs } from '../review/read.ts';

export type { ReviewRef };

/** The review if the caller may read it (else null: the caller answers 404). */
export async function reviewOf(sql: Sql, caller: Caller, id: string): Promise<ReviewRef | null> {
  return (await reviewRefs(sql, caller, [id]))[0] ?? null;
}

/** The purposes a material's review is made for (R-FOR-06: materials; R-FOR-07: papers, speeches, press). */
export const MATERIAL_REVIEW_PURPOSES = ['foreign_party', 'foreign_publication'] as const;

/** A carrier's level, through the carriers' read rule (404 another organisation's or unknown; 403 not cleared). */
export async function carrierLevelOf(
  sql: Sql,
  caller: Caller,
  id: string,
): Promise<{ level: string; title: string; status: string }> {
  const c = await readableCarrier(sql, caller, id);
  return { level: c.level, title: c.title, status: c.status };
}
