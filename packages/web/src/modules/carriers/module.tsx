import { AimOutlined, FileDoneOutlined, SwapOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';
import { stepMessages } from './stepsMessages.ts';

const ledgerPage = lazyPage(() => import('./LedgerPage.tsx'), 'LedgerPage');
const detailPage = lazyPage(() => import('./DetailPage.tsx'), 'DetailPage');
const destructionPage = lazyPage(() => import('./DestructionPage.tsx'), 'DestructionPage');
const wherePage = lazyPage(() => import('./WherePage.tsx'), 'WherePage');
const handoverPage = lazyPage(() => import('./HandoverPage.tsx'), 'HandoverPage');

const business = { roles: ['business'] } as const;

export default defineWebModule({
  name: 'carriers',
  routes: [
    { path: '/carriers', page: ledgerPage, access: business },
    { path: '/carriers/where', page: wherePage, access: business },
    {
      path: '/carriers/handover',
      page: handoverPage,
      access: { roles: ['business'], businessRoles: ['secrecy_officer'] },
    },
    { path: '/carriers/destructions/:id', page: destructionPage, access: business },
    { path: '/carriers/:id', page: detailPage, access: business },
  ],
  menu: [
    {
      path: '/carriers',
      label: 'nav.carrierLedger',
      icon: <FileDoneOutlined />,
      group: 'nav.carriers',
      order: 35,
    },
    {
      path: '/carriers/where',
      label: 'nav.carrierWhere',
      icon: <AimOutlined />,
      group: 'nav.carriers',
      order: 36,
    },
    {
      path: '/carriers/handover',
      label: 'nav.carrierHandover',
      icon: <SwapOutlined />,
      group: 'nav.carriers',
      order: 37,
    },
  ],
  messages: { ...messages, ...stepMessages },
});
