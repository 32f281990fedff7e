import { defineModule } from '../kit/module.ts';
import backupRoutes, { backupPolicy } from './routes.ts';
export default defineModule({
  name: 'backups',
  label: { zh: '备份', en: 'Backups' },
  prefix: '/api/backups',
  routes: backupRoutes,
  policies: [backupPolicy],
  auditActions: {
    'backup.create': { zh: '创建备份', en: 'Create backup' },
    'backup.download': { zh: '下载备份', en: 'Download backup' },
  },
  auditObjects: { backup: { zh: '备份文件', en: 'Backup file' } },
});
