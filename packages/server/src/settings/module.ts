import { defineModule } from '../kit/module.ts';
import { settingsPolicy } from './policy.ts';
import settingsRoutes from './routes.ts';
export default defineModule({
  name: 'settings',
  prefix: '/api/settings',
  routes: settingsRoutes,
  policies: [settingsPolicy],
});
