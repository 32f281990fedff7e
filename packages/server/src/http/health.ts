// Liveness and readiness for a load balancer or an orchestrator (issue 14). Both are open without a
// session and say nothing about the installation: no version, no database host, no error text.
//   GET /api/health  the process serves HTTP (never touches the database: a database failover must
//                    not make every node look dead and get it restarted).
//   GET /api/ready   the database answers and every migration of this build is applied; 503 otherwise.
import { ErrorBody } from '@baomi/api/common.ts';
import { Health, Ready } from '@baomi/api/system.ts';
import type { FastifyInstance } from 'fastify';
import { pendingMigrationCount } from '../db/migrate.ts';
import { isConnectionError, RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { HttpError, UNAVAILABLE } from './errors.ts';

export const HEALTH_ROUTES = ['GET /api/health', 'GET /api/ready'] as const;

export function installHealthRoutes(app: FastifyInstance): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '存活检查 Liveness (no database)',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['system'],
        summary: '就绪检查 Readiness: database reachable, migrations current',
        response: { 200: Ready, 503: ErrorBody },
      },
    },
    async (_req, reply) => {
      let pending: number;
      try {
        pending = await pendingMigrationCount(app.deps.db);
      } catch (e) {
        // Whatever the cause (connection lost, a role without access), the load balancer only needs "not ready".
        if (!isConnectionError(e)) app.log.warn({ err: e }, 'readiness check failed');
        throw new HttpError(503, { ...UNAVAILABLE });
      }
      if (pending > 0) {
        reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
        return reply.status(503).send({
          error: {
            code: 'migrations_pending',
            zh: '数据库结构尚未更新到本版本，暂不可用',
            en: 'The database schema is not yet current for this version; not ready',
          },
        });
      }
      return { status: 'ready' as const };
    },
  );
}
