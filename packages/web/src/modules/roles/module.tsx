import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'roles',
  routes: [
    {
      path: '/roles',
      page: lazyPage(() => import('./RolesPage.tsx'), 'RolesPage'),
      access: { roles: ['secadmin'] },
    },
  ],
  menu: [{ path: '/roles', label: 'nav.roles', icon: <SafetyCertificateOutlined />, order: 80 }],
  messages,
});
