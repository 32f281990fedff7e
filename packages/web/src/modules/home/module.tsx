import { HomeOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { messages } from './messages.ts';

export default defineWebModule({
  name: 'home',
  routes: [
    {
      path: '/home',
      page: lazyPage(() => import('./HomePage.tsx'), 'HomePage'),
      access: { roles: ['business'] },
    },
  ],
  menu: [{ path: '/home', label: 'nav.home', icon: <HomeOutlined />, order: 10, badge: 'all' }],
  messages,
});
