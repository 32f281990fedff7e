// Backups of the embedded database: the contract of /api/backups.
import { Bilingual, Nullable, Req, type Static, Str, Timestamp, Type } from './common.ts';

export const Backup = Type.Object({
  /** baomi-YYYYMMDD-HHMMSS[-n].tar.gz */
  name: Type.String(),
  /** Bytes. */
  size: Type.Integer(),
  createdAt: Timestamp,
});
export type Backup = Static<typeof Backup>;

export const BackupList = Type.Object({
  items: Type.Array(Backup),
  /** false on an external PostgreSQL server: back up with pg_dump instead. */
  embedded: Type.Boolean(),
  guidance: Nullable(Bilingual),
});
export type BackupList = Static<typeof BackupList>;

export const BackupParams = Req({ name: Str(80) });
