import type { SecurityPolicy } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { bool, object } from '../http/schemas.ts';
import { settingsPolicy } from './policy.ts';
import { getSecurityPolicy, setSecurityPolicy } from './service.ts';

const integer = { type: 'integer' };
const policySchema = object(
  {
    minLength: integer,
    minClasses: integer,
    forbidUsername: bool,
    maxFailures: integer,
    lockMinutes: integer,
    idleMinutes: integer,
    auditRetentionMonths: integer,
  },
  [
    'minLength',
    'minClasses',
    'forbidUsername',
    'maxFailures',
    'lockMinutes',
    'idleMinutes',
    'auditRetentionMonths',
  ],
);

export default async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;
  app.get(
    '/security',
    {
      preValidation: guard(settingsPolicy, (req) =>
        req.auth?.me.adminRole ? 'readSecurity' : 'readPasswordRules',
      ),
      schema: { tags: ['settings'], summary: '安全策略 Security policy' },
    },
    async (_req) => {
      return getSecurityPolicy(db);
    },
  );
  app.put<{ Body: SecurityPolicy }>(
    '/security',
    {
      preValidation: guard(settingsPolicy, 'writeSecurity'),
      schema: { tags: ['settings'], summary: '设置安全策略 Set security policy', body: policySchema },
    },
    async (req) => {
      return db.tx((sql) => setSecurityPolicy(sql, actorFor(req), req.body));
    },
  );
}
