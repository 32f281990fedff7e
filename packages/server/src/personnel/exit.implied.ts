// R-PER-05, R-PER-06a: an approved private trip abroad is itself a reported major matter (因私出国（境）,
// impliedMajorMatter): the approval records it, without a second report by the person.
//
// LEAD / MERGE POINT: the training part owns major-matter records and will export
// `recordImpliedMatter(sql, actor, {...})` from personnel/training.*. Until then this part records the
// implied matter on the application itself (personnel_exit.implied_matter) and says so in the audit
// event of the settlement. When merging, make the body below call the training part's function with
// the same arguments (and keep or drop the column write), e.g.:
//   await recordImpliedMatter(sql, actor, { orgId, personId, kind, on, source: 'exit', sourceId: exitId, note });
import { type ExitKind, impliedMatterOfTrip, type MajorMatterKind } from '@baomi/domain';
import type { Actor } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { updateExit } from './exit.queries.ts';

export interface ImpliedMatterOfTrip {
  orgId: string;
  personId: string;
  exitId: string;
  kind: ExitKind;
  /** The day the trip was approved (the matter's date). */
  on: string;
  note: string;
}

/** Records the matter the approved trip implies, if any; returns its kind (or null). */
export async function recordImpliedMatterOfTrip(
  sql: Sql,
  _actor: Actor,
  m: ImpliedMatterOfTrip,
): Promise<MajorMatterKind | null> {
  const kind = impliedMatterOfTrip(m.kind);
  if (!kind) return null;
  // --- call site: replace with the training part's recordImpliedMatter(sql, _actor, {...}) ---
  await updateExit(sql, m.exitId, { impliedMatter: kind });
  return kind;
}
