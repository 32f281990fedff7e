import { SystemInfo } from '@baomi/api/system.ts';
import type { ModuleRoutes } from '../kit/module.ts';

const systemRoutes: ModuleRoutes = async (app) => {
  app.get(
    '/info',
    { schema: { tags: ['system'], summary: '系统信息 System information', response: { 200: SystemInfo } } },
    async () => ({
      name: 'Baomi 保密管理系统',
      version: app.deps.version,
      demo: app.deps.demo,
      db: app.deps.db.kind,
    }),
  );
};

export default systemRoutes;
