/**
 * @module auth/secret-box
 * Secrets Groundswell must send on to another service (an organisation's SMTP password, an
 * identity provider's client secret), so cannot hash: sealed
 * with AES-256-GCM under the server's secret key before they are stored, opened only to be used.
 * A copy of the database alone does not reveal them.
 *
 * The key is `GROUNDSWELL_SECRET_KEY` (32 bytes as 64 hex digits or base64), or, with the embedded
 * database and no such variable, a key file made on first start inside the data folder (readable
 * by the server's user only). With a PostgreSQL server and no key there is no box: an SMTP password
 * cannot be stored (the API says how to set a key), and client secrets are kept as given, as before.
 *
 * Sealed form: `v1.<iv>.<ciphertext>.<tag>` (base64url). The row's owner (an organisation's id, a
 * provider's id) is bound in as additional data, so a sealed value copied to another row does not
 * open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The key file's name inside an embedded database's data folder. */
export const KEY_FILE = 'groundswell-secret.key';

/** Seals and opens secrets under one key. */
export interface SecretBox {
  seal(plain: string, context: string): string;
  /** The secret, or null when it was sealed under another key (or tampered with). */
  open(sealed: string, context: string): string | null;
}

/** 32 bytes from 64 hex digits or base64 (url-safe or not); null otherwise. */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return key.length === 32 ? key : null;
  }
  return null;
}

/** A box under `key` (32 bytes). */
export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('a secret key is 32 bytes');
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, body, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== 'v1') return null;
      try {
        const [iv, body, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
        const decipher = createDecipheriv('aes-256-gcm', key, iv!);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag!);
        return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/**
 * The embedded database's key: read from `dir`'s key file, or made there (mode 0600) when absent.
 * @throws {Error} when the file exists but does not hold a key.
 */
export async function keyFileIn(dir: string): Promise<Buffer> {
  const path = join(dir, KEY_FILE);
  try {
    const key = parseSecretKey(await readFile(path, 'utf8'));
    if (key === null)
      throw new Error(`${path} does not hold a secret key (64 hex digits); restore it or remove it`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(dir, { recursive: true });
  await writeFile(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(path, 0o600);
  return key;
}
