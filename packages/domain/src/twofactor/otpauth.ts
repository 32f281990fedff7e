// otpauth:// URIs (the Key Uri Format authenticator apps read from a QR code):
//   otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1|SM3&digits=6|8&period=30
import { base32Decode, base32Encode } from './base32.ts';

export type OtpAlgorithm = 'SHA1' | 'SM3';

export interface OtpAuth {
  issuer: string;
  account: string;
  secret: Uint8Array;
  algorithm: OtpAlgorithm;
  digits: 6 | 8;
  period: number;
}

export function buildOtpAuthUri(o: OtpAuth): string {
  const label = `${encodeURIComponent(o.issuer)}:${encodeURIComponent(o.account)}`;
  const q = new URLSearchParams({
    secret: base32Encode(o.secret),
    issuer: o.issuer,
    algorithm: o.algorithm,
    digits: String(o.digits),
    period: String(o.period),
  });
  return `otpauth://totp/${label}?${q.toString()}`;
}

/** The parts of an otpauth://totp URI, or null when it is not one this platform can use. */
export function parseOtpAuthUri(uri: string): OtpAuth | null {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return null;
  }
  if (u.protocol !== 'otpauth:' || u.host.toLowerCase() !== 'totp') return null;
  let label: string;
  try {
    label = decodeURIComponent(u.pathname.replace(/^\//, ''));
  } catch {
    return null;
  }
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon) : null;
  const account = colon >= 0 ? label.slice(colon + 1) : label;
  const issuer = u.searchParams.get('issuer') ?? labelIssuer ?? '';
  if (labelIssuer !== null && u.searchParams.has('issuer') && labelIssuer !== issuer) return null;
  const secretText = u.searchParams.get('secret');
  const secret = secretText ? base32Decode(secretText) : null;
  if (!secret || secret.length === 0) return null;
  const algorithm = (u.searchParams.get('algorithm') ?? 'SHA1').toUpperCase();
  if (algorithm !== 'SHA1' && algorithm !== 'SM3') return null;
  const digits = Number(u.searchParams.get('digits') ?? '6');
  if (digits !== 6 && digits !== 8) return null;
  const periodText = u.searchParams.get('period') ?? '30';
  if (!/^\d{1,4}$/.test(periodText)) return null;
  const period = Number(periodText);
  if (period < 1) return null;
  return { issuer, account, secret, algorithm, digits, period };
}
