// Least privilege on PostgreSQL (R-SYS-03): the server's own role cannot rewrite, remove or unguard
// the audit trail; migrations run as a separate owner role; `baomi serve` refuses a superuser or owner.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openAndMigrate, start } from '../main.ts';
import { createTestApp, createTestDatabase, TEST_DB, type TestDatabase } from '../testing/harness.ts';
import type { Db } from './db.ts';
import { checkRuntimeRole, roleProblem } from './roles.ts';

const skip = TEST_DB !== 'postgres' ? 'PostgreSQL only: the embedded database has a single user' : false;

describe('database roles on PostgreSQL: owner for migrations, least privilege at run time', { skip }, () => {
  let database: TestDatabase;
  let runtime: Db;
  let ownerUrl: string;
  let runtimeUrl: string;
  const suffix = randomBytes(4).toString('hex');
  const ownerRole = `baomi_owner_${suffix}`;
  const runtimeRole = `baomi_app_${suffix}`;

  const asAdmin = async (text: string) => {
    const c = new pg.Client({ connectionString: database.url! });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  const withUser = (url: string, user: string) => {
    const u = new URL(url);
    u.username = user;
    u.password = '';
    return u.toString();
  };

  before(async () => {
    database = await createTestDatabase();
    const dbName = new URL(database.url!).pathname.slice(1);
    await asAdmin(`CREATE ROLE ${ownerRole} LOGIN; CREATE ROLE ${runtimeRole} LOGIN;
      ALTER DATABASE ${dbName} OWNER TO ${ownerRole}; GRANT CONNECT ON DATABASE ${dbName} TO ${runtimeRole};`);
    ownerUrl = withUser(database.url!, ownerRole);
    runtimeUrl = withUser(database.url!, runtimeRole);
    runtime = await openAndMigrate({ databaseUrl: runtimeUrl, migrateUrl: ownerUrl });
  });
  after(async () => {
    await runtime?.close();
    await database.drop();
    await asAdminCluster(`DROP ROLE IF EXISTS ${runtimeRole}; DROP ROLE IF EXISTS ${ownerRole};`);
  });
  const asAdminCluster = async (text: string) => {
    const c = new pg.Client({ connectionString: process.env.BAOMI_TEST_PG_URL });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };

  test('the runtime role is neither superuser nor owner of the audit tables', async () => {
    const check = await checkRuntimeRole(runtime);
    assert.deepEqual(check, { role: runtimeRole, superuser: false, ownsAudit: false });
    assert.equal(roleProblem(check), null);
  });

  test('the server works as the runtime role: sign-in, a change, its audit events', async () => {
    const t = await createTestApp({ database: { db: runtime, url: runtimeUrl, drop: async () => {} } });
    const sys = await t.admin('sysadmin'); // replaces the one-time password: account update + audit
    const r = await sys.post<{ id: string }>('/api/orgs', {
      name: '最小权限测试单位',
      parentId: null,
      level: 'city',
      kind: 'party_gov',
    });
    assert.equal(r.status, 201, r.raw);
    assert.ok((await t.auditHead()) >= 2);
    await t.app.close();
  });

  for (const [what, statement] of [
    ['UPDATE', "UPDATE audit_event SET payload = payload || ' ' WHERE seq = 1"],
    ['DELETE', 'DELETE FROM audit_event'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
    ['DISABLE TRIGGER', 'ALTER TABLE audit_event DISABLE TRIGGER ALL'],
    ['DROP TRIGGER', 'DROP TRIGGER audit_event_no_update ON audit_event'],
    ['DROP TABLE', 'DROP TABLE audit_event'],
    ['DELETE the head', 'DELETE FROM audit_head'],
    ['INSERT an anchor', "INSERT INTO audit_anchor (seq, hash) VALUES (999999, 'x')"],
    ['UPDATE an event waiting in the outbox', "UPDATE audit_outbox SET bodies = ARRAY['[]']"],
    ['DELETE from the outbox', 'DELETE FROM audit_outbox'],
    ['TRUNCATE the outbox', 'TRUNCATE audit_outbox'],
    ['CREATE a table', 'CREATE TABLE sneaky (x int)'],
  ] as const) {
    test(`as the runtime role, ${what} on the audit trail or schema fails`, async () => {
      await assert.rejects(
        () => runtime.query(statement),
        (e: { code?: string; message?: string }) => {
          assert.equal(e.code, '42501', e.message);
          return true;
        },
      );
    });
  }

  test('baomi serve refuses to start as a superuser, with the fix; and starts as the runtime role', async () => {
    await assert.rejects(
      () => start({ databaseUrl: database.url!, port: 0, jobs: false, webDist: null }),
      (e: Error) => {
        assert.match(e.message, /拒绝启动/);
        assert.match(e.message, /Refusing to start: .*superuser/);
        assert.match(e.message, /BAOMI_MIGRATE_URL/);
        return true;
      },
    );
    const ok = await start({
      databaseUrl: runtimeUrl,
      migrateUrl: ownerUrl,
      port: 0,
      jobs: false,
      webDist: null,
    });
    const r = await fetch(`${ok.url}/api/system/info`);
    assert.equal(r.status, 200);
    await ok.close();
  });

  test('baomi serve refuses the owner role too', async () => {
    await assert.rejects(
      () => start({ databaseUrl: ownerUrl, port: 0, jobs: false, webDist: null }),
      /owns the audit tables/,
    );
  });
});
