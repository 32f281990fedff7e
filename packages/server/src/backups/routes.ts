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
import {
  BACKUP_NAME,
  createBackup,
  getBackupKey,
  isEncryptedName,
  keyStatus,
  listBackups,
  PG_DUMP_GUIDANCE,
  setBackupKey,
} from './service.ts';

// R-SYS-01: backups are the system administrator's; the key that makes them readable is the
// security-secrecy administrator's (he sees only its fingerprint, never the key or the passphrase).
export const backupPolicy = definePolicy({
  manage: { allow: ['sysadmin'], zh: '管理备份', en: 'manage backups' },
  readKey: { allow: ['sysadmin', 'secadmin'], zh: '查看备份密钥指纹', en: 'see the backup key fingerprint' },
  setKey: { allow: ['secadmin'], zh: '设置备份密钥', en: 'set the backup key' },
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
        key: keyStatus(await getBackupKey(db)),
      });
    },
  );

  app.get(
    '/key',
    {
      preValidation: guard(backupPolicy, 'readKey'),
      schema: {
        tags,
        summary: '备份密钥状态 Backup key status (fingerprint only)',
        response: { 200: C.BackupKeyStatus },
      },
    },
    async () => wire(keyStatus(await getBackupKey(db))),
  );

  app.put(
    '/key',
    {
      preValidation: guard(backupPolicy, 'setKey'),
      schema: {
        tags,
        summary: '设置或修改备份口令 Set or change the backup passphrase',
        body: C.SetBackupKeyBody,
        response: { 200: C.BackupKeyStatus },
      },
    },
    async (req) => wire(await db.tx((sql) => setBackupKey(sql, actorFor(req), req.body))),
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
          summary: { size: file.size, fingerprint: file.fingerprint },
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
      if (!isEncryptedName(name)) {
        // Made before backups were encrypted: never served (it holds 绝密 titles and password hashes in
        // clear). The operator deletes it on the server, or keeps it offline under his own controls.
        throw conflict({
          code: 'backup_unencrypted',
          zh: '该备份为加密功能启用前生成的未加密备份，不提供下载；请在服务器上删除或另行妥善保管',
          en: 'This backup predates encryption and is not encrypted: it is not served; delete it on the server or keep it offline under control',
          rule: 'R-SYS-01',
        });
      }
      await db.tx((sql) =>
        appendAudit(sql, actorFor(req), { action: 'backup.download', objectType: 'backup', objectId: name }),
      );
      reply.header('Content-Disposition', `attachment; filename="${name}"`);
      reply.type('application/octet-stream');
      // A stream, not the string the FileBody schema types: sent as it is, past the serialiser.
      return (reply as FastifyReply).send(createReadStream(join(dir(), name)));
    },
  );
};

export default backupRoutes;
