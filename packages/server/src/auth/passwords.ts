/**
 * @module auth/passwords
 * Passwords, hashed with Argon2id (RFC 9106) at OWASP's recommended minimum: 19 MiB of memory,
 * 2 passes, 1 lane, 16-byte salt, 32-byte hash (about 20 ms on this project's 2-core machine).
 * The parameters are stored in each hash (`$argon2id$v=19$m=19456,t=2,p=1$…`), so raising them
 * later re-hashes each password at its next sign-in (`needsRehash`).
 */
import { hash, verify } from '@node-rs/argon2';
import { DataError } from '../errors.js';

/** Argon2id's parameters (memory in KiB). */
export const ARGON2_PARAMETERS = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** The shortest and longest password accepted. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

/** The password's problem, in words, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  const length = Array.from(password).length; // code points, not UTF-16 units
  if (length < PASSWORD_LENGTH.min) {
    return `must be at least ${PASSWORD_LENGTH.min} characters (a few words together make a good one)`;
  }
  if (length > PASSWORD_LENGTH.max) return `must be at most ${PASSWORD_LENGTH.max} characters`;
  const lower = password.toLowerCase();
  if (lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase()) {
    return 'must not be your email address';
  }
  return null;
}

/** Hashes an acceptable password; refuses one that is not (field `password`). */
export async function hashPassword(password: string, email: string): Promise<string> {
  const problem = passwordProblem(password, email);
  if (problem !== null)
    throw new DataError('invalid_input', `The password ${problem}.`, { field: 'password' });
  return hash(password, ARGON2_PARAMETERS);
}

/** A hash of nothing anyone knows: verified against when there is no account, so both take as long. */
let decoy: Promise<string> | undefined;

/**
 * Whether `password` matches `stored`. With no stored hash (no such person, or one who signs in
 * only through an identity provider) it still spends the time of one verification, then fails.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) {
    decoy ??= hash(`decoy ${Math.random()}`, ARGON2_PARAMETERS);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Whether a stored hash was made with other parameters than today's. */
export function needsRehash(stored: string): boolean {
  const { memoryCost: m, timeCost: t, parallelism: p } = ARGON2_PARAMETERS;
  return !stored.startsWith(`$argon2id$v=19$m=${m},t=${t},p=${p}$`);
}
