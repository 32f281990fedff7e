import { defineModule } from '../kit/module.ts';
import todoRoutes, { todoPolicy } from './routes.ts';
export default defineModule({
  name: 'todos',
  label: { zh: '待办', en: 'To-dos' },
  prefix: '/api/todos',
  routes: todoRoutes,
  policies: [todoPolicy],
  auditActions: {
    'todo.done': { zh: '完成待办', en: 'Mark to-do done', fields: { title: { zh: '待办', en: 'To-do' } } },
  },
  auditObjects: { todo: { zh: '待办', en: 'To-do' } },
});
