import { notFound } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/chain.ts';
import { definePolicy, guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { idParams } from '../http/schemas.ts';
import { markDone } from './queries.ts';
import { listOpenTodos } from './service.ts';

export const todoPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看待办', en: 'view todos' },
  acknowledge: { allow: ['user'], zh: '确认通知', en: 'acknowledge notices' },
});

export default async function todoRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  app.get(
    '/api/todos',
    { preValidation: guard(todoPolicy, 'read'), schema: { tags: ['todos'], summary: '我的待办 My todos' } },
    async (req) => listOpenTodos(db, ctxOf(req).me),
  );

  // A stored notice ("the level of an item you know was changed") stays until its reader
  // acknowledges it; computed todos (approvals, returns, deadlines) end when their cause does.
  app.post<{ Params: { id: string } }>(
    '/api/todos/:id/done',
    {
      preValidation: guard(todoPolicy, 'acknowledge'),
      schema: { tags: ['todos'], summary: '确认通知 Acknowledge a notice', params: idParams },
    },
    async (req) =>
      db.tx(async (sql) => {
        const done = await markDone(sql, req.params.id, ctxOf(req).me.id);
        if (!done) throw notFound({ zh: '待办', en: 'Todo' });
        await appendAudit(sql, actorFor(req), {
          action: 'todo.done',
          objectType: 'todo',
          objectId: done.id,
          summary: { title: done.title },
        });
        return { ok: true };
      }),
  );
}
