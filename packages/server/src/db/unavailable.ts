// When the database is away (a failover, a restart, a dropped connection): which errors say so, the
// error Baomi answers with (503, bilingual, Retry-After), and a test seam that injects such faults.
import type { Sql } from './db.ts';

/**
 * SQLSTATEs and socket codes that mean "the connection or the server went away", not "the request
 * was wrong": admin_shutdown, crash_shutdown, cannot_connect_now, the connection_exception class,
 * read_only_sql_transaction (a pooled connection that now reaches a demoted primary, a standby) and
 * the socket errors a dropped TCP connection gives.
 */
const CONNECTION_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '25006',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/** node-postgres' own messages for a connection that ended or never came up (they carry no code). */
const CONNECTION_MESSAGES =
  /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|terminating connection|server closed the connection|Connection ended unexpectedly/i;

/** True when `err` (or its cause) says the database connection was lost or could not be made. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if (e instanceof DatabaseUnavailable) return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The database could not complete a request's work because its connection was lost. `commitSent`:
 * the COMMIT had been sent, so the transaction's outcome is unknown and it was not retried.
 */
export class DatabaseUnavailable extends Error {
  readonly code = 'unavailable';
  constructor(
    readonly commitSent: boolean,
    options?: { cause?: unknown },
  ) {
    super('The database is unavailable; try again', options);
  }
}

/** Seconds a client should wait before retrying a request answered 503 (HTTP Retry-After). */
export const RETRY_AFTER_SECONDS = 2;

/** A retry waits this long first: a failover's new connection rarely succeeds at once. */
export const RETRY_DELAY_MS = Number(process.env.BAOMI_DB_RETRY_DELAY_MS ?? 250);

// ---- Test seam: connection faults on demand (no effect unless a test installs one) ----

/** Where a fault strikes: before a statement is sent, or as the COMMIT is sent. */
export interface FaultPoint {
  /** The statement's text; 'COMMIT' at the commit of a transaction. */
  text: string;
  /** True inside a transaction. */
  inTx: boolean;
  /** The transaction's (or the database's) Sql, for a fault that needs the connection (its backend pid). */
  sql: Sql;
}

/** Returns normally to let the statement run, throws to fail it; may act on the connection first. */
export type FaultInjector = (at: FaultPoint) => Promise<void>;

const injectors = new WeakMap<object, FaultInjector>();

/** Installs (or with null removes) a fault injector on a database; tests only. */
export function injectFaults(db: object, injector: FaultInjector | null): void {
  if (injector) injectors.set(db, injector);
  else injectors.delete(db);
}

export function faultInjectorOf(db: object): FaultInjector | undefined {
  return injectors.get(db);
}

/** An error as node-postgres reports a backend terminated by an administrator (pg_terminate_backend). */
export function adminShutdownError(): Error {
  return Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
  });
}
