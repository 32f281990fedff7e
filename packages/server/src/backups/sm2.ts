// SM2 key agreement for the encrypted backups (GB/T 32918.1 curve; ECDH: the x-coordinate of k·P), in
// @noble/curves rather than Node's createECDH('SM2'): under Node 24 (OpenSSL 3.5) createECDH's
// computeSecret refuses every SM2 key pair ("Invalid key pair"), and Node's KeyObject cannot re-import
// SM2 keys, so the curve arithmetic comes from the audited pure-JS library on every Node version. The
// wire format is unchanged: a public key is the uncompressed point (65 bytes), a private key the 32-byte
// scalar, the shared secret the 32-byte x-coordinate — what createECDH gave (a test checks both agree
// where Node still can).
import { randomBytes } from 'node:crypto';
import { Field } from '@noble/curves/abstract/modular';
import { weierstrassPoints } from '@noble/curves/abstract/weierstrass';

// The SM2 recommended curve parameters (GB/T 32918.5-2017).
const p = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const SM2 = weierstrassPoints({
  Fp: Field(p),
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
});
const N = SM2.CURVE.n;

const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const to32 = (x: bigint) => Buffer.from(x.toString(16).padStart(64, '0'), 'hex');

/** An SM2 key pair as createECDH('SM2') offered it: raw scalar, uncompressed point, x-coordinate secret. */
export class Sm2Key {
  readonly #k: bigint;
  private constructor(k: bigint) {
    this.#k = k;
  }

  /** A fresh key: a uniformly random scalar in [1, n − 1]. */
  static generate(): Sm2Key {
    for (;;) {
      const k = toBig(randomBytes(32));
      if (k >= 1n && k < N) return new Sm2Key(k);
    }
  }

  /** A stored private key (32 bytes); throws when it is not a valid scalar. */
  static fromPrivateKey(scalar: Uint8Array): Sm2Key {
    const k = toBig(scalar);
    if (scalar.length !== 32 || k < 1n || k >= N) throw new Error('SM2: not a valid private key');
    return new Sm2Key(k);
  }

  getPrivateKey(): Buffer {
    return to32(this.#k);
  }

  /** The uncompressed public point, 04 ‖ x ‖ y (65 bytes). */
  getPublicKey(): Buffer {
    return Buffer.from(SM2.ProjectivePoint.BASE.multiply(this.#k).toRawBytes(false));
  }

  /** ECDH with another party's uncompressed point: the 32-byte x-coordinate; throws on a point off the curve. */
  computeSecret(publicPoint: Uint8Array): Buffer {
    const P = SM2.ProjectivePoint.fromHex(publicPoint);
    P.assertValidity();
    return to32(P.multiply(this.#k).toAffine().x);
  }
}
