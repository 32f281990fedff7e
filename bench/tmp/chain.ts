import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '@baomi/server/db/db.ts';
import { migrate } from '@baomi/server/db/migrate.ts';
import { seedFromTemplate } from '@baomi/server/db/template.ts';
import { eventBody, SYSTEM_ACTOR } from '@baomi/server/audit/chain.ts';
const dir = mkdtempSync(join(tmpdir(), 'micro-'));
seedFromTemplate(join(dir, 'pg'));
process.env.BAOMI_PGLITE_FSYNC = 'off';
const db = await openDb({ dataDir: join(dir, 'pg') });
await migrate(db);
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 300; i++) await db.query('INSERT INTO audit_outbox (bodies) VALUES ($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: String(i), summary: { name: 'x' + i } })]]);
  const t1 = performance.now();
  await db.query('SELECT audit_chain_outbox(1000)');
  const t2 = performance.now();
  console.log('outbox insert', ((t1 - t0) / 300 * 1000).toFixed(0), 'µs; chain', ((t2 - t1) / 300 * 1000).toFixed(0), 'µs/event');
}
await db.close(); rmSync(dir, { recursive: true, force: true });
