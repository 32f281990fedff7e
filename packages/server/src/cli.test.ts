// The baomi CLI on an embedded data directory: scan, migrate, audit verify/checkpoint, admin
// reset-password and reset-2fa. Backups and restore: cli-backup.test.ts.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openAndMigrate } from './main.ts';
import { cliDataDir, runCli } from './testing/cli.ts';

describe('baomi CLI', () => {
  let dir: string;
  const run = (...args: string[]) => runCli(dir, {}, ...args);
  before(async () => {
    dir = await cliDataDir();
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

  test('an unknown command says so and exits 2', () => {
    const r = run('frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /Unknown command/);
  });
});
