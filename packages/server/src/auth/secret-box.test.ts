import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KEY_FILE, keyFileIn, parseSecretKey, secretBox } from './secret-box.js';

describe('secret box', () => {
  const box = secretBox(randomBytes(32));

  test('opens what it sealed, for the same context only', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.uuid(), (plain, context) => {
        const sealed = box.seal(plain, context);
        expect(box.open(sealed, context)).toBe(plain);
        expect(box.open(sealed, `${context}x`)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  test('never stores the secret in the clear, and seals it differently each time', () => {
    const a = box.seal('hunter2-password', 'org');
    const b = box.seal('hunter2-password', 'org');
    expect(a).not.toContain('hunter2');
    expect(Buffer.from(a.split('.')[2]!, 'base64url').toString('utf8')).not.toContain('hunter2');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]*\.[\w-]+$/);
  });

  test('a value sealed under another key, or changed, does not open', () => {
    const sealed = box.seal('secret', 'org');
    expect(secretBox(randomBytes(32)).open(sealed, 'org')).toBeNull();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0]! ^= 1;
    expect(box.open([parts[0], parts[1], body.toString('base64url'), parts[3]].join('.'), 'org')).toBeNull();
    expect(box.open('v2.a.b.c', 'org')).toBeNull();
    expect(box.open('not sealed', 'org')).toBeNull();
  });

  test('keys are 32 bytes as 64 hex digits or base64', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseSecretKey(` ${key.toString('hex').toUpperCase()}\n`)?.equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('hex').slice(2))).toBeNull();
    expect(parseSecretKey('correct horse battery staple')).toBeNull();
    expect(parseSecretKey(randomBytes(31).toString('base64'))).toBeNull();
    expect(() => secretBox(randomBytes(16))).toThrow(/32 bytes/);
  });

  test('the embedded database keeps its key in a file only its user reads, made once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gs-key-'));
    try {
      const first = await keyFileIn(join(dir, 'db'));
      const again = await keyFileIn(join(dir, 'db'));
      expect(again.equals(first)).toBe(true);
      const file = join(dir, 'db', KEY_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(parseSecretKey(await readFile(file, 'utf8'))?.equals(first)).toBe(true);
      await writeFile(file, 'garbage');
      await expect(keyFileIn(join(dir, 'db'))).rejects.toThrow(/does not hold a secret key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
