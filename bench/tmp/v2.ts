import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '@baomi/server/db/db.ts';
import { migrate } from '@baomi/server/db/migrate.ts';
import { seedFromTemplate } from '@baomi/server/db/template.ts';
import { appendAudit, chainPending, SYSTEM_ACTOR, verifyChain } from '@baomi/server/audit/chain.ts';
const dir = mkdtempSync(join(tmpdir(), 'micro-'));
seedFromTemplate(join(dir, 'pg'));
process.env.BAOMI_PGLITE_FSYNC = 'off';
const db = await openDb({ dataDir: join(dir, 'pg') });
await migrate(db);
const n = 50000;
for (let i = 0; i < n; i += 500) await db.tx(async (sql) => { for (let j = 0; j < 500; j++) await appendAudit(sql, SYSTEM_ACTOR, { action: 'bench.event', objectType: 'bench', objectId: String(i + j), summary: { i: i + j, note: '基准测试事件' } }); });
await chainPending(db);
for (let r = 0; r < 4; r++) for (const h of ['thread', 'worker'] as const) {
  const t0 = performance.now(); const v = await verifyChain(db, undefined, { hasher: h });
  console.log(h, v.ok, (n / ((performance.now() - t0) / 1000)).toFixed(0), 'events/s');
}
await db.close(); rmSync(dir, { recursive: true, force: true });
