import { CalendarOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'workdays',
  routes: [
    {
      path: '/workdays',
      page: lazyPage(() => import('./WorkCalendarPage.tsx'), 'WorkCalendarPage'),
      access: { roles: ['business'] },
    },
  ],
  menu: [{ path: '/workdays', label: 'nav.workdays', icon: <CalendarOutlined />, order: 40 }],
  messages,
});
