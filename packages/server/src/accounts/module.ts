import { defineModule } from '../kit/module.ts';
import { accountPolicy } from './policy.ts';
import accountRoutes from './routes.ts';
export default defineModule({
  name: 'accounts',
  prefix: '/api/accounts',
  routes: accountRoutes,
  policies: [accountPolicy],
  constraintFields: { account_username: 'username' },
});
