import { CloudDownloadOutlined } from '@ant-design/icons';
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
  ],
  menu: [{ path: '/backups', label: 'nav.backups', icon: <CloudDownloadOutlined />, order: 70 }],
  messages,
});
