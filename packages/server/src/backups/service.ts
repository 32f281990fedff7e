// Backups: a consistent copy of the embedded database (PGlite's own dump, taken between
// transactions), encrypted for the backup key that the security-secrecy administrator set
// (crypto.ts; R-SYS-01: the system administrator makes backups but cannot read them). On a PostgreSQL
// server, pg_dump is the tool and Baomi says so — and says that the dump must be encrypted too.
import { closeSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKeyStatus, SetBackupKeyBody } from '@baomi/api/backups.ts';
import { backupPassphraseProblem } from '@baomi/api/backups.ts';
import { conflict, invalid } from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import {
  ALGORITHM,
  type BackupKey,
  createBackupKey,
  encryptBackup,
  passphraseOpens,
  readHeader,
} from './crypto.ts';

/** Encrypted backups (.sm4) and, from before encryption, plain archives (.tar.gz: listed, not served). */
export const BACKUP_NAME = /^baomi-\d{8}-\d{6}(-\d+)?\.(sm4|tar\.gz)$/;
export const isEncryptedName = (name: string) => name.endsWith('.sm4');

export const PG_DUMP_GUIDANCE = {
  zh: '使用外部 PostgreSQL 时请用 pg_dump 备份，并立即加密（备份必须加密，恢复需安全保密管理员的备份口令），例如：pg_dump --format=custom "$DATABASE_URL" > baomi.dump && baomi backup encrypt --in baomi.dump && shred -u baomi.dump',
  en: 'On a PostgreSQL server, back up with pg_dump and encrypt the dump at once (backups must be encrypted; restoring needs the security-secrecy administrator\'s passphrase), e.g. pg_dump --format=custom "$DATABASE_URL" > baomi.dump && baomi backup encrypt --in baomi.dump && shred -u baomi.dump',
};

export const KEY_MISSING = {
  code: 'backup_key_missing',
  zh: '安全保密管理员尚未设置备份密钥，不能备份。请安全保密管理员在「备份密钥」页设置备份口令后再备份。',
  en: 'The security-secrecy administrator has not set the backup key yet: no backup can be made until she sets the backup passphrase (page 备份密钥).',
  rule: 'R-SYS-01',
};

/** The setting that holds the backup key: the public key and the passphrase-protected private key. */
const SETTING = 'backup_key';

export interface BackupFile {
  name: string;
  size: number;
  createdAt: Date;
  encrypted: boolean;
  fingerprint: string | null;
}

export async function getBackupKey(sql: Sql): Promise<BackupKey | null> {
  const v = (await readSetting(sql, SETTING)) as BackupKey | null;
  return v && typeof v.fingerprint === 'string' ? v : null;
}

export function keyStatus(k: BackupKey | null): BackupKeyStatus {
  return {
    set: Boolean(k),
    fingerprint: k?.fingerprint ?? null,
    setAt: k?.setAt ?? null,
    algorithm: ALGORITHM,
  };
}

/**
 * The security-secrecy administrator sets or changes the backup passphrase. Each time a new SM2 key
 * pair is made (the fingerprint names the passphrase generation); changing needs the current
 * passphrase, unless she says it is forgotten (then backups under the old key are lost for restore).
 * Audited as backup.key.set / backup.key.change / backup.key.replace; the passphrase is never stored.
 */
export async function setBackupKey(sql: Sql, actor: Actor, body: SetBackupKeyBody): Promise<BackupKeyStatus> {
  const problem = backupPassphraseProblem(body.passphrase);
  if (problem) throw invalid({ code: 'weak_backup_passphrase', ...problem, field: 'passphrase' });
  const old = await getBackupKey(sql);
  let action = 'backup.key.set';
  if (old) {
    if (body.replaceForgotten) action = 'backup.key.replace';
    else {
      if (!body.currentPassphrase) {
        throw invalid({
          code: 'current_passphrase_required',
          zh: '已设置备份密钥：修改须输入当前备份口令（如已遗忘，可选择“口令已遗忘，替换密钥”）',
          en: 'A backup key is set: changing it needs the current passphrase (or choose to replace a forgotten one)',
          field: 'currentPassphrase',
        });
      }
      if (!passphraseOpens(old, body.currentPassphrase)) {
        throw invalid({
          code: 'wrong_backup_passphrase',
          zh: '当前备份口令错误',
          en: 'The current backup passphrase is wrong',
          field: 'currentPassphrase',
        });
      }
      action = 'backup.key.change';
    }
    if (body.currentPassphrase === body.passphrase) {
      throw invalid({
        code: 'same_backup_passphrase',
        zh: '新备份口令不能与当前口令相同',
        en: 'The new backup passphrase must differ from the current one',
        field: 'passphrase',
      });
    }
  }
  const key = createBackupKey(body.passphrase);
  await writeSetting(sql, SETTING, key, actor.id);
  await appendAudit(sql, actor, {
    action,
    objectType: 'backup_key',
    objectId: key.fingerprint,
    summary: { fingerprint: key.fingerprint, previous: old?.fingerprint ?? null },
  });
  return keyStatus(key);
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Writes an encrypted file into dir under a fresh baomi-… name. */
export function writeEncrypted(dir: string, bytes: Uint8Array, key: BackupKey, now = new Date()): BackupFile {
  mkdirSync(dir, { recursive: true });
  const file = encryptBackup(bytes, key, now);
  let name = `baomi-${stamp(now)}.sm4`;
  for (let i = 1; readdirSync(dir).includes(name); i++) name = `baomi-${stamp(now)}-${i}.sm4`;
  writeFileSync(join(dir, name), file, { mode: 0o600 });
  return { name, size: file.length, createdAt: now, encrypted: true, fingerprint: key.fingerprint };
}

export async function createBackup(db: Db, dir: string): Promise<BackupFile> {
  if (!db.dump) throw conflict({ code: 'use_pg_dump', ...PG_DUMP_GUIDANCE });
  const key = await getBackupKey(db);
  if (!key) throw conflict(KEY_MISSING);
  const bytes = await db.dump();
  return writeEncrypted(dir, bytes, key);
}

/** The header of an encrypted file, read from its first 64 KiB (no decryption). */
export function headerOfFile(path: string): ReturnType<typeof readHeader>['header'] | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024 + 100);
    const n = readSync(fd, buf, 0, buf.length, 0);
    // readHeader wants room for the tag after the header: a short read of a long file has it.
    const { header } = readHeader(Buffer.concat([buf.subarray(0, n), Buffer.alloc(32)]));
    return header;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => BACKUP_NAME.test(n));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const s = statSync(join(dir, name));
      const encrypted = isEncryptedName(name);
      const fingerprint = encrypted ? (headerOfFile(join(dir, name))?.fingerprint ?? null) : null;
      return { name, size: s.size, createdAt: s.mtime, encrypted, fingerprint };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}
