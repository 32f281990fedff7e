import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { base32Decode, base32Encode } from './base32.ts';
import { buildOtpAuthUri, type OtpAuth, parseOtpAuthUri } from './otpauth.ts';

describe('otpauth:// URIs', () => {
  test('RFC 4648 base32 vectors', () => {
    const v: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, enc] of v) {
      assert.equal(base32Encode(Buffer.from(plain)), enc);
      assert.equal(Buffer.from(base32Decode(`${enc}===`)!).toString(), plain);
    }
    assert.equal(base32Decode('not base32!'), null);
  });
  test('builds the key-URI form authenticator apps read', () => {
    const uri = buildOtpAuthUri({
      issuer: '保密',
      account: 'sysadmin',
      secret: Buffer.from('12345678901234567890'),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    assert.equal(
      uri,
      'otpauth://totp/%E4%BF%9D%E5%AF%86:sysadmin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E4%BF%9D%E5%AF%86&algorithm=SHA1&digits=6&period=30',
    );
  });
  const refused: [string, string][] = [
    ['not a URI', 'hello'],
    ['another scheme', 'https://totp/x?secret=GEZDGNBV'],
    ['hotp', 'otpauth://hotp/x?secret=GEZDGNBV&counter=1'],
    ['no secret', 'otpauth://totp/x'],
    ['bad secret', 'otpauth://totp/x?secret=1111'],
    ['unknown algorithm', 'otpauth://totp/x?secret=GEZDGNBV&algorithm=MD5'],
    ['7 digits', 'otpauth://totp/x?secret=GEZDGNBV&digits=7'],
    ['zero period', 'otpauth://totp/x?secret=GEZDGNBV&period=0'],
    ['issuers disagree', 'otpauth://totp/A:x?secret=GEZDGNBV&issuer=B'],
  ];
  for (const [name, uri] of refused) test(`refuses: ${name}`, () => assert.equal(parseOtpAuthUri(uri), null));
  test('defaults: SHA1, 6 digits, 30 s; issuer from the label', () => {
    const p = parseOtpAuthUri('otpauth://totp/ACME:alice?secret=GEZDGNBV')!;
    assert.deepEqual(
      { ...p, secret: [...p.secret] },
      {
        issuer: 'ACME',
        account: 'alice',
        secret: [0x31, 0x32, 0x33, 0x34, 0x35],
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    );
  });
  test('property: parse(build(x)) = x', () => {
    fc.assert(
      fc.property(
        fc.record({
          issuer: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes(':')),
          account: fc.string({ minLength: 1, maxLength: 30 }),
          secret: fc.uint8Array({ minLength: 10, maxLength: 40 }),
          algorithm: fc.constantFrom('SHA1' as const, 'SM3' as const),
          digits: fc.constantFrom(6 as const, 8 as const),
          period: fc.integer({ min: 1, max: 300 }),
        }),
        (o: OtpAuth) => {
          const back = parseOtpAuthUri(buildOtpAuthUri(o));
          assert.ok(back);
          assert.deepEqual({ ...back, secret: [...back.secret] }, { ...o, secret: [...o.secret] });
        },
      ),
    );
  });
  test('property: the parser never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseOtpAuthUri(s);
        parseOtpAuthUri(`otpauth://totp/${s}`);
        parseOtpAuthUri(`otpauth://totp/x?secret=${s}`);
      }),
    );
  });
});
