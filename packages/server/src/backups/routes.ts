import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import * as C from '@baomi/api/backups.ts';
import { FileBody } from '@baomi/api/common.ts';
import { conflict, notFound } from '@baomi/domain';
import type { FastifyReply } from 'fastify';
import { appendAudit } from '../audit/chain.ts';
import { definePolicy, guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { BACKUP_NAME, createBackup, listBackups, PG_DUMP_GUIDANCE } from './service.ts';

// R-SYS-01: backups are the system administrator's.
export const backupPolicy = definePolicy({
  manage: { allow: ['sysadmin'], zh: '管理备份', en: 'manage backups' },
});
const tags = ['backups'];

const backupRoutes: ModuleRoutes = async (app) => {
  const { db, backupDir } = app.deps;
  const dir = () => {
    if (!backupDir || !db.dump) throw conflict({ code: 'use_pg_dump', ...PG_DUMP_GUIDANCE });
    return backupDir;
  };

  app.get(
    '',
    {
      preValidation: guard(backupPolicy, 'manage'),
      schema: { tags, summary: '备份列表 List backups', response: { 200: C.BackupList } },
    },
    async (_req) => {
      return wire({
        items: backupDir ? listBackups(backupDir) : [],
        embedded: Boolean(db.dump),
        guidance: db.dump ? null : PG_DUMP_GUIDANCE,
      });
    },
  );

  app.post(
    '',
    {
      preValidation: guard(backupPolicy, 'manage'),
      schema: { tags, summary: '创建备份 Create a backup', response: { 201: C.Backup } },
    },
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
      return reply.status(201).send(wire(file));
    },
  );

  app.get(
    '/:name',
    {
      preValidation: guard(backupPolicy, 'manage'),
      schema: {
        tags,
        summary: '下载备份 Download a backup',
        params: C.BackupParams,
        response: { 200: FileBody },
      },
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
      // A stream, not the string the FileBody schema types: sent as it is, past the serialiser.
      return (reply as FastifyReply).send(createReadStream(join(dir(), name)));
    },
  );
};

export default backupRoutes;
