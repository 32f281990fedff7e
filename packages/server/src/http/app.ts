// The Fastify application: hooks (session, CSRF, forced password change), modules, OpenAPI, the SPA.

import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { startChainer } from '../audit/chain.ts';
import { clearSessionCookies } from '../auth/routes.ts';
import { processSecretKey } from '../auth/secret-key.ts';
import { SessionCache } from '../auth/session-cache.ts';
import { lookupSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { installModules } from '../kit/install.ts';
import type { ServerModule } from '../kit/module.ts';
import { MODULES } from '../modules.ts';
import { HttpError, installErrorHandler } from './errors.ts';
import { HEALTH_ROUTES, installHealthRoutes } from './health.ts';
import { badText, badTextError, installJsonParser } from './json.ts';
import { unauthenticated } from './policy.ts';
import { STATIC_ROUTE, serveWebApp } from './static.ts';
import type { AppDeps } from './types.ts';
import { installValidators } from './validation.ts';

export const WEB_DIST = new URL('../../../web/dist/', import.meta.url).pathname;

/** Routes a signed-in account may use before it has replaced its initial password (R-SYS-02). */
const BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/auth/me',
  'POST /api/auth/change-password',
  'POST /api/auth/logout',
  'GET /api/system/info',
  'GET /api/settings/security', // the password rules the new password must meet
]);
/** R-SYS-02: routes an account that must enrol a second factor may use before it has one. */
const BEFORE_ENROLMENT = new Set([
  ...BEFORE_PASSWORD_CHANGE,
  'GET /api/auth/second-factors',
  'POST /api/auth/second-factors/totp',
  'POST /api/auth/second-factors/totp/confirm',
  'POST /api/auth/second-factors/webauthn/options',
  'POST /api/auth/second-factors/webauthn',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The only API routes open without a session (R-SYS-01); every other one answers 401 before it validates input. */
const PUBLIC = new Set([
  'POST /api/auth/login',
  'POST /api/auth/login/second-factor',
  'GET /api/system/info',
  'GET /api/openapi.json',
  ...HEALTH_ROUTES,
]);

/** A registered API route that needs a session (unknown paths fall through to the JSON 404). */
function needsSession(req: FastifyRequest): boolean {
  const url = req.routeOptions.url;
  // No route, or the web app's files (an unknown /api/ path there ends in the JSON 404): no session.
  if (!url || url === STATIC_ROUTE) return false;
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  return !PUBLIC.has(`${method} ${url}`);
}

export interface BuildOptions extends AppDeps {
  logger?: boolean;
  /** Trusted reverse proxies (addresses or CIDR blocks), see http/proxy.ts; false trusts none. */
  trustProxy?: false | string[];
  webDist?: string | null;
  /** The modules to serve (default: the list in modules.ts; a test may add a throw-away one). */
  modules?: readonly ServerModule[];
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  app.decorate('deps', {
    db: opts.db,
    demo: opts.demo,
    version: opts.version,
    loginRate: opts.loginRate,
    backupDir: opts.backupDir,
    secretKey: opts.secretKey ?? processSecretKey,
    totpClock: opts.totpClock ?? Date.now,
    origin: opts.origin ?? null,
  });
  app.decorateRequest('auth', null);
  const sessions = new SessionCache();
  const unlisten = await opts.db.listen(
    'baomi_auth',
    () => sessions.clear(),
    () => sessions.clear(),
  );
  // This node's audit chainer (PostgreSQL: the outbox is chained within about a second, D51).
  const stopChainer = startChainer(opts.db);
  app.addHook('onClose', async () => {
    await unlisten();
    await stopChainer();
  });
  installValidators(app);
  installJsonParser(app);
  installErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Baomi 保密 API',
        version: opts.version,
        description:
          'Errors: {error: {code, zh, en, field?, rule?}}. Non-GET requests need header x-csrf-token.',
      },
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    reply.header('Cache-Control', 'no-store');
    // Health and readiness never look at a session: liveness must not touch the database.
    if (req.routeOptions.url === '/api/health' || req.routeOptions.url === '/api/ready') return;
    const token = req.cookies[SESSION_COOKIE];
    // Reads may use this node's session cache; a state-changing request is always checked against
    // the database, so a revoked session can never change anything, even in the milliseconds before
    // the revocation's NOTIFY arrives.
    const cache = SAFE_METHODS.has(req.method) ? sessions : undefined;
    const found = token ? await lookupSession(app.deps.db, token, new Date(), cache) : null;
    if (!found?.ok) {
      if (found) clearSessionCookies(reply);
      if (found?.reason === 'idle') {
        throw new HttpError(401, {
          code: 'session_idle',
          rule: 'R-SYS-02',
          zh: '长时间未操作，会话已超时，请重新登录',
          en: 'The session timed out after inactivity; please sign in again',
        });
      }
      if (needsSession(req)) throw unauthenticated();
      return;
    }
    req.auth = found.ctx;
    const route = `${req.method} ${req.url.split('?')[0]}`;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== found.ctx.csrf) {
      throw new HttpError(403, {
        code: 'csrf',
        zh: '请求缺少有效的防伪令牌（x-csrf-token），请刷新页面',
        en: 'Missing or wrong anti-forgery token (x-csrf-token); reload the page',
      });
    }
    if (found.ctx.me.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(route)) {
      throw new HttpError(403, {
        code: 'password_change_required',
        rule: 'R-SYS-02',
        zh: '请先修改初始密码',
        en: 'Change your initial password first',
      });
    }
    if (found.ctx.me.mustEnrolSecondFactor && !BEFORE_ENROLMENT.has(route)) {
      throw new HttpError(403, {
        code: 'second_factor_enrolment_required',
        rule: 'R-SYS-02',
        zh: '请先登记第二认证因素（动态口令或安全密钥）',
        en: 'Enrol a second factor (one-time password or security key) first',
      });
    }
  });

  app.addHook('preValidation', async (req) => {
    // The query string and path too: a NUL there reached PostgreSQL and came back as a 500.
    const bad = badText(req.body) ?? badText(req.query) ?? badText(req.params);
    if (bad) throw badTextError(bad);
  });

  // Query-string numbers are coerced by the validator; `Infinity` and `1e309` pass a type check as
  // numbers and reached SQL or a slice. A number that is not finite is a 400 naming the field.
  app.addHook('preHandler', async (req) => {
    for (const [part, values] of [
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      if (!values || typeof values !== 'object') continue;
      for (const [field, value] of Object.entries(values as Record<string, unknown>)) {
        if (typeof value === 'number' && !Number.isFinite(value)) {
          throw new HttpError(400, {
            code: 'invalid_number',
            field,
            zh: `字段 ${field} 不是有效的数字`,
            en: `Field ${field} is not a valid number${part === 'params' ? ' (path)' : ''}`,
          });
        }
      }
    }
  });

  // A write served here may have changed who someone is (logout, password, roles): drop this node's
  // cache at once rather than wait for the NOTIFY that tells every node.
  app.addHook('onResponse', async (req, reply) => {
    if (!SAFE_METHODS.has(req.method) && reply.statusCode < 400) sessions.clear();
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    // Behind a trusted TLS proxy: browsers must never come back over plain HTTP.
    if (req.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    // R-SYS-04: nothing is loaded from anywhere but this server.
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
    );
  });

  // Each module's routes: an encapsulated plugin under its URL prefix, typed from its contract.
  const modules = opts.modules ?? MODULES;
  installModules(modules);
  for (const m of modules) {
    await app.withTypeProvider<TypeBoxTypeProvider>().register(m.routes, { prefix: m.prefix });
  }

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  installHealthRoutes(app);

  await serveWebApp(app, opts.webDist === undefined ? WEB_DIST : opts.webDist);
  return app;
}
