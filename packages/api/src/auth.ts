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
  /** R-SYS-02: must have a second factor and has none: enrol it before anything else. */
  mustEnrolSecondFactor: Type.Boolean(),
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

// ---- R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): the second sign-in factor ----

/** A WebAuthn JSON object as the browser library makes it (checked by the server's verifier). */
const WebAuthnJson = Type.Record(Type.String(), Type.Unknown(), { maxProperties: 20 });

/** POST /auth/login when the account has a second factor: no session yet, the second step's token. */
export const SecondFactorNeeded = Type.Object({
  token: Type.String(),
  methods: Type.Array(Enum(['totp', 'webauthn', 'recovery'] as const)),
  expiresAt: Timestamp,
  /** WebAuthn assertion options (the account has a security key). */
  webauthn: Nullable(WebAuthnJson),
});
export type SecondFactorNeeded = Static<typeof SecondFactorNeeded>;

/** POST /auth/login: signed in, or the second factor is needed. */
export const LoginAnswer = Type.Object({
  me: Type.Optional(Me),
  resetNotice: Type.Optional(Nullable(ResetNotice)),
  secondFactor: Type.Optional(SecondFactorNeeded),
});
export type LoginAnswer = Static<typeof LoginAnswer>;

export const SecondFactorBody = Req({
  token: Str(100),
  code: Type.Optional(Str(12)),
  recoveryCode: Type.Optional(Str(32)),
  webauthn: Type.Optional(WebAuthnJson),
});
export type SecondFactorBody = Static<typeof SecondFactorBody>;

export const TOTP_ALGORITHMS = ['SHA1', 'SM3'] as const;

export const Factor = Type.Object({
  id: Uuid,
  kind: Enum(['totp', 'webauthn'] as const),
  label: Type.String(),
  algorithm: Nullable(Enum(TOTP_ALGORITHMS)),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
});
export type Factor = Static<typeof Factor>;

export const FactorList = Type.Object({
  factors: Type.Array(Factor),
  /** Recovery codes not yet used. */
  recoveryCodesLeft: Type.Integer(),
  /** Whether the policy requires this account to have a second factor. */
  required: Type.Boolean(),
});
export type FactorList = Static<typeof FactorList>;

export const TotpBeginBody = Req({
  algorithm: Enum(TOTP_ALGORITHMS),
  label: Type.Optional(Str(64)),
});
export const TotpBegun = Type.Object({
  id: Uuid,
  /** The secret in base32, for typing into a token by hand. */
  secret: Type.String(),
  /** otpauth:// URI (the QR code's content). */
  uri: Type.String(),
});
export type TotpBegun = Static<typeof TotpBegun>;
export const TotpConfirmBody = Req({ id: Uuid, code: Str(12) });

export const WebAuthnRegisterBody = Req({ label: Type.Optional(Str(64)), response: WebAuthnJson });
export const WebAuthnOptions = WebAuthnJson;

/** After an enrolment: the factor, and the recovery codes when this was the first (shown once). */
export const Enrolled = Type.Object({ factor: Factor, recoveryCodes: Nullable(Type.Array(Type.String())) });
export type Enrolled = Static<typeof Enrolled>;
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

/** R-SYS-01 dual control: the security-secrecy administrator's request to reset a user's factors. */
export const FactorReset = Type.Object({
  id: Uuid,
  accountId: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  requestedBy: Type.Object({ username: Type.String(), displayName: Type.String() }),
  requestedAt: Timestamp,
  expiresAt: Timestamp,
  status: Enum(['pending', 'confirmed', 'rejected', 'withdrawn', 'expired'] as const),
});
export type FactorReset = Static<typeof FactorReset>;
export const FactorResetList = Type.Object({ items: Type.Array(FactorReset) });
/** The business account by user name (the security-secrecy administrator does not list accounts). */
export const FactorResetBody = Req({ username: Str(LIMITS.username) });
