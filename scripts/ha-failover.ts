// The failover test (issue 14) against the lab of scripts/ha-lab.sh:
//   scripts/ha-lab.sh up && node --import tsx scripts/ha-failover.ts [--rounds 5] [--workers 4]
// Under a write load through both Baomi nodes (the system administrator creating organisations via
// the API, every acknowledged id recorded), kill -9 the primary PostgreSQL; Patroni promotes the
// synchronous standby; the old primary comes back as a replica (Patroni rewinds and restarts it).
// Reported per round: time without service, requests answered 503 (the client retries each), any other
// failure, the time until the old primary is a replica again. At the end: acknowledged writes lost
// (every acknowledged id looked up on the new primary: must be 0), the audit chain verified end to
// end (`baomi audit verify`), duplicate job runs (audit events of one job and period: must be none).
// Then kill -9 one Baomi node under load through HAProxy: the other serves, nothing is lost.
// Exit status 0 only when nothing acknowledged was lost, every failure was a 503 and the chain verifies.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { base32Decode, base32Encode } from '@baomi/domain';
import { totp, totpStep } from '@baomi/domain/twofactor/totp.ts';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    workers: { type: 'string', default: '4' },
    /** Seconds of load before each kill and after each recovery. */
    steady: { type: 'string', default: '4' },
    'skip-node-kill': { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(values.rounds);
const WORKERS = Number(values.workers);
const STEADY_MS = Number(values.steady) * 1000;
const ROOT = new URL('..', import.meta.url).pathname;
const LAB = process.env.BAOMI_HA_DIR ?? '/tmp/baomi-ha-lab';
const NODES = ['http://127.0.0.1:58081', 'http://127.0.0.1:58082'];
const FRONT = 'http://127.0.0.1:58080';
const REST = ['http://127.0.0.1:58008', 'http://127.0.0.1:58009'];
/** The client's pause before it sends a 503'd request again (Retry-After says 2 s; shorter measures finer). */
const RETRY_PAUSE_MS = 200;
/** A little pause between a worker's writes: a steady load that leaves CPU to others on a small machine. */
const THINK_MS = 20;

if (!existsSync(join(LAB, 'env'))) {
  console.error(`No lab at ${LAB}: run scripts/ha-lab.sh up first.`);
  process.exit(2);
}
const env = Object.fromEntries(
  readFileSync(join(LAB, 'env'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
) as Record<string, string>;
const OWNER_URL = `postgres://baomi_owner:${env.OWNER_PW}@127.0.0.1:${env.PG_FRONT}/baomi`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

// ---------- A browser-like session (cookie + CSRF), shared by every node (sessions live in the database)

class Session {
  cookies = new Map<string, string>();
  async request(base: string, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') {
      headers['x-csrf-token'] = this.cookies.get('baomi_csrf') ?? '';
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (v) this.cookies.set(k!, v);
      else this.cookies.delete(k!);
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {}
    return { status: res.status, json, text, retryAfter: res.headers.get('retry-after') };
  }
}

interface AdminState {
  password: string;
  secret: string;
  lastStep: number;
}

async function freshCode(state: AdminState): Promise<string> {
  // A TOTP step is accepted once: wait for the next one when the last sign-in used this one.
  while (totpStep(Date.now()) <= state.lastStep) await sleep(1000);
  state.lastStep = totpStep(Date.now());
  return totp(base32Decode(state.secret)!, Date.now());
}

/** Signs the system administrator in (first time: new password, TOTP enrolment; kept in the lab). */
async function signIn(): Promise<Session> {
  const s = new Session();
  const stateFile = join(LAB, 'ha-admin.json');
  if (!existsSync(stateFile)) {
    const line = readFileSync(join(LAB, 'bootstrap.txt'), 'utf8')
      .split('\n')
      .find((l) => /\bsysadmin\b/.test(l));
    const first = line?.trim().split(/\s+/).pop();
    if (!first) throw new Error(`no sysadmin one-time password in ${LAB}/bootstrap.txt`);
    const r = await s.request(NODES[0]!, 'POST', '/api/auth/login', {
      username: 'sysadmin',
      password: first,
    });
    if (r.status !== 200) throw new Error(`login: ${r.status} ${r.text}`);
    const password = `Ha!${base32Encode(crypto.getRandomValues(new Uint8Array(12)))}9a`;
    const ch = await s.request(NODES[0]!, 'POST', '/api/auth/change-password', {
      oldPassword: first,
      newPassword: password,
    });
    if (ch.status !== 200) throw new Error(`change password: ${ch.status} ${ch.text}`);
    const begun = await s.request(NODES[0]!, 'POST', '/api/auth/second-factors/totp', { algorithm: 'SHA1' });
    if (begun.status !== 200) throw new Error(`enrol: ${begun.status} ${begun.text}`);
    const state: AdminState = { password, secret: String(begun.json.secret), lastStep: 0 };
    const ok = await s.request(NODES[0]!, 'POST', '/api/auth/second-factors/totp/confirm', {
      id: begun.json.id,
      code: await freshCode(state),
    });
    if (ok.status !== 200) throw new Error(`confirm: ${ok.status} ${ok.text}`);
    writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
    return s;
  }
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as AdminState;
  const r = await s.request(NODES[0]!, 'POST', '/api/auth/login', {
    username: 'sysadmin',
    password: state.password,
  });
  const token = (r.json.secondFactor as { token?: string } | undefined)?.token;
  if (r.status !== 200 || !token) throw new Error(`login: ${r.status} ${r.text}`);
  const second = await s.request(NODES[0]!, 'POST', '/api/auth/login/second-factor', {
    token,
    code: await freshCode(state),
  });
  if (second.status !== 200) throw new Error(`second factor: ${second.status} ${second.text}`);
  writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  return s;
}

// ---------- The write load

interface Tally {
  acked: Map<string, string>; // id → name
  /** Answered 503 at least once, then acknowledged or found to exist (409 duplicate) on a retry. */
  ambiguous: string[];
  unavailable: number;
  /** Acknowledged on a retry after a 503 or a lost answer. */
  retriedThenAcked: number;
  other: Map<string, number>;
  /** performance.now() of every acknowledged write. */
  okTimes: number[];
}

const newTally = (): Tally => ({
  acked: new Map(),
  ambiguous: [],
  unavailable: 0,
  retriedThenAcked: 0,
  other: new Map(),
  okTimes: [],
});

function countOther(t: Tally, what: string) {
  t.other.set(what, (t.other.get(what) ?? 0) + 1);
}

/** Workers creating organisations until `stop()`; each request is retried until it is answered. */
function startLoad(s: Session, bases: string[], tag: string, t: Tally) {
  let running = true;
  const worker = async (w: number) => {
    const base = bases[w % bases.length]!;
    for (let i = 0; running; i++) {
      const name = `HA-${tag}-${w}-${i}`;
      const body = { name, parentId: null, level: 'city', kind: 'party_gov' };
      let answered503 = false;
      for (;;) {
        let r: Awaited<ReturnType<Session['request']>>;
        try {
          r = await s.request(base, 'POST', '/api/orgs', body);
        } catch (e) {
          countOther(
            t,
            `network: ${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`,
          );
          answered503 = true; // outcome unknown, like a 503 after COMMIT was sent
          await sleep(RETRY_PAUSE_MS);
          continue;
        }
        if (r.status === 201) {
          t.acked.set(String(r.json.id), name);
          t.okTimes.push(now());
          if (answered503) t.retriedThenAcked += 1;
          break;
        }
        if (r.status === 503) {
          t.unavailable += 1;
          answered503 = true;
          await sleep(RETRY_PAUSE_MS);
          continue;
        }
        if (r.status === 409 && answered503) {
          // An earlier attempt committed although its answer was lost (503 after COMMIT was sent).
          t.ambiguous.push(name);
          t.okTimes.push(now());
          break;
        }
        countOther(t, `HTTP ${r.status} ${r.text.slice(0, 80)}`);
        if (r.status >= 500) {
          answered503 = true;
          await sleep(RETRY_PAUSE_MS);
          continue;
        }
        break;
      }
      await sleep(THINK_MS);
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return async () => {
    running = false;
    await done;
  };
}

/** The longest pause between two acknowledged writes that spans `at`. */
function outage(t: Tally, at: number): number {
  const times = [...t.okTimes].sort((a, b) => a - b);
  let worst = 0;
  for (let i = 1; i < times.length; i++) {
    if (times[i - 1]! <= at + 5000 && times[i]! >= at) worst = Math.max(worst, times[i]! - times[i - 1]!);
  }
  return worst;
}

// ---------- Patroni

interface Member {
  name: string;
  role: string;
  state: string;
  timeline?: number;
}

async function cluster(): Promise<Member[]> {
  for (const r of REST) {
    try {
      const res = await fetch(`${r}/cluster`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return ((await res.json()) as { members: Member[] }).members;
    } catch {}
  }
  return [];
}

async function leader(): Promise<string | null> {
  return (await cluster()).find((m) => m.role === 'leader' && m.state === 'running')?.name ?? null;
}

function postmasterPid(member: string): number {
  return Number(readFileSync(join(LAB, member, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function waitFor(what: string, secs: number, ok: () => Promise<boolean>): Promise<number> {
  const t0 = now();
  while (now() - t0 < secs * 1000) {
    if (await ok()) return now() - t0;
    await sleep(200);
  }
  throw new Error(`timed out after ${secs} s: ${what}`);
}

// ---------- Checks on the database

async function lostAcknowledged(ids: string[]): Promise<string[]> {
  const c = new pg.Client({ connectionString: OWNER_URL });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>('SELECT id::text FROM org WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  } finally {
    await c.end();
  }
}

async function duplicates(): Promise<{ names: number; jobRuns: number; jobEvents: number }> {
  const c = new pg.Client({ connectionString: OWNER_URL });
  await c.connect();
  try {
    const names = await c.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT name FROM org WHERE name LIKE 'HA-%' GROUP BY name HAVING count(*) > 1) d",
    );
    const runs = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM job_run');
    const events = await c.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT action, object_id FROM audit_event WHERE action LIKE 'job.%' GROUP BY 1, 2 HAVING count(*) > 1) d",
    );
    return { names: names.rows[0]!.n, jobRuns: runs.rows[0]!.n, jobEvents: events.rows[0]!.n };
  } finally {
    await c.end();
  }
}

function auditVerify(): { ok: boolean; output: string } {
  const nodeEnv = Object.fromEntries(
    readFileSync(join(LAB, 'b1', 'env'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const r = spawnSync(process.execPath, [join(ROOT, 'packages/server/bin/baomi.mjs'), 'audit', 'verify'], {
    env: { ...process.env, ...nodeEnv, HOME: process.env.HOME ?? '/root' },
    encoding: 'utf8',
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

// ---------- The test

const ms = (x: number) => `${(x / 1000).toFixed(1)} s`;

async function main() {
  const session = await signIn();
  const all = newTally();
  const rounds: {
    round: number;
    killed: string;
    promoted: string;
    outage: number;
    promotedAfter: number;
    rejoinedAfter: number;
    unavailable: number;
    other: number;
  }[] = [];
  const runTag = Date.now().toString(36);

  for (let round = 1; round <= ROUNDS; round++) {
    const t = newTally();
    const stop = startLoad(session, NODES, `${runTag}-r${round}`, t);
    await sleep(STEADY_MS);
    const old = await leader();
    if (!old) throw new Error('no primary before the kill');
    const pid = postmasterPid(old);
    const killedAt = now();
    process.kill(pid, 'SIGKILL');
    console.log(`round ${round}: kill -9 ${old}'s postmaster (pid ${pid}) under load …`);
    const promotedAfter = await waitFor('a new primary', 90, async () => {
      const l = await leader();
      return l !== null && l !== old;
    });
    const promoted = (await leader())!;
    // The old primary rejoins: Patroni restarts it as a replica (pg_rewind when its WAL went further).
    const rejoinedAfter = await waitFor(`${old} back as a replica`, 180, async () =>
      (await cluster()).some(
        (m) => m.name === old && (m.role === 'sync_standby' || m.role === 'replica') && m.state === 'running',
      ),
    );
    await sleep(STEADY_MS);
    await stop();
    const other = [...t.other.values()].reduce((a, b) => a + b, 0);
    const row = {
      round,
      killed: old,
      promoted,
      outage: outage(t, killedAt),
      promotedAfter,
      rejoinedAfter: rejoinedAfter + promotedAfter,
      unavailable: t.unavailable,
      other,
    };
    rounds.push(row);
    console.log(
      `  promoted ${promoted} after ${ms(promotedAfter)}; no acknowledged write for ${ms(row.outage)}; ` +
        `503s ${t.unavailable}, other failures ${other}${other ? ` ${JSON.stringify([...t.other])}` : ''}; ` +
        `${old} a replica again ${ms(row.rejoinedAfter)} after the kill; ${t.acked.size} writes acknowledged`,
    );
    for (const [id, name] of t.acked) all.acked.set(id, name);
    all.ambiguous.push(...t.ambiguous);
    all.unavailable += t.unavailable;
    all.retriedThenAcked += t.retriedThenAcked;
    for (const [k, v] of t.other) all.other.set(k, (all.other.get(k) ?? 0) + v);
    // Both members running, one of them the synchronous standby, before the next round.
    await waitFor('a synchronous standby', 120, async () =>
      (await cluster()).some((m) => m.role === 'sync_standby' && m.state === 'running'),
    );
  }

  // One Baomi node killed under load through HAProxy's HTTP front.
  let nodeKill: { failed: number; unavailable: number; other: Record<string, number>; acked: number } | null =
    null;
  if (!values['skip-node-kill']) {
    const t = newTally();
    const stop = startLoad(session, [FRONT], `${runTag}-node`, t);
    await sleep(STEADY_MS);
    const wrapper = Number(readFileSync(join(LAB, 'baomi2.pid'), 'utf8'));
    const nodePid = Number(
      execFileSync('pgrep', ['-f', '-n', 'baomi.mjs serve --port 58082'], { encoding: 'utf8' }).trim(),
    );
    console.log(
      `kill -9 Baomi node 2 (pid ${nodePid}, under runuser ${wrapper}) under load through HAProxy …`,
    );
    process.kill(nodePid, 'SIGKILL');
    await sleep(STEADY_MS * 2);
    await stop();
    const other = Object.fromEntries(t.other);
    nodeKill = {
      failed: [...t.other.values()].reduce((a, b) => a + b, 0),
      unavailable: t.unavailable,
      other,
      acked: t.acked.size,
    };
    console.log(
      `  ${t.acked.size} writes acknowledged by the surviving node; 503s ${t.unavailable}; other failures ${JSON.stringify(other)}`,
    );
    for (const [id, name] of t.acked) all.acked.set(id, name);
    all.ambiguous.push(...t.ambiguous);
    console.log('  restart it with: scripts/ha-lab.sh start-node 2');
  }

  const lost = await lostAcknowledged([...all.acked.keys()]);
  const dup = await duplicates();
  const audit = auditVerify();
  const otherTotal = [...all.other.values()].reduce((a, b) => a + b, 0);
  console.log('\n=== failover test ===');
  console.log(`rounds: ${rounds.length}`);
  for (const r of rounds) {
    console.log(
      `  #${r.round} ${r.killed}→${r.promoted}: new primary after ${ms(r.promotedAfter)}, no acknowledged write for ${ms(r.outage)}, ` +
        `503s ${r.unavailable}, other failures ${r.other}, old primary a replica after ${ms(r.rejoinedAfter)}`,
    );
  }
  const outages = rounds.map((r) => r.outage);
  if (outages.length) {
    console.log(
      `time without service: median ${ms(outages.sort((a, b) => a - b)[Math.floor(outages.length / 2)]!)}, worst ${ms(Math.max(...outages))}`,
    );
  }
  console.log(`writes acknowledged: ${all.acked.size}; acknowledged writes lost: ${lost.length}`);
  console.log(`requests answered 503 (each retried by the client): ${all.unavailable}`);
  console.log(
    `other failed requests during database failovers: ${otherTotal} ${JSON.stringify([...all.other])}`,
  );
  console.log(
    `writes whose first answer was lost but which had committed (found on retry): ${all.ambiguous.length}`,
  );
  console.log(
    `duplicate records: ${dup.names}; duplicate job runs: ${dup.jobEvents} (job runs recorded: ${dup.jobRuns})`,
  );
  console.log(`audit chain: ${audit.ok ? 'verifies' : 'BROKEN'} — ${audit.output.split('\n').pop()}`);
  if (nodeKill) console.log(`Baomi node killed: ${JSON.stringify(nodeKill)}`);
  const pass = lost.length === 0 && otherTotal === 0 && audit.ok && dup.names === 0 && dup.jobEvents === 0;
  console.log(pass ? 'PASS' : 'FAIL');
  process.exit(pass ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
