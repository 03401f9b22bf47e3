import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with Argon2id at the documented parameters, and verifies only the right password', async () => {
    const stored = await hashPassword('a long enough pass phrase', 'ada@trust.nhs.uk');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword('a long enough pass phrase', stored)).toBe(true);
    expect(await verifyPassword('a long enough pass phrasE', stored)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$abc$def')).toBe(true);
  });

  it('refuses short, overlong and email-like passwords, saying why', async () => {
    expect(passwordProblem('short', 'a@b.uk')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(257), 'a@b.uk')).toMatch(/at most 256/);
    expect(passwordProblem('Ada.Lovelace@Trust.nhs.uk', 'ada.lovelace@trust.nhs.uk')).toMatch(/email/);
    expect(passwordProblem('correct horse battery staple', 'a@b.uk')).toBeNull();
    await expect(hashPassword('short', 'a@b.uk')).rejects.toMatchObject({ field: 'password' });
  });
});
