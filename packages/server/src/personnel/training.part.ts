// 涉密人员, part "training": training (R-PER-04: sessions, hours, shortfalls, the unit's policy),
// major-matter reports (R-PER-05) and the yearly assessment (R-PER-07).
import type { ModulePart } from './part.ts';
import { TRAINING_AUDIT_ACTIONS, TRAINING_AUDIT_OBJECTS } from './training.audit.ts';
import { seedDemoTraining } from './training.demo.ts';
import { trainingPolicy } from './training.policy.ts';
import { trainingRoutes } from './training.routes.ts';
import { trainingTimeline } from './training.timeline.ts';
import { trainingTodos } from './training.todos.ts';

export { recordImpliedMatter, trainingShortfallPersonIds } from './training.service.ts';

export const trainingPart: ModulePart = {
  routes: trainingRoutes,
  policies: [trainingPolicy],
  todoProviders: [trainingTodos],
  auditActions: TRAINING_AUDIT_ACTIONS,
  auditObjects: TRAINING_AUDIT_OBJECTS,
  constraintFields: { personnel_assessment_year: 'year', personnel_matter_exit: 'exitApplicationId' },
  personTimeline: trainingTimeline,
  demoSeed: (db) => seedDemoTraining(db),
};
