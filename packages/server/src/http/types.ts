import type { AuthContext } from '../auth/context.ts';
import type { SecretKey } from '../auth/secret-key.ts';
import type { Db } from '../db/db.ts';

export interface AppDeps {
  db: Db;
  demo: boolean;
  version: string;
  /** Login attempts allowed per client address per window (shared by every node). */
  loginRate: { max: number; windowSeconds: number };
  /** Where backups of the embedded database are written. */
  backupDir: string | null;
  /** R-SYS-02: the key of second-factor secrets (default: one random key per process, for tests). */
  secretKey?: SecretKey;
  /**
   * The clock of TOTP steps (default Date.now). In-process only: tests step it so that one account
   * can sign in several times within 30 s under the accepted-once rule; never set from env or CLI.
   */
  totpClock?: () => number;
  /** WebAuthn relying party origin (BAOMI_ORIGIN); null: the origin each request came to. */
  origin?: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
