// The baomi CLI on an embedded data directory: migrate, audit verify/checkpoint, backup (encrypted),
// restore, admin reset-password.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bootstrapAdministrators } from './accounts/service.ts';
import { SYSTEM_ACTOR } from './audit/chain.ts';
import { setBackupKey } from './backups/service.ts';
import { openAndMigrate } from './main.ts';

const BACKUP_PASS = 'Cli-Backup-Pass-2026';

const BIN = new URL('../bin/baomi.mjs', import.meta.url).pathname;

describe('baomi CLI', () => {
  let dir: string;
  const run = (...args: string[]) => runIn(dir, {}, ...args);
  const runIn = (dataDir: string, extra: NodeJS.ProcessEnv, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BAOMI_DATA_DIR: dataDir, ...extra };
    delete env.DATABASE_URL;
    if (!('BAOMI_BACKUP_PASSPHRASE' in extra)) delete env.BAOMI_BACKUP_PASSPHRASE;
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baomi-cli-'));
    const db = await openAndMigrate({ dataDir: dir });
    await db.tx((sql) => bootstrapAdministrators(sql));
    await db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('help lists every command', () => {
    const r = run('--help');
    assert.equal(r.code, 0);
    for (const c of ['serve', 'migrate', 'audit verify', 'backup', 'admin reset-password'])
      assert.ok(r.out.includes(c), c);
  });

  test('R-REV-02 scan: hits printed, exit 1 on a 秘密-or-above marking, 0 without (no database needed)', () => {
    const marked = join(dir, 'outgoing.txt');
    writeFileSync(marked, '份号：000007\n秘 密 ★ 1 年\n正文');
    const r = run('scan', marked);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /marking .*秘密★1年/u);
    assert.match(r.out, /copy_number .*000007/u);
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, '会议通知');
    assert.equal(run('scan', clean).code, 0);
    assert.ok(run('--help').out.includes('scan PATH'));
  });

  test('migrate on an existing directory applies nothing and succeeds', () => {
    const r = run('migrate');
    assert.equal(r.code, 0, r.err);
  });

  test('R-SYS-03 audit verify reports an intact chain and checks an exported checkpoint', () => {
    const cp = run('audit', 'checkpoint');
    assert.equal(cp.code, 0, cp.err);
    assert.match(cp.out.trim(), /^\d+:[0-9a-f]{64}$/);
    const v = run('audit', 'verify', '--checkpoint', cp.out.trim());
    assert.equal(v.code, 0, v.err);
    assert.match(v.out, /intact/);
    const wrong = run('audit', 'verify', '--checkpoint', `${cp.out.trim().split(':')[0]}:${'0'.repeat(64)}`);
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /BROKEN/);
    const malformed = run('audit', 'verify', '--checkpoint', '1:zz');
    assert.equal(malformed.code, 2);
  });

  test('R-SYS-02 admin reset-password issues a one-time password, audited', async () => {
    const r = run('admin', 'reset-password', '--user', 'sysadmin');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /one-time password: \S{16}/);
    const none = run('admin', 'reset-password', '--user', 'nobody');
    assert.equal(none.code, 1);
    const db = await openAndMigrate({ dataDir: dir });
    try {
      const ev = await db.query<{ actor_name: string }>(
        "SELECT actor_name FROM audit_event WHERE action = 'account.password.reset'",
      );
      assert.equal(ev.rows.length, 1);
      assert.equal(ev.rows[0]!.actor_name, 'cli');
      const acc = await db.query<{ must_change_password: boolean }>(
        "SELECT must_change_password FROM account WHERE username = 'sysadmin'",
      );
      assert.equal(acc.rows[0]!.must_change_password, true);
    } finally {
      await db.close();
    }
  });

  test('R-SYS-02 admin reset-2fa revokes an administrator’s second factors, audited; never a business user’s', async () => {
    let db = await openAndMigrate({ dataDir: dir });
    try {
      await db.query(
        `INSERT INTO second_factor (account_id, kind, label, secret_enc, algorithm, digits, period, confirmed_at)
         SELECT id, 'totp', '动态口令', 'sealed', 'SHA1', 6, 30, now() FROM account WHERE username = 'auditor'`,
      );
    } finally {
      await db.close();
    }
    const r = run('admin', 'reset-2fa', 'auditor');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Revoked 1 second factor/);
    assert.equal(run('admin', 'reset-2fa', 'nobody').code, 1);
    assert.equal(run('admin', 'reset-2fa').code, 2);
    db = await openAndMigrate({ dataDir: dir });
    try {
      const live = await db.query(
        `SELECT 1 FROM second_factor f JOIN account a ON a.id = f.account_id
          WHERE a.username = 'auditor' AND f.revoked_at IS NULL`,
      );
      assert.equal(live.rowCount, 0);
      const ev = await db.query<{ actor_name: string }>(
        "SELECT actor_name FROM audit_event WHERE action = 'auth.second_factor.reset_cli'",
      );
      assert.deepEqual(
        ev.rows.map((e) => e.actor_name),
        ['cli'],
      );
    } finally {
      await db.close();
    }
  });

  test('R-SYS-01 backup is refused until the secadmin sets the backup key, and then is encrypted', async () => {
    const none = run('backup');
    assert.equal(none.code, 1);
    assert.match(none.err, /安全保密管理员尚未设置备份密钥/);
    assert.equal(existsSync(join(dir, 'backups')), false);

    const db = await openAndMigrate({ dataDir: dir });
    let fingerprint: string;
    try {
      fingerprint = (await db.tx((sql) => setBackupKey(sql, SYSTEM_ACTOR, { passphrase: BACKUP_PASS })))
        .fingerprint!;
    } finally {
      await db.close();
    }
    const r = run('backup');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /备份已加密/);
    assert.match(r.out, /安全保密管理员/);
    const files = readdirSync(join(dir, 'backups'));
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^baomi-\d{8}-\d{6}\.sm4$/);
    const file = join(dir, 'backups', files[0]!);

    const help = run('--help');
    assert.match(help.out, /restore/);
    assert.match(help.out, /security-secrecy administrator/);

    const inspect = run('backup', 'inspect', '--file', file);
    assert.equal(inspect.code, 0, inspect.err);
    assert.ok(inspect.out.includes(fingerprint), inspect.out);
    assert.match(inspect.out, /SM4-CTR/);

    const ok = runIn(dir, { BAOMI_BACKUP_PASSPHRASE: BACKUP_PASS }, 'backup', 'verify', '--file', file);
    assert.equal(ok.code, 0, ok.err);
    const wrong = runIn(
      dir,
      { BAOMI_BACKUP_PASSPHRASE: 'Wrong-Pass-2026' },
      'backup',
      'verify',
      '--file',
      file,
    );
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /备份口令错误/);
    assert.match(wrong.err, /Wrong backup passphrase/);
    // Without a terminal and without a passphrase: refused, saying how to give it.
    const noPass = run('backup', 'verify', '--file', file);
    assert.equal(noPass.code, 1);
    assert.match(noPass.err, /BAOMI_BACKUP_PASSPHRASE/);

    // Restore: a wrong passphrase or an altered file is refused before the data directory is made.
    const target = mkdtempSync(join(tmpdir(), 'baomi-restore-'));
    try {
      const passFile = join(target, 'pass.txt');
      writeFileSync(passFile, `${BACKUP_PASS}\n`);
      const bad = runIn(
        join(target, 'a'),
        { BAOMI_BACKUP_PASSPHRASE: 'Wrong-Pass-2026' },
        'restore',
        '--file',
        file,
      );
      assert.equal(bad.code, 1);
      assert.match(bad.err, /备份口令错误/);
      assert.equal(existsSync(join(target, 'a', 'pg')), false);
      const altered = readFileSync(file);
      altered[altered.length - 100] = altered[altered.length - 100]! ^ 1;
      const alteredFile = join(target, 'altered.sm4');
      writeFileSync(alteredFile, altered);
      const tampered = runIn(
        join(target, 'a'),
        {},
        'restore',
        '--file',
        alteredFile,
        '--passphrase-file',
        passFile,
      );
      assert.equal(tampered.code, 1);
      assert.match(tampered.err, /完整性校验失败/);
      assert.equal(existsSync(join(target, 'a', 'pg')), false);

      const good = runIn(join(target, 'a'), {}, 'restore', '--file', file, '--passphrase-file', passFile);
      assert.equal(good.code, 0, good.err);
      const restored = await openAndMigrate({ dataDir: join(target, 'a') });
      try {
        const acc = await restored.query("SELECT 1 FROM account WHERE username = 'sysadmin'");
        assert.equal(acc.rows.length, 1);
        const ev = await restored.query("SELECT 1 FROM audit_event WHERE action = 'backup.restore'");
        assert.equal(ev.rows.length, 1);
      } finally {
        await restored.close();
      }
      const again = runIn(join(target, 'a'), {}, 'restore', '--file', file, '--passphrase-file', passFile);
      assert.equal(again.code, 1);
      assert.match(again.err, /拒绝覆盖/);
      const chain = runIn(join(target, 'a'), {}, 'audit', 'verify');
      assert.equal(chain.code, 0, chain.err);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  test('backup encrypt encrypts a file (a pg_dump) for the backup key', () => {
    const plainFile = join(dir, 'dump.bin');
    writeFileSync(plainFile, 'pg_dump output 绝密');
    const out = mkdtempSync(join(tmpdir(), 'baomi-enc-'));
    try {
      const r = run('backup', 'encrypt', '--in', plainFile, '--out', out);
      assert.equal(r.code, 0, r.err);
      const [name] = readdirSync(out);
      assert.match(name!, /\.sm4$/);
      assert.equal(readFileSync(join(out, name!)).includes(Buffer.from('绝密')), false);
      const v = runIn(
        dir,
        { BAOMI_BACKUP_PASSPHRASE: BACKUP_PASS },
        'backup',
        'verify',
        '--file',
        join(out, name!),
      );
      assert.equal(v.code, 0, v.err);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('an unknown command says so and exits 2', () => {
    const r = run('frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /Unknown command/);
  });
});
