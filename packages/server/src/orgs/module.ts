import { defineModule } from '../kit/module.ts';
import { orgPolicy } from './policy.ts';
import orgRoutes from './routes.ts';
export default defineModule({
  name: 'orgs',
  prefix: '/api',
  routes: orgRoutes,
  policies: [orgPolicy],
  constraintFields: { org_unique_name: 'name', department_unique_name: 'name' },
});
