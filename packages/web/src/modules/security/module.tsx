import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

// R-SYS-02: one's own second factors (every account), and the dual-controlled reset of a business
// user's factors (the secadmin asks, the sysadmin confirms).
export default defineWebModule({
  name: 'security',
  routes: [
    {
      path: '/security',
      page: lazyPage(() => import('./SecuritySettingsPage.tsx'), 'SecuritySettingsPage'),
      access: { roles: ['sysadmin', 'secadmin', 'auditor', 'business'] },
    },
    {
      path: '/second-factor-resets',
      page: lazyPage(() => import('./FactorResetsPage.tsx'), 'FactorResetsPage'),
      access: { roles: ['sysadmin', 'secadmin'] },
    },
  ],
  menu: [
    {
      path: '/second-factor-resets',
      label: 'nav.factorResets',
      icon: <SafetyCertificateOutlined />,
      order: 86,
    },
  ],
  messages,
});
