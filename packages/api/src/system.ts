// What the server is: the contract of /api/system (open without a session).
import { Enum, type Static, Type } from './common.ts';

export const DB_KINDS = ['pglite', 'postgres'] as const;

export const SystemInfo = Type.Object({
  name: Type.String(),
  version: Type.String(),
  demo: Type.Boolean(),
  /** The embedded database (PGlite) or a PostgreSQL server. */
  db: Enum(DB_KINDS),
});
export type SystemInfo = Static<typeof SystemInfo>;

/** GET /api/health: the process is alive (liveness; never touches the database). */
export const Health = Type.Object({ status: Type.Literal('ok') });
export type Health = Static<typeof Health>;

/**
 * GET /api/ready: the database answers and its schema is current (readiness, for a load balancer);
 * 503 with the error body otherwise. Nothing else is said (no versions, no host names).
 */
export const Ready = Type.Object({ status: Type.Literal('ready') });
export type Ready = Static<typeof Ready>;
