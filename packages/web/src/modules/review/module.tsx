import { FileSearchOutlined, TagsOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

const business = { roles: ['business'] } as const;

export default defineWebModule({
  name: 'review',
  routes: [
    { path: '/review', page: lazyPage(() => import('./LedgerPage.tsx'), 'LedgerPage'), access: business },
    {
      path: '/review/terms',
      page: lazyPage(() => import('./TermsPage.tsx'), 'TermsPage'),
      access: { roles: ['business'], businessRoles: ['secrecy_officer'] },
    },
    { path: '/review/:id', page: lazyPage(() => import('./DetailPage.tsx'), 'DetailPage'), access: business },
  ],
  menu: [
    {
      path: '/review',
      label: 'nav.reviewLedger',
      icon: <FileSearchOutlined />,
      group: 'nav.contentReview',
      order: 39.95,
    },
    {
      path: '/review/terms',
      label: 'nav.reviewTerms',
      icon: <TagsOutlined />,
      group: 'nav.contentReview',
      order: 39.96,
    },
  ],
  messages,
});
