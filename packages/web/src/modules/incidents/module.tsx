import { AlertOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

const business = { roles: ['business'] } as const;

export default defineWebModule({
  name: 'incidents',
  routes: [
    {
      path: '/incidents',
      page: lazyPage(() => import('./IncidentsPage.tsx'), 'IncidentsPage'),
      access: business,
    },
    {
      path: '/incidents/:id',
      page: lazyPage(() => import('./IncidentPage.tsx'), 'IncidentPage'),
      access: business,
    },
  ],
  menu: [
    { path: '/incidents', label: 'nav.incidents', icon: <AlertOutlined />, group: 'nav.carriers', order: 38 },
  ],
  messages,
});
