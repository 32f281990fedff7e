import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { hotp, totp, totpStep, verifyTotp } from './totp.ts';

const SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (R-SYS-02)', () => {
  // RFC 6238 appendix B, SHA-1 column (8 digits), and the same codes' last 6 digits.
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [t, code] of vectors) {
    test(`RFC 6238 SHA-1 at T=${t}: ${code}`, () => {
      assert.equal(totp(SECRET, t * 1000, { algorithm: 'SHA1', digits: 8, period: 30 }), code);
      assert.equal(totp(SECRET, t * 1000, { algorithm: 'SHA1', digits: 6, period: 30 }), code.slice(2));
    });
  }
  test('RFC 4226 appendix D HOTP values', () => {
    const d = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    for (const [i, want] of d.entries()) assert.equal(hotp(SECRET, i, 'SHA1', 6), want);
  });

  /** HMAC-SM3 built by hand (RFC 2104 with SM3's 64-byte block), independent of createHmac. */
  const handHmacSm3 = (key: Buffer, msg: Buffer) => {
    const k = Buffer.alloc(64);
    (key.length > 64 ? createHash('sm3').update(key).digest() : key).copy(k);
    const ipad = Buffer.from(k.map((b) => b ^ 0x36));
    const opad = Buffer.from(k.map((b) => b ^ 0x5c));
    const inner = createHash('sm3').update(ipad).update(msg).digest();
    return createHash('sm3').update(opad).update(inner).digest();
  };
  const handSm3Totp = (key: Buffer, unixSeconds: number, digits: number) => {
    const counter = Math.floor(unixSeconds / 30);
    const msg = Buffer.alloc(8);
    msg.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
    msg.writeUInt32BE(counter >>> 0, 4);
    const mac = handHmacSm3(key, msg);
    const o = mac[31]! & 15;
    const n = mac.readUInt32BE(o) & 0x7fffffff;
    return (n % 10 ** digits).toString().padStart(digits, '0');
  };
  for (const [t] of vectors) {
    test(`SM3 variant at T=${t} equals a hand-built HMAC-SM3 computation`, () => {
      for (const digits of [6, 8] as const)
        assert.equal(
          totp(SECRET, t * 1000, { algorithm: 'SM3', digits, period: 30 }),
          handSm3Totp(SECRET, t, digits),
        );
    });
  }
  test('the SM3 variant differs from SHA-1 (it is not a relabelled SHA-1)', () => {
    assert.notEqual(totp(SECRET, 59_000, { algorithm: 'SM3', digits: 8, period: 30 }), '94287082');
  });

  const p = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
  const now = 1_700_000_000_000;
  const step = totpStep(now);
  const at = (s: number) => hotp(SECRET, s, 'SHA1', 6);
  const table: [string, string, number | null, number | null][] = [
    ['current step', at(step), null, step],
    ['one step behind (clock drift)', at(step - 1), null, step - 1],
    ['one step ahead', at(step + 1), null, step + 1],
    ['two steps behind', at(step - 2), null, null],
    ['two steps ahead', at(step + 2), null, null],
    ['replay of the accepted step', at(step), step, null],
    ['an older step after a newer one was accepted', at(step - 1), step, null],
    ['the next step after the accepted one', at(step + 1), step, step + 1],
    ['wrong length', at(step).slice(1), null, null],
    ['not digits', 'abcdef', null, null],
    ['spaces are ignored', `${at(step).slice(0, 3)} ${at(step).slice(3)}`, null, step],
  ];
  for (const [name, code, last, want] of table) {
    test(`verifyTotp: ${name}`, () => assert.equal(verifyTotp(SECRET, code, now, last, p), want));
  }
});
