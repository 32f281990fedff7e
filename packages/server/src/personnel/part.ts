// The personnel module (涉密人员) is built in parts — the core record (people, posts, key sites,
// vetting, eligibility, the ledger and the person's page), training, exit applications and passports
// with major-matter reports, and commitments/assessments/leaving. Each part declares what a module
// declares; module.ts merges them into the one manifest, so a part is added or changed in its own
// file (the kit's parts, kit/parts.ts). Part names prefix their files: core.*, training.*, exit.*, leaving.*.
import { invalid } from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import type { Sql } from '../db/db.ts';
import { type Caller, callerOf } from '../http/policy.ts';
import { ctxOf } from '../http/request.ts';
import type { ServerModule } from '../kit/module.ts';
import { type ModulePart as KitPart, mergeParts as mergeKitParts } from '../kit/parts.ts';

/** One line on a person's timeline (the person's page shows every part's lines, newest first). */
export interface PersonTimelineEntry {
  /** A day (YYYY-MM-DD, China) or an instant (ISO 8601, UTC). */
  on: string;
  /** What kind of line, e.g. 'vetting', 'training', 'exit', 'leaving' (the page's icon and filter). */
  kind: string;
  zh: string;
  en: string;
  /** A page of the web app with more, if any (e.g. /personnel/exits/…). */
  href?: string;
}

/** A part's lines for one person; called only after the caller passed personnelReadVerdict. */
export type PersonTimelineSource = (sql: Sql, personId: string) => Promise<PersonTimelineEntry[]>;

export type ModulePart = KitPart & {
  /** The part's lines on a person's timeline. */
  personTimeline?: PersonTimelineSource;
};

const timelineSources: PersonTimelineSource[] = [];

/** Every part's timeline source (filled by mergeParts at start; the core's timeline route reads it). */
export function personTimelineSources(): readonly PersonTimelineSource[] {
  return timelineSources;
}

/** The kit's merge (kit/parts.ts), plus every part's timeline source. */
export function mergeParts(parts: readonly ModulePart[]): Omit<ServerModule, 'name' | 'label' | 'prefix'> {
  for (const p of parts) if (p.personTimeline) timelineSources.push(p.personTimeline);
  return mergeKitParts(parts);
}

/** The caller of a personnel route: a business account linked to a person (else 400, R-SYS-01). */
export function personnelCallerOf(req: FastifyRequest): Caller {
  const caller = callerOf(ctxOf(req));
  if (!caller)
    throw invalid({
      code: 'no_person',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以办理涉密人员事务',
      en: 'Only business accounts linked to a person handle classified-personnel records',
    });
  return caller;
}
