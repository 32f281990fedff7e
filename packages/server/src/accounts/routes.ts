import { notFound } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../audit/chain.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Sql } from '../db/db.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { idParams, nullableUuid, object, pageOf, paging, str } from '../http/schemas.ts';
import { accountPolicy } from './policy.ts';
import {
  type Account,
  createAccount,
  getAccount,
  listAccounts,
  policyPassword,
  refuseAdminReset,
  resetPassword,
  setDisabled,
  unlock,
} from './service.ts';

const tags = ['accounts'];

export default async function accountRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get<{ Querystring: { q?: string; page?: number; pageSize?: number } }>(
    '',
    {
      preValidation: guard(accountPolicy, 'read'),
      schema: {
        tags,
        summary: '账号列表 List accounts',
        querystring: object({ q: { type: 'string', maxLength: 100 }, ...paging }),
      },
    },
    async (req) => {
      return listAccounts(db, req.query.q, pageOf(req.query));
    },
  );

  app.post<{ Body: { username: string; displayName: string; personId?: string | null } }>(
    '',
    {
      preValidation: guard(accountPolicy, 'write'),
      schema: {
        tags,
        summary: '新建业务账号 Create a business account',
        body: object(
          {
            username: str(64, 2, { pattern: '^[A-Za-z0-9_.-]{2,64}$' }),
            displayName: str(100),
            personId: nullableUuid,
          },
          ['username', 'displayName'],
        ),
      },
    },
    async (req, reply) => {
      const password = await policyPassword(db, req.body.username);
      const hash = await hashPassword(password);
      const account = await db.tx((sql) => createAccount(sql, actorFor(req), req.body, hash));
      return reply.status(201).send({ account, oneTimePassword: password });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/:id/reset-password',
    {
      preValidation: guard(accountPolicy, 'write'),
      schema: { tags, summary: '重置密码 Reset password', params: idParams },
    },
    async (req) => {
      const target = await getAccount(db, req.params.id);
      if (!target) throw notFound({ zh: '账号', en: 'Account' });
      refuseAdminReset(target);
      const password = await policyPassword(db, target.username);
      const hash = await hashPassword(password);
      await db.tx((sql) => resetPassword(sql, actorFor(req), req.params.id, hash));
      return { oneTimePassword: password };
    },
  );

  const toggles: Record<string, [string, (sql: Sql, actor: Actor, id: string) => Promise<Account>]> = {
    disable: ['停用账号 Disable account', (sql, actor, id) => setDisabled(sql, actor, id, true)],
    enable: ['启用账号 Enable account', (sql, actor, id) => setDisabled(sql, actor, id, false)],
    unlock: ['解除锁定 Unlock account', unlock],
  };
  for (const [path, [summary, change]] of Object.entries(toggles)) {
    app.post<{ Params: { id: string } }>(
      `/:id/${path}`,
      { preValidation: guard(accountPolicy, 'write'), schema: { tags, summary, params: idParams } },
      async (req) => {
        return db.tx((sql) => change(sql, actorFor(req), req.params.id));
      },
    );
  }
}
