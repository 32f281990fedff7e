// The baomi CLI's backups on an embedded data directory: refused without the backup key, encrypted
// (SM2 + SM4-CTR + HMAC-SM3), inspected, verified, restored; a pg_dump encrypted for the key. A file
// of its own so the server's unit tests run it beside the rest of the CLI's (each start of `baomi` is
// about two seconds on two cores).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR } from './audit/chain.ts';
import { setBackupKey } from './backups/service.ts';
import { openAndMigrate } from './main.ts';
import { cliDataDir, runCli } from './testing/cli.ts';

const BACKUP_PASS = 'Cli-Backup-Pass-2026';

describe('baomi CLI: backup and restore', () => {
  let dir: string;
  const run = (...args: string[]) => runCli(dir, {}, ...args);
  before(async () => {
    dir = await cliDataDir();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

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

    const ok = runCli(dir, { BAOMI_BACKUP_PASSPHRASE: BACKUP_PASS }, 'backup', 'verify', '--file', file);
    assert.equal(ok.code, 0, ok.err);
    const wrong = runCli(
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
      const bad = runCli(
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
      const tampered = runCli(
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

      const good = runCli(join(target, 'a'), {}, 'restore', '--file', file, '--passphrase-file', passFile);
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
      const again = runCli(join(target, 'a'), {}, 'restore', '--file', file, '--passphrase-file', passFile);
      assert.equal(again.code, 1);
      assert.match(again.err, /拒绝覆盖/);
      const chain = runCli(join(target, 'a'), {}, 'audit', 'verify');
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
      const v = runCli(
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
});
