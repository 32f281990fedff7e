// 涉密人员, web part "exit" (see part.ts): 出国（境） applications and their page, the passport ledger, and
// the section of the person's page.
import { GlobalOutlined, IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyPage } from '../../app/module.ts';
import { exitMessages } from './exit.messages.ts';
import { definePart } from './part.ts';

const exitsPage = lazyPage(() => import('./ExitsPage.tsx'), 'ExitsPage');
const exitDetailPage = lazyPage(() => import('./ExitDetailPage.tsx'), 'ExitDetailPage');
const passportsPage = lazyPage(() => import('./ExitPassportsPage.tsx'), 'ExitPassportsPage');

const business = { roles: ['business'] } as const;

export const exitPart = definePart({
  routes: [
    { path: '/personnel/exits', page: exitsPage, access: business },
    { path: '/personnel/exits/:id', page: exitDetailPage, access: business },
    {
      path: '/personnel/passports',
      page: passportsPage,
      access: { roles: ['business'], businessRoles: ['secrecy_officer', 'leader'] },
    },
  ],
  menu: [
    {
      path: '/personnel/exits',
      label: 'nav.personnelExits',
      icon: <GlobalOutlined />,
      group: 'nav.personnel',
      order: 39.6,
    },
    {
      path: '/personnel/passports',
      label: 'nav.personnelPassports',
      icon: <IdcardOutlined />,
      group: 'nav.personnel',
      order: 39.7,
    },
  ],
  messages: exitMessages,
  personSections: [
    { key: 'exit', label: 'pex.section', order: 30, component: lazy(() => import('./ExitSection.tsx')) },
  ],
});
