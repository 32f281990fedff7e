import * as C from '@baomi/api/settings.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { settingsPolicy } from './policy.ts';
import { getSecurityPolicy, setSecurityPolicy } from './service.ts';

const tags = ['settings'];

const settingsRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;
  app.get(
    '/security',
    {
      preValidation: guard(settingsPolicy, (req) =>
        req.auth?.me.adminRole ? 'readSecurity' : 'readPasswordRules',
      ),
      schema: { tags, summary: '安全策略 Security policy', response: { 200: C.SecurityPolicy } },
    },
    async (_req) => {
      return getSecurityPolicy(db);
    },
  );
  app.put(
    '/security',
    {
      preValidation: guard(settingsPolicy, 'writeSecurity'),
      schema: {
        tags,
        summary: '设置安全策略 Set security policy',
        body: C.SecurityPolicyBody,
        response: { 200: C.SecurityPolicy },
      },
    },
    async (req) => {
      return db.tx((sql) => setSecurityPolicy(sql, actorFor(req), req.body));
    },
  );
};

export default settingsRoutes;
