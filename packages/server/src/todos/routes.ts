import { Ok } from '@baomi/api/common.ts';
import * as C from '@baomi/api/todos.ts';
import { notFound } from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/chain.ts';
import { definePolicy, guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { markDone } from './queries.ts';
import { listOpenTodos } from './service.ts';

// R-SYS-01: no action is shared by an administrator and a business user, so the three
// administrators' own administrative todos and alerts (the lockout alert, a password reset waiting
// for confirmation) are actions of their own: they list only what is addressed to their account and
// never a business todo (no module provider runs for them).
export const todoPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看待办', en: 'view todos' },
  acknowledge: { allow: ['user'], zh: '确认通知', en: 'acknowledge notices' },
  readAdmin: {
    allow: ['sysadmin', 'secadmin', 'auditor'],
    zh: '查看管理待办',
    en: 'view administrative todos',
  },
  acknowledgeAdmin: {
    allow: ['sysadmin', 'secadmin', 'auditor'],
    zh: '确认管理通知',
    en: 'acknowledge administrative notices',
  },
});
const adminOr =
  <A extends string>(admin: A, user: A) =>
  (req: FastifyRequest) =>
    req.auth?.me.adminRole ? admin : user;

const tags = ['todos'];

const todoRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;
  app.get(
    '',
    {
      preValidation: guard(todoPolicy, adminOr('readAdmin', 'read')),
      schema: { tags, summary: '我的待办 My todos', response: { 200: C.TodoList } },
    },
    async (req) => wire(await listOpenTodos(db, ctxOf(req).me)),
  );

  // A stored notice ("the level of an item you know was changed") stays until its reader
  // acknowledges it; computed todos (approvals, returns, deadlines) end when their cause does.
  app.post(
    '/:id/done',
    {
      preValidation: guard(todoPolicy, adminOr('acknowledgeAdmin', 'acknowledge')),
      schema: {
        tags,
        summary: '确认通知 Acknowledge a notice',
        params: C.TodoParams,
        response: { 200: Ok },
      },
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
};

export default todoRoutes;
