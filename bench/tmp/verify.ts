import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '@baomi/server/db/db.ts';
import { migrate } from '@baomi/server/db/migrate.ts';
import { seedFromTemplate } from '@baomi/server/db/template.ts';
import { appendAudit, chainPending, SYSTEM_ACTOR } from '@baomi/server/audit/chain.ts';
const PG = process.env.PG;
let db;
let dir = '';
if (PG) { db = await openDb({ databaseUrl: PG }); } else {
dir = mkdtempSync(join(tmpdir(), 'micro-'));
seedFromTemplate(join(dir, 'pg'));
db = await openDb({ dataDir: join(dir, 'pg') }); }
await migrate(db);
const n = 50000;
const { rows: c } = await db.query('SELECT count(*)::int AS n FROM audit_event');
if (c[0].n < n) {
for (let i = 0; i < n; i += 500) await db.tx(async (sql) => { for (let j = 0; j < 500; j++) await appendAudit(sql, SYSTEM_ACTOR, { action: 'bench.event', objectType: 'bench', objectId: String(i + j), summary: { i: i + j, note: '基准测试事件' } }); });
await chainPending(db);
}
const P = Number(process.env.P ?? 5000);
const variants: Record<string, string> = {
  agg_order: `SELECT string_agg(hash || prev_hash || E'\\n' || payload, E'\\x1e' ORDER BY seq) AS chunk, count(*) AS n FROM (SELECT seq, prev_hash, hash, payload FROM audit_event WHERE seq >= $1 AND seq < $2 ORDER BY seq LIMIT ${P}) AS p`,
  agg_noorder: `SELECT string_agg(hash || prev_hash || E'\\n' || payload, E'\\x1e') AS chunk, count(*) AS n FROM (SELECT seq, prev_hash, hash, payload FROM audit_event WHERE seq >= $1 AND seq < $2 ORDER BY seq LIMIT ${P}) AS p`,
  agg_nolimit: `SELECT string_agg(hash || prev_hash || E'\\n' || payload, E'\\x1e') AS chunk, count(*) AS n FROM (SELECT seq, prev_hash, hash, payload FROM audit_event WHERE seq >= $1 AND seq < $2 ORDER BY seq) AS p`,
  agg_concat_only: `SELECT string_agg(payload, E'\\x1e') AS chunk, count(*) AS n FROM (SELECT seq, payload FROM audit_event WHERE seq >= $1 AND seq < $2 ORDER BY seq) AS p`,
  count_only: `SELECT count(*) AS n FROM (SELECT seq, payload FROM audit_event WHERE seq >= $1 AND seq < $2 ORDER BY seq) AS p`,
};
for (let r = 0; r < 3; r++) for (const [k, q] of Object.entries(variants)) {
  const t0 = performance.now();
  let tot = 0;
  for (let from = 1; from <= n; from += P) { const { rows } = await db.query(q, [from, from + P]); tot += Number(rows[0].n); }
  console.log(k, ((performance.now() - t0) * 1000 / tot).toFixed(2), 'µs/event');
}
await db.close(); if (dir) rmSync(dir, { recursive: true, force: true });
