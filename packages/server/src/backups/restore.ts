// Restoring an encrypted backup of the embedded database (baomi restore), and asking for the backup
// passphrase on the command line. Everything is checked (passphrase, integrity) before the data
// directory is touched, and an existing database is never overwritten.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { openAndMigrate } from '../main.ts';
import { decryptBackup, type FileHeader } from './crypto.ts';

export class RestoreRefused extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'RestoreRefused';
  }
}

/** The passphrase from --passphrase-file, BAOMI_BACKUP_PASSPHRASE, or a hidden prompt on a terminal. */
export async function readPassphrase(file: string | undefined): Promise<string> {
  if (file) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  const env = process.env.BAOMI_BACKUP_PASSPHRASE;
  if (env) return env;
  if (!process.stdin.isTTY) {
    throw new RestoreRefused(
      '需要备份口令：请在终端输入，或使用 --passphrase-file 或环境变量 BAOMI_BACKUP_PASSPHRASE（口令由安全保密管理员保管）',
      'The backup passphrase is needed: type it on a terminal, or use --passphrase-file or BAOMI_BACKUP_PASSPHRASE (the security-secrecy administrator holds it)',
    );
  }
  process.stderr.write('备份口令 Backup passphrase (安全保密管理员 security-secrecy administrator): ');
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new RestoreRefused('已取消', 'Cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Decrypts and checks a backup file: the plain bytes, or a bilingual refusal. Writes nothing. */
export function openBackupFile(path: string, passphrase: string): { plain: Buffer; header: FileHeader } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new RestoreRefused(`无法读取备份文件：${path}`, `Cannot read the backup file: ${path}`);
  }
  try {
    return decryptBackup(bytes, passphrase);
  } catch (e) {
    if (e instanceof Error && 'zh' in e && 'en' in e) throw new RestoreRefused(String(e.zh), String(e.en));
    throw e;
  }
}

/**
 * Restores an encrypted backup into <dataDir>/pg, which must not hold a database yet (stop Baomi and
 * move the old data directory away first). Audited in the restored database as backup.restore.
 */
export async function restoreEmbedded(opts: {
  file: string;
  passphrase: string;
  dataDir: string;
  actor: Actor;
}): Promise<{ header: FileHeader; pgDir: string }> {
  const pgDir = join(opts.dataDir, 'pg');
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    throw new RestoreRefused(
      `数据目录 ${pgDir} 中已有数据库，拒绝覆盖：请先停止 Baomi，将数据目录移走（或另指定 BAOMI_DATA_DIR），再恢复`,
      `${pgDir} already holds a database and is never overwritten: stop Baomi, move the data directory away (or point BAOMI_DATA_DIR elsewhere), then restore`,
    );
  }
  const { plain, header } = openBackupFile(opts.file, opts.passphrase);
  mkdirSync(opts.dataDir, { recursive: true });
  const lite = await PGlite.create(pgDir, { loadDataDir: new Blob([new Uint8Array(plain)]) });
  await lite.close();
  const db = await openAndMigrate({ dataDir: opts.dataDir });
  try {
    await db.tx((sql) =>
      appendAudit(sql, opts.actor, {
        action: 'backup.restore',
        objectType: 'backup',
        objectId: opts.file.split(/[\\/]/).pop() ?? opts.file,
        summary: { fingerprint: header.fingerprint, createdAt: header.createdAt },
      }),
    );
  } finally {
    await db.close();
  }
  return { header, pgDir };
}
