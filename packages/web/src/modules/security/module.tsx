import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

// R-SYS-02: one's own second factors (every account), and the dual-controlled reset of a business
// user's factors (the secadmin asks, the sysadmin confirms). No menu entry: 安全设置 is in the user
// menu; the sysadmin is told of pending resets on his accounts page and the secadmin finds the page
// from the security policy (FactorResetsLink).
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
  menu: [],
  messages,
});
