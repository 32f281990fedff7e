import { SafetyOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'settings',
  routes: [
    {
      path: '/settings/security',
      page: lazyPage(() => import('./SecurityPolicyPage.tsx'), 'SecurityPolicyPage'),
      access: { roles: ['secadmin'] },
    },
  ],
  menu: [{ path: '/settings/security', label: 'nav.security', icon: <SafetyOutlined />, order: 90 }],
  messages,
});
