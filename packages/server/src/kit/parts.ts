// A module built in parts (personnel: core, training, exit, leaving; foreign affairs: activities and
// visitors/materials). Each part declares what a module declares, in its own <part>.part.ts; the
// module's module.ts merges them into its one manifest, so a part is added or changed in its own file
// and two people can build two parts of one module at once.
import type { ModuleRoutes, ServerModule } from './module.ts';

export type ModulePart = Partial<Omit<ServerModule, 'name' | 'label' | 'prefix' | 'routes'>> & {
  /** Routes relative to the module's prefix. */
  routes?: ModuleRoutes;
};

/** One manifest from the parts: routes registered in order, lists concatenated, maps merged. */
export function mergeParts(parts: readonly ModulePart[]): Omit<ServerModule, 'name' | 'label' | 'prefix'> {
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
