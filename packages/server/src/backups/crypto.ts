// Encrypted backups (R-SYS-01: the system administrator makes backups but cannot read them).
//
// Key: an SM2 key pair. The public key encrypts (the server, the CLI, a scheduled job need nothing
// else); the private key is stored only encrypted under a key derived from the security-secrecy
// administrator's passphrase (scrypt → SM4-CTR + HMAC-SM3). The passphrase itself is never stored.
//
// File (version 1):
//   "BAOMIENC" ‖ uint32 BE header length ‖ header (UTF-8 JSON) ‖ ciphertext ‖ tag (32 bytes)
// header: { v, cipher, mac, kem, fingerprint, keySetAt, createdAt, iv, ephemeral, privateKey }
//   ephemeral: a fresh SM2 public key (uncompressed point, base64) for this file;
//   keys = KDF-SM3(ECDH(ephemeral, recipient) ‖ ephemeral ‖ fingerprint) → SM4 key (16) ‖ MAC key (32)
//   ciphertext = SM4-CTR(key, iv, plain); tag = HMAC-SM3(MAC key, everything before the tag)
//   privateKey: the passphrase-protected private key, copied into every file so that a restore needs
//   only the file and the passphrase (not the database it restores).
// Restore checks the passphrase (the private key's own tag), then the whole file's tag, and only then
// decrypts: a wrong passphrase or a changed byte anywhere is refused before anything is written.
// Keys are raw: the public key an uncompressed curve point (65 bytes), the private key a 32-byte scalar;
// the curve arithmetic is sm2.ts (@noble/curves: Node 24's createECDH('SM2') refuses SM2 key pairs, and
// Node's KeyObject cannot re-import SM2 keys).
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';

import { Sm2Key } from './sm2.ts';

export const MAGIC = Buffer.from('BAOMIENC', 'latin1');
export const FORMAT_VERSION = 1;
export const ALGORITHM = 'SM2 (ECDH) + SM3-KDF, SM4-CTR, HMAC-SM3; private key: scrypt + SM4-CTR + HMAC-SM3';
const TAG_LEN = 32;
const MAX_HEADER = 64 * 1024;

/** scrypt cost: 2^15 × 8 × 128 B = 32 MiB, about 0.1 s — stored, so it can be raised later. */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

export type Reason = 'not_encrypted' | 'unsupported_version' | 'damaged' | 'wrong_passphrase' | 'tampered';

const MESSAGES: Record<Reason, { zh: string; en: string }> = {
  not_encrypted: {
    zh: '不是 Baomi 加密备份文件（文件头不符）',
    en: 'Not a Baomi encrypted backup (the header does not match)',
  },
  unsupported_version: {
    zh: '备份文件格式版本不受支持，请使用更新版本的 Baomi',
    en: 'Unsupported backup format version: use a newer Baomi',
  },
  damaged: {
    zh: '备份文件已损坏，无法读取文件头',
    en: 'The backup file is damaged: its header cannot be read',
  },
  wrong_passphrase: {
    zh: '备份口令错误（或备份文件中的密钥部分已被改动）；口令由安全保密管理员保管',
    en: 'Wrong backup passphrase (or the key part of the file was altered); the security-secrecy administrator holds the passphrase',
  },
  tampered: {
    zh: '备份文件已被改动或损坏（完整性校验失败），拒绝恢复',
    en: 'The backup file was altered or damaged (integrity check failed); restore refused',
  },
};

export class BackupCryptoError extends Error {
  readonly reason: Reason;
  readonly zh: string;
  readonly en: string;
  constructor(reason: Reason) {
    const m = MESSAGES[reason];
    super(`${m.en} (${m.zh})`);
    this.name = 'BackupCryptoError';
    this.reason = reason;
    this.zh = m.zh;
    this.en = m.en;
  }
}

/** The passphrase-protected private key, as stored (setting `backup_key`) and copied into each file. */
export interface WrappedPrivateKey {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // hex
  iv: string; // hex
  data: string; // base64, SM4-CTR of the 32-byte private scalar
  tag: string; // hex, HMAC-SM3 over iv ‖ data ‖ fingerprint
}

export interface BackupKey {
  fingerprint: string;
  /** The uncompressed SM2 point (65 bytes), base64. */
  publicKey: string;
  privateKey: WrappedPrivateKey;
  setAt: string;
}

export interface FileHeader {
  v: number;
  cipher: 'SM4-CTR';
  mac: 'HMAC-SM3';
  kem: 'SM2-ECDH-SM3KDF';
  fingerprint: string;
  keySetAt: string;
  createdAt: string;
  iv: string;
  ephemeral: string;
  privateKey: WrappedPrivateKey;
}

const sm3 = (...parts: Buffer[]) => {
  const h = createHash('sm3');
  for (const p of parts) h.update(p);
  return h.digest();
};
const hmac = (key: Buffer, ...parts: Buffer[]) => {
  const h = createHmac('sm3', key);
  for (const p of parts) h.update(p);
  return h.digest();
};
const sm4ctr = (key: Buffer, iv: Buffer, data: Buffer) => {
  const c = createCipheriv('sm4-ctr', key, iv);
  return Buffer.concat([c.update(data), c.final()]);
};
const sm4ctrDecrypt = (key: Buffer, iv: Buffer, data: Buffer) => {
  const c = createDecipheriv('sm4-ctr', key, iv);
  return Buffer.concat([c.update(data), c.final()]);
};

/** The KDF of GB/T 32918.4 (SM2 encryption): SM3(Z ‖ counter) blocks, counter from 1. */
export function kdfSm3(z: Buffer, length: number): Buffer {
  const out: Buffer[] = [];
  for (let ct = 1, have = 0; have < length; ct++, have += 32) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(ct);
    out.push(sm3(z, c));
  }
  return Buffer.concat(out).subarray(0, length);
}

export const fingerprintOf = (publicPoint: Buffer) => sm3(publicPoint).toString('hex');

/** 64 hex digits shown as groups of four, the first 32 digits: enough to compare by eye. */
export const shortFingerprint = (fp: string) => fp.slice(0, 32).replace(/(.{4})(?=.)/g, '$1 ');

function passphraseKeys(passphrase: string, w: Pick<WrappedPrivateKey, 'N' | 'r' | 'p' | 'salt'>) {
  // Refuse absurd parameters read from a file before spending memory on them.
  if (
    !Number.isInteger(w.N) ||
    w.N < 2 ** 10 ||
    w.N > 2 ** 20 ||
    (w.N & (w.N - 1)) !== 0 ||
    !Number.isInteger(w.r) ||
    w.r < 1 ||
    w.r > 32 ||
    !Number.isInteger(w.p) ||
    w.p < 1 ||
    w.p > 8
  ) {
    throw new BackupCryptoError('damaged');
  }
  const k = scryptSync(passphrase.normalize('NFC'), Buffer.from(w.salt, 'hex'), 48, {
    N: w.N,
    r: w.r,
    p: w.p,
    maxmem: 256 * w.N * w.r * w.p + 1024 * 1024,
  });
  return { enc: k.subarray(0, 16), mac: k.subarray(16, 48) };
}

/** A new SM2 key pair whose private key is protected by the passphrase. */
export function createBackupKey(passphrase: string, now = new Date()): BackupKey {
  const ecdh = Sm2Key.generate();
  const point = ecdh.getPublicKey();
  const fingerprint = fingerprintOf(point);
  return {
    fingerprint,
    publicKey: point.toString('base64'),
    privateKey: wrapPrivateKey(ecdh.getPrivateKey(), fingerprint, passphrase),
    setAt: now.toISOString(),
  };
}

function wrapPrivateKey(scalar: Buffer, fingerprint: string, passphrase: string): WrappedPrivateKey {
  const salt = randomBytes(16).toString('hex');
  const iv = randomBytes(16);
  const keys = passphraseKeys(passphrase, { ...SCRYPT, salt });
  const data = sm4ctr(keys.enc, iv, scalar);
  const tag = hmac(keys.mac, iv, data, Buffer.from(fingerprint, 'latin1'));
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt,
    iv: iv.toString('hex'),
    data: data.toString('base64'),
    tag: tag.toString('hex'),
  };
}

/** The private key, or BackupCryptoError('wrong_passphrase'). */
export function unwrapPrivateKey(w: WrappedPrivateKey, fingerprint: string, passphrase: string): Sm2Key {
  if (w.kdf !== 'scrypt') throw new BackupCryptoError('damaged');
  const keys = passphraseKeys(passphrase, w);
  const iv = Buffer.from(w.iv, 'hex');
  const data = Buffer.from(w.data, 'base64');
  const want = hmac(keys.mac, iv, data, Buffer.from(fingerprint, 'latin1'));
  const got = Buffer.from(w.tag, 'hex');
  if (got.length !== want.length || !timingSafeEqual(got, want))
    throw new BackupCryptoError('wrong_passphrase');
  let ecdh: Sm2Key;
  try {
    ecdh = Sm2Key.fromPrivateKey(sm4ctrDecrypt(keys.enc, iv, data));
  } catch {
    throw new BackupCryptoError('tampered');
  }
  // The private key must belong to the fingerprint the file names.
  if (fingerprintOf(ecdh.getPublicKey()) !== fingerprint) throw new BackupCryptoError('tampered');
  return ecdh;
}

/** Checks a passphrase against a stored key (for changing it). */
export function passphraseOpens(k: BackupKey, passphrase: string): boolean {
  try {
    unwrapPrivateKey(k.privateKey, k.fingerprint, passphrase);
    return true;
  } catch {
    return false;
  }
}

function fileKeys(shared: Buffer, ephemeral: Buffer, fingerprint: string) {
  const k = kdfSm3(Buffer.concat([shared, ephemeral, Buffer.from(fingerprint, 'latin1')]), 48);
  return { enc: k.subarray(0, 16), mac: k.subarray(16, 48) };
}

/** Encrypts a backup for the key: needs only the public part. */
export function encryptBackup(plain: Uint8Array, key: BackupKey, now = new Date()): Buffer {
  const eph = Sm2Key.generate();
  const ephPoint = eph.getPublicKey();
  const shared = eph.computeSecret(Buffer.from(key.publicKey, 'base64'));
  const keys = fileKeys(shared, ephPoint, key.fingerprint);
  const iv = randomBytes(16);
  const header: FileHeader = {
    v: FORMAT_VERSION,
    cipher: 'SM4-CTR',
    mac: 'HMAC-SM3',
    kem: 'SM2-ECDH-SM3KDF',
    fingerprint: key.fingerprint,
    keySetAt: key.setAt,
    createdAt: now.toISOString(),
    iv: iv.toString('hex'),
    ephemeral: ephPoint.toString('base64'),
    privateKey: key.privateKey,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  const body = sm4ctr(keys.enc, iv, Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength));
  const tag = hmac(keys.mac, MAGIC, len, headerBytes, body);
  return Buffer.concat([MAGIC, len, headerBytes, body, tag]);
}

export function isEncryptedBackup(file: Uint8Array): boolean {
  return file.length >= MAGIC.length && Buffer.from(file.subarray(0, MAGIC.length)).equals(MAGIC);
}

/** The header, without decrypting anything (baomi backup inspect, the backup list). */
export function readHeader(file: Uint8Array): { header: FileHeader; headerEnd: number } {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (!isEncryptedBackup(buf)) throw new BackupCryptoError('not_encrypted');
  if (buf.length < MAGIC.length + 4) throw new BackupCryptoError('damaged');
  const len = buf.readUInt32BE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + len;
  if (len > MAX_HEADER || headerEnd + TAG_LEN > buf.length) throw new BackupCryptoError('damaged');
  let header: FileHeader;
  try {
    header = JSON.parse(buf.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as FileHeader;
  } catch {
    throw new BackupCryptoError('damaged');
  }
  if (typeof header !== 'object' || header === null) throw new BackupCryptoError('damaged');
  if (header.v !== FORMAT_VERSION) throw new BackupCryptoError('unsupported_version');
  if (
    header.cipher !== 'SM4-CTR' ||
    header.mac !== 'HMAC-SM3' ||
    header.kem !== 'SM2-ECDH-SM3KDF' ||
    typeof header.fingerprint !== 'string' ||
    !/^[0-9a-f]{64}$/.test(header.fingerprint) ||
    typeof header.iv !== 'string' ||
    !/^[0-9a-f]{32}$/.test(header.iv) ||
    typeof header.ephemeral !== 'string' ||
    typeof header.privateKey !== 'object' ||
    header.privateKey === null
  ) {
    throw new BackupCryptoError('damaged');
  }
  return { header, headerEnd };
}

/**
 * The plain backup, or BackupCryptoError: wrong passphrase, altered file (any byte), unknown version.
 * Nothing is returned unless the whole file's tag is right.
 */
export function decryptBackup(file: Uint8Array, passphrase: string): { plain: Buffer; header: FileHeader } {
  try {
    const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    const { header, headerEnd } = readHeader(buf);
    const priv = unwrapPrivateKey(header.privateKey, header.fingerprint, passphrase);
    const ephPoint = Buffer.from(header.ephemeral, 'base64');
    let shared: Buffer;
    try {
      shared = priv.computeSecret(ephPoint);
    } catch {
      throw new BackupCryptoError('tampered');
    }
    const keys = fileKeys(shared, ephPoint, header.fingerprint);
    const tagAt = buf.length - TAG_LEN;
    const want = hmac(keys.mac, buf.subarray(0, tagAt));
    if (!timingSafeEqual(want, buf.subarray(tagAt))) throw new BackupCryptoError('tampered');
    const plain = sm4ctrDecrypt(keys.enc, Buffer.from(header.iv, 'hex'), buf.subarray(headerEnd, tagAt));
    return { plain, header };
  } catch (e) {
    if (e instanceof BackupCryptoError) throw e;
    throw new BackupCryptoError('damaged');
  }
}
