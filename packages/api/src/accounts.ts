// Accounts (账号): the contract of /api/accounts. Administrator roles are a domain concept
// (ADMIN_ROLES and their labels in @baomi/domain).
import { ADMIN_ROLES } from '@baomi/domain';
import {
  Enum,
  Nullable,
  NullableUuid,
  Page,
  Paging,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from './common.ts';

/** Limits shared by the schema, the form and the database (account.*). */
export const LIMITS = { username: 64, displayName: 100, q: 100 } as const;
/** Letters, digits, `_`, `.` and `-`, 2 to 64 of them. */
export const USERNAME_PATTERN = '^[A-Za-z0-9_.-]{2,64}$';

export const AccountsQuery = Req({ q: Type.Optional(Type.String({ maxLength: LIMITS.q })), ...Paging });
export type AccountsQuery = Static<typeof AccountsQuery>;

export const AccountCreate = Req({
  username: Str(LIMITS.username, 2, { pattern: USERNAME_PATTERN }),
  displayName: Str(LIMITS.displayName),
  personId: Type.Optional(NullableUuid),
});
export type AccountCreate = Static<typeof AccountCreate>;

export const Account = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  adminRole: Nullable(Enum(ADMIN_ROLES)),
  personId: Nullable(Uuid),
  personName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(Timestamp),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Account = Static<typeof Account>;
export const AccountPage = Page(Account);
export type AccountPage = Static<typeof AccountPage>;

/** A new account and the one-time password to hand over (shown once, never stored in clear). */
export const OneTimePassword = Type.Object({ oneTimePassword: Type.String() });
export type OneTimePassword = Static<typeof OneTimePassword>;

// R-SYS-01 dual control of a business account's password reset (docs/decisions.md): the system
// administrator asks, the security-secrecy administrator confirms; each is shown one half of the
// one-time password once, and no API ever returns a half again.
export const RESET_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn', 'expired'] as const;
export type ResetStatus = (typeof RESET_STATUSES)[number];
/** 'initial': a new business account's first password; 'reset': a reset of an existing one. */
export const RESET_KINDS = ['initial', 'reset'] as const;
export type ResetKind = (typeof RESET_KINDS)[number];

/** An administrator as a reset request names him. */
export const ResetActor = Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String() });
export type ResetActor = Static<typeof ResetActor>;

export const PasswordReset = Type.Object({
  id: Uuid,
  accountId: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  kind: Enum(RESET_KINDS),
  status: Enum(RESET_STATUSES),
  requestedBy: ResetActor,
  requestedAt: Timestamp,
  expiresAt: Timestamp,
  decidedBy: Nullable(ResetActor),
  decidedAt: Nullable(Timestamp),
});
export type PasswordReset = Static<typeof PasswordReset>;
export const PasswordResetList = Type.Object({ items: Type.Array(PasswordReset) });
export type PasswordResetList = Static<typeof PasswordResetList>;

export const PasswordResetsQuery = Req({
  /** Pending requests only (the security-secrecy administrator's list); otherwise the last 30 days too. */
  pending: Type.Optional(Type.Boolean()),
});
export type PasswordResetsQuery = Static<typeof PasswordResetsQuery>;

/** The request and the first half of the one-time password, shown once to the system administrator. */
export const ResetRequested = Type.Object({ reset: PasswordReset, firstHalf: Type.String() });
export type ResetRequested = Static<typeof ResetRequested>;
/** The confirmed request and the second half, shown once to the security-secrecy administrator. */
export const ResetConfirmed = Type.Object({ reset: PasswordReset, secondHalf: Type.String() });
export type ResetConfirmed = Static<typeof ResetConfirmed>;

/**
 * A new business account: it cannot be signed in to until the security-secrecy administrator confirms
 * its initial password (R-SYS-01, the same split knowledge as a reset); the system administrator is
 * shown the first half once.
 */
export const AccountCreated = Type.Object({
  account: Account,
  reset: PasswordReset,
  firstHalf: Type.String(),
});
export type AccountCreated = Static<typeof AccountCreated>;
