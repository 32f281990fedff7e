import { NodeIndexOutlined } from '@ant-design/icons';
import { type Access, defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

const business: Access = { roles: ['business'] };

export default defineWebModule({
  name: 'approvals',
  routes: [
    {
      path: '/approvals',
      page: lazyPage(() => import('./ApprovalsPage.tsx'), 'ApprovalsPage'),
      access: business,
    },
    {
      path: '/approvals/:id',
      page: lazyPage(() => import('./ApprovalDetailPage.tsx'), 'ApprovalDetailPage'),
      access: business,
    },
  ],
  menu: [
    {
      path: '/approvals',
      label: 'nav.approvals',
      icon: <NodeIndexOutlined />,
      order: 20,
      badge: 'approvals',
    },
  ],
  messages,
});
