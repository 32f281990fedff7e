import type { AuthContext } from '../auth/context.ts';
import type { Db } from '../db/db.ts';

export interface AppDeps {
  db: Db;
  demo: boolean;
  version: string;
  /** Login attempts allowed per client address per window (shared by every node). */
  loginRate: { max: number; windowSeconds: number };
  /** Where backups of the embedded database are written. */
  backupDir: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
