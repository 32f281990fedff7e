// Encrypted backups over HTTP (R-SYS-01): the security-secrecy administrator sets the backup key, the
// system administrator makes and downloads backups he cannot read, and never sees the key.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BackupKeyStatus, BackupList } from '@baomi/api/backups.ts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../http/app.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { Client, createTestApp, STRONG, TEST_DB, type TestApp, testClock } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { BackupCryptoError, decryptBackup } from './crypto.ts';

const PASS = 'Secadmin-Backup-2026';
const NEXT = 'Secadmin-Backup-2027';

describe('encrypted backups (R-SYS-01)', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let dir: string;
  let sys: Client;
  let sec: Client;
  const keySetting = async () =>
    JSON.stringify(
      (await t.db.query<{ value: unknown }>("SELECT value FROM setting WHERE key = 'backup_key'")).rows[0]
        ?.value ?? null,
    );
  const files = async () => JSON.stringify((await sys.get<BackupList>('/api/backups')).body.items);

  before(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'baomi-backups-'));
    app = await buildApp({
      db: t.db,
      totpClock: testClock,
      demo: false,
      version: 'test',
      loginRate: { max: 10_000, windowSeconds: 60 },
      backupDir: dir,
      webDist: null,
    });
    await t.admin('sysadmin');
    await t.admin('secadmin');
    sys = new Client(app);
    sec = new Client(app);
    assert.equal((await sys.login('sysadmin', STRONG)).status, 200);
    assert.equal((await sec.login('secadmin', STRONG)).status, 200);
  });
  after(async () => {
    await app.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('without a backup key no backup is made, and the refusal names who must act', async () => {
    const list = await sys.get<BackupList>('/api/backups');
    assert.equal(list.status, 200);
    assert.equal(list.body.key.set, false);
    assert.equal(list.body.key.fingerprint, null);
    const e = await expectRefusal(t, files, () => sys.post('/api/backups'), 409, {
      code: TEST_DB === 'pglite' ? 'backup_key_missing' : 'use_pg_dump',
    });
    if (TEST_DB === 'pglite') assert.match(e.zh, /安全保密管理员尚未设置备份密钥/);
  });

  test('the system administrator cannot set the backup key', async () => {
    await expectRefusal(t, keySetting, () => sys.put('/api/backups/key', { passphrase: PASS }), 403, {
      rule: 'R-SYS-01',
    });
  });

  test('a weak passphrase is refused with the rule', async () => {
    for (const p of ['short-1A', 'alllowercaseletters', 'abcdefghijk1']) {
      const e = await expectRefusal(
        t,
        keySetting,
        () => sec.put('/api/backups/key', { passphrase: p }),
        400,
        {
          code: 'weak_backup_passphrase',
          field: 'passphrase',
        },
      );
      assert.match(e.zh, /12/);
    }
  });

  test('the secadmin sets the key: audited, stored without the passphrase, only the fingerprint is shown', async () => {
    const head = await t.auditHead();
    const r = await sec.put<BackupKeyStatus>('/api/backups/key', { passphrase: PASS });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.set, true);
    assert.match(r.body.fingerprint!, /^[0-9a-f]{64}$/);
    assert.deepEqual(Object.keys(r.body).sort(), ['algorithm', 'fingerprint', 'set', 'setAt']);
    const ev = await auditEventsSince(t.db, head);
    assert.deepEqual(
      ev.map((e) => e.action),
      ['backup.key.set'],
    );
    assert.equal(ev[0]!.summary.fingerprint, r.body.fingerprint);
    assert.ok(!JSON.stringify(ev).includes(PASS));
    const stored = await keySetting();
    assert.ok(!stored.includes(PASS), 'the passphrase is never stored');
    const priv = (JSON.parse(stored) as { privateKey: { data: string } }).privateKey.data;
    // No response to the system administrator carries the private key (encrypted or not).
    for (const url of ['/api/backups', '/api/backups/key', '/api/settings/security']) {
      const got = await sys.get(url);
      assert.equal(got.status, 200, url);
      assert.ok(!got.raw.includes(priv) && !got.raw.includes(PASS), url);
    }
    const seen = await sys.get<BackupKeyStatus>('/api/backups/key');
    assert.equal(seen.body.fingerprint, r.body.fingerprint);
    const list = await sys.get<BackupList>('/api/backups');
    assert.equal(list.body.key.fingerprint, r.body.fingerprint);
  });

  test('changing the passphrase needs the current one; a forgotten one can be replaced, audited', async () => {
    const before = (await sec.get<BackupKeyStatus>('/api/backups/key')).body.fingerprint;
    await expectRefusal(t, keySetting, () => sec.put('/api/backups/key', { passphrase: NEXT }), 400, {
      code: 'current_passphrase_required',
    });
    await expectRefusal(
      t,
      keySetting,
      () => sec.put('/api/backups/key', { passphrase: NEXT, currentPassphrase: `${PASS}x` }),
      400,
      { code: 'wrong_backup_passphrase', field: 'currentPassphrase' },
    );
    await expectRefusal(
      t,
      keySetting,
      () => sec.put('/api/backups/key', { passphrase: PASS, currentPassphrase: PASS }),
      400,
      { code: 'same_backup_passphrase' },
    );
    const head = await t.auditHead();
    const ch = await sec.put<BackupKeyStatus>('/api/backups/key', {
      passphrase: NEXT,
      currentPassphrase: PASS,
    });
    assert.equal(ch.status, 200, ch.raw);
    assert.notEqual(ch.body.fingerprint, before);
    const rep = await sec.put<BackupKeyStatus>('/api/backups/key', {
      passphrase: PASS,
      replaceForgotten: true,
    });
    assert.equal(rep.status, 200, rep.raw);
    const ev = await auditEventsSince(t.db, head);
    assert.deepEqual(
      ev.map((e) => e.action),
      ['backup.key.change', 'backup.key.replace'],
    );
    assert.equal(ev[0]!.summary.previous, before);
  });

  test('a backup is encrypted for the key: the sysadmin downloads bytes only the passphrase opens', {
    skip: TEST_DB !== 'pglite' && 'backups exist only for the embedded database',
  }, async () => {
    const fp = (await sec.get<BackupKeyStatus>('/api/backups/key')).body.fingerprint;
    const head = await t.auditHead();
    const made = await sys.post<{ name: string; encrypted: boolean; fingerprint: string }>('/api/backups');
    assert.equal(made.status, 201, made.raw);
    assert.match(made.body.name, /^baomi-\d{8}-\d{6}(-\d+)?\.sm4$/);
    assert.equal(made.body.encrypted, true);
    assert.equal(made.body.fingerprint, fp);
    const onDisk = readFileSync(join(dir, made.body.name));
    assert.equal(onDisk.subarray(0, 8).toString('latin1'), 'BAOMIENC');
    const dl = await app.inject({
      method: 'GET',
      url: `/api/backups/${made.body.name}`,
      cookies: Object.fromEntries(sys.cookies),
    });
    assert.equal(dl.statusCode, 200);
    assert.ok(dl.rawPayload.equals(onDisk));
    assert.throws(() => decryptBackup(dl.rawPayload, NEXT), BackupCryptoError);
    const { plain } = decryptBackup(dl.rawPayload, PASS);
    assert.deepEqual([...plain.subarray(0, 2)], [0x1f, 0x8b], 'a gzip archive inside');
    const ev = await auditEventsSince(t.db, head);
    assert.deepEqual(
      ev.map((e) => e.action),
      ['backup.create', 'backup.download'],
    );
    const list = await sys.get<BackupList>('/api/backups');
    const item = list.body.items.find((b) => b.name === made.body.name);
    assert.equal(item?.encrypted, true);
    assert.equal(item?.fingerprint, fp);
  });

  test('an unencrypted backup from before is listed as such and never served', {
    skip: TEST_DB !== 'pglite' && 'backups exist only for the embedded database',
  }, async () => {
    writeFileSync(join(dir, 'baomi-20250101-000000.tar.gz'), Buffer.from([0x1f, 0x8b, 8, 0]));
    const list = await sys.get<BackupList>('/api/backups');
    const old = list.body.items.find((b) => b.name === 'baomi-20250101-000000.tar.gz');
    assert.equal(old?.encrypted, false);
    assert.equal(old?.fingerprint, null);
    await expectRefusal(t, files, () => sys.get('/api/backups/baomi-20250101-000000.tar.gz'), 409, {
      code: 'backup_unencrypted',
    });
  });
});
