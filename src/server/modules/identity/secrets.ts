// Hashing and random secrets of the identity module: argon2id for passwords, SHA-256 for random tokens.
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

// argon2id (the library's default algorithm) with OWASP's first recommended setting: 19 MiB, 2 passes,
// 1 lane. Hashes made with other settings (earlier releases used 64 MiB, 3 passes, 4 lanes) still verify.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

// Verified against when the account has no password, so every failure costs one argon2 verification.
let dummyHash: Promise<string> | null = null;

/** Whether `password` matches `hash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  const ok = await argon2Verify(hash ?? (await (dummyHash ??= hashPassword(randomToken()))), password).catch(() => false);
  return ok && !!hash;
}

/** Makes a password that is easy to type and hard to guess (about 120 bits). */
export function generatePassword(): string {
  return randomToken(15).replace(/[-_]/g, 'x');
}
