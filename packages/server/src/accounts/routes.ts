import { randomBytes } from 'node:crypto';
import * as C from '@baomi/api/accounts.ts';
import { IdParams } from '@baomi/api/common.ts';
import type { Actor } from '../audit/chain.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Sql } from '../db/db.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { accountPolicy } from './policy.ts';
import { getReset } from './reset.queries.ts';
import { closeReset, confirmReset, listPasswordResets, openRequest, requestReset } from './reset.ts';
import { type Account, createAccount, listAccounts, setDisabled, unlock } from './service.ts';

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
      // R-SYS-01: the account's first password is under the same dual control as a reset — the
      // system administrator gets one half, the security-secrecy administrator's confirmation the
      // other; until then the account has a password nobody knows.
      const hash = await hashPassword(randomBytes(32).toString('base64'));
      const actor = actorFor(req);
      const made = await db.tx(async (sql) => {
        const account = await createAccount(sql, actor, req.body, hash);
        return { account, ...(await openRequest(sql, actor, account, 'initial')) };
      });
      const reset = (await getReset(db, made.id))!;
      return reply.status(201).send(wire({ account: made.account, reset, firstHalf: made.firstHalf }));
    },
  );

  // R-SYS-01: the system administrator's reset of a business account is only a request; the
  // security-secrecy administrator's confirmation changes the password (accounts/reset.ts).
  app.post(
    '/:id/reset-password',
    {
      preValidation: guard(accountPolicy, 'write'),
      schema: {
        tags,
        summary: '申请重置密码 Request a password reset (dual control)',
        params: IdParams,
        response: { 202: C.ResetRequested },
      },
    },
    async (req, reply) => {
      const r = await requestReset(db, actorFor(req), req.params.id);
      return reply.status(202).send(wire(r));
    },
  );

  app.get(
    '/password-resets',
    {
      preValidation: guard(accountPolicy, 'readResets'),
      schema: {
        tags,
        summary: '密码重置申请 Password reset requests',
        querystring: C.PasswordResetsQuery,
        response: { 200: C.PasswordResetList },
      },
    },
    async (req) => wire({ items: await listPasswordResets(db, req.query.pending === true) }),
  );

  app.post(
    '/password-resets/:id/confirm',
    {
      preValidation: guard(accountPolicy, 'decideReset'),
      schema: {
        tags,
        summary: '确认密码重置 Confirm a password reset',
        params: IdParams,
        response: { 200: C.ResetConfirmed },
      },
    },
    async (req) => wire(await confirmReset(db, actorFor(req), req.params.id)),
  );

  const closes = {
    reject: ['拒绝密码重置 Reject a password reset', 'decideReset', 'rejected'],
    withdraw: ['撤回密码重置申请 Withdraw a password reset request', 'withdrawReset', 'withdrawn'],
  } as const;
  for (const [path, [summary, action, how]] of Object.entries(closes)) {
    app.post(
      `/password-resets/:id/${path}`,
      {
        preValidation: guard(accountPolicy, action),
        schema: { tags, summary, params: IdParams, response: { 200: C.PasswordReset } },
      },
      async (req) => wire(await closeReset(db, actorFor(req), req.params.id, how)),
    );
  }

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
