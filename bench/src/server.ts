// The servers under test, in their own process (forked by run.ts; the load generator is another
// process): Baomi started as `baomi serve` starts it (main.ts start(): template, migrations,
// administrators, modules, the app) on a durable PGlite data directory or a PostgreSQL database, and
// beside it, on the same database handle (the same driver), a bare Fastify serving the baselines.
// Seeds a secrecy officer with `n` designation items, signs in, and sends run.ts both URLs and the cookie.
//   message in (argv[2]): JSON { dataDir?, databaseUrl?, items }
//   message out: { baomi, bare, cookie } ; exits on 'stop'
import type { Db } from '@baomi/server/db/db.ts';
import { start } from '@baomi/server/main.ts';
import Fastify from 'fastify';
import { RAW_LEDGER_COUNT, RAW_LEDGER_PAGE, seedLedger } from './ledger-data.ts';

interface Args {
  dataDir?: string;
  databaseUrl?: string;
  items: number;
}
const args = JSON.parse(process.argv[2]!) as Args;

const started = await start({
  port: 0,
  host: '127.0.0.1',
  dataDir: args.dataDir,
  databaseUrl: args.databaseUrl,
  allowOwnerRole: true, // the bench's throw-away database, owned by the role it connects with
  loginRate: { max: 1e9, windowSeconds: 60 },
  jobs: false, // no job may run in the middle of a measurement
  webDist: null,
  log: false,
});
const db: Db = started.db;
const seed = await seedLedger(db, args.items);
// PostgreSQL's autovacuum analyses a table this size within a minute of the load; PGlite has no
// autovacuum, so it is left as an installation has it (measure what users get).
if (db.kind === 'postgres') await db.exec('ANALYZE');

const login = await fetch(`${started.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: seed.username, password: seed.password }),
});
if (login.status !== 200) throw new Error(`bench sign-in: ${login.status} ${await login.text()}`);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const me = await (await fetch(`${started.url}/api/auth/me`, { headers: { cookie } })).json();

// The baseline's sessions: an in-memory map from the cookie to the account, as a hand-written server
// keeping its sessions in memory would (Baomi's are in a cache in front of the session table).
const sessions = new Map([[cookie, { accountId: (me as { me: { id: string } }).me.id, orgId: seed.orgId }]]);
const bare = Fastify();
const session = (h: string | undefined) => (h ? sessions.get(h) : undefined);

// Baseline of GET /api/auth/me: the session from memory and the one database read the answer needs
// (an unseen password-reset notice), the same JSON body.
bare.get('/api/auth/me', async (req, reply) => {
  const s = session(req.headers.cookie);
  if (!s) return reply.code(401).send({ error: 'unauthenticated' });
  const { rows } = await db.query(
    `SELECT r.id FROM password_reset r WHERE r.account_id = $1 AND r.status = 'confirmed'
        AND r.notice_seen_at IS NULL ORDER BY r.decided_at DESC LIMIT 1`,
    [s.accountId],
  );
  return { ...(me as object), resetNotice: rows[0] ?? null };
});

// Baseline of GET /api/designation/items?page=P (ledger-data.ts says what it is).
bare.get<{ Querystring: { page?: string } }>('/api/designation/items', async (req, reply) => {
  const s = session(req.headers.cookie);
  if (!s) return reply.code(401).send({ error: 'unauthenticated' });
  const page = Math.max(1, Number(req.query.page ?? 1) || 1);
  const [items, count] = await Promise.all([
    db.query(RAW_LEDGER_PAGE, [s.orgId, (page - 1) * 20]),
    db.query<{ total: number }>(RAW_LEDGER_COUNT, [s.orgId]),
  ]);
  return { items: items.rows, total: count.rows[0]!.total };
});
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

process.send!({ baomi: started.url, bare: bareUrl, cookie });
process.on('message', async (m) => {
  if (m !== 'stop') return;
  await bare.close();
  await started.close();
  process.exit(0);
});
// The bench went away (an error, ^C): do not outlive it.
process.on('disconnect', () => process.exit(1));
