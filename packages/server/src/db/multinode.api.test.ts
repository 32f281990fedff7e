// Scale-out: two Baomi nodes on one PostgreSQL database behave as one (sessions, lockouts,
// rate limits, the audit chain, jobs and migrations live in the database).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appendAudit, SYSTEM_ACTOR, verifyChain } from '../audit/chain.ts';
import { type Job, runJobOnce } from '../jobs/runner.ts';
import { createTestApp, createTestDatabase, STRONG, TEST_DB, type TestApp } from '../testing/harness.ts';
import { openDb } from './db.ts';
import { loadMigrations, migrate } from './migrate.ts';

const skip = TEST_DB !== 'postgres' ? 'two nodes need a PostgreSQL server (BAOMI_TEST_DB=postgres)' : false;

describe('two nodes on one database', { skip }, () => {
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    a = await createTestApp();
    const db2 = await openDb({ databaseUrl: a.database.url!, poolSize: 5 });
    b = await createTestApp({ database: { db: db2, url: a.database.url, drop: () => db2.close() } });
    await a.admin('sysadmin');
  });
  after(async () => {
    await b.close();
    await b.db.close();
    await a.close();
  });

  test('the second node starts without re-creating the administrators', () => {
    assert.equal(b.bootstrap.length, 0);
  });

  test('a session opened on one node is valid on the other, and a logout on either ends it', async () => {
    const onA = a.client();
    assert.equal((await onA.login('sysadmin', STRONG)).status, 200);
    const onB = b.client();
    onB.cookies = new Map(onA.cookies);
    assert.equal((await onB.get('/api/accounts')).status, 200);
    assert.equal((await onB.post('/api/auth/logout')).status, 200);
    assert.equal((await onA.get('/api/accounts')).status, 401);
  });

  test('R-SYS-02 failed logins on both nodes add up to one lockout', async () => {
    const u = await a.businessUser();
    const name = (
      await a.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [u.accountId])
    ).rows[0]!.username;
    for (let i = 0; i < 4; i++) {
      const node = i % 2 === 0 ? a : b;
      assert.equal((await node.client().login(name, 'Wrong-pass-1')).status, 401);
    }
    // The fifth failure locks the account for this address on every node; a locked account answers
    // like any failed sign-in (no enumeration), so the proof is the right password refused on node a.
    assert.equal((await b.client().login(name, 'Wrong-pass-1')).status, 401);
    assert.equal((await a.client().login(name, STRONG)).status, 401);
    const { rows } = await a.db.query<{ locked: boolean }>(
      'SELECT locked_until > now() AS locked FROM account WHERE id = $1',
      [u.accountId],
    );
    assert.equal(rows[0]!.locked, true);
  });

  test('R-SYS-03 concurrent writes on both nodes give one unbroken chain', async () => {
    const start = await a.auditHead();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 ? a.db : b.db).tx((sql) =>
          appendAudit(sql, SYSTEM_ACTOR, { action: 'test.two-nodes', summary: { i } }),
        ),
      ),
    );
    assert.equal(await b.auditHead(), start + 60);
    assert.equal((await verifyChain(a.db)).ok, true);
  });

  test('a job runs once per period across nodes', async () => {
    let runs = 0;
    const job: Job = {
      name: 'test-once',
      period: () => 'p1',
      async run() {
        runs += 1;
        return { ran: true };
      },
    };
    const results = await Promise.all([runJobOnce(a.db, job), runJobOnce(b.db, job), runJobOnce(a.db, job)]);
    assert.equal(runs, 1);
    assert.equal(results.filter((r) => r !== null).length, 1);
  });
});

describe('migrations', () => {
  test('a second run applies nothing', async () => {
    const d = await createTestDatabase();
    try {
      const all = loadMigrations().map((m) => m.version);
      assert.deepEqual(await migrate(d.db), all);
      assert.deepEqual(await migrate(d.db), []);
    } finally {
      await d.drop();
    }
  });

  test('an applied migration whose file changed is refused', async () => {
    const d = await createTestDatabase();
    try {
      const ms = loadMigrations();
      await migrate(d.db, ms);
      const edited = ms.map((m) => ({ ...m, checksum: `${m.checksum}x` }));
      await assert.rejects(migrate(d.db, edited), /changed after it was applied/);
    } finally {
      await d.drop();
    }
  });

  test('two nodes migrating a fresh database at once apply each migration once', { skip }, async () => {
    const d = await createTestDatabase();
    const other = await openDb({ databaseUrl: d.url!, poolSize: 2 });
    try {
      const [x, y] = await Promise.all([migrate(d.db), migrate(other)]);
      assert.deepEqual(
        [...x, ...y].sort((p, q) => p - q),
        loadMigrations().map((m) => m.version),
      );
    } finally {
      await other.close();
      await d.drop();
    }
  });
});
