import { defineModule } from '../kit/module.ts';
import directoryRoutes, { directoryPolicy } from './routes.ts';
export default defineModule({
  name: 'directory',
  prefix: '/api/directory',
  routes: directoryRoutes,
  policies: [directoryPolicy],
});
