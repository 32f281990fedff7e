// raw SQL: job claims (job_run) and housekeeping deletes across every node.
// Background jobs run once per period across every node: the first node to claim (name, period)
// in job_run runs it; the others see the row and skip. No in-memory state decides anything.
import { hostname } from 'node:os';
import { appendAudit, SYSTEM_ACTOR } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { todayInChina } from '../kit/today.ts';

export interface Job {
  name: string;
  /** The period key for `now`, e.g. '2026-11-22T08' for an hourly job. */
  period: (now: Date) => string;
  run: (sql: Sql, now: Date) => Promise<Record<string, unknown>>;
  /** Runs only on this kind of database (e.g. housekeeping that PostgreSQL's autovacuum already does). */
  only?: Db['kind'];
  /** Work that cannot run in a transaction (VACUUM), done after the claimed run has committed. */
  afterCommit?: (db: Db) => Promise<void>;
  /**
   * Heavy maintenance that waits for the scheduler's second tick (a minute after start) instead of
   * running as the server opens, when it would hold up the first requests (D173).
   */
  notAtStart?: boolean;
}

const NODE = `${hostname()}:${process.pid}`;

/** Claims and runs one job for the current period; returns its result, or null if another node had it. */
export async function runJobOnce(
  db: Db,
  job: Job,
  now = new Date(),
): Promise<Record<string, unknown> | null> {
  if (job.only && job.only !== db.kind) return null;
  const period = job.period(now);
  const result = await db.tx(async (sql) => {
    const claimed = await sql.query(
      'INSERT INTO job_run (name, period, node) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING name',
      [job.name, period, NODE],
    );
    if (claimed.rowCount === 0) return null;
    const result = await job.run(sql, now);
    await sql.query('UPDATE job_run SET finished_at = now(), result = $3 WHERE name = $1 AND period = $2', [
      job.name,
      period,
      JSON.stringify(result),
    ]);
    await appendAudit(sql, SYSTEM_ACTOR, {
      action: `job.${job.name}`,
      objectType: 'job',
      objectId: period,
      summary: result,
    });
    return result;
  });
  if (result !== null && job.afterCommit) await job.afterCommit(db);
  return result;
}

export const hourly = (now: Date) => now.toISOString().slice(0, 13);

/** Sessions past the idle timeout and stale rate-limit windows are removed hourly. */
export const cleanupJob: Job = {
  name: 'cleanup',
  period: hourly,
  async run(sql) {
    const sessions = await sql.query(
      `DELETE FROM session WHERE last_seen_at < now() - make_interval(mins => coalesce(
         (SELECT (value->>'idleMinutes')::integer FROM setting WHERE key = 'security'), 30))`,
    );
    const counters = await sql.query(
      "DELETE FROM rate_counter WHERE window_start < now() - interval '1 day'",
    );
    // R-SYS-02: second-factor steps and WebAuthn challenges past their few minutes.
    const steps = await sql.query('DELETE FROM signin_pending WHERE expires_at < now()');
    await sql.query('DELETE FROM webauthn_challenge WHERE expires_at < now()');
    return {
      sessions: sessions.rowCount,
      rateCounters: counters.rowCount,
      ...(steps.rowCount > 0 ? { secondFactorSteps: steps.rowCount } : {}),
    };
  },
};

/**
 * Rows ANALYZE samples per table on the embedded database: 300 × this. The sample lives in PGlite's
 * WebAssembly memory, whose pages stay resident once touched: with PostgreSQL's default (100, 30,000
 * rows) the day's ANALYZE of 200k ledger items left the server ≈ 36 MB larger for the rest of its
 * life, with 30 ≈ 12 MB (D178). 30 still keeps 30 most common values and 30 histogram buckets a
 * column: enough for the plans of one organisation's ledgers (PostgreSQL's default was 10 until 8.4).
 */
export const EMBEDDED_STATISTICS_TARGET = 30;

/** The embedded database's ANALYZE, in the caller's transaction (the job's; the bench's). */
export async function analyzeEmbedded(sql: Sql): Promise<void> {
  await sql.exec(`SET LOCAL default_statistics_target = ${EMBEDDED_STATISTICS_TARGET}; ANALYZE`);
}

/**
 * The embedded database has no autovacuum, so nothing ever gathered planner statistics: every
 * query was planned as if each table were empty. Once a day (by the date in China, so a server that
 * runs through the night does it just after midnight) ANALYZE in the job's transaction, then VACUUM
 * after it (VACUUM cannot run in a transaction; it sets the visibility map, which lets the ledgers'
 * covering indexes answer pages and counts alone, D50) — what PostgreSQL's autovacuum does. Not at
 * the first tick: at 200k ledger items the two take seconds, during which the embedded database
 * answers nothing else (D173).
 */
export const analyzeJob: Job = {
  name: 'analyze',
  period: (now) => todayInChina(now),
  only: 'pglite',
  notAtStart: true,
  async run(sql) {
    const started = performance.now();
    await analyzeEmbedded(sql);
    return { ms: Math.round(performance.now() - started) };
  },
  async afterCommit(db) {
    // Statistics were gathered in the transaction above: VACUUM (ANALYZE) would sample every table twice.
    await db.exec('VACUUM');
  },
};

/** The jobs a scheduler tick runs: at the first tick (as the server starts) not those marked notAtStart. */
export function jobsForTick(jobs: readonly Job[], first: boolean): Job[] {
  return first ? jobs.filter((j) => !j.notAtStart) : [...jobs];
}

export function startScheduler(db: Db, jobs: readonly Job[], everyMs = 60_000): () => void {
  let running = false;
  let first = true;
  const tick = async () => {
    if (running) return;
    running = true;
    const due = jobsForTick(jobs, first);
    first = false;
    try {
      for (const job of due) await runJobOnce(db, job);
    } catch (e) {
      console.error('job failed', e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
