// R-PER-05, R-PER-06a: an approved private trip abroad is itself a reported major matter (因私出国（境）,
// impliedMajorMatter): the approval records it in the major-matter register (the training part's
// recordImpliedMatter: one per application, recorded as reported by the person and already reviewed,
// so it raises no todo), and the application keeps the kind it implied (personnel_exit.implied_matter).
import { type ExitKind, impliedMatterOfTrip, type MajorMatterKind } from '@baomi/domain';
import type { Actor } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { updateExit } from './exit.queries.ts';
import { recordImpliedMatter } from './training.service.ts';

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
  actor: Actor,
  m: ImpliedMatterOfTrip,
): Promise<MajorMatterKind | null> {
  const kind = impliedMatterOfTrip(m.kind);
  if (!kind) return null;
  await recordImpliedMatter(sql, actor, {
    orgId: m.orgId,
    personId: m.personId,
    kind,
    occurredOn: m.on,
    description: `因私出国（境）已获批准：${m.note}`,
    exitApplicationId: m.exitId,
    byPersonId: m.personId,
  });
  await updateExit(sql, m.exitId, { impliedMatter: kind });
  return kind;
}
