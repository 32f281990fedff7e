import { defineModule } from '../kit/module.ts';
import backupRoutes, { backupPolicy } from './routes.ts';
export default defineModule({
  name: 'backups',
  prefix: '/api/backups',
  routes: backupRoutes,
  policies: [backupPolicy],
});
