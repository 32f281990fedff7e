import { defineModule } from '../kit/module.ts';
import { approvalPolicy } from './policy.ts';
import approvalRoutes from './routes.ts';
import { approvalTodos } from './todos.ts';
export default defineModule({
  name: 'approvals',
  prefix: '/api/approvals',
  routes: approvalRoutes,
  policies: [approvalPolicy],
  todoProviders: [approvalTodos],
});
