// The personnel module (涉密人员) is built in parts — the core record (people, posts, key sites,
// vetting, eligibility, the ledger and the person's page), training, exit applications and passports
// with major-matter reports, and commitments/assessments/leaving. Each part declares what a module
// declares; module.ts merges them into the one manifest, so a part is added or changed in its own
// file. Part names prefix their files: core.*, training.*, exit.*, leaving.*.
import { invalid } from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import type { Sql } from '../db/db.ts';
import { type Caller, callerOf } from '../http/policy.ts';
import { ctxOf } from '../http/request.ts';
import type { ModuleRoutes, ServerModule } from '../kit/module.ts';

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

export type ModulePart = Partial<Omit<ServerModule, 'name' | 'label' | 'prefix' | 'routes'>> & {
  /** Routes relative to /api/personnel. */
  routes?: ModuleRoutes;
  /** The part's lines on a person's timeline. */
  personTimeline?: PersonTimelineSource;
};

const timelineSources: PersonTimelineSource[] = [];

/** Every part's timeline source (filled by mergeParts at start; the core's timeline route reads it). */
export function personTimelineSources(): readonly PersonTimelineSource[] {
  return timelineSources;
}

/** One manifest from the parts: routes registered in order, lists concatenated, maps merged. */
export function mergeParts(parts: readonly ModulePart[]): Omit<ServerModule, 'name' | 'label' | 'prefix'> {
  for (const p of parts) if (p.personTimeline) timelineSources.push(p.personTimeline);
  const seeds = parts.flatMap((p) => (p.demoSeed ? [p.demoSeed] : []));
  const merged: Omit<ServerModule, 'name' | 'label' | 'prefix'> = {
    routes: async (app, opts) => {
      for (const p of parts) if (p.routes) await p.routes(app, opts);
    },
    policies: parts.flatMap((p) => p.policies ?? []),
    jobs: parts.flatMap((p) => p.jobs ?? []),
    approvalFlows: parts.flatMap((p) => p.approvalFlows ?? []),
    todoProviders: parts.flatMap((p) => p.todoProviders ?? []),
    postClosingChecks: parts.flatMap((p) => p.postClosingChecks ?? []),
    clearanceChecks: parts.flatMap((p) => p.clearanceChecks ?? []),
    constraintFields: Object.assign({}, ...parts.map((p) => p.constraintFields ?? {})),
    auditActions: Object.assign({}, ...parts.map((p) => p.auditActions ?? {})),
    auditObjects: Object.assign({}, ...parts.map((p) => p.auditObjects ?? {})),
  };
  if (seeds.length)
    merged.demoSeed = async (db, ctx) => {
      const accounts = [];
      for (const seed of seeds) accounts.push(...(await seed(db, ctx)));
      return accounts;
    };
  return merged;
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
