import { describe, expect, it } from 'vitest';
import { createAuthClient } from 'latchkey';
import type { AuthClientEvent } from 'latchkey';
import { HttpResponse, adminUser, config, cookieBackend, errorResponse, http, installServer, invite, seen, server, session, url, user } from './support.js';

installServer();

const password = 'correct horse battery staple';

function setup() {
  const backend = cookieBackend();
  server.use(...backend.handlers);
  const client = createAuthClient({ baseUrl: '/api/auth' });
  const events: AuthClientEvent[] = [];
  client.subscribe((event) => events.push(event));
  return { backend, client, events };
}

describe('one method per endpoint', () => {
  it('exposes its base URL and transport', () => {
    const client = createAuthClient({ baseUrl: '/api/auth/' });
    expect(client.baseUrl).toBe('http://localhost:3000/api/auth');
    expect(client.transport).toBe('cookie');
  });

  it('getConfig', async () => {
    const { client } = setup();
    expect(await client.getConfig()).toEqual(config);
  });

  it('getSession: null, then a session; emits what it saw', async () => {
    const { backend, client, events } = setup();
    expect(await client.getSession()).toEqual({ session: null, csrfToken: 'csrf-1' });
    backend.state.signedIn = true;
    expect((await client.getSession()).session).toEqual(session);
    expect(events).toEqual([
      { type: 'session', session: null },
      { type: 'session', session },
    ]);
  });

  it('login: one request when the CSRF token is known, and a signed-in event', async () => {
    const { client, events } = setup();
    await client.getSession();
    seen.length = 0;
    const result = await client.login({ identifier: 'ada', password, remember: true });
    expect(result.session).toEqual(session);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ identifier: 'ada', password, remember: true });
    expect(seen[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(events.at(-1)).toEqual({ type: 'signed-in', session });
  });

  it('register: 201 without a session says what comes next, and signs nobody in', async () => {
    const { client, events } = setup();
    const result = await client.register({ username: 'ada', email: 'ada@example.com', password, name: 'Ada' });
    expect(result).toEqual({ session: null, next: 'verify_email' });
    expect(events.some((e) => e.type === 'signed-in')).toBe(false);
  });

  it('register: 201 with a session signs in', async () => {
    server.use(
      http.get(url('session'), () => HttpResponse.json({ session: null, csrfToken: 'c' })),
      http.post(url('register'), () => HttpResponse.json({ session, csrfToken: 'c2' }, { status: 201 })),
    );
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const events: AuthClientEvent[] = [];
    client.subscribe((e) => events.push(e));
    expect((await client.register({ username: 'ada', email: 'ada@example.com', password })).session).toEqual(session);
    expect(events.at(-1)).toEqual({ type: 'signed-in', session });
  });

  it('verifyEmail and changePassword carry a new session', async () => {
    const { client, events } = setup();
    expect((await client.verifyEmail({ token: 'verify-token' })).session).toEqual(session);
    expect((await client.changePassword({ currentPassword: password, newPassword: `${password}!` })).session).toEqual(session);
    expect(events.filter((e) => e.type === 'signed-in')).toHaveLength(2);
  });

  it('forgotPassword, forgotUsername (202) and resetPassword (204) resolve with nothing', async () => {
    const { client } = setup();
    await expect(client.forgotPassword({ identifier: 'ada' })).resolves.toBeUndefined();
    await expect(client.forgotUsername({ email: 'ada@example.com' })).resolves.toBeUndefined();
    await expect(client.resetPassword({ token: 'reset-token', password })).resolves.toBeUndefined();
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/api/auth/password/forgot',
      '/api/auth/username/forgot',
      '/api/auth/password/reset',
    ]);
    // The reset token travels in the body, never in the URL.
    expect(seen.every((r) => !r.url.includes('reset-token'))).toBe(true);
  });

  it('updateProfile returns the user', async () => {
    const { client } = setup();
    expect(await client.updateProfile({ name: 'Ada King' })).toEqual({ user: { ...user, name: 'Ada King' } });
    expect(seen.at(-1)?.method).toBe('PATCH');
  });

  it('admin methods', async () => {
    const { client } = setup();
    expect(await client.admin.listUsers({ query: 'ad', offset: 10, limit: 20 })).toEqual({ users: [adminUser], total: 1 });
    expect(seen.at(-1)?.url).toBe('http://localhost:3000/api/auth/admin/users?query=ad&offset=10&limit=20');
    expect(await client.admin.createUser({ username: 'bob', roles: ['editor'] })).toEqual({ user: adminUser, resetUrl: 'https://app/reset#t' });
    expect((await client.admin.updateUser('u 2', { disabled: true })).user.disabled).toBe(true);
    expect(seen.at(-1)?.path).toBe('/api/auth/admin/users/u%202');
    expect(await client.admin.createResetLink('u2')).toEqual({ url: 'https://app/reset#t', expiresAt: '2026-03-01T12:30:00.000Z' });
    await expect(client.admin.deleteUser('u2')).resolves.toBeUndefined();
    expect(await client.admin.listInvites()).toEqual({ invites: [invite] });
    expect(await client.admin.createInvite({ email: 'new@example.com' })).toEqual({ invite });
    await expect(client.admin.deleteInvite('inv-1')).resolves.toBeUndefined();
  });

  it('admin listUsers names a bad query parameter', async () => {
    const { client } = setup();
    await expect(client.admin.listUsers({ limit: -1 })).rejects.toThrow('GET admin/users: query.limit must be an integer >= 0, got -1');
    await expect(client.admin.listUsers({ offset: 1.5 })).rejects.toMatchObject({ code: 'invalid_request', status: null });
    expect(seen).toHaveLength(0);
  });

  it('non-admins get a forbidden AuthError', async () => {
    server.use(http.get(url('admin/users'), () => errorResponse(403, 'forbidden', 'Administrators only')));
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await expect(client.admin.listUsers()).rejects.toMatchObject({ code: 'forbidden', status: 403, endpoint: 'GET admin/users' });
  });

  it('subscribe returns an unsubscribe function; a throwing listener does not break the others', async () => {
    const { backend, client } = setup();
    backend.state.signedIn = true;
    const seenByB: string[] = [];
    const offA = client.subscribe(() => {
      throw new Error('listener bug');
    });
    const offB = client.subscribe((e) => seenByB.push(e.type));
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      uncaught.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) => original(() => {
      try {
        task();
      } catch (error) {
        uncaught.push(error);
      }
    });
    try {
      await expect(client.getSession()).resolves.toMatchObject({ session });
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 0));
      globalThis.queueMicrotask = original;
      window.removeEventListener('error', onError);
    }
    expect(seenByB).toEqual(['session']);
    expect(uncaught).toHaveLength(1);
    offA();
    offB();
    await client.getSession();
    expect(seenByB).toEqual(['session']);
  });
});

describe('logout', () => {
  it('signs out on the server, forgets the CSRF token, emits signed-out', async () => {
    const { backend, client, events } = setup();
    await client.login({ identifier: 'ada', password });
    await client.logout();
    expect(backend.state.signedIn).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'signed-out', reason: 'logout' });
    seen.length = 0;
    await client.forgotPassword({ identifier: 'ada' });
    // A fresh CSRF token is read before the next state change.
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/auth/session', 'POST /api/auth/password/forgot']);
  });

  it.each([
    ['a 500', () => errorResponse(500, 'internal', 'boom')],
    ['a network error', () => HttpResponse.error()],
    ['an HTML page', () => new HttpResponse('<html></html>', { status: 502, headers: { 'Content-Type': 'text/html' } })],
    ['a 401 unauthenticated', () => errorResponse(401, 'unauthenticated', 'gone')],
    ['no answer (timeout)', () => new Promise<Response>(() => {})],
  ])('clears local state and resolves when the request fails with %s', async (_label, respond) => {
    const storage = {
      tokens: { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: '2026-03-01T12:15:00.000Z' } as null | {
        accessToken: string;
        refreshToken: string | null;
        expiresAt: string;
      },
    };
    server.use(http.post(url('logout'), respond));
    const client = createAuthClient({
      baseUrl: '/api/auth',
      transport: 'bearer',
      timeoutMs: 50,
      tokenStorage: { get: () => storage.tokens, set: (t) => (storage.tokens = t), clear: () => (storage.tokens = null) },
    });
    const events: AuthClientEvent[] = [];
    client.subscribe((e) => events.push(e));
    await expect(client.logout()).resolves.toBeUndefined();
    expect(storage.tokens).toBeNull();
    expect(events).toEqual([{ type: 'signed-out', reason: 'logout' }]);
  });

  it('also in cookie mode when the CSRF read fails', async () => {
    server.use(http.get(url('session'), () => HttpResponse.error()));
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const events: AuthClientEvent[] = [];
    client.subscribe((e) => events.push(e));
    await expect(client.logout()).resolves.toBeUndefined();
    expect(events).toEqual([{ type: 'signed-out', reason: 'logout' }]);
  });
});
