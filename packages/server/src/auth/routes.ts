import * as C from '@baomi/api/auth.ts';
import { Ok } from '@baomi/api/common.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { unseenResetNotice } from '../accounts/reset.queries.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { changePassword, login, logout } from './service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions.ts';
import { relyingParty, secondFactorRoutes } from './twofactor.routes.ts';

export function setSessionCookies(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  csrf: string,
): void {
  const secure = req.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });

const tags = ['auth'];

const authRoutes: ModuleRoutes = async (app) => {
  /** R-SYS-01: a confirmed reset the owner has not answered with his own password yet. */
  const resetNoticeOf = async (accountId: string) => {
    const n = await unseenResetNotice(app.deps.db, accountId);
    return n && { kind: n.kind, resetAt: n.resetAt, requestedBy: n.requestedBy, confirmedBy: n.confirmedBy };
  };

  app.post(
    '/login',
    {
      schema: { tags, summary: '登录 Sign in', body: C.LoginBody, response: { 200: C.LoginAnswer } },
    },
    async (req, reply) => {
      const r = await login(
        app.deps.db,
        req.body.username,
        req.body.password,
        meta(req),
        app.deps.loginRate,
        relyingParty(req),
      );
      if ('pending' in r) return wire({ secondFactor: r.pending });
      setSessionCookies(req, reply, r.token, r.csrf);
      return wire({ me: r.me, resetNotice: await resetNoticeOf(r.me.id) });
    },
  );

  app.post(
    '/logout',
    { schema: { tags, summary: '退出 Sign out', response: { 200: Ok } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await logout(app.deps.db, ctx.sessionId, actorFor(req));
      clearSessionCookies(reply);
      return { ok: true };
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: '当前用户 Current account', response: { 200: C.Session } } },
    async (req) =>
      wire({
        me: ctxOf(req).me,
        csrfToken: ctxOf(req).csrf,
        resetNotice: await resetNoticeOf(ctxOf(req).me.id),
      }),
  );

  app.post(
    '/change-password',
    {
      schema: {
        tags,
        summary: '修改密码 Change password',
        body: C.ChangePasswordBody,
        response: { 200: C.SignedIn },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const r = await changePassword(
        app.deps.db,
        ctx.me,
        req.body.oldPassword,
        req.body.newPassword,
        actorFor(req),
        meta(req),
      );
      setSessionCookies(req, reply, r.token, r.csrf);
      return { me: r.me };
    },
  );

  await secondFactorRoutes(app, resetNoticeOf);
};

export default authRoutes;
