// Refused attempts are audited (GB/T 22239-2019 8.1.4.3; R-SYS-03): every 401 and 403 of the API, and
// every 404 that hides a record the caller may not see, appends one `access.denied` event — actor,
// route, action, object, rule — in a transaction of its own (the refused request wrote nothing). It is
// cheap (one counter upsert and one append, no request body) and a flood stays visible without filling
// the trail: past DENIED_PER_MINUTE refusals from one address in a minute, one `access.denied.flood`
// event says so and the rest of that minute is counted, not logged. Failed sign-ins are audited by
// the login itself (auth.login.failure) and are not counted twice.
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../auth/context.ts';
import { hitRateLimit, rateCount } from '../auth/queries.ts';
import type { Db } from '../db/db.ts';
import type { HttpError } from '../http/errors.ts';
import { type Actor, appendAudit } from './chain.ts';

export const DENIED_PER_MINUTE = 30;

/** Refusals that are part of normal use, not attempts: an idle session ending, a forced password change. */
const ROUTINE = new Set([
  'session_idle',
  'password_change_required',
  'second_factor_enrolment_required',
  'bad_credentials',
  'rate_limited',
]);

export function isAuditedRefusal(req: FastifyRequest, h: HttpError, hidesRecord: boolean): boolean {
  if (!req.url.startsWith('/api/')) return false;
  if (ROUTINE.has(h.body.code)) return false;
  // The web app asks "who am I?" on every load: without a session that is a probe, not an attempt.
  if (h.status === 401 && req.method === 'GET' && req.routeOptions.url === '/api/auth/me') return false;
  return h.status === 401 || h.status === 403 || (h.status === 404 && hidesRecord);
}

function actorFor(req: FastifyRequest): Actor {
  if (req.auth) return actorOf(req.auth, req.ip);
  return { id: null, name: '匿名 anonymous', class: 'user', role: null, orgId: null, ip: req.ip };
}

/** Appends the refusal to the trail; never throws (the refusal itself must still be answered). */
export async function auditDenied(db: Db, req: FastifyRequest, h: HttpError): Promise<void> {
  try {
    const source = `denied:${req.ip}`;
    const over = await hitRateLimit(db, source, DENIED_PER_MINUTE, 60);
    const route = req.routeOptions.url ?? req.url.split('?')[0]!;
    const params = (req.params ?? {}) as Record<string, unknown>;
    const objectId = typeof params.id === 'string' ? params.id.slice(0, 64) : null;
    if (over) {
      // the first refusal past the limit says so, once per minute and address
      if ((await rateCount(db, source)) !== DENIED_PER_MINUTE + 1) return;
      await db.tx((sql) =>
        appendAudit(sql, actorFor(req), {
          action: 'access.denied.flood',
          objectType: 'route',
          objectId: route.slice(0, 200),
          summary: {
            perMinute: DENIED_PER_MINUTE,
            note: 'further refusals from this address this minute are not logged',
          },
        }),
      );
      return;
    }
    await db.tx((sql) =>
      appendAudit(sql, actorFor(req), {
        action: 'access.denied',
        objectType: objectId ? (route.split('/')[2] ?? 'route') : 'route',
        objectId: objectId ?? route.slice(0, 200),
        summary: {
          method: req.method,
          route: route.slice(0, 200),
          status: h.status,
          code: h.body.code,
          ...(h.body.rule ? { rule: h.body.rule } : {}),
        },
      }),
    );
  } catch (e) {
    req.log.error({ err: e }, 'could not audit a refused access');
  }
}
