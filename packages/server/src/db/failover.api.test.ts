// Issue 14: what a request sees when the database goes away under it (a failover, a restart, an
// administrator terminating its connection). Faults are injected through db/unavailable.ts's seam on
// both databases; on PostgreSQL the connection is really terminated (pg_terminate_backend from a
// second connection) at the chosen statement.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { type Job, runJobOnce } from '../jobs/runner.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, TEST_DB, type TestApp } from '../testing/harness.ts';
import { openDb } from './db.ts';
import { adminShutdownError, DatabaseUnavailable, type FaultPoint, injectFaults } from './unavailable.ts';

type Err = { error: { code: string; zh: string; en: string } };
const INSERT_ORG = /^insert into "org"/i;

const newOrg = () => ({
  name: `容灾测试单位-${randomBytes(4).toString('hex')}`,
  parentId: null,
  level: 'city',
  kind: 'party_gov',
});

function assertUnavailable(r: {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
  raw: string;
}) {
  assert.equal(r.status, 503, r.raw);
  assert.equal(r.headers['retry-after'], '2');
  assert.deepEqual((r.body as Err).error, {
    code: 'unavailable',
    zh: '数据库暂不可用，请稍后重试',
    en: 'The database is temporarily unavailable; please try again',
  });
}

describe(`connection faults (${TEST_DB})`, () => {
  let t: TestApp;
  let sys: Client;
  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
  });
  after(async () => {
    injectFaults(t.db, null);
    await t.close();
  });

  const orgsNamed = async (name: string) =>
    (await t.db.query<{ id: string }>('SELECT id FROM org WHERE name = $1', [name])).rows;

  test('GET /api/health answers without the database; /api/ready says ready, both without a session', async () => {
    const ready = await t.client().get('/api/ready');
    assert.equal(ready.status, 200, ready.raw);
    assert.deepEqual(ready.body, { status: 'ready' });
    injectFaults(t.db, async () => {
      throw adminShutdownError();
    });
    try {
      const health = await t.client().get('/api/health');
      assert.equal(health.status, 200, health.raw);
      assert.deepEqual(health.body, { status: 'ok' });
      // With a (stale) session cookie too: liveness never looks the session up.
      const withCookie = await sys.get('/api/health');
      assert.equal(withCookie.status, 200, withCookie.raw);
      const notReady = await t.client().get('/api/ready');
      assertUnavailable(notReady);
      assert.doesNotMatch(notReady.raw, /127\.0\.0\.1|postgres|pglite|terminat|version/i, 'leaks nothing');
    } finally {
      injectFaults(t.db, null);
    }
  });

  test('GET /api/ready is 503 while a migration of this build is not applied', async () => {
    const { rows } = await t.db.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migration ORDER BY version DESC LIMIT 1',
    );
    const last = rows[0]!;
    await t.db.query('DELETE FROM schema_migration WHERE version = $1', [last.version]);
    try {
      const r = await t.client().get<Err>('/api/ready');
      assert.equal(r.status, 503, r.raw);
      assert.equal(r.body.error.code, 'migrations_pending');
      assert.equal(r.headers['retry-after'], '2');
    } finally {
      await t.db.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [
        last.version,
        last.name,
        last.checksum,
      ]);
    }
    assert.equal((await t.client().get('/api/ready')).status, 200);
  });

  test('a connection lost before COMMIT is retried once: the record is written once, audited once', async () => {
    let hits = 0;
    injectFaults(t.db, async (at) => {
      if (INSERT_ORG.test(at.text) && ++hits === 1) throw adminShutdownError();
    });
    const head = await t.auditHead();
    const body = newOrg();
    const r = await sys.post<{ id: string }>('/api/orgs', body);
    injectFaults(t.db, null);
    assert.equal(r.status, 201, r.raw);
    assert.equal(hits, 2, 'the transaction ran a second time');
    assert.deepEqual(
      (await orgsNamed(body.name)).map((o) => o.id),
      [r.body.id],
    );
    const events = (await auditEventsSince(t.db, head)).filter((e) => e.objectId === r.body.id);
    assert.equal(events.length, 1, JSON.stringify(events));
  });

  test('lost twice: 503 with Retry-After, nothing written, nothing audited', async () => {
    let hits = 0;
    injectFaults(t.db, async (at) => {
      if (INSERT_ORG.test(at.text)) {
        hits += 1;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
    });
    const head = await t.auditHead();
    const body = newOrg();
    const r = await sys.post<Err>('/api/orgs', body);
    injectFaults(t.db, null);
    assertUnavailable(r);
    assert.equal(hits, 2, 'retried once, not more');
    assert.deepEqual(await orgsNamed(body.name), []);
    assert.equal(await t.auditHead(), head);
  });

  test('lost as the COMMIT was sent: never retried (it may have committed), 503', async () => {
    let inserts = 0;
    injectFaults(t.db, async (at) => {
      if (INSERT_ORG.test(at.text)) inserts += 1;
      if (at.text === 'COMMIT' && inserts > 0) throw new Error('Connection terminated unexpectedly');
    });
    const body = newOrg();
    const r = await sys.post<Err>('/api/orgs', body);
    injectFaults(t.db, null);
    assertUnavailable(r);
    assert.equal(inserts, 1, 'the work ran once');
    // The injected fault struck before the COMMIT reached the database: it rolled back.
    assert.deepEqual(await orgsNamed(body.name), []);
  });

  test('a session lookup that loses its connection is a 503, not a 500', async () => {
    injectFaults(t.db, async (at) => {
      if (/session/i.test(at.text)) throw adminShutdownError();
    });
    const r = await sys.get<Err>('/api/orgs');
    injectFaults(t.db, null);
    assertUnavailable(r);
    assert.equal((await sys.get('/api/orgs')).status, 200);
  });

  test('a job whose commit is lost is not run twice for its period', async () => {
    let runs = 0;
    const name = `test-ha-${randomBytes(3).toString('hex')}`;
    const job: Job = {
      name,
      period: () => 'p1',
      async run() {
        runs += 1;
        return { ran: true };
      },
    };
    injectFaults(t.db, async (at) => {
      if (at.text === 'COMMIT' && runs > 0) throw adminShutdownError();
    });
    await assert.rejects(runJobOnce(t.db, job), DatabaseUnavailable);
    injectFaults(t.db, null);
    // The claim rolled back with the run: the next tick runs it, once.
    assert.deepEqual(await runJobOnce(t.db, job), { ran: true });
    assert.equal(await runJobOnce(t.db, job), null);
    const { rows } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM job_run WHERE name = $1 AND period = $2',
      [name, 'p1'],
    );
    assert.equal(rows[0]!.n, 1);
  });
});

const skip =
  TEST_DB !== 'postgres' ? 'a real terminated connection needs PostgreSQL (BAOMI_TEST_DB=postgres)' : false;

describe('PostgreSQL: connections really terminated', { skip }, () => {
  let t: TestApp;
  let sys: Client;
  let admin: pg.Client;
  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
    admin = new pg.Client({ connectionString: process.env.BAOMI_TEST_PG_URL });
    await admin.connect();
  });
  after(async () => {
    injectFaults(t.db, null);
    await admin.end();
    await t.close();
  });

  const dbName = () => new URL(t.database.url!).pathname.slice(1);
  /** Terminates the backend serving `at` (a transaction) from the second connection. */
  const terminate = async (at: FaultPoint) => {
    const pid = (await at.sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    // Let the server's FATAL reach the client before the statement is sent.
    await new Promise((r) => setTimeout(r, 50));
  };

  test('terminated before its INSERT: retried on a new connection, written once', async () => {
    let hits = 0;
    injectFaults(t.db, async (at) => {
      if (INSERT_ORG.test(at.text) && ++hits === 1) await terminate(at);
    });
    const body = newOrg();
    const r = await sys.post<{ id: string }>('/api/orgs', body);
    injectFaults(t.db, null);
    assert.equal(r.status, 201, r.raw);
    assert.equal(hits, 2);
    const { rows } = await t.db.query('SELECT id FROM org WHERE name = $1', [body.name]);
    assert.equal(rows.length, 1);
  });

  test('terminated as its COMMIT is sent: 503, not retried, nothing written', async () => {
    let inserts = 0;
    injectFaults(t.db, async (at) => {
      if (INSERT_ORG.test(at.text)) inserts += 1;
      if (at.text === 'COMMIT' && inserts > 0) await terminate(at);
    });
    const body = newOrg();
    const r = await sys.post<Err>('/api/orgs', body);
    injectFaults(t.db, null);
    assertUnavailable(r);
    assert.equal(inserts, 1);
    const { rows } = await t.db.query('SELECT id FROM org WHERE name = $1', [body.name]);
    assert.equal(rows.length, 0);
  });

  test('the pool drops connections terminated while idle: the next requests just work', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await sys.get('/api/orgs')).status, 200);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [dbName()],
    );
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 5; i++) {
      const r = await sys.get('/api/orgs');
      assert.equal(r.status, 200, r.raw);
    }
    assert.equal((await sys.post('/api/orgs', newOrg())).status, 201);
  });

  test('the LISTEN connection reconnects after it is terminated, and reports the gap', async () => {
    const db = await openDb({ databaseUrl: t.database.url!, poolSize: 2 });
    const got: string[] = [];
    let resets = 0;
    const unlisten = await db.listen(
      'baomi_ha_test',
      (p) => got.push(p),
      () => {
        resets += 1;
      },
    );
    try {
      const before = resets;
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'",
        [dbName()],
      );
      const deadline = Date.now() + 10_000;
      // Reset once for the loss and once more when it is listening again.
      while (resets < before + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.ok(resets >= before + 2, `reconnected (${resets - before} resets)`);
      await db.query("SELECT pg_notify('baomi_ha_test', 'after')");
      while (!got.includes('after') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(got.includes('after'), 'a notification after the reconnection arrives');
    } finally {
      await unlisten();
      await db.close();
    }
  });

  test('two nodes, one losing its job commit: the job still runs once for its period', async () => {
    const other = await openDb({ databaseUrl: t.database.url!, poolSize: 2 });
    let runs = 0;
    const name = `test-ha-pg-${randomBytes(3).toString('hex')}`;
    const job: Job = {
      name,
      period: () => 'p1',
      async run() {
        runs += 1;
        return { ran: true };
      },
    };
    try {
      injectFaults(t.db, async (at) => {
        if (at.text === 'COMMIT' && runs > 0) await terminate(at);
      });
      await assert.rejects(runJobOnce(t.db, job), DatabaseUnavailable);
      injectFaults(t.db, null);
      const results = await Promise.all([
        runJobOnce(t.db, job),
        runJobOnce(other, job),
        runJobOnce(t.db, job),
      ]);
      assert.equal(results.filter((r) => r !== null).length, 1);
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'job.' || $1",
        [name],
      );
      // Audit events are chained from an outbox moments after the commit; one run, one event.
      assert.ok(rows[0]!.n <= 1);
    } finally {
      await other.close();
    }
  });
});
