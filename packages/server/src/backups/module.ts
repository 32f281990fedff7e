import { defineModule } from '../kit/module.ts';
import backupRoutes, { backupPolicy } from './routes.ts';

const BACKUP_FIELDS = {
  size: { zh: '大小（字节）', en: 'Size (bytes)' },
  fingerprint: { zh: '密钥指纹', en: 'Key fingerprint' },
  previous: { zh: '原密钥指纹', en: 'Previous key fingerprint' },
  createdAt: { zh: '备份时间', en: 'Made at' },
} as const;

export default defineModule({
  name: 'backups',
  label: { zh: '备份', en: 'Backups' },
  prefix: '/api/backups',
  routes: backupRoutes,
  policies: [backupPolicy],
  auditActions: {
    'backup.create': { zh: '创建加密备份', en: 'Create encrypted backup', fields: BACKUP_FIELDS },
    'backup.download': { zh: '下载备份', en: 'Download backup' },
    'backup.encrypt': { zh: '加密外部数据库转储', en: 'Encrypt a database dump', fields: BACKUP_FIELDS },
    'backup.restore': { zh: '从备份恢复', en: 'Restore from backup', fields: BACKUP_FIELDS },
    'backup.key.set': { zh: '设置备份密钥', en: 'Set the backup key', fields: BACKUP_FIELDS },
    'backup.key.change': { zh: '更换备份口令', en: 'Change the backup passphrase', fields: BACKUP_FIELDS },
    'backup.key.replace': {
      zh: '替换遗忘口令的备份密钥',
      en: 'Replace a backup key whose passphrase was forgotten',
      fields: BACKUP_FIELDS,
    },
  },
  auditObjects: {
    backup: { zh: '备份文件', en: 'Backup file' },
    backup_key: { zh: '备份密钥', en: 'Backup key' },
  },
});
