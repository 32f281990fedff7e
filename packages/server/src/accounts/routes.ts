import * as C from '@baomi/api/accounts.ts';
import { IdParams } from '@baomi/api/common.ts';
import { notFound } from '@baomi/domain';
import type { Actor } from '../audit/chain.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Sql } from '../db/db.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
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

const accountRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '',
    {
      preValidation: guard(accountPolicy, 'read'),
      schema: {
        tags,
        summary: '账号列表 List accounts',
        querystring: C.AccountsQuery,
        response: { 200: C.AccountPage },
      },
    },
    async (req) => {
      return wire(await listAccounts(db, req.query.q, pageOf(req.query)));
    },
  );

  app.post(
    '',
    {
      preValidation: guard(accountPolicy, 'write'),
      schema: {
        tags,
        summary: '新建业务账号 Create a business account',
        body: C.AccountCreate,
        response: { 201: C.AccountCreated },
      },
    },
    async (req, reply) => {
      const password = await policyPassword(db, req.body.username);
      const hash = await hashPassword(password);
      const account = await db.tx((sql) => createAccount(sql, actorFor(req), req.body, hash));
      return reply.status(201).send(wire({ account, oneTimePassword: password }));
    },
  );

  app.post(
    '/:id/reset-password',
    {
      preValidation: guard(accountPolicy, 'write'),
      schema: {
        tags,
        summary: '重置密码 Reset password',
        params: IdParams,
        response: { 200: C.OneTimePassword },
      },
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
    app.post(
      `/:id/${path}`,
      {
        preValidation: guard(accountPolicy, 'write'),
        schema: { tags, summary, params: IdParams, response: { 200: C.Account } },
      },
      async (req) => {
        return wire(await db.tx((sql) => change(sql, actorFor(req), req.params.id)));
      },
    );
  }
};

export default accountRoutes;
