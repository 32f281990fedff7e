import { defineModule } from '../kit/module.ts';
import { auditPolicy } from './policy.ts';
import auditRoutes from './routes.ts';
export default defineModule({
  name: 'audit',
  prefix: '/api/audit',
  routes: auditRoutes,
  policies: [auditPolicy],
});
