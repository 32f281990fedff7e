// R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): time-based one-time passwords, RFC 6238 over RFC 4226's
// HOTP with its dynamic truncation. SHA-1 is what ordinary authenticator apps compute; 'SM3' is
// HMAC-SM3 in the same construction (docs/decisions.md: it is NOT GM/T 0021's own algorithm, which
// we could not establish from a published text). Pure computation (node:crypto, no I/O); the server
// stores the last accepted step and the secret. Not exported from the package index, so the web
// bundle never pulls node:crypto: import '@baomi/domain/twofactor/totp.ts'.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOTP_ALGORITHMS = ['SHA1', 'SM3'] as const;
export type TotpAlgorithm = (typeof TOTP_ALGORITHMS)[number];

export interface TotpParams {
  algorithm: TotpAlgorithm;
  digits: 6 | 8;
  /** Step length in seconds (RFC 6238's X). */
  period: number;
}

export const DEFAULT_TOTP: TotpParams = { algorithm: 'SHA1', digits: 6, period: 30 };

const HMAC_NAME: Record<TotpAlgorithm, string> = { SHA1: 'sha1', SM3: 'sm3' };

/** RFC 4226 HOTP: HMAC over the 8-byte big-endian counter, dynamic truncation, mod 10^digits. */
export function hotp(secret: Uint8Array, counter: number, algorithm: TotpAlgorithm, digits: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(HMAC_NAME[algorithm], secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238: the step of a moment (T0 = 0). */
export function totpStep(unixMs: number, period = 30): number {
  return Math.floor(unixMs / 1000 / period);
}

export function totp(secret: Uint8Array, unixMs: number, p: TotpParams = DEFAULT_TOTP): string {
  return hotp(secret, totpStep(unixMs, p.period), p.algorithm, p.digits);
}

/** One step either side of now, as R-SYS-02 allows for clock drift. */
export const TOTP_WINDOW = 1;

/**
 * R-SYS-02: checks a code against the steps now−1 … now+1 and refuses any step at or below
 * `lastStep` (a code is accepted once: replay within its window is refused). Returns the step that
 * matched, for the caller to store as the new last step, or null.
 */
export function verifyTotp(
  secret: Uint8Array,
  code: string,
  unixMs: number,
  lastStep: number | null,
  p: TotpParams = DEFAULT_TOTP,
): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d+$/.test(clean) || clean.length !== p.digits) return null;
  const now = totpStep(unixMs, p.period);
  let found: number | null = null;
  for (let s = now - TOTP_WINDOW; s <= now + TOTP_WINDOW; s++) {
    if (s < 0 || (lastStep !== null && s <= lastStep)) continue;
    const want = Buffer.from(hotp(secret, s, p.algorithm, p.digits));
    // Every candidate is compared (no early exit), in constant time.
    if (timingSafeEqual(want, Buffer.from(clean)) && found === null) found = s;
  }
  return found;
}
