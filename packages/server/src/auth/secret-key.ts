// The key that encrypts second-factor secrets (R-SYS-02), kept outside the database: BAOMI_SECRET_KEY
// (64 hex digits), else `secret.key` in the data directory, created with mode 0600 the first time a
// secret is stored. A database copy without the key holds no usable TOTP secret. SM4-CBC with a
// random IV, then HMAC-SM3 over IV ‖ ciphertext (encrypt-then-MAC); both keys derived from the master
// key with HMAC-SM3, so one key file serves both.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type SecretKey = () => Buffer;

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** BAOMI_SECRET_KEY, else dataDir/secret.key (made 0600 on first need). */
export function fileSecretKey(dataDir: string, env = process.env.BAOMI_SECRET_KEY): SecretKey {
  let key: Buffer | null = null;
  return () => {
    if (key) return key;
    if (env) {
      if (!HEX64.test(env.trim()))
        throw new Error('BAOMI_SECRET_KEY must be 64 hexadecimal digits (32 bytes)');
      key = Buffer.from(env.trim(), 'hex');
      return key;
    }
    const file = join(dataDir, 'secret.key');
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      try {
        writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        // Another process made it between the check and the write: use that one.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    chmodSync(file, 0o600);
    const text = readFileSync(file, 'utf8').trim();
    if (!HEX64.test(text)) throw new Error(`${file}: expected 64 hexadecimal digits`);
    key = Buffer.from(text, 'hex');
    return key;
  };
}

/** A key for this process only (tests, and every app built in one test process shares it). */
const processKey = randomBytes(32);
export const processSecretKey: SecretKey = () => processKey;

const derive = (master: Buffer, label: string) => createHmac('sm3', master).update(label).digest();

export function sealSecret(master: Buffer, plain: Uint8Array): string {
  const enc = derive(master, 'baomi second factor enc').subarray(0, 16);
  const mac = derive(master, 'baomi second factor mac');
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-cbc', enc, iv);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  const tag = createHmac('sm3', mac).update(iv).update(ct).digest();
  return Buffer.concat([iv, ct, tag]).toString('base64url');
}

/** The plain secret, or null when the text was not sealed with this key (wrong key, or altered). */
export function openSecret(master: Buffer, sealed: string): Buffer | null {
  const all = Buffer.from(sealed, 'base64url');
  if (all.length < 16 + 16 + 32) return null;
  const iv = all.subarray(0, 16);
  const ct = all.subarray(16, all.length - 32);
  const tag = all.subarray(all.length - 32);
  const mac = derive(master, 'baomi second factor mac');
  const want = createHmac('sm3', mac).update(iv).update(ct).digest();
  if (!timingSafeEqual(want, tag)) return null;
  const enc = derive(master, 'baomi second factor enc').subarray(0, 16);
  const d = createDecipheriv('sm4-cbc', enc, iv);
  return Buffer.concat([d.update(ct), d.final()]);
}
