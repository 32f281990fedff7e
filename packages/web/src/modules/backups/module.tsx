import { CloudDownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'backups',
  routes: [
    {
      path: '/backups',
      page: lazyPage(() => import('./BackupsPage.tsx'), 'BackupsPage'),
      access: { roles: ['sysadmin'] },
    },
    {
      // R-SYS-01: the key that makes backups readable is the security-secrecy administrator's.
      path: '/backups/key',
      page: lazyPage(() => import('./BackupKeyPage.tsx'), 'BackupKeyPage'),
      access: { roles: ['secadmin'] },
    },
  ],
  menu: [
    { path: '/backups', label: 'nav.backups', icon: <CloudDownloadOutlined />, order: 70 },
    { path: '/backups/key', label: 'nav.backupKey', icon: <KeyOutlined />, order: 91 },
  ],
  messages,
});
