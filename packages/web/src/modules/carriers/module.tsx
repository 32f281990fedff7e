import { AimOutlined, AuditOutlined, FileDoneOutlined, SwapOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { campaignMessages } from './campaigns.messages.ts';
import { importMessages } from './importMessages.ts';
import { messages } from './messages.ts';
import { stepMessages } from './stepsMessages.ts';

const ledgerPage = lazyPage(() => import('./LedgerPage.tsx'), 'LedgerPage');
const detailPage = lazyPage(() => import('./DetailPage.tsx'), 'DetailPage');
const destructionPage = lazyPage(() => import('./DestructionPage.tsx'), 'DestructionPage');
const wherePage = lazyPage(() => import('./WherePage.tsx'), 'WherePage');
const campaignsPage = lazyPage(() => import('./CampaignsPage.tsx'), 'CampaignsPage');
const campaignPage = lazyPage(() => import('./CampaignPage.tsx'), 'CampaignPage');
const importPage = lazyPage(() => import('./ImportPage.tsx'), 'ImportPage');
const handoverPage = lazyPage(() => import('./HandoverPage.tsx'), 'HandoverPage');

const business = { roles: ['business'] } as const;

export default defineWebModule({
  name: 'carriers',
  routes: [
    { path: '/carriers', page: ledgerPage, access: business },
    { path: '/carriers/where', page: wherePage, access: business },
    { path: '/carriers/campaigns', page: campaignsPage, access: business },
    { path: '/carriers/campaigns/:id', page: campaignPage, access: business },
    {
      path: '/carriers/handover',
      page: handoverPage,
      access: { roles: ['business'], businessRoles: ['secrecy_officer'] },
    },
    { path: '/carriers/destructions/:id', page: destructionPage, access: business },
    {
      path: '/carriers/import',
      page: importPage,
      access: { roles: ['business'], businessRoles: ['secrecy_officer'] },
    },
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
      path: '/carriers/campaigns',
      label: 'nav.carrierCampaigns',
      icon: <AuditOutlined />,
      group: 'nav.carriers',
      order: 37,
    },
    {
      path: '/carriers/handover',
      label: 'nav.carrierHandover',
      icon: <SwapOutlined />,
      group: 'nav.carriers',
      order: 38,
    },
  ],
  messages: { ...messages, ...campaignMessages, ...importMessages, ...stepMessages },
});
