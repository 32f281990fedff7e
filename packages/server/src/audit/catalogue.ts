// The audit actions of the installed modules (kit/install.ts fills it from the module list): what the
// audit page, its 操作 filter and the exports read. Idempotent, and additive across the apps a test
// process builds (a throw-away module's actions join the platform's).
import type { ServerModule } from '../kit/module.ts';
import { type AuditCatalogue, buildCatalogue } from './describe.ts';

const installed = new Map<string, ServerModule>();
let catalogue: AuditCatalogue | null = null;

export function installAuditActions(modules: readonly ServerModule[]): void {
  for (const m of modules) {
    if (installed.get(m.name) === m) continue;
    installed.set(m.name, m);
    catalogue = null;
  }
  // a clash (one action declared by two modules) fails at start, not when the page is read
  auditCatalogue();
}

export function auditCatalogue(): AuditCatalogue {
  catalogue ??= buildCatalogue([...installed.values()]);
  return catalogue;
}
