import { AuditOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'audit',
  routes: [
    {
      path: '/audit',
      page: lazyPage(() => import('./AuditPage.tsx'), 'AuditPage'),
      access: { roles: ['sysadmin', 'secadmin', 'auditor'] },
    },
  ],
  menu: [
    {
      path: '/audit',
      label: 'nav.audit',
      icon: <AuditOutlined />,
      order: 100,
      labelFor: { sysadmin: 'nav.myAudit' },
    },
  ],
  messages,
});
