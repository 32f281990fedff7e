import type { FastifyInstance } from 'fastify';
import { definePolicy, guard } from '../http/policy.ts';
import { ctxOf } from '../http/request.ts';
import { listOpenTodos } from './service.ts';

export const todoPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看待办', en: 'view todos' },
});

export default async function todoRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/todos',
    { preValidation: guard(todoPolicy, 'read'), schema: { tags: ['todos'], summary: '我的待办 My todos' } },
    async (req) => {
      return listOpenTodos(app.deps.db, ctxOf(req).me);
    },
  );
}
