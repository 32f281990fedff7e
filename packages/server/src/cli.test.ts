// The baomi CLI on an embedded data directory: migrate, audit verify/checkpoint, backup, admin reset-password.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bootstrapAdministrators } from './accounts/service.ts';
import { openAndMigrate } from './main.ts';

const BIN = new URL('../bin/baomi.mjs', import.meta.url).pathname;

describe('baomi CLI', () => {
  let dir: string;
  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BAOMI_DATA_DIR: dir };
    delete env.DATABASE_URL;
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

  test('backup writes a consistent archive of the embedded database', () => {
    const r = run('backup');
    assert.equal(r.code, 0, r.err);
    const files = readdirSync(join(dir, 'backups'));
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^baomi-\d{8}-\d{6}\.tar\.gz$/);
    assert.ok(existsSync(join(dir, 'backups', files[0]!)));
  });

  test('an unknown command says so and exits 2', () => {
    const r = run('frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /Unknown command/);
  });
});
