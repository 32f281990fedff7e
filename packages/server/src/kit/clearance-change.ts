// Clearance-change checks (R-PER-01): what must hold before a person's clearance (涉密等级) changes —
// lowered below what he keeps. Modules contribute a check in their manifest (`clearanceChecks`: the
// carriers in his custody above the new clearance …); the people module calls `enforceClearanceChange`
// in its transaction, before it writes, and never imports the contributing modules (as post-closing.ts).
import { type Clearance, enforce, type Verdict } from '@baomi/domain';
import type { Sql } from '../db/db.ts';

/** One module's condition on setting a person's clearance: `allowed`, or the refusal naming what remains. */
export interface ClearanceCheck {
  /** Who contributes it (the module's name), for the logs and the docs. */
  module: string;
  check: (sql: Sql, personId: string, clearance: Clearance) => Promise<Verdict>;
}

let checks: readonly ClearanceCheck[] = [];

/** The modules' checks (module manifest `clearanceChecks`), installed at start (kit/install.ts). */
export function installClearanceChecks(list: readonly ClearanceCheck[]): void {
  checks = [...list];
}

/** Refuses (the first refusal) unless every module's check allows the new clearance. */
export async function enforceClearanceChange(
  sql: Sql,
  personId: string,
  clearance: Clearance,
): Promise<void> {
  for (const c of checks) enforce(await c.check(sql, personId, clearance));
}
