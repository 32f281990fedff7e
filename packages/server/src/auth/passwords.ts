// Passwords are hashed with argon2id (R-SYS-02); one-time passwords are random and meet any policy.
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id === 2 (a const enum, so spelled out under isolatedModules).
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

let verifications = 0;
/** How many password verifications this process ran (sign-in timing is one verification, whatever fails). */
export const verificationCount = (): number => verifications;

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  verifications += 1;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to compare against when the user does not exist, so timing does not reveal user names. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('baomi-dummy-password-Aa1!');
  return dummy;
}

const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!?'];

/** 16 characters with every class present: satisfies every policy POLICY_BOUNDS allows up to length 16. */
export function oneTimePassword(length = 16): string {
  const all = SETS.join('');
  const chars = SETS.map((s) => s[randomInt(s.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
