import { TeamOutlined } from '@ant-design/icons';
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
  ],
  menu: [{ path: '/accounts', label: 'nav.accounts', icon: <TeamOutlined />, order: 60 }],
  messages,
});
