// Post-closing checks (R-CAR-08, R-PER-06): what must be settled before a person's post is closed — moved
// to another department or organisation today (PATCH /api/people/:id), and the personnel module's
// leaving step later. Modules contribute a check in their manifest (`postClosingChecks`: carriers still in
// the person's custody, devices not returned …); the module closing the post calls `enforcePostClosing`
// in its transaction, before it writes, and never imports the contributing modules.
import { enforce, type Verdict } from '@baomi/domain';
import type { Sql } from '../db/db.ts';

/** One module's condition on closing a person's post: `allowed`, or the refusal (409) naming what remains. */
export interface PostClosingCheck {
  /** Who contributes it (the module's name), for the logs and the docs. */
  module: string;
  check: (sql: Sql, personId: string) => Promise<Verdict>;
}

let checks: readonly PostClosingCheck[] = [];

/** The modules' checks (module manifest `postClosingChecks`), installed at start (kit/install.ts). */
export function installPostClosingChecks(list: readonly PostClosingCheck[]): void {
  checks = [...list];
}

/** Every registered check's verdict, in module order. */
export async function postClosingVerdicts(sql: Sql, personId: string): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const c of checks) out.push(await c.check(sql, personId));
  return out;
}

/** Refuses (the first refusal, 409 or as the check says) unless every check allows closing the post. */
export async function enforcePostClosing(sql: Sql, personId: string): Promise<void> {
  for (const v of await postClosingVerdicts(sql, personId)) enforce(v);
}
