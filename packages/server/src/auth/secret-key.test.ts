import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileSecretKey, openSecret, sealSecret } from './secret-key.ts';

describe('second-factor secret key (R-SYS-02)', () => {
  test('secret.key is made 0600 on first need and read again after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baomi-key-'));
    try {
      const a = fileSecretKey(dir, undefined)();
      assert.equal(statSync(join(dir, 'secret.key')).mode & 0o777, 0o600);
      assert.deepEqual(fileSecretKey(dir, undefined)(), a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('BAOMI_SECRET_KEY wins; a malformed one is refused', () => {
    const hex = 'ab'.repeat(32);
    assert.equal(fileSecretKey('/nonexistent', hex)().toString('hex'), hex);
    assert.throws(() => fileSecretKey('/nonexistent', 'short')());
  });
  test('sealed secrets open only with their key, and not when altered', () => {
    const k1 = Buffer.alloc(32, 1);
    const k2 = Buffer.alloc(32, 2);
    const plain = Buffer.from('12345678901234567890');
    const sealed = sealSecret(k1, plain);
    assert.ok(!sealed.includes(plain.toString('base64url')));
    assert.deepEqual(openSecret(k1, sealed), plain);
    assert.equal(openSecret(k2, sealed), null);
    const raw = Buffer.from(sealed, 'base64url');
    raw[20] = raw[20]! ^ 1;
    assert.equal(openSecret(k1, raw.toString('base64url')), null);
    assert.notEqual(sealSecret(k1, plain), sealed, 'a fresh IV each time');
  });
});
