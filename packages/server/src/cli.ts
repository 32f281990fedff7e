// raw SQL: operator commands on a database opened outside the server.
// baomi serve | migrate | audit verify | audit checkpoint | backup [inspect|verify|encrypt] | restore |
// admin reset-password
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appendAudit, chainPending, verifyChain } from './audit/chain.ts';
import { pruneAudit } from './audit/prune.ts';
import { hashPassword, oneTimePassword } from './auth/passwords.ts';
import { revokeSessions } from './auth/sessions.ts';
import { revokeAllFactors } from './auth/twofactor.ts';
import { readHeader, shortFingerprint } from './backups/crypto.ts';
import { openBackupFile, RestoreRefused, readPassphrase, restoreEmbedded } from './backups/restore.ts';
import {
  createBackup,
  getBackupKey,
  KEY_MISSING,
  PG_DUMP_GUIDANCE,
  writeEncrypted,
} from './backups/service.ts';
import { parseTrustProxy } from './http/proxy.ts';
import { type Bootstrap, openAndMigrate, resolveDataDir, start, VERSION } from './main.ts';

const HELP = `baomi ${VERSION} — 保密管理系统 Baomi

Usage:
  baomi serve [--port 8080] [--host 127.0.0.1] [--demo]   serve the web app and API
  baomi migrate [--owner-url URL]                          apply pending database migrations (PostgreSQL:
                                                           as the owner role, then grant DATABASE_URL's role)
  baomi audit verify [--checkpoint SEQ:HASH]               verify the SM3 audit chain
  baomi audit checkpoint                                   print the current checkpoint (keep it safe)
  baomi audit prune                                        remove events older than the retention period
  baomi backup [--out DIR]                                 encrypted copy of the embedded database (SM4; the
                                                           key is the security-secrecy administrator's)
  baomi backup inspect --file F                            show an encrypted backup's header and key fingerprint
  baomi backup verify --file F [--passphrase-file P]       check passphrase and integrity, write nothing
  baomi backup encrypt --in F [--out DIR]                  encrypt a file (a pg_dump) for the backup key
  baomi backup decrypt --file F --out G [--passphrase-file P]   decrypt (for pg_restore); needs the passphrase
  baomi restore --file F [--passphrase-file P]             restore an encrypted backup into an empty data
                                                           directory (needs the backup passphrase)
  baomi scan PATH... [--terms LIST.tsv] [--json]           scan files for markings, copy numbers and sensitive
                                                           terms (exit 1 when a 秘密-or-above marking is found)
  baomi admin reset-password [--user sysadmin]             new one-time password for an administrator
  baomi admin reset-2fa <username>                         revoke an administrator's second factors (he
                                                           enrols again at his next sign-in; audited)

Environment: DATABASE_URL (PostgreSQL server, the runtime role; default: embedded in BAOMI_DATA_DIR,
./data), BAOMI_MIGRATE_URL (PostgreSQL owner role for migrations and audit prune), PORT, HOST,
BAOMI_TRUST_PROXY (trusted proxy addresses or CIDR blocks), BAOMI_BACKUP_PASSPHRASE (restore/verify
without a prompt), BAOMI_SECRET_KEY (64 hex digits: the key of second-factor secrets; default the file
secret.key in the data directory, made 0600 on first need), BAOMI_ORIGIN (the address users open, e.g.
https://baomi.example.gov.cn: the security keys' relying party).

Backups are encrypted (SM2 + SM4-CTR + HMAC-SM3). Restoring needs the backup passphrase, which the
security-secrecy administrator sets in her console (备份密钥) and keeps; the system administrator
makes backups but cannot read them.`;

export function printBootstrap(b: Bootstrap[]): void {
  const line = '='.repeat(72);
  console.log(`\n${line}\n首次启动：已创建三员账号，以下一次性密码仅显示这一次，首次登录须修改。`);
  console.log('First start: the three administrators were created. These one-time passwords');
  console.log('are shown only now and must be changed at first login.\n');
  const names: Record<string, string> = {
    sysadmin: '系统管理员',
    secadmin: '安全保密管理员',
    auditor: '安全审计员',
  };
  for (const a of b)
    console.log(`  ${names[a.role]!.padEnd(8, '　')} ${a.username.padEnd(10)} ${a.password}`);
  console.log(`${line}\n`);
}

/** A bilingual refusal of the backup commands, or the error's own message. */
function refusal(e: unknown): string {
  if (e instanceof RestoreRefused) return e.message;
  if (e instanceof Error && 'zh' in e && 'en' in e) return `${String(e.zh)}\n${String(e.en)}`;
  return e instanceof Error ? e.message : String(e);
}

const cliActor = { id: null, name: 'cli', class: 'system' as const, role: 'cli', orgId: null };

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  // 保密审查 engine (packages/scanner): its own arguments, no database.
  if (cmd === 'scan') return (await import('@baomi/scanner/cli.ts')).scanCli(argv.slice(1));
  const hasSub =
    cmd === 'audit' || cmd === 'admin' || (cmd === 'backup' && sub !== undefined && !sub.startsWith('-'));
  // `baomi admin reset-2fa <username>`: the one positional argument the CLI takes.
  const positional =
    cmd === 'admin' && sub === 'reset-2fa' && rest[0] && !rest[0].startsWith('-') ? rest[0] : null;
  const args = (hasSub ? rest : argv.slice(1)).filter((a) => a !== positional);
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      checkpoint: { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
      in: { type: 'string' },
      'passphrase-file': { type: 'string' },
      user: { type: 'string' },
      'owner-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (!cmd || values.help || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    console.log(HELP);
    return 0;
  }
  switch (cmd) {
    case 'serve': {
      const demo = Boolean(values.demo);
      const proxy = parseTrustProxy(process.env.BAOMI_TRUST_PROXY);
      if (proxy.warning) console.warn(proxy.warning);
      const started = await start({
        port: Number(values.port ?? process.env.PORT ?? 8080),
        host: values.host ?? process.env.HOST ?? '127.0.0.1',
        demo,
        dataDir: process.env.BAOMI_DATA_DIR ?? (demo ? 'data-demo' : 'data'),
        log: process.env.BAOMI_LOG === '1',
        trustProxy: proxy.value,
      });
      if (started.bootstrap && !demo) printBootstrap(started.bootstrap);
      if (started.demoAccounts) {
        console.log('\n演示数据 Demo data — accounts (password for all):', started.demoAccounts[0]?.password);
        for (const a of started.demoAccounts) console.log(`  ${a.username.padEnd(10)} ${a.role}`);
      }
      console.log(`\nBaomi ${VERSION} (${started.db.kind}) listening on ${started.url}`);
      const stop = async () => {
        await started.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return -1; // keep running
    }
    case 'migrate': {
      const db = await openAndMigrate({ migrateUrl: values['owner-url'] });
      console.log('Migrations applied.');
      await db.close();
      return 0;
    }
    case 'audit': {
      // Pruning deletes events: on PostgreSQL only the owner role may (db/roles.ts).
      const ownerUrl = process.env.BAOMI_MIGRATE_URL;
      const db = await openAndMigrate(sub === 'prune' && ownerUrl ? { databaseUrl: ownerUrl } : {});
      try {
        if (sub === 'verify') {
          let checkpoint: { seq: number; hash: string } | undefined;
          if (values.checkpoint) {
            const m = /^(\d+):([0-9a-f]{64})$/.exec(values.checkpoint);
            if (!m) {
              console.error('--checkpoint must be SEQ:HASH (64 hex digits) / 检查点格式应为 序号:哈希');
              return 2;
            }
            checkpoint = { seq: Number(m[1]), hash: m[2]! };
          }
          const r = await verifyChain(db, checkpoint);
          await db.tx((sql) =>
            appendAudit(sql, cliActor, {
              action: 'audit.verify',
              objectType: 'audit',
              summary: { ok: r.ok, checked: r.checked, firstBroken: r.firstBroken },
            }),
          );
          if (r.ok) {
            console.log(
              `审计链完整 Audit chain intact: ${r.checked} events, head ${r.head.seq}:${r.head.hash}` +
                (r.waiting ? ` (${r.waiting} 条待入链记录已先入链 waiting events chained first)` : ''),
            );
            return 0;
          }
          console.error(
            `审计链损坏 Audit chain BROKEN at event ${r.firstBroken}: ${r.reason?.zh} / ${r.reason?.en}`,
          );
          return 1;
        }
        if (sub === 'prune') {
          const r = await pruneAudit(db, cliActor);
          console.log(
            r.removed
              ? `已删除 ${r.removed} 条早于 ${r.cutoff.toISOString()} 的审计记录，锚点 Removed ${r.removed} events older than the retention period; anchor ${r.anchor!.seq}:${r.anchor!.hash}`
              : `没有超过保存期限的审计记录 Nothing older than the retention period (${r.cutoff.toISOString()})`,
          );
          return 0;
        }
        if (sub === 'checkpoint') {
          await chainPending(db);
          const { rows } = await db.query<{ seq: number; hash: string }>(
            'SELECT seq, hash FROM audit_head WHERE id = 1',
          );
          console.log(`${rows[0]!.seq}:${rows[0]!.hash}`);
          return 0;
        }
        console.error(HELP);
        return 2;
      } finally {
        await db.close();
      }
    }
    case 'backup': {
      const backupSub = hasSub ? sub : undefined;
      if (backupSub === 'inspect' || backupSub === 'verify') {
        if (!values.file) {
          console.error('--file F is required / 请用 --file 指定备份文件');
          return 2;
        }
        if (backupSub === 'inspect') {
          let header: ReturnType<typeof readHeader>['header'];
          try {
            ({ header } = readHeader(readFileSync(values.file)));
          } catch (e) {
            console.error(refusal(e));
            return 1;
          }
          console.log(`格式版本 Format version: ${header.v}`);
          console.log(`算法 Algorithm: SM2 (${header.kem}), ${header.cipher}, ${header.mac}`);
          console.log(`密钥指纹 Key fingerprint (SM3): ${header.fingerprint}`);
          console.log(`  ${shortFingerprint(header.fingerprint)}`);
          console.log(`密钥设置于 Key set at: ${header.keySetAt}`);
          console.log(`备份时间 Made at: ${header.createdAt}`);
          console.log(
            `口令派生 Passphrase KDF: ${header.privateKey.kdf} N=${header.privateKey.N} r=${header.privateKey.r} p=${header.privateKey.p}`,
          );
          return 0;
        }
        try {
          const { header, plain } = openBackupFile(
            values.file,
            await readPassphrase(values['passphrase-file']),
          );
          console.log(
            `备份完整，口令正确 Backup intact, passphrase right: ${plain.length} bytes, key ${shortFingerprint(header.fingerprint)}`,
          );
          return 0;
        } catch (e) {
          console.error(refusal(e));
          return 1;
        }
      }
      if (backupSub === 'decrypt') {
        if (!values.file || !values.out) {
          console.error('--file F and --out G are required / 请用 --file 和 --out 指定输入与输出文件');
          return 2;
        }
        try {
          const { plain, header } = openBackupFile(
            values.file,
            await readPassphrase(values['passphrase-file']),
          );
          // The plain text is as secret as the database: readable by its owner only, and never overwritten.
          writeFileSync(values.out, plain, { mode: 0o600, flag: 'wx' });
          console.log(
            `已解密 Decrypted to ${values.out} (${plain.length} bytes, key ${shortFingerprint(header.fingerprint)}); 用后请删除 delete it after use.`,
          );
          return 0;
        } catch (e) {
          console.error(refusal(e));
          return 1;
        }
      }
      if (backupSub === 'encrypt') {
        if (!values.in) {
          console.error('--in F is required / 请用 --in 指定要加密的文件');
          return 2;
        }
        const db = await openAndMigrate({});
        try {
          const key = await getBackupKey(db);
          if (!key) {
            console.error(`${KEY_MISSING.zh}\n${KEY_MISSING.en}`);
            return 1;
          }
          const dir = values.out ?? (process.env.DATABASE_URL ? '.' : join(resolveDataDir(), 'backups'));
          const file = writeEncrypted(dir, readFileSync(values.in), key);
          await db.tx((sql) =>
            appendAudit(sql, cliActor, {
              action: 'backup.encrypt',
              objectType: 'backup',
              objectId: file.name,
              summary: { size: file.size, fingerprint: key.fingerprint },
            }),
          );
          console.log(`已加密 Encrypted: ${join(dir, file.name)} (${file.size} bytes)`);
          console.log(`密钥指纹 Key fingerprint: ${shortFingerprint(key.fingerprint)}`);
          console.log('请删除未加密的原文件 Delete the unencrypted input now (e.g. shred -u).');
          return 0;
        } finally {
          await db.close();
        }
      }
      if (backupSub !== undefined) {
        console.error(HELP);
        return 2;
      }
      if (process.env.DATABASE_URL) {
        console.log(`${PG_DUMP_GUIDANCE.zh}\n${PG_DUMP_GUIDANCE.en}`);
        return 0;
      }
      // The embedded database is single-process: stop the server first, or use the console's backup button.
      const db = await openAndMigrate({});
      try {
        const dir = values.out ?? join(resolveDataDir(), 'backups');
        const key = await getBackupKey(db);
        if (!key) {
          console.error(`${KEY_MISSING.zh}\n${KEY_MISSING.en}`);
          return 1;
        }
        const file = await createBackup(db, dir);
        await db.tx((sql) =>
          appendAudit(sql, cliActor, {
            action: 'backup.create',
            objectType: 'backup',
            objectId: file.name,
            summary: { size: file.size, fingerprint: file.fingerprint },
          }),
        );
        console.log(`备份已写入 Backup written: ${join(dir, file.name)} (${file.size} bytes)`);
        console.log(
          `备份已加密（SM4），密钥指纹 ${shortFingerprint(key.fingerprint)}；恢复需安全保密管理员设置的备份口令。`,
        );
        console.log(
          "Encrypted (SM4) for the backup key above; restoring needs the security-secrecy administrator's passphrase.",
        );
        console.log(
          '恢复 Restore: stop Baomi, move the data directory away, then: baomi restore --file <backup>',
        );
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'restore': {
      if (process.env.DATABASE_URL) {
        console.error(
          '恢复到 PostgreSQL：先用 baomi backup verify 检查，再解密后用 pg_restore（见 README）/ On PostgreSQL: see README (decrypt, then pg_restore).',
        );
        return 2;
      }
      if (!values.file) {
        console.error('--file F is required / 请用 --file 指定备份文件');
        return 2;
      }
      try {
        const dataDir = resolveDataDir();
        const r = await restoreEmbedded({
          file: values.file,
          passphrase: await readPassphrase(values['passphrase-file']),
          dataDir,
          actor: cliActor,
        });
        console.log(`已恢复 Restored into ${r.pgDir} (backup made ${r.header.createdAt}).`);
        console.log('请用 baomi audit verify 检查审计链 Check the audit chain with: baomi audit verify');
        return 0;
      } catch (e) {
        console.error(refusal(e));
        return 1;
      }
    }
    case 'admin': {
      if (sub === 'reset-2fa') return resetSecondFactor(positional ?? values.user);
      if (sub !== 'reset-password') {
        console.error(HELP);
        return 2;
      }
      const username = values.user ?? 'sysadmin';
      const db = await openAndMigrate({});
      try {
        const password = oneTimePassword();
        const hash = await hashPassword(password);
        const ok = await db.tx(async (sql) => {
          const { rows } = await sql.query<{ id: string; admin_role: string | null }>(
            'SELECT id, admin_role FROM account WHERE lower(username) = lower($1)',
            [username],
          );
          const a = rows[0];
          if (!a?.admin_role) return false;
          await sql.query(
            'UPDATE account SET password_hash = $2, must_change_password = true, failed_count = 0, locked_until = NULL, disabled = false WHERE id = $1',
            [a.id, hash],
          );
          await revokeSessions(sql, a.id);
          await appendAudit(sql, cliActor, {
            action: 'account.password.reset',
            objectType: 'account',
            objectId: a.id,
            summary: { username, via: 'cli' },
          });
          return true;
        });
        if (!ok) {
          console.error(`没有名为 ${username} 的三员账号 / No administrator account named ${username}`);
          return 1;
        }
        writeFileSync(1, `${username} 的一次性密码 one-time password: ${password}\n`);
        return 0;
      } finally {
        await db.close();
      }
    }
    default:
      console.error(`未知命令 Unknown command: ${cmd}\n\n${HELP}`);
      return 2;
  }
}

/**
 * R-SYS-02 / R-SYS-01: an administrator's second factors are reset only here, on the server, never
 * from the console (no administrator resets another's). Revokes every factor, recovery code and
 * session; he must enrol again at his next sign-in.
 */
async function resetSecondFactor(username: string | undefined): Promise<number> {
  if (!username) {
    console.error('用法 Usage: baomi admin reset-2fa <username>');
    return 2;
  }
  const db = await openAndMigrate({});
  try {
    const done = await db.tx(async (sql) => {
      const { rows } = await sql.query<{ id: string; admin_role: string | null }>(
        'SELECT id, admin_role FROM account WHERE lower(username) = lower($1) FOR UPDATE',
        [username],
      );
      const a = rows[0];
      if (!a?.admin_role) return null;
      const factors = await revokeAllFactors(sql, a.id, null);
      const sessions = await revokeSessions(sql, a.id);
      await appendAudit(sql, cliActor, {
        action: 'auth.second_factor.reset_cli',
        objectType: 'account',
        objectId: a.id,
        summary: { username, factorsRevoked: factors, sessionsRevoked: sessions },
      });
      return factors;
    });
    if (done === null) {
      console.error(
        `没有名为 ${username} 的三员账号（业务用户的双因素由安全保密管理员申请、系统管理员确认重置）\n` +
          `No administrator account named ${username} (a business user's factors are reset in the console under dual control)`,
      );
      return 1;
    }
    console.log(
      `已撤销 ${username} 的 ${done} 个认证因素，下次登录须重新登记 / Revoked ${done} second factor(s) of ${username}; he enrols again at his next sign-in`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
