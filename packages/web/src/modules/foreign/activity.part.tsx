// 涉外活动, web part "activities": the ledger (涉外活动台账) and the activity's page. Menu entries of every
// part stand under 'nav.foreign' (orders 39.95–39.99, between 涉密人员 and the work calendar at 40; this part takes 39.95, the visitors & materials part 39.96–39.99).
import { GlobalOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/module.ts';
import { defineWebPart } from '../../app/part.ts';
import { activityMessages } from './activity.messages.ts';

const business = { roles: ['business'] } as const;
const activitiesPage = lazyPage(() => import('./ActivitiesPage.tsx'), 'ActivitiesPage');
const activityPage = lazyPage(() => import('./ActivityPage.tsx'), 'ActivityPage');

export const activityPart = defineWebPart({
  routes: [
    { path: '/foreign/activities', page: activitiesPage, access: business },
    { path: '/foreign/activities/:id', page: activityPage, access: business },
  ],
  menu: [
    {
      path: '/foreign/activities',
      label: 'nav.foreignActivities',
      icon: <GlobalOutlined />,
      group: 'nav.foreign',
      order: 39.95,
    },
  ],
  messages: { ...activityMessages, 'nav.foreign': { zh: '涉外活动', en: 'Foreign affairs' } },
});
