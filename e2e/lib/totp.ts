// R-SYS-02: the browser tests' authenticator app. The administrators (and whoever the policy names)
// sign in with a TOTP second factor; the helpers enrol it on the forced enrolment step, keep the
// secret here by user name (one server per test file), and compute codes. The server of a test file
// runs in this process with `totpClock: clock` (in-process only, never from env or CLI); every code
// made here moves that clock one 30-second step on, so the accepted-once rule never refuses a test
// that signs the same person in twice within 30 s (docs/decisions.md).
import { base32Decode } from '../../packages/domain/src/twofactor/base32.ts';
import { totp } from '../../packages/domain/src/twofactor/totp.ts';

let offset = 0;
export const clock = (): number => Date.now() + offset;

const secrets = new Map<string, { secret: Uint8Array; algorithm: 'SHA1' | 'SM3' }>();

export function rememberSecret(username: string, base32: string, algorithm: 'SHA1' | 'SM3' = 'SHA1'): void {
  const secret = base32Decode(base32);
  if (!secret) throw new Error(`not a base32 secret: ${base32}`);
  secrets.set(username.toLowerCase(), { secret, algorithm });
}

export function hasSecret(username: string): boolean {
  return secrets.has(username.toLowerCase());
}

/** A code of a fresh step for this user (the server's clock moves on with it). */
export function nextCode(username: string): string {
  const s = secrets.get(username.toLowerCase());
  if (!s) throw new Error(`no TOTP secret for ${username}`);
  offset += 30_000;
  return totp(s.secret, clock(), { algorithm: s.algorithm, digits: 6, period: 30 });
}
