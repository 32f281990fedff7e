// R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): the second step of a sign-in, one's own factors (安全设置),
// and the dual-controlled reset of a business user's factors.
import * as C from '@baomi/api/auth.ts';
import { IdParams, Ok } from '@baomi/api/common.ts';
import { secondFactorRequired } from '@baomi/domain';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyRequest } from 'fastify';
import { guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { setSessionCookies } from './routes.ts';
import { loginSecondFactor } from './service.ts';
import { secondFactorPolicy } from './twofactor.policy.ts';
import { listFactors, unusedRecoveryCodes } from './twofactor.queries.ts';
import {
  beginTotp,
  confirmTotp,
  type FactorDeps,
  type RelyingParty,
  regenerateRecoveryCodes,
  revokeOwnFactor,
  webauthnRegister,
  webauthnRegistrationOptions,
} from './twofactor.ts';
import { listFactorResets } from './twofactor-reset.queries.ts';
import { decideFactorReset, requestFactorReset } from './twofactor-reset.ts';

/** The WebAuthn relying party: BAOMI_ORIGIN when configured, else the origin the request came to. */
export function relyingParty(req: FastifyRequest): RelyingParty | null {
  const configured = req.server.deps.origin;
  const origin = configured ?? (req.headers.host ? `${req.protocol}://${req.headers.host}` : null);
  if (!origin) return null;
  try {
    return { origin: new URL(origin).origin, id: new URL(origin).hostname };
  } catch {
    return null;
  }
}

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
const tags = ['auth'];

type App = Parameters<ModuleRoutes>[0];

export async function secondFactorRoutes(
  app: App,
  resetNoticeOf: (accountId: string) => Promise<unknown>,
): Promise<void> {
  const db = app.deps.db;
  const deps = (): FactorDeps => ({
    secretKey: app.deps.secretKey!,
    clock: app.deps.totpClock ?? Date.now,
  });

  app.post(
    '/login/second-factor',
    {
      schema: {
        tags,
        summary: '登录第二步：动态口令、安全密钥或恢复码 Sign-in, second factor',
        body: C.SecondFactorBody,
        response: { 200: C.SignedIn },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await loginSecondFactor(
        db,
        b.token,
        {
          ...(b.code ? { code: b.code } : {}),
          ...(b.recoveryCode ? { recoveryCode: b.recoveryCode } : {}),
          ...(b.webauthn ? { webauthn: b.webauthn as unknown as AuthenticationResponseJSON } : {}),
        },
        meta(req),
        app.deps.loginRate,
        deps(),
        relyingParty(req),
      );
      setSessionCookies(req, reply, r.token, r.csrf);
      return wire({
        me: r.me,
        resetNotice: ((await resetNoticeOf(r.me.id)) ?? null) as C.ResetNotice | null,
      });
    },
  );

  app.get(
    '/second-factors',
    { schema: { tags, summary: '本人的认证因素 Own second factors', response: { 200: C.FactorList } } },
    async (req) => {
      const ctx = ctxOf(req);
      return wire({
        factors: await listFactors(db, ctx.me.id),
        recoveryCodesLeft: await unusedRecoveryCodes(db, ctx.me.id),
        required: secondFactorRequired(ctx.me, ctx.policy),
      });
    },
  );

  app.post(
    '/second-factors/totp',
    {
      schema: {
        tags,
        summary: '登记动态口令：生成密钥 Enrol a TOTP token: new secret',
        body: C.TotpBeginBody,
        response: { 200: C.TotpBegun },
      },
    },
    async (req) => beginTotp(db, ctxOf(req).me, req.body, deps()),
  );

  app.post(
    '/second-factors/totp/confirm',
    {
      schema: {
        tags,
        summary: '登记动态口令：验证 Enrol a TOTP token: confirm with a code',
        body: C.TotpConfirmBody,
        response: { 200: C.Enrolled },
      },
    },
    async (req) =>
      wire(await confirmTotp(db, ctxOf(req).me, req.body.id, req.body.code, deps(), actorFor(req))),
  );

  app.post(
    '/second-factors/webauthn/options',
    {
      schema: {
        tags,
        summary: '登记安全密钥：选项 Enrol a security key: options',
        response: { 200: C.WebAuthnOptions },
      },
    },
    async (req) => {
      const rp = relyingParty(req);
      if (!rp) throw new Error('no origin');
      return (await webauthnRegistrationOptions(db, ctxOf(req).me, rp)) as unknown as Record<string, unknown>;
    },
  );

  app.post(
    '/second-factors/webauthn',
    {
      schema: {
        tags,
        summary: '登记安全密钥 Enrol a security key',
        body: C.WebAuthnRegisterBody,
        response: { 200: C.Enrolled },
      },
    },
    async (req) => {
      const rp = relyingParty(req);
      if (!rp) throw new Error('no origin');
      return wire(
        await webauthnRegister(
          db,
          ctxOf(req).me,
          {
            ...(req.body.label ? { label: req.body.label } : {}),
            response: req.body.response as unknown as RegistrationResponseJSON,
          },
          rp,
          actorFor(req),
        ),
      );
    },
  );

  app.delete(
    '/second-factors/:id',
    {
      schema: {
        tags,
        summary: '撤销本人的认证因素 Revoke an own factor',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await revokeOwnFactor(db, ctxOf(req).me, req.params.id, actorFor(req));
      return { ok: true };
    },
  );

  app.post(
    '/second-factors/recovery-codes',
    {
      schema: { tags, summary: '重新生成恢复码 New recovery codes', response: { 200: C.RecoveryCodes } },
    },
    async (req) => ({ recoveryCodes: await regenerateRecoveryCodes(db, ctxOf(req).me, actorFor(req)) }),
  );

  app.get(
    '/second-factor-resets',
    {
      preValidation: guard(secondFactorPolicy, 'readResets'),
      schema: { tags, summary: '双因素重置申请 Second-factor resets', response: { 200: C.FactorResetList } },
    },
    async () => wire({ items: await listFactorResets(db) }),
  );

  app.post(
    '/second-factor-resets',
    {
      preValidation: guard(secondFactorPolicy, 'requestReset'),
      schema: {
        tags,
        summary: '申请重置业务用户的双因素认证 Request a second-factor reset',
        body: C.FactorResetBody,
        response: { 202: C.FactorReset },
      },
    },
    async (req, reply) =>
      reply.status(202).send(wire(await requestFactorReset(db, actorFor(req), req.body.username))),
  );

  for (const decision of ['confirm', 'reject'] as const) {
    app.post(
      `/second-factor-resets/:id/${decision}`,
      {
        preValidation: guard(secondFactorPolicy, 'decideReset'),
        schema: {
          tags,
          summary:
            decision === 'confirm'
              ? '确认重置双因素认证 Confirm a second-factor reset'
              : '拒绝重置双因素认证 Reject a second-factor reset',
          params: IdParams,
          response: { 200: C.FactorReset },
        },
      },
      async (req) => wire(await decideFactorReset(db, actorFor(req), req.params.id, decision)),
    );
  }
}
