import { createAuthClient, isAuthError } from 'latchkey';
import type { AuthClient } from 'latchkey';
import { createAuthHandler, createDevOutbox, createSqliteStore, listen } from 'latchkey/server';
import type { RunningServer } from 'latchkey/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fastHasher, OTHER_PASSWORD, PASSWORD } from './helpers.js';

const running: RunningServer[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()!.close();
});

/** A fetch with its own cookie jar, like one browser profile. */
function browserFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      if (/Max-Age=0/.test(cookie)) jar.delete(pair!.slice(0, index));
      else jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    return response;
  };
}

async function start(transport: 'cookie' | 'bearer') {
  const outbox = createDevOutbox({ log: false });
  const handler = createAuthHandler({
    store: createSqliteStore({ filename: join(mkdtempSync(join(tmpdir(), 'latchkey-int-')), 'auth.db') }),
    appUrl: 'http://app.test',
    transport,
    mailer: outbox,
    passwordHasher: fastHasher,
    logger: () => undefined,
  });
  const server = await listen(handler);
  running.push(server);
  const client = (): AuthClient => createAuthClient({ baseUrl: `${server.url}/api/auth`, transport, fetch: browserFetch() });
  return { handler, outbox, client };
}

describe.each(['cookie', 'bearer'] as const)('the real client against the real server over HTTP (%s)', (transport) => {
  it('config, register, session, change password, profile, logout, login', async () => {
    const { client } = await start(transport);
    const ada = client();
    expect(await ada.getConfig()).toMatchObject({ transport, registration: 'open' });
    expect((await ada.getSession()).session).toBeNull();
    const registered = await ada.register({ username: 'ada', email: 'ada@example.com', password: PASSWORD });
    expect(registered.session?.user.username).toBe('ada');
    expect((await ada.getSession()).session?.user.email).toBe('ada@example.com');
    const other = client();
    await other.login({ identifier: 'ADA@example.com', password: PASSWORD });
    await ada.changePassword({ currentPassword: PASSWORD, newPassword: OTHER_PASSWORD });
    await expect(other.updateProfile({ name: 'x' })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect((await ada.updateProfile({ name: 'Ada L.' })).user.name).toBe('Ada L.');
    await ada.logout();
    expect((await ada.getSession()).session).toBeNull();
    const wrong = await ada.login({ identifier: 'ada', password: PASSWORD }).catch((e: unknown) => e);
    expect(isAuthError(wrong) && wrong.code).toBe('invalid_credentials');
    expect((await ada.login({ identifier: 'ada', password: OTHER_PASSWORD })).session.user.name).toBe('Ada L.');
  });

  it('forgot password → mailed link → reset → sign in', async () => {
    const { client, outbox, handler } = await start(transport);
    await client().register({ username: 'bob', email: 'bob@example.com', password: PASSWORD });
    const anon = client();
    await anon.forgotPassword({ identifier: 'bob' });
    await handler.idle();
    const token = /token=([A-Za-z0-9_-]+)/.exec(outbox.last('bob@example.com')!.text)![1]!;
    await anon.resetPassword({ token, password: OTHER_PASSWORD });
    expect((await anon.login({ identifier: 'bob', password: OTHER_PASSWORD })).session.user.username).toBe('bob');
  });

  it('throttling reaches the client as rate_limited with retryAfter', async () => {
    const { client } = await start(transport);
    const c = client();
    for (let i = 0; i < 5; i += 1) await c.login({ identifier: 'ghost', password: 'wrong password!' }).catch(() => undefined);
    const error = await c.login({ identifier: 'ghost', password: 'wrong password!' }).catch((e: unknown) => e);
    expect(isAuthError(error) && [error.code, error.retryAfter! > 0]).toEqual(['rate_limited', true]);
  });
});
