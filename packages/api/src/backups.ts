// Backups of the embedded database: the contract of /api/backups. Backups are encrypted (SM4, the
// data keys wrapped for an SM2 public key); the private key is protected by a passphrase that the
// security-secrecy administrator sets and the system administrator never sees (R-SYS-01).
import { Bilingual, Nullable, Req, type Static, Str, Timestamp, Type } from './common.ts';

export const Backup = Type.Object({
  /** baomi-YYYYMMDD-HHMMSS[-n].sm4 (encrypted) or, from before encryption, …tar.gz (not served). */
  name: Type.String(),
  /** Bytes. */
  size: Type.Integer(),
  createdAt: Timestamp,
  /** false: an unencrypted backup made before backups were encrypted; listed, never served. */
  encrypted: Type.Boolean(),
  /** The fingerprint of the backup key it was encrypted for (null when unencrypted or unreadable). */
  fingerprint: Nullable(Type.String()),
});
export type Backup = Static<typeof Backup>;

/** What anyone managing backups may know about the backup key: never the key or the passphrase. */
export const BackupKeyStatus = Type.Object({
  set: Type.Boolean(),
  /** SM3 of the SM2 public key (DER), 64 hex digits. */
  fingerprint: Nullable(Type.String()),
  setAt: Nullable(Timestamp),
  /** Bilingual description of the scheme, e.g. SM2 + SM4-CTR + HMAC-SM3. */
  algorithm: Type.String(),
});
export type BackupKeyStatus = Static<typeof BackupKeyStatus>;

export const BackupList = Type.Object({
  items: Type.Array(Backup),
  /** false on an external PostgreSQL server: back up with pg_dump instead. */
  embedded: Type.Boolean(),
  guidance: Nullable(Bilingual),
  key: BackupKeyStatus,
});
export type BackupList = Static<typeof BackupList>;

export const BackupParams = Req({ name: Str(80) });

/**
 * PUT /api/backups/key (security-secrecy administrator only). Each setting makes a new SM2 key pair;
 * when a key is set, the current passphrase is required (`currentPassphrase`) unless
 * `replaceForgotten` is true — then backups made under the old key can no longer be restored.
 */
export const SetBackupKeyBody = Req({
  passphrase: Type.String({ minLength: 1, maxLength: 256 }),
  currentPassphrase: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  replaceForgotten: Type.Optional(Type.Boolean()),
});
export type SetBackupKeyBody = Static<typeof SetBackupKeyBody>;

export const BACKUP_PASSPHRASE_MIN = 12;

/**
 * The backup passphrase rule, shared by the server and the web form: at least 12 characters and at
 * least three kinds of lower-case letters, upper-case letters, digits and other characters (an
 * encrypted backup can be attacked offline, so the rule is stricter than the sign-in rule).
 * Returns null when the passphrase is acceptable.
 */
export function backupPassphraseProblem(p: string): Bilingual | null {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(p)).length;
  if ([...p].length < BACKUP_PASSPHRASE_MIN || kinds < 3) {
    return {
      zh: `备份口令至少 ${BACKUP_PASSPHRASE_MIN} 个字符，并包含小写字母、大写字母、数字、其他字符中的至少三类`,
      en: `The backup passphrase needs at least ${BACKUP_PASSPHRASE_MIN} characters of at least three kinds (lower case, upper case, digits, other)`,
    };
  }
  return null;
}
