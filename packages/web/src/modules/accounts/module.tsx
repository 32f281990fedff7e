import { AlertOutlined, TeamOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'accounts',
  routes: [
    {
      path: '/accounts',
      page: lazyPage(() => import('./AccountsPage.tsx'), 'AccountsPage'),
      access: { roles: ['sysadmin'] },
    },
    {
      // R-SYS-01: the security-secrecy administrator's todos and alerts, and the resets she confirms.
      path: '/password-resets',
      page: lazyPage(() => import('./PasswordResetsPage.tsx'), 'PasswordResetsPage'),
      access: { roles: ['secadmin'] },
    },
  ],
  menu: [
    { path: '/accounts', label: 'nav.accounts', icon: <TeamOutlined />, order: 60 },
    { path: '/password-resets', label: 'nav.resets', icon: <AlertOutlined />, order: 85 },
  ],
  messages,
});
