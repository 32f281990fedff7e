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
