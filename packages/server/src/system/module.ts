import { analyzeJob } from '../jobs/runner.ts';
import { defineModule } from '../kit/module.ts';
import systemRoutes from './routes.ts';
export default defineModule({
  name: 'system',
  prefix: '/api/system',
  routes: systemRoutes,
  jobs: [analyzeJob],
});
