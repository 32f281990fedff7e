import { BarChartOutlined, BookOutlined, CarryOutOutlined, FileProtectOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { business, ledger } from './access.ts';
import { messages } from './messages.ts';

const ledgerPage = lazyPage(() => import('./LedgerPage.tsx'), 'LedgerPage');
const formPage = lazyPage(() => import('./ItemFormPage.tsx'), 'ItemFormPage');
const detailPage = lazyPage(() => import('./ItemDetailPage.tsx'), 'ItemDetailPage');
const approvalPage = lazyPage(() => import('./ItemApprovalPage.tsx'), 'ItemApprovalPage');
const reviewPage = lazyPage(() => import('./ReviewPage.tsx'), 'ReviewPage');
const authorityPage = lazyPage(() => import('./AuthorityPage.tsx'), 'AuthorityPage');
const statsPage = lazyPage(() => import('./StatsPage.tsx'), 'StatsPage');

export default defineWebModule({
  name: 'designation',
  routes: [
    { path: '/designation/items', page: ledgerPage, access: business },
    { path: '/designation/items/new', page: formPage, access: business },
    { path: '/designation/items/:id', page: detailPage, access: business },
    { path: '/designation/items/:id/edit', page: formPage, access: business },
    { path: '/designation/items/:id/approvals/:approvalId', page: approvalPage, access: business },
    { path: '/designation/review', page: reviewPage, access: ledger },
    { path: '/designation/authority', page: authorityPage, access: business },
    { path: '/designation/stats', page: statsPage, access: { ...ledger, bureauToo: true } },
  ],
  menu: [
    {
      path: '/designation/items',
      label: 'nav.items',
      icon: <FileProtectOutlined />,
      group: 'nav.designation',
      order: 30,
    },
    {
      path: '/designation/review',
      label: 'nav.review',
      icon: <CarryOutOutlined />,
      group: 'nav.designation',
      order: 31,
    },
    {
      path: '/designation/authority',
      label: 'nav.authority',
      icon: <BookOutlined />,
      group: 'nav.designation',
      order: 32,
    },
    {
      path: '/designation/stats',
      label: 'nav.stats',
      icon: <BarChartOutlined />,
      group: 'nav.designation',
      order: 33,
    },
  ],
  messages,
});
