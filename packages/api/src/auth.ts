// Sign-in, sign-out, the current account and its password: the contract of /api/auth.
import { ADMIN_ROLES, BUSINESS_ROLES, CLEARANCES, ORG_KINDS, RANKS } from '@baomi/domain';
/** Limits of the sign-in form (the password rules themselves are the security policy's). */
import { LIMITS } from './auth/labels.ts';
import { Enum, Nullable, Req, type Static, Str, Timestamp, Type, Uuid } from './common.ts';

export { LIMITS };

export const LoginBody = Req({ username: Str(LIMITS.username), password: Str(LIMITS.password) });
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Req({
  oldPassword: Str(LIMITS.password),
  newPassword: Str(LIMITS.password),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** The person behind a business account, as the session knows him. */
export const MePerson = Type.Object({
  id: Uuid,
  name: Type.String(),
  orgId: Uuid,
  orgName: Type.String(),
  /** A secrecy bureau's people see the roll-ups of the units it supervises. */
  orgKind: Enum(ORG_KINDS),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  position: Type.String(),
  rank: Enum(RANKS),
  clearance: Enum(CLEARANCES),
  roles: Type.Array(Enum(BUSINESS_ROLES)),
});
export type MePerson = Static<typeof MePerson>;

/** The signed-in account. */
export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  adminRole: Nullable(Enum(ADMIN_ROLES)),
  mustChangePassword: Type.Boolean(),
  person: Nullable(MePerson),
});
export type Me = Static<typeof Me>;

/**
 * R-SYS-01: the account's password was reset by the system administrator with the security-secrecy
 * administrator's confirmation, and its owner has not yet chosen his own: told at sign-in (and by
 * GET /auth/me) until he changes the password.
 */
export const ResetNotice = Type.Object({
  /** 'initial': the account's first password; 'reset': a reset. */
  kind: Type.Optional(Type.Union([Type.Literal('initial'), Type.Literal('reset')])),
  resetAt: Timestamp,
  requestedBy: Type.Object({ username: Type.String(), displayName: Type.String() }),
  confirmedBy: Type.Object({ username: Type.String(), displayName: Type.String() }),
});
export type ResetNotice = Static<typeof ResetNotice>;

/** After sign-in or a password change (the session cookies come with it). */
export const SignedIn = Type.Object({ me: Me, resetNotice: Type.Optional(Nullable(ResetNotice)) });
export type SignedIn = Static<typeof SignedIn>;

/** GET /auth/me: the account and the anti-forgery token (for when the cookie cannot be read). */
export const Session = Type.Object({
  me: Me,
  csrfToken: Type.String(),
  resetNotice: Type.Optional(Nullable(ResetNotice)),
});
export type Session = Static<typeof Session>;
