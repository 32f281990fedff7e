// 涉密人员, web part "leaving" (see part.ts): commitments (R-PER-03), leaving a post and the 脱密期
// (R-PER-06): the leavings list and page, the watch list, and a section of the person's page.
import { HourglassOutlined, LogoutOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyPage } from '../../app/module.ts';
import { leavingMessages } from './leaving.messages.ts';
import { definePart } from './part.ts';

const business = { roles: ['business'] } as const;
const leavingsPage = lazyPage(() => import('./LeavingsPage.tsx'), 'LeavingsPage');
const leavingPage = lazyPage(() => import('./LeavingPage.tsx'), 'LeavingPage');
const coolingOffPage = lazyPage(() => import('./LeavingCoolingOffPage.tsx'), 'LeavingCoolingOffPage');

export const leavingPart = definePart({
  routes: [
    { path: '/personnel/leavings', page: leavingsPage, access: business },
    { path: '/personnel/leavings/:id', page: leavingPage, access: business },
    { path: '/personnel/cooling-off', page: coolingOffPage, access: business },
  ],
  menu: [
    {
      path: '/personnel/leavings',
      label: 'nav.personnelLeavings',
      icon: <LogoutOutlined />,
      group: 'nav.personnel',
      order: 39.8,
    },
    {
      path: '/personnel/cooling-off',
      label: 'nav.personnelCoolingOff',
      icon: <HourglassOutlined />,
      group: 'nav.personnel',
      order: 39.9,
    },
  ],
  messages: { ...leavingMessages, 'nav.personnel': { zh: '涉密人员', en: 'Classified personnel' } },
  personSections: [
    {
      key: 'leaving',
      label: 'pl.section.commitments',
      order: 40,
      component: lazy(() =>
        import('./LeavingPersonSection.tsx').then((m) => ({ default: m.LeavingPersonSection })),
      ),
    },
  ],
});
