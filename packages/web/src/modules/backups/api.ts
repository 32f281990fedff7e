// The backup key's endpoints (server: packages/server/src/backups). The types come from the contract.
import type { BackupKeyStatus, SetBackupKeyBody } from '@baomi/api/backups.ts';
import { http } from '../../app/api.ts';

export type { BackupKeyStatus } from '@baomi/api/backups.ts';

export const backupKeyApi = {
  status: () => http.get<BackupKeyStatus>('/backups/key'),
  set: (b: SetBackupKeyBody) => http.put<BackupKeyStatus>('/backups/key', b),
};

/** The first 32 hex digits of an SM3 fingerprint, in groups of four: enough to compare by eye. */
export const shortFingerprint = (fp: string) => fp.slice(0, 32).replace(/(.{4})(?=.)/g, '$1 ');
