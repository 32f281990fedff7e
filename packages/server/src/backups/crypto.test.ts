// Encrypted backups (R-SYS-01): round trip, wrong passphrase, any changed byte, header versioning.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  BackupCryptoError,
  createBackupKey,
  decryptBackup,
  encryptBackup,
  kdfSm3,
  MAGIC,
  passphraseOpens,
  readHeader,
} from './crypto.ts';

const PASS = 'Backup-Passphrase-2026';
const key = createBackupKey(PASS);

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof BackupCryptoError, String(e));
    assert.ok(e.zh && e.en);
    return e.reason;
  }
  assert.fail('expected a refusal');
};

describe('backup encryption (SM2 + SM4-CTR + HMAC-SM3)', () => {
  test('round trip; the file names the key and holds no plain text', () => {
    const plain = Buffer.from('绝密 标题 and password hashes '.repeat(50));
    const file = encryptBackup(plain, key);
    assert.ok(file.subarray(0, 8).equals(MAGIC));
    assert.equal(file.indexOf(Buffer.from('绝密')), -1);
    assert.equal(file.indexOf(Buffer.from('password hashes')), -1);
    const { header } = readHeader(file);
    assert.equal(header.v, 1);
    assert.equal(header.fingerprint, key.fingerprint);
    assert.equal(header.cipher, 'SM4-CTR');
    assert.equal(JSON.stringify(header).includes(PASS), false);
    const out = decryptBackup(file, PASS);
    assert.ok(out.plain.equals(plain));
  });

  test('two backups of the same data differ (fresh ephemeral key and IV)', () => {
    const plain = Buffer.from('same');
    assert.ok(!encryptBackup(plain, key).equals(encryptBackup(plain, key)));
  });

  test('a wrong passphrase is refused', () => {
    const file = encryptBackup(Buffer.from('x'), key);
    assert.equal(
      reason(() => decryptBackup(file, 'Wrong-Passphrase-2026')),
      'wrong_passphrase',
    );
    assert.equal(passphraseOpens(key, PASS), true);
    assert.equal(passphraseOpens(key, `${PASS}x`), false);
  });

  test('a key set with another passphrase cannot open the file', () => {
    const other = createBackupKey('Another-Passphrase-1');
    const file = encryptBackup(Buffer.from('x'), other);
    assert.equal(
      reason(() => decryptBackup(file, PASS)),
      'wrong_passphrase',
    );
  });

  test('a changed byte anywhere in the file is refused', () => {
    const plain = randomBytes(300);
    const file = encryptBackup(plain, key);
    // Every position would take a minute (scrypt per try): the magic and length, a sample through the
    // header, the first and last bytes of the body, and a sample of the rest and of the tag.
    const { headerEnd } = readHeader(file);
    const positions = new Set<number>();
    for (let i = 0; i < 12; i++) positions.add(i);
    for (let i = 12; i < headerEnd; i += 41) positions.add(i);
    for (let i = headerEnd; i < file.length; i += 23) positions.add(i);
    for (const i of [headerEnd, headerEnd + 1, file.length - 33, file.length - 32, file.length - 1])
      positions.add(i);
    for (const i of positions) {
      const bad = Buffer.from(file);
      bad[i] = bad[i]! ^ 0x01;
      const r = reason(() => decryptBackup(bad, PASS));
      assert.ok(r !== undefined, `byte ${i}`);
    }
    // Truncated and extended files too.
    reason(() => decryptBackup(file.subarray(0, file.length - 1), PASS));
    reason(() => decryptBackup(Buffer.concat([file, Buffer.from([0])]), PASS));
    reason(() => decryptBackup(Buffer.alloc(0), PASS));
  });

  test('header versioning: an unknown version is refused as such; a plain archive is not encrypted', () => {
    const file = encryptBackup(Buffer.from('x'), key);
    const { headerEnd } = readHeader(file);
    const header = JSON.parse(file.subarray(12, headerEnd).toString('utf8')) as { v: number };
    header.v = 2;
    const h = Buffer.from(JSON.stringify(header));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(h.length);
    const v2 = Buffer.concat([MAGIC, len, h, file.subarray(headerEnd)]);
    assert.equal(
      reason(() => decryptBackup(v2, PASS)),
      'unsupported_version',
    );
    assert.equal(
      reason(() => readHeader(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0]))),
      'not_encrypted',
    );
  });

  test('the SM3 KDF gives the asked length and depends on its input', () => {
    const z = Buffer.from('z');
    assert.equal(kdfSm3(z, 48).length, 48);
    assert.equal(kdfSm3(z, 100).length, 100);
    assert.ok(kdfSm3(z, 32).equals(kdfSm3(z, 48).subarray(0, 32)));
    assert.ok(!kdfSm3(z, 32).equals(kdfSm3(Buffer.from('y'), 32)));
  });

  test('property: any data size, 0 bytes included, round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 5000 }), (data) => {
        const file = encryptBackup(data, key);
        const { plain } = decryptBackup(file, PASS);
        return plain.equals(Buffer.from(data));
      }),
      { numRuns: 25 },
    );
  });
});
