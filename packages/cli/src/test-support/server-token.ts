/**
 * A platform administrator's personal API token on a test server: the first administrator made
 * with the set-up link the server logged, then a read-write token made in their session.
 */
import type { ServeProcess } from './serve-process.js';

async function setupLink(server: ServeProcess): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const found = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(server.output());
    if (found) return found[1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server logged no set-up link:\n${server.output()}`);
}

/** Creates the first administrator and returns a read-write API token of theirs. */
export async function adminToken(server: ServeProcess): Promise<string> {
  const setup = await fetch(`${server.url}/api/v1/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: await setupLink(server),
      email: 'admin@example.nhs.uk',
      displayName: 'Test administrator',
      password: 'correct horse battery staple',
    }),
  });
  if (setup.status !== 200) throw new Error(`set-up failed: ${setup.status} ${await setup.text()}`);
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const cookie = setup.headers.getSetCookie()[0]!.split(';')[0]!;
  const made = await fetch(`${server.url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'command line tests', scopes: ['read', 'write'] }),
  });
  if (made.status !== 201) throw new Error(`making a token failed: ${made.status} ${await made.text()}`);
  return ((await made.json()) as { token: string }).token;
}
