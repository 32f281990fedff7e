// 涉外活动, web part "visitors & materials" (R-FOR-05 … R-FOR-07): the foreign-visitor register, the
// visits, the materials for foreign parties. Menu entries under 'nav.foreign' (orders 39.96–39.98).
import { FileProtectOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/module.ts';
import { defineWebPart } from '../../app/part.ts';
import { visitorMessages } from './visitor.messages.ts';

const business = { roles: ['business'] } as const;

export const visitorPart = defineWebPart({
  routes: [
    {
      path: '/foreign/visitors',
      page: lazyPage(() => import('./VisitorsPage.tsx'), 'VisitorsPage'),
      access: business,
    },
    {
      path: '/foreign/visitors/:id',
      page: lazyPage(() => import('./VisitorPage.tsx'), 'VisitorPage'),
      access: business,
    },
    {
      path: '/foreign/visits',
      page: lazyPage(() => import('./VisitorVisitsPage.tsx'), 'VisitorVisitsPage'),
      access: business,
    },
    {
      path: '/foreign/visits/:id',
      page: lazyPage(() => import('./VisitorVisitPage.tsx'), 'VisitorVisitPage'),
      access: business,
    },
    {
      path: '/foreign/materials',
      page: lazyPage(() => import('./MaterialsPage.tsx'), 'MaterialsPage'),
      access: business,
    },
    {
      path: '/foreign/materials/:id',
      page: lazyPage(() => import('./MaterialPage.tsx'), 'MaterialPage'),
      access: business,
    },
  ],
  menu: [
    {
      path: '/foreign/visitors',
      label: 'nav.foreignVisitors',
      icon: <IdcardOutlined />,
      group: 'nav.foreign',
      order: 39.96,
    },
    {
      path: '/foreign/visits',
      label: 'nav.foreignVisits',
      icon: <TeamOutlined />,
      group: 'nav.foreign',
      order: 39.97,
    },
    {
      path: '/foreign/materials',
      label: 'nav.foreignMaterials',
      icon: <FileProtectOutlined />,
      group: 'nav.foreign',
      order: 39.98,
    },
  ],
  messages: { ...visitorMessages, 'nav.foreign': { zh: '涉外活动', en: 'Foreign affairs' } },
});
