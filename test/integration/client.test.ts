import { afterEach, describe, expect, it } from 'vitest';
import { createAuthClient, isAuthError } from 'latchkey';
import type { AuthClient, AuthClientEvent } from 'latchkey';
import { cookieJarFetch, startRealServer } from './realServer.js';
import type { RealServer } from './realServer.js';

let server: RealServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const PASSWORD = 'plum harbour cobalt 19';
const NEW_PASSWORD = 'seven quiet lanterns glow';

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAuthError(error)) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

for (const transport of ['cookie', 'bearer'] as const) {
  describe(`the real client against the real server over HTTP (${transport} transport)`, () => {
    // In cookie mode each client gets its own cookie jar: one jar is one browser.
    const makeClient = (baseUrl: string): AuthClient =>
      createAuthClient({ baseUrl, transport, ...(transport === 'cookie' ? { fetch: cookieJarFetch() } : {}) });

    it('register → session → logout → login → change password (other sessions end) → logout', async () => {
      server = await startRealServer({ transport });
      const client = makeClient(server.baseUrl);
      const events: AuthClientEvent[] = [];
      client.subscribe((event) => events.push(event));

      const config = await client.getConfig();
      expect(config).toMatchObject({ contract: 1, transport, registration: 'open' });
      expect((await client.getSession()).session).toBeNull();

      const registered = await client.register({ username: 'ada', email: 'ada@example.com', name: 'Ada', password: PASSWORD });
      expect(registered.session?.user).toMatchObject({ username: 'ada', email: 'ada@example.com', name: 'Ada', roles: [] });
      expect((await client.getSession()).session?.user.username).toBe('ada');

      await client.logout();
      expect((await client.getSession()).session).toBeNull();

      expect(await errorCode(client.login({ identifier: 'ada', password: 'not the password at all' }))).toBe('invalid_credentials');
      const login = await client.login({ identifier: 'ADA@example.com', password: PASSWORD });
      expect(login.session.user.username).toBe('ada');
      expect(Date.parse(login.session.expiresAt ?? '')).toBeGreaterThan(Date.now());
      if (transport === 'bearer') expect(login.tokens?.refreshToken).toEqual(expect.any(String));

      // A second browser / device signed in as the same user.
      const other = makeClient(server.baseUrl);
      await other.login({ identifier: 'ada', password: PASSWORD });
      expect((await other.getSession()).session?.user.username).toBe('ada');

      expect(await errorCode(client.changePassword({ currentPassword: 'wrong current password', newPassword: NEW_PASSWORD }))).toBe(
        'invalid_credentials',
      );
      const changed = await client.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(changed.session.user.username).toBe('ada');
      expect((await client.getSession()).session?.user.username).toBe('ada');

      // The other session was revoked by the change.
      const otherEvents: AuthClientEvent[] = [];
      other.subscribe((event) => otherEvents.push(event));
      const afterChange = await other.getSession().then(
        (answer) => answer.session,
        (error: unknown) => (isAuthError(error) ? error.code : error),
      );
      expect(afterChange).toBeNull();
      if (transport === 'bearer') expect(otherEvents).toContainEqual({ type: 'signed-out', reason: expect.any(String) });

      expect(await errorCode(other.login({ identifier: 'ada', password: PASSWORD }))).toBe('invalid_credentials');
      await other.login({ identifier: 'ada', password: NEW_PASSWORD });

      const profile = await client.updateProfile({ name: 'Ada Lovelace' });
      expect(profile.user.name).toBe('Ada Lovelace');

      await client.logout();
      expect((await client.getSession()).session).toBeNull();
      expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['signed-in', 'signed-out', 'session']));
    });

    it('forgot password → the mailed token resets the password once', async () => {
      server = await startRealServer({ transport });
      const client = makeClient(server.baseUrl);
      await client.register({ username: 'bob', email: 'bob@example.com', password: PASSWORD });
      await client.logout();
      await client.forgotPassword({ identifier: 'bob@example.com' });
      await server.handler.idle();
      const mail = server.outbox.last('bob@example.com');
      const link = /https?:\/\/\S+/.exec(mail?.text ?? '')?.[0] ?? '';
      expect(link.startsWith(`${server.origin}/reset-password?token=`)).toBe(true);
      const token = new URL(link).searchParams.get('token') ?? '';
      await client.resetPassword({ token, password: NEW_PASSWORD });
      expect(await errorCode(client.resetPassword({ token, password: 'another new passphrase' }))).toBe('invalid_token');
      expect((await client.login({ identifier: 'bob', password: NEW_PASSWORD })).session.user.username).toBe('bob');
    });
  });
}

describe('transport-specific behaviour of the real server, seen through the client', () => {
  it('cookie: the session lives in an HttpOnly cookie; a state change without the CSRF token is refused', async () => {
    server = await startRealServer({ transport: 'cookie' });
    const jar = cookieJarFetch();
    const client = createAuthClient({ baseUrl: server.baseUrl, transport: 'cookie', fetch: jar });
    await client.register({ username: 'carol', email: 'carol@example.com', password: PASSWORD });
    expect([...jar.cookies.keys()]).toEqual(expect.arrayContaining(['lk_session', 'lk_csrf']));
    // The same browser, but a request that does not carry the CSRF header (a forged form post).
    const forged = await jar(`${server.baseUrl}/logout`, { method: 'POST' });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    expect((await client.getSession()).session?.user.username).toBe('carol');
    // A replayed cookie after logout is worth nothing.
    const captured = jar.cookies.get('lk_session') ?? '';
    await client.logout();
    const replay = await fetch(`${server.baseUrl}/verify`, { headers: { cookie: `lk_session=${captured}` } });
    expect(replay.status).toBe(401);
  });

  it('bearer: refresh rotates the refresh token; reusing the old one ends the session', async () => {
    server = await startRealServer({ transport: 'bearer' });
    const client = createAuthClient({ baseUrl: server.baseUrl, transport: 'bearer' });
    const first = await client.register({ username: 'dave', email: 'dave@example.com', password: PASSWORD });
    const oldRefresh = first.tokens?.refreshToken ?? '';
    const refreshed = await client.refresh();
    expect(refreshed.tokens?.refreshToken).toEqual(expect.any(String));
    expect(refreshed.tokens?.refreshToken).not.toBe(oldRefresh);
    const reuse = await fetch(`${server.baseUrl}/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: oldRefresh }),
    });
    expect(reuse.status).toBe(401);
    const afterReuse = await client.getSession().then(
      (answer) => answer.session,
      (error: unknown) => (isAuthError(error) ? error.code : error),
    );
    expect(afterReuse).toBeNull();
  });
});

describe('bearer expiry against the real server (server clock moved forward)', () => {
  it('concurrent 401s share one refresh and retry once; when the session itself ended, the client signs out without a loop', async () => {
    let now = Date.now();
    server = await startRealServer({ transport: 'bearer', clock: { now: () => now } });
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.split('/api/auth/')[1] ?? ''}`);
      return fetch(input, init);
    };
    const client = createAuthClient({ baseUrl: server.baseUrl, transport: 'bearer', fetch: counting });
    const events: AuthClientEvent[] = [];
    client.subscribe((event) => events.push(event));
    await client.register({ username: 'gwen', email: 'gwen@example.com', password: PASSWORD });

    now += 16 * 60_000; // the 15-minute access token has expired; the session (idle 30 min) has not
    calls.length = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.getSession()));
    expect(answers.map((answer) => answer.session?.user.username)).toEqual(['gwen', 'gwen', 'gwen', 'gwen', 'gwen']);
    expect(calls.filter((call) => call === 'POST refresh')).toHaveLength(1);
    expect(calls.filter((call) => call === 'GET session')).toHaveLength(10); // 5 refused, 5 retried

    now += 13 * 60 * 60_000; // past the absolute lifetime: refresh cannot help
    calls.length = 0;
    events.length = 0;
    const ended = await client.getSession().then(
      (answer) => answer.session,
      (error: unknown) => (isAuthError(error) ? error.code : error),
    );
    expect(ended).toBeNull();
    expect(calls.filter((call) => call === 'POST refresh')).toHaveLength(1);
    expect(events.map((event) => event.type)).toContain('signed-out');
    expect(events.some((event) => event.type === 'signed-in')).toBe(false);
  });
});

describe('cookie CSRF rotation against the real server', () => {
  it('two tabs of one browser: after tab B signs in (the CSRF token rotates), tab A retries once with the new token and succeeds', async () => {
    server = await startRealServer({ transport: 'cookie' });
    const browser = cookieJarFetch(); // one cookie jar shared by both tabs
    const calls: string[] = [];
    const tabAFetch: typeof fetch = (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.split('/api/auth/')[1] ?? ''}`);
      return browser(input, init);
    };
    const tabA = createAuthClient({ baseUrl: server.baseUrl, transport: 'cookie', fetch: tabAFetch });
    const tabB = createAuthClient({ baseUrl: server.baseUrl, transport: 'cookie', fetch: browser });
    await tabA.register({ username: 'hana', email: 'hana@example.com', password: PASSWORD });
    await tabB.logout();
    await tabB.login({ identifier: 'hana', password: PASSWORD }); // rotates lk_csrf; tab A still holds the old token
    calls.length = 0;
    const updated = await tabA.updateProfile({ name: 'Hana' });
    expect(updated.user.name).toBe('Hana');
    expect(calls).toEqual(['PATCH user', 'GET session', 'PATCH user']);
  });
});
