// raw SQL: the Sql/Db interface itself.
// One database dialect: PostgreSQL. Embedded PGlite by default, a real server when DATABASE_URL is set.
import { fsyncSync, mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { pgcryptoOnFirstUse } from './pgcrypto.ts';
import {
  DatabaseUnavailable,
  type FaultInjector,
  faultInjectorOf,
  isConnectionError,
  RETRY_DELAY_MS,
} from './unavailable.ts';

export type Row = Record<string, unknown>;

/** Work a transaction runs last, just before its COMMIT (the audit chain's flush), in order. */
const beforeCommit = new WeakMap<Sql, (() => Promise<void>)[]>();
/**
 * Statements (no parameters) a transaction sends in one message with its COMMIT, after its
 * before-commit hooks: the audit outbox's insert, without a round trip of its own (D163; the embedded
 * database too since D177).
 */
const withCommit = new WeakMap<Sql, string[]>();
/** Work to start once a transaction has committed (the audit chainer's wake-up), in order. */
const afterCommit = new WeakMap<Sql, (() => void)[]>();
/** Work to finish before a database closes (the audit chainer's last round), in order. */
const closers = new WeakMap<Db, (() => Promise<void>)[]>();

/** Runs `fn` when `db` is closed, before its connections end; errors are ignored. */
export function onDatabaseClose(db: Db, fn: () => Promise<void>): void {
  const list = closers.get(db) ?? [];
  list.push(fn);
  closers.set(db, list);
}

async function runClosers(db: Db): Promise<void> {
  for (const fn of closers.get(db) ?? []) await fn().catch(() => {});
  closers.delete(db);
}

/** The database a transaction belongs to (the database itself maps to itself). */
const owners = new WeakMap<Sql, Db>();

/**
 * Runs `fn` just before the transaction `sql` commits (in the transaction; an error rolls it back).
 * Returns false when `sql` is not a transaction (nothing registered).
 */
export function onBeforeCommit(sql: Sql, fn: () => Promise<void>): boolean {
  const hooks = beforeCommit.get(sql);
  if (!hooks) return false;
  hooks.push(fn);
  return true;
}

/**
 * Sends `statement` (complete SQL, literals escaped, no parameters) in the same message as the COMMIT
 * of the transaction `sql` (PostgreSQL or the embedded database): it runs last in the transaction, and
 * an error in it rolls the transaction back like any other. Returns false (nothing registered) when
 * `sql` is not a transaction: the caller then runs the statement itself.
 */
export function sendWithCommit(sql: Sql, statement: string): boolean {
  const list = withCommit.get(sql);
  if (!list) return false;
  list.push(statement);
  return true;
}

/**
 * Calls `fn` once the transaction `sql` has committed; nothing when it rolls back. `fn` must not
 * throw and is not awaited: the caller's answer does not wait for it. Returns false when `sql` is not
 * a transaction.
 */
export function onAfterCommit(sql: Sql, fn: () => void): boolean {
  const hooks = afterCommit.get(sql);
  if (!hooks) return false;
  hooks.push(fn);
  return true;
}

/** The database `sql` runs on: itself, or the database of the transaction `sql`. */
export function databaseOf(sql: Sql): Db | undefined {
  return owners.get(sql);
}

/**
 * Calls `fn` with a transaction's Sql, then its before-commit hooks (hooks may add hooks). Returns the
 * result and the after-commit hooks, which the caller runs once its COMMIT has succeeded.
 */
async function inTransaction<T>(
  db: Db,
  sql: Sql,
  fn: (sql: Sql) => Promise<T>,
): Promise<{ out: T; after: (() => void)[] }> {
  const hooks: (() => Promise<void>)[] = [];
  const after: (() => void)[] = [];
  beforeCommit.set(sql, hooks);
  afterCommit.set(sql, after);
  owners.set(sql, db);
  try {
    const out = await fn(sql);
    for (let i = 0; i < hooks.length; i++) await hooks[i]!();
    return { out, after };
  } finally {
    beforeCommit.delete(sql);
    afterCommit.delete(sql);
  }
}

/** Whether a transaction attempt had sent its COMMIT (after that, its outcome is unknown). */
interface Attempt {
  commitSent: boolean;
}

/**
 * Runs a transaction attempt; when it fails with a connection error before its COMMIT was sent
 * (nothing of it can have been written), runs it once more on a new connection. A connection error
 * after the COMMIT was sent, or on the second attempt, becomes DatabaseUnavailable (503): the work is
 * never run twice when it may have committed once.
 */
async function withOneRetry<T>(attempt: (a: Attempt) => Promise<T>): Promise<T> {
  const first: Attempt = { commitSent: false };
  try {
    return await attempt(first);
  } catch (e) {
    if (!isConnectionError(e)) throw e;
    if (first.commitSent) throw new DatabaseUnavailable(true, { cause: e });
  }
  await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
  const second: Attempt = { commitSent: false };
  try {
    return await attempt(second);
  } catch (e) {
    if (isConnectionError(e)) throw new DatabaseUnavailable(second.commitSent, { cause: e });
    throw e;
  }
}

/** Runs the database's fault injector (tests only) before a statement. */
async function fault(db: Db, text: string, sql: Sql, inTx: boolean): Promise<void> {
  const inject: FaultInjector | undefined = faultInjectorOf(db);
  if (inject) await inject({ text, sql, inTx });
}

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything that runs SQL: the database or a transaction. */
export interface Sql {
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; a thrown error rolls everything back (audit events included). */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * LISTEN on a channel. `onNotify` gets each payload; `onReset` is called when notifications may
   * have been missed (connection lost), so that a cache can drop everything. Returns the unlisten.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onReset?: () => void,
  ): Promise<() => Promise<void>>;
  /** The embedded database only: a consistent tar.gz (or plain tar) of the data directory. */
  dump?(compression?: 'gzip' | 'none'): Promise<Uint8Array>;
}

// int8 (count(*), bigserial) as JS numbers: audit sequences stay far below 2^53.
const INT8 = 20;
// date as its 'YYYY-MM-DD' text on both drivers (pg would give a Date at local midnight, PGlite at UTC
// midnight); the generated schema types say string.
const DATE = 1082;
const asText = (s: string) => s;

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; 'memory://' (or undefined with no URL) for a throw-away database. */
  dataDir?: string;
  poolSize?: number;
  /** The embedded database only: start from this data directory (a tar from `dump`) instead of initdb. */
  loadDataDir?: Blob;
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

/**
 * Durable PGlite. PGlite starts PostgreSQL with `-F` (fsync off) and its Node file system has no
 * fsync: a commit reached the operating system but not the disk, so a power loss could lose
 * acknowledged writes, audit events included. On a data directory Baomi starts it without `-F`, with
 * `wal_sync_method=fsync` (PGlite's fdatasync is a no-op) and gives the Node file system an fsync, so
 * every COMMIT is on disk before it is acknowledged, like PostgreSQL's defaults. BAOMI_PGLITE_FSYNC=off
 * restores the old behaviour (tests on throw-away directories; never for real data).
 */
/**
 * Memory: PGlite keeps PostgreSQL's default shared_buffers (128 MB) inside its WebAssembly memory, all
 * of it resident; one embedded connection needs far less (the operating system caches the files too).
 * 32 MB cut an idle server's resident memory by ≈ 70 MB, 16 MB by ≈ 35 MB more (D47): the operating system caches
 * the files as well, so a miss costs a copy, not a disk read.
 */
const MEMORY_PARAMS = ['-c', 'shared_buffers=16MB'];

const DURABLE_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
  ...MEMORY_PARAMS,
];
const FAST_PARAMS = [...PGlite.defaultStartParams, ...MEMORY_PARAMS];

interface NodeFsStream {
  nfd?: number;
}
interface MountedFs {
  FS: { lookupPath(path: string): { node: { mount: { type: { stream_ops: Record<string, unknown> } } } } };
  ENV: Record<string, string>;
}

/** Gives PGlite's Node file system (Emscripten NODEFS) a real fsync; returns the count of syncs. */
function installFsync(lite: PGlite): () => number {
  const mod = (lite as unknown as { mod?: MountedFs }).mod;
  if (!mod) throw new Error('PGlite internals changed: cannot make the embedded database durable');
  const ops = mod.FS.lookupPath(mod.ENV.PGDATA ?? '/pglite/data').node.mount.type.stream_ops;
  let syncs = 0;
  ops.fsync = (stream: NodeFsStream) => {
    if (stream.nfd !== undefined) fsyncSync(stream.nfd);
    syncs += 1;
    return 0;
  };
  return () => syncs;
}

/**
 * Runs callers one at a time, in order; a caller that fails does not stop the next. The embedded
 * database has one connection: a transaction must not interleave with another caller's statements.
 */
function serialise(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn);
    tail = run.catch(() => {});
    return run;
  };
}

/** The embedded database's one session: PGlite's statements, and an end before the database closes. */
interface Session {
  readonly tx: Transaction;
  end(): Promise<void>;
}

/**
 * Opens the session every statement of the embedded database runs on (D177). PGlite runs a statement
 * given to `lite.query` under two locks and checks, which cost ≈ 35 µs each time, and its
 * `transaction()` always sends a COMMIT of its own, so a statement cannot go with the COMMIT. The
 * session is one PGlite transaction() kept open for the database's life, its BEGIN committed at
 * once: its statements take the cheaper path, and Baomi sends BEGIN and COMMIT itself (`serialise`
 * keeps callers apart). Nothing else may use `lite` while it is open (its lock is held); `end` lets
 * PGlite's transaction() finish, committing an empty transaction.
 */
async function openSession(lite: PGlite): Promise<Session> {
  let finish!: () => void;
  const finished = new Promise<void>((r) => {
    finish = r;
  });
  let running!: Promise<void>;
  const t = await new Promise<Transaction>((resolve, reject) => {
    running = lite.transaction(async (tx) => {
      await tx.exec('COMMIT');
      resolve(tx);
      await finished;
      await tx.exec('BEGIN');
    });
    running.catch(reject);
  });
  return {
    tx: t,
    async end() {
      finish();
      await running;
    },
  };
}

/**
 * A COMMIT answered ROLLBACK: the transaction had failed (a statement's error caught and ignored by
 * the caller) and nothing of it was written. Never reported as success.
 */
export function assertCommitted(command: string | undefined): void {
  if (command === 'ROLLBACK') throw new Error('COMMIT rolled back: the transaction had failed');
}

export const pgliteDurable = () => process.env.BAOMI_PGLITE_FSYNC !== 'off';

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Db> {
  const dir = dataDir && dataDir !== 'memory://' ? dataDir : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const durable = Boolean(dir) && pgliteDurable();
  const lite = await PGlite.create(dir ?? 'memory://', {
    parsers: { [INT8]: Number, [DATE]: asText },
    extensions: { pgcrypto: pgcryptoOnFirstUse },
    startParams: durable ? DURABLE_PARAMS : FAST_PARAMS,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  if (durable) {
    const syncs = installFsync(lite);
    // A commit that writes WAL must reach fsync; if PGlite ever changes its file system, say so.
    await lite.exec(
      'BEGIN; CREATE TEMP TABLE baomi_fsync_probe (x int); DROP TABLE baomi_fsync_probe; COMMIT;',
    );
    if (syncs() === 0) {
      console.warn(
        'Baomi: the embedded database could not confirm durable commits (fsync) / 无法确认嵌入式数据库落盘',
      );
    }
  }
  const session = await openSession(lite);
  const { tx: conn } = session;
  // One caller at a time: a transaction holds the embedded database from its BEGIN to its COMMIT.
  const exclusive = serialise();
  /** Statements on the session; in a transaction, refused once it has ended (as PGlite's own were). */
  const wrap = (inTx: boolean, ended: () => boolean = () => false): Sql => {
    const open = () => {
      if (ended()) throw new Error('Transaction is closed');
    };
    const self: Sql = {
      async query<T>(text: string, params?: readonly unknown[]) {
        open();
        await fault(db, text, self, inTx);
        const r = await conn.query<T>(text, params as unknown[] | undefined);
        // Like pg: a statement that returns rows counts its rows (PGlite reports affectedRows 0 for a SELECT).
        return { rows: r.rows, rowCount: r.fields.length > 0 ? r.rows.length : (r.affectedRows ?? 0) };
      },
      async exec(text: string) {
        open();
        await fault(db, text, self, inTx);
        await conn.exec(text);
      },
    };
    return self;
  };
  const outside = wrap(false);
  /**
   * A statement outside a transaction runs on the one session: if it left a transaction block open
   * (an `exec` of 'BEGIN; …' that failed half-way), the next caller would run inside it. Rolled back
   * at once, and an error when the statement itself had succeeded.
   */
  const alone = async <T>(run: () => Promise<T>): Promise<T> => {
    let out: T;
    try {
      out = await run();
    } catch (e) {
      if (lite.isInTransaction()) await conn.exec('ROLLBACK');
      throw e;
    }
    if (lite.isInTransaction()) {
      await conn.exec('ROLLBACK');
      throw new Error('A statement outside a transaction left one open: rolled back');
    }
    return out;
  };
  const db: Db = {
    kind: 'pglite',
    query: (text, params) => exclusive(() => alone(() => outside.query(text, params))),
    exec: (text) => exclusive(() => alone(() => outside.exec(text))),
    /**
     * Baomi runs the embedded database's transactions itself, not through PGlite's transaction(),
     * which sends its own COMMIT: the statements registered with sendWithCommit (the audit outbox's
     * insert) go in one message with the COMMIT, as on PostgreSQL (D163, D177) — one round trip into
     * the database fewer per audited write.
     */
    tx: (fn) =>
      withOneRetry((attempt) =>
        exclusive(async () => {
          let ended = false;
          const sql = wrap(true, () => ended);
          const last: string[] = [];
          withCommit.set(sql, last);
          await conn.exec('BEGIN');
          try {
            const { out, after } = await inTransaction(db, sql, fn);
            withCommit.delete(sql);
            attempt.commitSent = true;
            await fault(db, 'COMMIT', sql, true);
            // One message: the statements, then the COMMIT, which an error in any of them skips.
            const results = await conn.exec(last.length === 0 ? 'COMMIT' : `${last.join(';\n')};\nCOMMIT`);
            ended = true;
            assertCommitted(results.at(-1)?.command);
            for (const h of after) h();
            return out;
          } catch (e) {
            if (!ended) {
              ended = true;
              await conn.exec('ROLLBACK').catch(() => {});
            }
            throw e;
          }
        }),
      ),
    async close() {
      await runClosers(db);
      await exclusive(() => session.end());
      await lite.close();
    },
    // LISTEN, UNLISTEN and the dump run their own statements: never inside another caller's transaction.
    listen: async (channel, onNotify) => {
      const unlisten = await exclusive(() => conn.listen(channel, onNotify));
      return () => exclusive(() => unlisten(conn));
    },
    dump: (compression = 'gzip') =>
      exclusive(async () => new Uint8Array(await (await lite.dumpDataDir(compression)).arrayBuffer())),
  };
  owners.set(db, db);
  return db;
}

async function openPostgres(url: string, max: number): Promise<Db> {
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === INT8
        ? Number
        : oid === DATE
          ? asText
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  // Dead connections leave the pool: an idle one that errors is removed by pg-pool, a checked-out one
  // that failed is destroyed on release (release(err)); a connection attempt that hangs (a failover
  // behind the load balancer) gives up after a few seconds instead of holding the request.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: Number(process.env.BAOMI_DB_CONNECT_TIMEOUT_MS ?? 5000),
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // A dropped idle connection must not crash the process.
  pool.on('error', () => {});
  const run = async <T>(c: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => {
    const r = await c.query(text, params as unknown[] | undefined);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  };
  // pg-pool listens for errors of idle connections only: a checked-out connection that the server
  // terminates between two statements would emit an unhandled 'error' and end the process. While
  // checked out, the error is ignored here; the next statement on it fails and the caller sees that.
  const ignore = () => {};
  const acquire = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    client.on('error', ignore);
    return client;
  };
  /** Back to the pool, or destroyed when it failed with a connection error (never reused). */
  const release = (client: pg.PoolClient, failed: unknown) => {
    client.removeListener('error', ignore);
    client.release(isConnectionError(failed) ? (failed as Error) : undefined);
  };
  /** A pooled connection; a failure to connect is retried once (nothing was sent yet). */
  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await acquire();
    } catch (e) {
      if (!isConnectionError(e)) throw e;
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      try {
        return await acquire();
      } catch (e2) {
        throw isConnectionError(e2) ? new DatabaseUnavailable(false, { cause: e2 }) : e2;
      }
    }
  };
  /**
   * One statement outside a transaction (or several without parameters: `exec`): it autocommits, so
   * a connection error is not retried.
   */
  const single = async <T>(text: string, params: readonly unknown[] | undefined, multi = false) => {
    const client = await connect();
    let failed: unknown;
    try {
      await fault(db, text, db, false);
      if (multi) {
        await client.query(text);
        return { rows: [], rowCount: 0 };
      }
      return await run<T>(client, text, params);
    } catch (e) {
      failed = e;
      throw isConnectionError(e) ? new DatabaseUnavailable(true, { cause: e }) : e;
    } finally {
      release(client, failed);
    }
  };
  await run(pool, 'select 1');
  const db: Db = {
    kind: 'postgres',
    query: (text, params) => single(text, params),
    tx: (fn) =>
      withOneRetry(async (attempt) => {
        const client = await connect();
        let failed: unknown;
        const sql: Sql = {
          query: async (text, params) => {
            await fault(db, text, sql, true);
            return run(client, text, params);
          },
          exec: async (text) => {
            await fault(db, text, sql, true);
            await client.query(text);
          },
        };
        const last: string[] = [];
        withCommit.set(sql, last);
        try {
          await client.query('BEGIN');
          const { out, after } = await inTransaction(db, sql, fn);
          withCommit.delete(sql);
          attempt.commitSent = true;
          await fault(db, 'COMMIT', sql, true);
          // One message (simple query protocol): the statements, then the COMMIT, which an error in
          // any of them skips; the ROLLBACK below then ends the failed transaction.
          const done: pg.QueryResult | pg.QueryResult[] = await client.query(
            last.length === 0 ? 'COMMIT' : `${last.join(';\n')};\nCOMMIT`,
          );
          assertCommitted((Array.isArray(done) ? done.at(-1) : done)?.command);
          for (const h of after) h();
          return out;
        } catch (e) {
          failed = e;
          if (!isConnectionError(e)) await client.query('ROLLBACK').catch(() => {});
          throw e;
        } finally {
          // A connection that failed is destroyed, never handed to the next request.
          release(client, failed);
        }
      }),
    exec: async (text) => {
      await single(text, undefined, true);
    },
    async close() {
      await runClosers(db);
      await pool.end();
    },
    listen: (channel, onNotify, onReset) => listenPostgres(url, types, channel, onNotify, onReset),
  };
  owners.set(db, db);
  return db;
}

/** A LIKE/ILIKE pattern matching `text` anywhere, with its wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reconnection delays of the LISTEN connection: 0.5 s doubling to 15 s, with jitter. */
export function listenBackoff(attempt: number): number {
  const base = Math.min(15_000, 500 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * A dedicated connection for LISTEN that reconnects, with backoff and without end, when it drops
 * (an error or the server closing it, as in a failover), and reports a reset each time: notifications
 * sent while it was away are lost, so a cache drops everything.
 */
async function listenPostgres(
  url: string,
  types: pg.ClientConfig['types'],
  channel: string,
  onNotify: (payload: string) => void,
  onReset?: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect().catch(() => {
        failures += 1;
        onReset?.();
        retry();
      });
    }, listenBackoff(failures));
    timer.unref();
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      types,
      keepAlive: true,
      connectionTimeoutMillis: Number(process.env.BAOMI_DB_CONNECT_TIMEOUT_MS ?? 5000),
    });
    let lost = false;
    const drop = () => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      onReset?.();
      c.end().catch(() => {});
      retry();
    };
    c.on('notification', (m) => {
      if (m.channel === channel) onNotify(m.payload ?? '');
    });
    c.on('error', drop);
    c.on('end', () => {
      if (!closed) drop();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (e) {
      lost = true;
      c.removeAllListeners('end');
      c.end().catch(() => {});
      throw e;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    failures = 0;
    onReset?.();
  };
  await connect();
  return async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => {});
  };
}
