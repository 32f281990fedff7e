import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { conflict, notFound } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/chain.ts';
import { definePolicy, guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { object, str } from '../http/schemas.ts';
import { BACKUP_NAME, createBackup, listBackups, PG_DUMP_GUIDANCE } from './service.ts';

// R-SYS-01: backups are the system administrator's.
export const backupPolicy = definePolicy({
  manage: { allow: ['sysadmin'], zh: '管理备份', en: 'manage backups' },
});
const tags = ['backups'];

export default async function backupRoutes(app: FastifyInstance): Promise<void> {
  const { db, backupDir } = app.deps;
  const dir = () => {
    if (!backupDir || !db.dump) throw conflict({ code: 'use_pg_dump', ...PG_DUMP_GUIDANCE });
    return backupDir;
  };

  app.get(
    '',
    { preValidation: guard(backupPolicy, 'manage'), schema: { tags, summary: '备份列表 List backups' } },
    async (_req) => {
      return {
        items: backupDir ? listBackups(backupDir) : [],
        embedded: Boolean(db.dump),
        guidance: db.dump ? null : PG_DUMP_GUIDANCE,
      };
    },
  );

  app.post(
    '',
    { preValidation: guard(backupPolicy, 'manage'), schema: { tags, summary: '创建备份 Create a backup' } },
    async (req, reply) => {
      const file = await createBackup(db, dir());
      await db.tx((sql) =>
        appendAudit(sql, actorFor(req), {
          action: 'backup.create',
          objectType: 'backup',
          objectId: file.name,
          summary: { size: file.size },
        }),
      );
      return reply.status(201).send(file);
    },
  );

  app.get<{ Params: { name: string } }>(
    '/:name',
    {
      preValidation: guard(backupPolicy, 'manage'),
      schema: { tags, summary: '下载备份 Download a backup', params: object({ name: str(80) }, ['name']) },
    },
    async (req, reply) => {
      const name = req.params.name;
      if (!BACKUP_NAME.test(name) || !listBackups(dir()).some((b) => b.name === name)) {
        throw notFound({ zh: '备份文件', en: 'Backup file' }, 'name');
      }
      await db.tx((sql) =>
        appendAudit(sql, actorFor(req), { action: 'backup.download', objectType: 'backup', objectId: name }),
      );
      reply.header('Content-Disposition', `attachment; filename="${name}"`);
      reply.type('application/gzip');
      return reply.send(createReadStream(join(dir(), name)));
    },
  );
}
