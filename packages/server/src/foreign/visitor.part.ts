// 涉外活动, part "visitors & materials" (R-FOR-05 … R-FOR-07, R-SITE-04, R-CAR-10): the foreign-visitor
// register, receptions with key sites approved per visit (FOREIGN_VISIT_FLOW), and materials for
// foreign parties through the review module and FOREIGN_MATERIALS_FLOW.
import type { ModulePart } from '../kit/parts.ts';
import { registerReviewSource } from '../review/sources.ts';
import { materialLinksReview } from './material.queries.ts';
import { materialRoutes } from './material.routes.ts';
import { materialGuard, materialLink, materialSettled } from './material.service.ts';
import { VISITOR_AUDIT_ACTIONS, VISITOR_AUDIT_OBJECTS } from './visitor.audit.ts';
import { visitorDemoSeed } from './visitor.demo.ts';
import { visitorPolicy } from './visitor.policy.ts';
import { visitorRoutes } from './visitor.routes.ts';
import { visitLink, visitSettled } from './visitor.service.ts';
import { visitorTodos } from './visitor.todos.ts';

// A review opened from a material runs no purpose chain of its own: the material's approval
// (FOREIGN_MATERIALS_FLOW) asks the same heads after the release (D149).
registerReviewSource('foreign', {
  ownsChain: (sql, orgId, sourceId, reviewId) => materialLinksReview(sql, orgId, sourceId, reviewId),
});

export const visitorPart: ModulePart = {
  routes: async (app, opts) => {
    await visitorRoutes(app, opts);
    await materialRoutes(app, opts);
  },
  policies: [visitorPolicy],
  approvalFlows: [
    { subjectType: 'foreign_visit', onSettled: visitSettled, link: visitLink },
    { subjectType: 'foreign_material', guard: materialGuard, onSettled: materialSettled, link: materialLink },
  ],
  todoProviders: [visitorTodos],
  constraintFields: { foreign_visitor_document: 'docNumber' },
  auditActions: VISITOR_AUDIT_ACTIONS,
  auditObjects: VISITOR_AUDIT_OBJECTS,
  demoSeed: visitorDemoSeed,
};
