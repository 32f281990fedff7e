// 涉密人员, web part "core" (see part.ts): the ledger (/personnel), the person's page
// (/personnel/:personId) and the key-site register (/personnel/key-sites).
import { SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/module.ts';
import { coreMessages } from './core.messages.ts';
import { messages } from './messages.ts';
import { definePart } from './part.ts';

const ledgerPage = lazyPage(() => import('./CoreLedgerPage.tsx'), 'CoreLedgerPage');
const personPage = lazyPage(() => import('./CorePersonPage.tsx'), 'CorePersonPage');
const keySitesPage = lazyPage(() => import('./CoreKeySitesPage.tsx'), 'CoreKeySitesPage');

const business = { roles: ['business'] } as const;

export const corePart = definePart({
  routes: [
    { path: '/personnel', page: ledgerPage, access: business },
    { path: '/personnel/key-sites', page: keySitesPage, access: business },
    { path: '/personnel/:personId', page: personPage, access: business },
  ],
  menu: [
    {
      path: '/personnel',
      label: 'nav.personnelLedger',
      icon: <TeamOutlined />,
      group: 'nav.personnel',
      order: 39,
    },
    {
      path: '/personnel/key-sites',
      label: 'nav.keySites',
      icon: <SafetyCertificateOutlined />,
      group: 'nav.personnel',
      order: 39.1,
    },
  ],
  messages: { ...messages, ...coreMessages },
});
