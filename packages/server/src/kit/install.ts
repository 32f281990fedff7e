// Plugs the modules of the list into the platform's registries: approval hooks, todo providers,
// constraint → field names of the error mapper, the audit actions' words. Idempotent (tests build many apps in one process).
import { installApprovalFlow } from '../approvals/service.ts';
import { installAuditActions } from '../audit/catalogue.ts';
import { installConstraintFields } from '../http/errors.ts';
import type { Job } from '../jobs/runner.ts';
import { installTodoProviders } from '../todos/service.ts';
import { installClearanceChecks } from './clearance-change.ts';
import type { ServerModule } from './module.ts';
import { installPostClosingChecks } from './post-closing.ts';

export function installModules(modules: readonly ServerModule[]): void {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`two modules are named ${m.name}`);
    names.add(m.name);
    for (const flow of m.approvalFlows ?? []) installApprovalFlow(flow);
    if (m.constraintFields) installConstraintFields(m.constraintFields);
  }
  installTodoProviders(modules.flatMap((m) => m.todoProviders ?? []));
  installPostClosingChecks(modules.flatMap((m) => m.postClosingChecks ?? []));
  installClearanceChecks(modules.flatMap((m) => m.clearanceChecks ?? []));
  installAuditActions(modules);
}

/** Every module's background jobs, for the scheduler. */
export function jobsOf(modules: readonly ServerModule[]): Job[] {
  return modules.flatMap((m) => m.jobs ?? []);
}
