// R-SYS-01 dual control of a business account's password reset: the calls of the two consoles.
import type { PasswordReset, PasswordResetList, ResetConfirmed } from '@baomi/api/accounts.ts';
import { http } from '../../app/api.ts';

export type { PasswordReset } from '@baomi/api/accounts.ts';

const one = (id: string, what: string) => `/accounts/password-resets/${encodeURIComponent(id)}/${what}`;

export const resetApi = {
  /** Pending requests only (the secadmin's list), or with those of the last 30 days (the sysadmin's). */
  list: (pending: boolean) =>
    http.get<PasswordResetList>('/accounts/password-resets', pending ? { pending: true } : {}),
  confirm: (id: string) => http.post<ResetConfirmed>(one(id, 'confirm')),
  reject: (id: string) => http.post<PasswordReset>(one(id, 'reject')),
  withdraw: (id: string) => http.post<PasswordReset>(one(id, 'withdraw')),
};
