import { defineModule } from '../kit/module.ts';
import todoRoutes, { todoPolicy } from './routes.ts';
export default defineModule({
  name: 'todos',
  prefix: '/api/todos',
  routes: todoRoutes,
  policies: [todoPolicy],
});
