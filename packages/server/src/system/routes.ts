import type { FastifyInstance } from 'fastify';

export default async function systemRoutes(app: FastifyInstance): Promise<void> {
  app.get('/info', { schema: { tags: ['system'], summary: '系统信息 System information' } }, async () => ({
    name: 'Baomi 保密管理系统',
    version: app.deps.version,
    demo: app.deps.demo,
    db: app.deps.db.kind,
  }));
}
