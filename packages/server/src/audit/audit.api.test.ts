import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, STRONG, type TestApp } from '../testing/harness.ts';
import { appendAudit, chainPending, eventPayload, SYSTEM_ACTOR, verifyChain } from './chain.ts';

/** A payload dated `months` ago (30-day months), for the retention trigger. */
const oldPayload = (seq: number, months: number) =>
  eventPayload(seq, new Date(Date.now() - months * 31 * 86_400_000), SYSTEM_ACTOR, { action: 'test' });

type Page = {
  items: { seq: number; actorClass: string; actorName: string; action: string }[];
  total: number;
};

describe('audit trail (R-SYS-03)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.admin('sysadmin');
    await t.admin('secadmin');
    await t.admin('auditor');
  });
  after(() => t.close());

  test('R-SYS-03 a change and its event commit together; a rolled-back change leaves no event', async () => {
    const head = await t.auditHead();
    await assert.rejects(
      t.db.tx(async (sql) => {
        await sql.query("INSERT INTO org (name, level, kind) VALUES ('回滚单位', 'city', 'party_gov')");
        await appendAudit(sql, SYSTEM_ACTOR, { action: 'org.create', objectType: 'org' });
        throw new Error('boom');
      }),
    );
    assert.equal(await t.auditHead(), head);
    assert.equal((await t.db.query("SELECT 1 FROM org WHERE name = '回滚单位'")).rowCount, 0);
    const sys = await t.admin('sysadmin');
    const r = await sys.post<{ id: string }>('/api/orgs', {
      name: '审计单位',
      parentId: null,
      level: 'city',
      kind: 'party_gov',
    });
    assert.equal(r.status, 201);
    await chainPending(t.db);
    const ev = await t.db.query<{ action: string; object_id: string; actor_class: string }>(
      "SELECT action, object_id, actor_class FROM audit_event WHERE seq > $1 AND action NOT LIKE 'access.denied%'",
      [head],
    );
    assert.deepEqual(ev.rows, [{ action: 'org.create', object_id: r.body.id, actor_class: 'sysadmin' }]);
  });

  test('R-SYS-03 the database refuses UPDATE, DELETE and TRUNCATE of audit events, and rewinding the head', async () => {
    await assert.rejects(
      t.db.query("UPDATE audit_event SET payload = payload || ' ' WHERE seq = 1"),
      /R-SYS-03/,
    );
    await assert.rejects(t.db.query('DELETE FROM audit_event WHERE seq = 1'), /R-SYS-03/);
    await assert.rejects(t.db.query('TRUNCATE audit_event'), /R-SYS-03/);
    await assert.rejects(t.db.query('UPDATE audit_head SET seq = 1'), /R-SYS-03/);
    await assert.rejects(t.db.query('DELETE FROM audit_head'), /R-SYS-03/);
    assert.equal((await verifyChain(t.db)).ok, true);
  });

  test('R-SYS-03 events younger than the retention period, or not anchored by a prune, cannot be removed', async () => {
    await assert.rejects(
      t.db.tx(async (sql) => {
        await sql.query(
          `INSERT INTO audit_event (seq, payload, prev_hash, hash) VALUES (900000, $1, 'p', 'h')`,
          [oldPayload(900000, 5)],
        );
        await sql.query('DELETE FROM audit_event WHERE seq = 900000');
      }),
      /younger than the retention period/,
    );
    // Old enough, but removable only by a prune that anchors the chain (see prune.api.test.ts).
    await assert.rejects(
      t.db.tx(async (sql) => {
        await sql.query(
          `INSERT INTO audit_event (seq, payload, prev_hash, hash) VALUES (900001, $1, 'p', 'h')`,
          [oldPayload(900001, 7)],
        );
        await sql.query('DELETE FROM audit_event WHERE seq = 900001');
      }),
      /anchor/,
    );
  });

  test('R-SYS-03 verify names the first altered event', async () => {
    const auditor = await t.admin('auditor');
    const ok = await auditor.post<{ ok: boolean; checked: number }>('/api/audit/verify', {});
    assert.equal(ok.status, 200);
    assert.equal(ok.body.ok, true);
    assert.ok(ok.body.checked > 5);
    // Someone with the database owner's powers switches the guard off and edits event 3.
    await t.db.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    const original = (await t.db.query<{ payload: string }>('SELECT payload FROM audit_event WHERE seq = 3'))
      .rows[0]!;
    await t.db.query(
      `UPDATE audit_event SET payload = replace(payload, '"username":"', '"username":"forged-') WHERE seq = 3`,
    );
    try {
      const bad = await auditor.post<{
        ok: boolean;
        firstBroken: number;
        reason: { zh: string; en: string };
      }>('/api/audit/verify', {});
      assert.equal(bad.body.ok, false);
      assert.equal(bad.body.firstBroken, 3);
      assert.match(bad.body.reason.en, /altered/);
      assert.match(bad.body.reason.zh, /篡改/);
    } finally {
      await t.db.query('UPDATE audit_event SET payload = $1 WHERE seq = 3', [original.payload]);
      await t.db.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    }
    assert.equal((await verifyChain(t.db)).ok, true);
  });

  test('R-SYS-03 verify names a removed event as missing', async () => {
    await t.db.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    const removed = (
      await t.db.query<{ seq: number; payload: string; prev_hash: string; hash: string }>(
        'SELECT seq, payload, prev_hash, hash FROM audit_event WHERE seq = 4',
      )
    ).rows[0]!;
    await t.db.query('DELETE FROM audit_event WHERE seq = 4');
    try {
      const r = await verifyChain(t.db);
      assert.equal(r.ok, false);
      assert.equal(r.firstBroken, 4);
      assert.match(r.reason!.en, /missing/);
    } finally {
      await t.db.query('INSERT INTO audit_event (seq, payload, prev_hash, hash) VALUES ($1, $2, $3, $4)', [
        removed.seq,
        removed.payload,
        removed.prev_hash,
        removed.hash,
      ]);
      await t.db.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    }
    assert.equal((await verifyChain(t.db)).ok, true);
  });

  test('R-SYS-03 an exported checkpoint catches a rewritten tail that the chain alone would accept', async () => {
    const auditor = await t.admin('auditor');
    const cp = (await auditor.get<{ seq: number; hash: string }>('/api/audit/checkpoint')).body;
    const sys = await t.admin('sysadmin');
    await sys.post('/api/orgs', { name: '尾部单位', parentId: null, level: 'city', kind: 'party_gov' });
    const dbTx = t.db;
    await chainPending(dbTx); // the request's events are in the chain before the tail is rewritten
    // Rewrite: drop everything after the checkpoint's predecessor and rebuild a consistent chain.
    await dbTx.exec(
      'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update; ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward',
    );
    try {
      await dbTx.query('DELETE FROM audit_event WHERE seq >= $1', [cp.seq]);
      const prev = (
        await dbTx.query<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = $1', [cp.seq - 1])
      ).rows[0]!;
      await dbTx.query('UPDATE audit_head SET seq = $1, hash = $2', [cp.seq - 1, prev.hash]);
      await dbTx.tx((sql) => appendAudit(sql, SYSTEM_ACTOR, { action: 'forged.event' }));
      assert.equal((await verifyChain(dbTx)).ok, true, 'a consistent rewrite passes without a checkpoint');
      const r = await verifyChain(dbTx, cp);
      assert.equal(r.ok, false);
      assert.equal(r.firstBroken, cp.seq);
      assert.match(r.reason!.en, /checkpoint/);
    } finally {
      await dbTx.exec(
        'ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update; ALTER TABLE audit_head ENABLE TRIGGER audit_head_forward',
      );
    }
  });

  test('R-SYS-01 each administrator sees only the slice of the trail he watches', async () => {
    const u = await t.businessUser();
    await u.client.get('/api/todos');
    const sys = await t.admin('sysadmin');
    const sec = await t.admin('secadmin');
    const auditor = await t.admin('auditor');
    const classes = async (c: typeof sys) => {
      const r = await c.get<Page>('/api/audit?pageSize=500');
      assert.equal(r.status, 200);
      return new Set(r.body.items.map((i) => i.actorClass));
    };
    assert.deepEqual([...(await classes(sys))].sort(), ['sysadmin']);
    const secSees = await classes(sec);
    assert.ok(secSees.has('user') && secSees.has('auditor'));
    assert.ok(!secSees.has('sysadmin') && !secSees.has('secadmin'));
    const audSees = await classes(auditor);
    assert.ok(audSees.has('sysadmin') && audSees.has('secadmin'));
    assert.ok(!audSees.has('user') && !audSees.has('auditor'));
    assert.equal((await u.client.get('/api/audit')).status, 403);
  });

  test('audit search filters by actor, action, object and time, with paging', async () => {
    const auditor = await t.admin('auditor');
    const r = await auditor.get<Page>('/api/audit?action=org.create&pageSize=1');
    assert.equal(r.status, 200);
    assert.equal(r.body.items.length, 1);
    assert.ok(r.body.total >= 2);
    assert.ok(r.body.items.every((i) => i.action === 'org.create'));
    const byActor = await auditor.get<Page>(
      `/api/audit?actor=${encodeURIComponent('系统管理员')}&pageSize=500`,
    );
    assert.ok(byActor.body.items.length > 0 && byActor.body.items.every((i) => i.actorName === '系统管理员'));
    // issue 7: the 操作人 filter also finds an account by its user name
    const byUsername = await auditor.get<Page>('/api/audit?actor=sysadmin&pageSize=500');
    assert.ok(
      byUsername.body.items.length > 0 && byUsername.body.items.every((i) => i.actorName === '系统管理员'),
      'the user name sysadmin finds the system administrator’s events',
    );
    const future = await auditor.get<Page>('/api/audit?from=2999-01-01T00:00:00Z');
    assert.equal(future.body.total, 0);
    const bad = await auditor.get<{ error: { field: string } }>('/api/audit?from=yesterday');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'from');
  });

  test('R-SYS-03 export to CSV and Excel, and the export itself is audited', async () => {
    const auditor = await t.admin('auditor');
    const head = await t.auditHead();
    const csv = await auditor.get('/api/audit/export?format=csv&action=org');
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.raw.startsWith('\uFEFF序号,时间,操作人'));
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=xlsx',
      headers: { cookie: [...auditor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    const ev = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE seq > $1 AND action NOT LIKE 'access.denied%'",
      [head],
    );
    assert.deepEqual(
      ev.rows.map((r) => r.action),
      ['audit.export', 'audit.export'],
    );
  });

  test('R-SYS-03 concurrent writers never fork or reorder the chain', async () => {
    const before = await t.auditHead();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.tx((sql) => appendAudit(sql, SYSTEM_ACTOR, { action: 'test.concurrent', summary: { i } })),
      ),
    );
    assert.equal(await t.auditHead(), before + 40);
    const r = await verifyChain(t.db);
    assert.equal(r.ok, true);
    const seqs = await t.db.query<{ n: number; d: number }>(
      'SELECT count(*) AS n, count(DISTINCT seq) AS d FROM audit_event',
    );
    assert.equal(seqs.rows[0]!.n, seqs.rows[0]!.d);
  });

  test('the business user never reads the trail and the sysadmin cannot verify', async () => {
    const sys = await t.admin('sysadmin');
    assert.equal((await sys.post('/api/audit/verify', {})).status, 403);
    assert.equal((await sys.get('/api/audit/export')).status, 403);
    assert.ok(STRONG);
  });
});
