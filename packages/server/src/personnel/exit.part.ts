// 涉密人员, part "exit": going abroad (R-PER-06a, R-FOR-04): exit applications on the one approval
// engine (EXIT_FLOW, with the briefing condition at the leader's approval), briefings, return reports,
// passports; the major matter an approved private trip implies (R-PER-05, exit.implied.ts).
import { EXIT_AUDIT_ACTIONS, EXIT_AUDIT_OBJECTS } from './exit.audit.ts';
import { exitDemoSeed } from './exit.demo.ts';
import { exitPolicy } from './exit.policy.ts';
import { exitRoutes } from './exit.routes.ts';
import { exitGuard, exitLink, exitSettled } from './exit.service.ts';
import { exitTimeline, exitTodos } from './exit.todos.ts';
import type { ModulePart } from './part.ts';

export const exitPart: ModulePart = {
  routes: exitRoutes,
  policies: [exitPolicy],
  approvalFlows: [
    { subjectType: 'personnel_exit', guard: exitGuard, onSettled: exitSettled, link: exitLink },
  ],
  todoProviders: [exitTodos],
  constraintFields: { personnel_passport_number: 'number' },
  auditActions: EXIT_AUDIT_ACTIONS,
  auditObjects: EXIT_AUDIT_OBJECTS,
  demoSeed: exitDemoSeed,
  personTimeline: exitTimeline,
};
