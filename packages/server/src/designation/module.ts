// 定密 (designation): authority, grants, designators, catalogue, items and their approvals, changes,
// the daily release job, the yearly review and statistics.
import { defineModule } from '../kit/module.ts';
import { designationDemoSeed } from './demo.ts';
import { changeLink, changeSettled } from './items.changes.ts';
import { expiryTodos } from './items.expiry.ts';
import { designatorGuard, itemLink } from './items.guard.ts';
import { itemPolicy } from './items.policy.ts';
import { designationReleaseJob } from './items.release.ts';
import itemRoutes from './items.routes.ts';
import { itemSettled } from './items.settle.ts';
import { designationPolicy } from './policy.ts';
import designationRoutes from './routes.ts';
import { statsPolicy } from './stats.policy.ts';

export default defineModule({
  name: 'designation',
  prefix: '/api/designation',
  routes: async (app) => {
    await designationRoutes(app);
    await itemRoutes(app);
  },
  policies: [designationPolicy, itemPolicy, statsPolicy],
  jobs: [designationReleaseJob],
  todoProviders: [expiryTodos],
  approvalFlows: [
    { subjectType: 'designation_item', guard: designatorGuard, onSettled: itemSettled, link: itemLink },
    { subjectType: 'designation_change', guard: designatorGuard, onSettled: changeSettled, link: changeLink },
  ],
  constraintFields: {
    designation_grant_letter: 'letterNumber',
    designator_active_person: 'personId',
    secret_catalogue_entry_clause: 'clause',
  },
  demoSeed: designationDemoSeed,
});
