// raw SQL: the hash chain appends under a row lock and verifies in sequence order.
// R-SYS-03: the audit trail is an SM3 hash chain. This file is the one audit writer and the verifier.
import { type AuditActorClass, canonicalJson } from '@baomi/domain';
import pg from 'pg';
import {
  type Db,
  databaseOf,
  onAfterCommit,
  onBeforeCommit,
  onDatabaseClose,
  type Sql,
  sendWithCommit,
} from '../db/db.ts';
import { inThreadHasher, sm3Hex, workerHasher } from './hasher.ts';

const { escapeLiteral } = pg;

export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  id: string | null;
  name: string;
  class: AuditActorClass;
  /** The role the actor acted in: an administrator role or a business role. */
  role: string | null;
  orgId: string | null;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', class: 'system', role: null, orgId: null };

export interface AuditInput {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  /** What changed, small and without secrets (never passwords or tokens). */
  summary?: Record<string, unknown>;
}

/**
 * The bytes an event's hash covers, in a fixed order:
 * [seq, atEpochMs, actorId, actorName, actorClass, actorRole, orgId, action, objectType, objectId, summary, ip].
 */
export function eventPayload(seq: number, at: Date, actor: Actor, input: AuditInput): string {
  return canonicalJson([
    seq,
    at.getTime(),
    actor.id,
    actor.name,
    actor.class,
    actor.role,
    actor.orgId,
    input.action,
    input.objectType ?? null,
    input.objectId ?? null,
    input.summary ?? {},
    actor.ip ?? null,
  ]);
}

/** R-SYS-03: hash = SM3(previous hash ‖ "\n" ‖ payload). */
export function chainHash(prevHash: string, payload: string): string {
  return sm3Hex(`${prevHash}\n${payload}`);
}

/** An event's canonical JSON without its sequence number, which the chain assigns at the flush. */
export function eventBody(at: Date, actor: Actor, input: AuditInput): string {
  const withSeq = eventPayload(0, at, actor, input);
  return `[${withSeq.slice(3)}`; // "[0," → "["
}

/** The events a transaction has appended and not yet flushed into the chain. */
const pending = new WeakMap<Sql, string[]>();

/**
 * A transaction only inserts its events into audit_outbox with its change (an event exists iff its
 * change committed); the chainer moves them into the chain moments later, many transactions in one
 * batch (audit_chain_outbox, migrations 0011 and 0019), on PostgreSQL and on the embedded database
 * alike (D51, D68). Chaining inside each transaction held the head lock across every writer's COMMIT
 * on PostgreSQL, and cost the embedded database one more statement per write than the outbox's insert.
 */
async function flush(sql: Sql, bodies: string[]): Promise<void> {
  const db = databaseOf(sql);
  if (!db) {
    // Not a connection of an opened database (never in the server): chain at once.
    await sql.query('SELECT audit_append($1::text[])', [bodies]);
    return;
  }
  // The insert goes with the COMMIT, in one message (D163, D177); outside a transaction it runs here.
  const insert = outboxInsert(bodies);
  if (!sendWithCommit(sql, insert)) await sql.exec(insert);
  if (!onAfterCommit(sql, () => chainerOf(db).wake())) chainerOf(db).wake();
}

/** The outbox insert as one statement without parameters: each body a literal escaped by pg. */
export function outboxInsert(bodies: readonly string[]): string {
  return `INSERT INTO audit_outbox (bodies) VALUES (ARRAY[${bodies.map((b) => escapeLiteral(b)).join(',')}]::text[])`;
}

/**
 * Appends one event in the caller's transaction (R-SYS-03): when the change rolls back, so does
 * its event. The events of a transaction are written together in one statement just before its
 * COMMIT (db.ts onBeforeCommit), into the outbox; the chainer chains them under the head row lock,
 * which serialises the chaining on every node, so the chain never forks. Outside a transaction the
 * event is written at once.
 */
export async function appendAudit(sql: Sql, actor: Actor, input: AuditInput): Promise<void> {
  const body = eventBody(new Date(), actor, input);
  const queue = pending.get(sql);
  if (queue) {
    queue.push(body);
    return;
  }
  const fresh = [body];
  if (
    onBeforeCommit(sql, async () => {
      pending.delete(sql);
      await flush(sql, fresh);
    })
  ) {
    pending.set(sql, fresh);
    return;
  }
  await flush(sql, fresh);
}

/** Transactions chained per statement (each its own short transaction holding the head lock). */
const CHAIN_BATCH = 1000;

/**
 * Chains every committed event waiting in the outbox and returns how many. Readers of the trail call it first (the list, exports, verification,
 * checkpoints, pruning), so what they read is the whole committed trail.
 */
export async function chainPending(sql: Sql): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await sql.query<{ n: number }>('SELECT audit_chain_outbox($1) AS n', [CHAIN_BATCH]);
    const n = Number(rows[0]?.n ?? 0);
    if (n === 0) return total;
    total += n;
  }
}

/** The unchained window: events committed but not yet in the chain, and the oldest one's time. */
export async function unchained(sql: Sql): Promise<{ count: number; oldestAt: Date | null }> {
  const { rows } = await sql.query<{ count: number; oldest: Date | null }>(
    'SELECT coalesce(sum(cardinality(bodies)), 0) AS count, min(created_at) AS oldest FROM audit_outbox',
  );
  return { count: Number(rows[0]?.count ?? 0), oldestAt: rows[0]?.oldest ?? null };
}

/** How often each node sweeps the outbox (events of a node that stopped before chaining them). */
export const CHAIN_SWEEP_MS = 1000;
/**
 * How long a woken chainer waits before it chains: the commits of those milliseconds share one
 * chaining transaction (one WAL flush) instead of one each, which halved the disk work of a single
 * writer. Readers never wait for it: they chain what waits themselves.
 */
export const CHAIN_DELAY_MS = 200;

/**
 * One chainer per database in this process: woken after each commit that put events in the outbox,
 * it chains (CHAIN_DELAY_MS later) until the outbox is empty; wake-ups meanwhile fold into one more
 * round. A sweep every CHAIN_SWEEP_MS chains what another node left behind, so the unchained window
 * stays about a second at most.
 */
class Chainer {
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private idle: Promise<void> = Promise.resolve();
  failures = 0;

  constructor(private readonly db: Db) {}

  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.idle = this.run();
  }

  private async run(): Promise<void> {
    try {
      await new Promise((r) => setTimeout(r, CHAIN_DELAY_MS));
      do {
        this.again = false;
        await chainPending(this.db);
      } while (this.again);
      this.failures = 0;
    } catch {
      // The database is unreachable or shutting down: the sweep tries again.
      this.failures += 1;
    } finally {
      this.running = false;
    }
  }

  /** Starts the periodic sweep (unref'd: it never keeps the process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.wake(), CHAIN_SWEEP_MS);
    this.timer.unref();
    this.wake();
  }

  /** Stops the sweep and waits for a round in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle;
  }
}

const chainers = new WeakMap<Db, Chainer>();

function chainerOf(db: Db): Chainer {
  let c = chainers.get(db);
  if (!c) {
    const made = new Chainer(db);
    // A process that wrote events and closes its database (a CLI command, a server stopping) chains
    // them first, rather than leave them to another node's sweep.
    onDatabaseClose(db, async () => {
      await made.stop();
      await chainPending(db);
    });
    chainers.set(db, made);
    c = made;
  }
  return c;
}

/** Starts this node's chainer sweep (server start); the returned function stops it (server close). */
export function startChainer(db: Db): () => Promise<void> {
  const c = chainerOf(db);
  c.start();
  return () => c.stop();
}

export interface Checkpoint {
  seq: number;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: number | null;
  reason: { zh: string; en: string } | null;
  head: Checkpoint;
  /** Committed events that still waited in the outbox when verification began (chained, then checked). */
  waiting: number;
}

const VERIFY_PAGE = 5000;

/** The stored hash of the page's event at `index` (a page: hash ‖ payload per event, U+001E between). */
function storedHashAt(chunk: string, index: number): string {
  let at = 0;
  for (let i = 0; i < index; i++) at = chunk.indexOf('\u001e', at) + 1;
  return chunk.slice(at, at + 64);
}

/**
 * R-SYS-03: recomputes the whole chain, names the first broken sequence, and checks the head and
 * an optional exported checkpoint, so that a rewritten tail is caught too.
 */
export async function verifyChain(
  sql: Sql,
  checkpoint?: Checkpoint,
  opts: { pageSize?: number; hasher?: 'worker' | 'thread' | 'both' } = {},
): Promise<VerifyResult> {
  const PAGE = opts.pageSize ?? VERIFY_PAGE;
  // Verification covers every committed event: what waits in the outbox is chained first (D51). If
  // that fails (a head rewound by hand), the chain is still checked, and the stranded events named.
  let waiting = 0;
  const chainedAll = await chainPending(sql).then(
    (n) => {
      waiting = n;
      return true;
    },
    () => false,
  );
  const headRow = (await sql.query<Checkpoint>('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0] ?? {
    seq: 0,
    hash: GENESIS_HASH,
  };
  const anchor = (await sql.query<Checkpoint>('SELECT seq, hash FROM audit_anchor ORDER BY seq DESC LIMIT 1'))
    .rows[0];
  let expectedSeq = anchor ? anchor.seq + 1 : 1;
  let prevHash = anchor ? anchor.hash : GENESIS_HASH;
  let checked = 0;
  let checkpointSeen = !checkpoint || (anchor !== undefined && checkpoint.seq <= anchor.seq);
  const broken = (seq: number, zh: string, en: string): VerifyResult => ({
    ok: false,
    checked,
    firstBroken: seq,
    reason: { zh, en },
    head: headRow,
    waiting,
  });
  // Events appended while verifying lie beyond the head read above and are left for the next run.
  // A page arrives as one text, which spares both drivers decoding thousands of rows: per event its
  // hash, then its payload, events separated by U+001E (canonical JSON escapes every control
  // character, so it never holds one raw). The stored prev_hash is not sent: each event is hashed over
  // the hash before it (hasher.ts), which checks its link and its content at once, and only a broken
  // event's prev_hash is read, to say which of the two broke. Each page is bounded on both sides
  // (from ≤ seq < from + PAGE): an open range made a planner without statistics (PGlite never
  // analyses by itself) sort the whole rest of the chain for every page, quadratic in its length.
  const SEP = '\u001e';
  const page = (from: number) => {
    const p = sql.query<{ chunk: string | null; n: number }>(
      `SELECT string_agg(hash || payload, E'\\x1e' ORDER BY seq) AS chunk, count(*) AS n
         FROM (SELECT seq, hash, payload FROM audit_event
                WHERE seq >= $1 AND seq < $2 AND seq <= $3 ORDER BY seq LIMIT ${PAGE}) AS p`,
      [from, from + PAGE, headRow.seq],
    );
    p.catch(() => {}); // a page abandoned by an early return must not become an unhandled rejection
    return p;
  };
  // Pages are hashed in a worker thread when there are several (hasher.ts): while it hashes one page,
  // this thread checks the page's order and reads the next. On PostgreSQL, this thread also hashes the
  // pages that arrive before the worker has started ('both'): the server computes the next page
  // meanwhile. The embedded database runs in this thread, so there hashing here would hold up the
  // next page instead (D180).
  const several = headRow.seq - expectedSeq + 1 > PAGE;
  const dbElsewhere = (databaseOf(sql) ?? (sql as Partial<Db>)).kind === 'postgres';
  const how = opts.hasher ?? (several ? (dbElsewhere ? 'both' : 'worker') : 'thread');
  const hasher = how === 'thread' ? inThreadHasher() : workerHasher({ meanwhileInThread: how === 'both' });
  try {
    let next = page(expectedSeq);
    for (;;) {
      const got = (await next).rows[0];
      const chunk = got?.chunk ?? '';
      const count = got?.chunk == null ? 0 : Number(got.n);
      // Fetch the following page while this one is hashed and checked.
      if (count === PAGE) next = page(expectedSeq + PAGE);
      const firstSeq = expectedSeq;
      const checkedBefore = checked;
      const prevBefore = prevHash;
      const hashed = count > 0 ? hasher.firstBad(chunk, count, prevHash) : Promise.resolve(-1);
      /** What is wrong with the page apart from hashes: the first such event, by its index in the page. */
      let wrong: { at: number; result: VerifyResult } | null = null;
      let at = 0;
      for (let i = 0; i < count && !wrong; i++) {
        const end = i === count - 1 ? chunk.length : chunk.indexOf(SEP, at);
        const seq = firstSeq + i;
        const hash = chunk.slice(at, at + 64);
        if (!chunk.startsWith(`[${seq},`, at + 64)) {
          const found = Number(/^\[(\d+),/.exec(chunk.slice(at + 64, end))?.[1]);
          wrong = {
            at: i,
            result:
              found > seq
                ? broken(seq, `第 ${seq} 条审计记录缺失`, `Audit event ${seq} is missing`)
                : broken(
                    seq,
                    `第 ${seq} 条审计记录内容已被篡改（序号不符）`,
                    `Audit event ${seq} was altered (sequence mismatch)`,
                  ),
          };
        } else if (checkpoint && seq === checkpoint.seq && hash !== checkpoint.hash) {
          // Its own hash and link are checked first (below): an altered event is named as altered.
          wrong = {
            at: i + 0.5,
            result: broken(
              seq,
              `第 ${seq} 条审计记录与导出的检查点不符，日志已被改写`,
              `Audit event ${seq} differs from the exported checkpoint: the trail was rewritten`,
            ),
          };
        } else {
          if (checkpoint && seq === checkpoint.seq) checkpointSeen = true;
          prevHash = hash;
          expectedSeq += 1;
          checked += 1;
        }
        at = end + 1;
      }
      const bad = await hashed;
      if (bad >= 0 && (!wrong || bad < wrong.at)) {
        const seq = firstSeq + bad;
        checked = checkedBefore + bad;
        // The hash before it, as the page holds it, and the prev_hash the event itself stores.
        const before = bad === 0 ? prevBefore : storedHashAt(chunk, bad - 1);
        const own = await sql.query<{ prev_hash: string }>(
          'SELECT prev_hash FROM audit_event WHERE seq = $1',
          [seq],
        );
        if (own.rows[0]?.prev_hash !== before) {
          return broken(
            seq,
            `第 ${seq} 条审计记录的前序哈希与上一条不符`,
            `Audit event ${seq} does not link to the previous event`,
          );
        }
        return broken(
          seq,
          `第 ${seq} 条审计记录内容已被篡改（哈希不符）`,
          `Audit event ${seq} was altered (hash mismatch)`,
        );
      }
      if (wrong) return wrong.result;
      if (count < PAGE) {
        // A short page before the head: events after a removed stretch still exist — missing, not a cut tail.
        if (expectedSeq <= headRow.seq) {
          const later = await sql.query<{ seq: number | null }>(
            'SELECT min(seq) AS seq FROM audit_event WHERE seq >= $1 AND seq <= $2',
            [expectedSeq, headRow.seq],
          );
          if (later.rows[0]?.seq != null) {
            return broken(
              expectedSeq,
              `第 ${expectedSeq} 条审计记录缺失`,
              `Audit event ${expectedSeq} is missing`,
            );
          }
        }
        break;
      }
    }
  } finally {
    await hasher.close();
  }
  const lastSeq = expectedSeq - 1;
  if (headRow.seq !== lastSeq || headRow.hash !== prevHash) {
    return broken(
      Math.min(headRow.seq, lastSeq) + 1,
      `审计链头（第 ${headRow.seq} 条）与记录不符，末尾记录可能被删除`,
      `The chain head (event ${headRow.seq}) does not match the events: the tail may have been removed`,
    );
  }
  if (!chainedAll) {
    const left = await unchained(sql);
    if (left.count > 0) {
      return broken(
        headRow.seq + 1,
        `有 ${left.count} 条已提交的审计记录无法接入审计链`,
        `${left.count} committed audit events cannot be chained`,
      );
    }
  }
  if (!checkpointSeen && checkpoint) {
    return broken(
      checkpoint.seq,
      `检查点所指的第 ${checkpoint.seq} 条审计记录不存在`,
      `The checkpoint's audit event ${checkpoint.seq} does not exist`,
    );
  }
  return { ok: true, checked, firstBroken: null, reason: null, head: headRow, waiting };
}
