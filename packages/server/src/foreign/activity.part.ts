// 涉外活动, part "activities" (R-FOR-01 … R-FOR-04, R-FOR-08): the activity ledger and page, the
// secrecy plan on the one approval engine (FOREIGN_PLAN_FLOW), briefings (the personnel module's),
// start, leading group and inspection, closing with a leak incident when one is suspected.
import type { ModulePart } from '../kit/parts.ts';
import { ACTIVITY_AUDIT_ACTIONS, ACTIVITY_AUDIT_OBJECTS } from './activity.audit.ts';
import { activityDemoSeed } from './activity.demo.ts';
import { activityPolicy } from './activity.policy.ts';
import { activityRoutes } from './activity.routes.ts';
import { planGuard, planLink, planSettled, SUBJECT_TYPE } from './activity.service.ts';
import { activityTodos } from './activity.todos.ts';

export const activityPart: ModulePart = {
  routes: activityRoutes,
  policies: [activityPolicy],
  approvalFlows: [{ subjectType: SUBJECT_TYPE, guard: planGuard, onSettled: planSettled, link: planLink }],
  todoProviders: [activityTodos],
  auditActions: ACTIVITY_AUDIT_ACTIONS,
  auditObjects: ACTIVITY_AUDIT_OBJECTS,
  demoSeed: activityDemoSeed,
};
