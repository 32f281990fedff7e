import { ApartmentOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'orgs',
  routes: [
    {
      path: '/orgs',
      page: lazyPage(() => import('./OrgsPage.tsx'), 'OrgsPage'),
      access: { roles: ['sysadmin'] },
    },
  ],
  menu: [{ path: '/orgs', label: 'nav.orgs', icon: <ApartmentOutlined />, order: 50 }],
  messages,
});
