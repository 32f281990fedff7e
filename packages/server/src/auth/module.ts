import { cleanupJob } from '../jobs/runner.ts';
import { defineModule } from '../kit/module.ts';
import authRoutes from './routes.ts';
export default defineModule({
  name: 'auth',
  prefix: '/api/auth',
  routes: authRoutes,
  jobs: [cleanupJob],
});
