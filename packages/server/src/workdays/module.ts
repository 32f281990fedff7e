// The work calendar module: the smallest complete module, and the template for new ones
// (docs/module-guide.md walks through it).
import { defineModule } from '../kit/module.ts';
import { workdayPolicy } from './policy.ts';
import { workdayRoutes } from './routes.ts';

export default defineModule({
  name: 'workdays',
  prefix: '/api/workdays',
  routes: workdayRoutes,
  policies: [workdayPolicy],
});
