import { defineModule } from '../kit/module.ts';
import { peoplePolicy } from './policy.ts';
import peopleRoutes from './routes.ts';
export default defineModule({
  name: 'people',
  prefix: '/api/people',
  routes: peopleRoutes,
  policies: [peoplePolicy],
  constraintFields: { person_account_id_key: 'personId' },
});
