// npm run bench — Baomi's costs as ratios against baselines measured in the same run.
// Set BAOMI_BENCH_PG_URL=postgres://… to measure on a PostgreSQL server as well as on PGlite.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { bootstrapAdministrators } from '@baomi/server/accounts/service.ts';
import { appendAudit, SYSTEM_ACTOR, verifyChain } from '@baomi/server/audit/chain.ts';
import { type Db, openDb } from '@baomi/server/db/db.ts';
import { migrate } from '@baomi/server/db/migrate.ts';
import { buildApp } from '@baomi/server/http/app.ts';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { designationReads, parseScale } from './designation.ts';

interface Row {
  measure: string;
  db: string;
  baomi: string;
  baseline: string;
  ratio: number;
  goal: string;
}
const rows: Row[] = [];
const fmt = (n: number, unit: string) => `${n >= 100 ? n.toFixed(0) : n.toFixed(2)} ${unit}`;

async function freshDb(kind: 'pglite' | 'postgres'): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDb({ dataDir: 'memory://' });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const admin = process.env.BAOMI_BENCH_PG_URL!;
  const name = `baomi_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: u.toString() });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      await c2.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await c2.end();
    },
  };
}

/**
 * A business write shaped like the departments service (check the organisation, insert, read back),
 * with and without its audit event, in one transaction each.
 */
async function auditAppendCost(kind: 'pglite' | 'postgres', n: number) {
  const { db, drop } = await freshDb(kind);
  const org = (
    await db.query<{ id: string }>(
      "INSERT INTO org (name, level, kind) VALUES ('bench', 'city', 'party_gov') RETURNING id",
    )
  ).rows[0]!.id;
  const write = (i: number, audited: boolean) =>
    db.tx(async (sql) => {
      await sql.query('SELECT id, name, parent_id, level, kind, created_at FROM org WHERE id = $1', [org]);
      const { rows: r } = await sql.query<{ id: string }>(
        'INSERT INTO department (org_id, name) VALUES ($1, $2) RETURNING id',
        [org, `${audited ? 'a' : 'p'}${i}`],
      );
      if (audited) {
        await appendAudit(sql, SYSTEM_ACTOR, {
          action: 'department.create',
          objectType: 'department',
          objectId: r[0]!.id,
          summary: { name: `a${i}` },
        });
      }
      await sql.query('SELECT id, org_id, name, parent_id FROM department WHERE id = $1', [r[0]!.id]);
    });
  for (let i = 0; i < 200; i++) await write(-i - 1, i % 2 === 0); // warm-up
  const time = async (audited: boolean) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await write(i, audited);
    return performance.now() - t0;
  };
  // Interleave to share drift between the two.
  let plain = 0;
  let audited = 0;
  for (let round = 0; round < 4; round++) {
    plain += await time(false);
    audited += await time(true);
    await db.query('DELETE FROM department WHERE org_id = $1', [org]);
  }
  rows.push({
    measure: 'service write with audit vs without',
    db: kind,
    baomi: fmt((audited / (4 * n)) * 1000, 'µs/write'),
    baseline: fmt((plain / (4 * n)) * 1000, 'µs/write'),
    ratio: audited / plain,
    goal: '≤ 1.3×',
  });
  await drop();
}

/** Chain verification vs raw SM3 over the same bytes. */
async function verifyThroughput(kind: 'pglite' | 'postgres', n: number) {
  const { db, drop } = await freshDb(kind);
  const batch = 500;
  for (let i = 0; i < n; i += batch) {
    await db.tx(async (sql) => {
      for (let j = 0; j < batch; j++) {
        await appendAudit(sql, SYSTEM_ACTOR, {
          action: 'bench.event',
          objectType: 'bench',
          objectId: String(i + j),
          summary: { i: i + j, note: '基准测试事件' },
        });
      }
    });
  }
  const t0 = performance.now();
  const r = await verifyChain(db);
  const verifyMs = performance.now() - t0;
  if (!r.ok || r.checked !== n) throw new Error('bench chain did not verify');
  const { rows: events } = await db.query<{ payload: string; prev_hash: string }>(
    'SELECT payload, prev_hash FROM audit_event ORDER BY seq',
  );
  const t1 = performance.now();
  let h = '';
  for (const e of events)
    h = createHash('sm3').update(e.prev_hash).update('\n').update(e.payload).digest('hex');
  const rawMs = performance.now() - t1;
  if (h !== r.head.hash) throw new Error('raw SM3 baseline disagrees with the chain head');
  rows.push({
    measure: 'chain verification vs raw SM3',
    db: kind,
    baomi: fmt(n / (verifyMs / 1000), 'events/s'),
    baseline: fmt(n / (rawMs / 1000), 'hashes/s'),
    ratio: rawMs / verifyMs,
    goal: '≥ 0.5×',
  });
  await drop();
}

async function rps(url: string, headers: Record<string, string>, seconds: number): Promise<number> {
  const result = await autocannon({ url, headers, connections: 10, duration: seconds });
  return result.requests.average;
}

/** Authenticated GET /api/auth/me vs a bare Fastify JSON route, both on loopback. */
async function authenticatedReads(kind: 'pglite' | 'postgres', seconds: number) {
  const { db, drop } = await freshDb(kind);
  const admins = (await db.tx((sql) => bootstrapAdministrators(sql)))!;
  await db.query('UPDATE account SET must_change_password = false');
  const app = await buildApp({
    db,
    demo: false,
    version: 'bench',
    loginRate: { max: 1e9, windowSeconds: 60 },
    backupDir: null,
    webDist: null,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'auditor',
      password: admins.find((a) => a.role === 'auditor')!.password,
    }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const bare = Fastify();
  bare.get('/api/auth/me', async () => ({ me: { id: 'x', username: 'auditor' } }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  await rps(`${url}/api/auth/me`, { cookie }, 1); // warm-up
  const baomi = await rps(`${url}/api/auth/me`, { cookie }, seconds);
  const base = await rps(`${bareUrl}/api/auth/me`, {}, seconds);
  rows.push({
    measure: 'authenticated read vs bare Fastify',
    db: kind,
    baomi: fmt(baomi, 'req/s'),
    baseline: fmt(base, 'req/s'),
    ratio: baomi / base,
    goal: '≥ 0.4×',
  });
  await app.close();
  await bare.close();
  await drop();
}

/** The ledger and the yearly statistics (R-DES-09) over `n` generated items vs hand-written SQL. */
async function designationAtVolume(kind: 'pglite' | 'postgres', n: number, k: number) {
  const { db, drop } = await freshDb(kind);
  for (const m of await designationReads(db, n, k)) {
    rows.push({
      measure: m.measure,
      db: kind,
      baomi: fmt(m.baomiMs, 'ms'),
      baseline: fmt(m.rawMs, 'ms'),
      ratio: m.baomiMs / m.rawMs,
      goal: '≤ 1.5×',
    });
  }
  await drop();
}

const quick = process.argv.includes('--quick');
const kinds: ('pglite' | 'postgres')[] = process.env.BAOMI_BENCH_PG_URL ? ['pglite', 'postgres'] : ['pglite'];
// --scale 1m (issue 8, ledgers at scale): the designation rows alone, at that many items, on PostgreSQL.
const scale = parseScale(process.argv);
if (scale !== null) {
  if (!process.env.BAOMI_BENCH_PG_URL) throw new Error('--scale runs on PostgreSQL: set BAOMI_BENCH_PG_URL');
  console.error(`… postgres: designation ledger and yearly statistics at ${scale} items`);
  await designationAtVolume('postgres', scale, 5);
}
for (const kind of scale === null ? kinds : []) {
  console.error(`… ${kind}: audit append cost`);
  await auditAppendCost(kind, quick ? 200 : 1000);
  console.error(`… ${kind}: chain verification`);
  await verifyThroughput(kind, quick ? 5000 : 50_000);
  console.error(`… ${kind}: authenticated reads`);
  await authenticatedReads(kind, quick ? 3 : 10);
  console.error(`… ${kind}: designation ledger and yearly statistics`);
  await designationAtVolume(kind, quick ? 20_000 : 200_000, quick ? 5 : 9);
}

const header = ['measure', 'db', 'Baomi', 'baseline (same run)', 'ratio', 'goal'];
const table = rows.map((r) => [r.measure, r.db, r.baomi, r.baseline, `${r.ratio.toFixed(2)}×`, r.goal]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const t of table) console.log(line(t));
