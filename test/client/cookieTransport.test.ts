import { describe, expect, it, vi } from 'vitest';
import { createAuthClient } from 'latchkey';
import type { AuthClient } from 'latchkey';
import { HttpResponse, cookieBackend, errorResponse, http, installServer, seen, server, url } from './support.js';

installServer();

const password = 'correct horse battery staple';

/** Calls every state-changing method once. */
async function everyMutation(client: AuthClient) {
  await client.login({ identifier: 'ada', password });
  await client.register({ username: 'ada', email: 'ada@example.com', password });
  await client.verifyEmail({ token: 'verify-token' });
  await client.forgotPassword({ identifier: 'ada' });
  await client.resetPassword({ token: 'reset-token', password });
  await client.changePassword({ currentPassword: password, newPassword: `${password}!` });
  await client.forgotUsername({ email: 'ada@example.com' });
  await client.updateProfile({ name: 'Ada King' });
  await client.admin.createUser({ username: 'bob' });
  await client.admin.updateUser('u2', { disabled: true });
  await client.admin.createResetLink('u2');
  await client.admin.deleteUser('u2');
  await client.admin.createInvite({ expiresInHours: 24 });
  await client.admin.deleteInvite('inv-1');
  await client.logout();
}

describe('cookie transport', () => {
  it('sends the current CSRF token on every POST, PATCH and DELETE, and none on GET', async () => {
    const backend = cookieBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await client.getConfig();
    await everyMutation(client);
    await client.admin.listUsers();
    await client.admin.listInvites();

    const mutations = seen.filter((r) => r.method !== 'GET');
    expect(mutations).toHaveLength(15);
    expect(backend.state.csrfFailures).toBe(0);
    for (const request of mutations) expect(request.headers.get('X-CSRF-Token'), `${request.method} ${request.path}`).toMatch(/^csrf-\d$/);
    for (const request of seen.filter((r) => r.method === 'GET')) expect(request.headers.has('X-CSRF-Token')).toBe(false);
    // Cookie mode never sends an Authorization header.
    expect(seen.some((r) => r.headers.has('Authorization'))).toBe(false);
  });

  it('reads a CSRF token from GET session before the first state change, once for concurrent ones', async () => {
    const backend = cookieBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await Promise.all([client.forgotPassword({ identifier: 'a' }), client.forgotPassword({ identifier: 'b' }), client.forgotUsername({ email: 'c@d.e' })]);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/auth/session',
      'POST /api/auth/password/forgot',
      'POST /api/auth/password/forgot',
      'POST /api/auth/username/forgot',
    ]);
  });

  it('uses the token from GET session without asking again', async () => {
    const backend = cookieBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await client.getSession();
    await client.login({ identifier: 'ada', password });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/auth/session', 'POST /api/auth/login']);
  });

  it('takes the rotated token from the login answer (no follow-up request)', async () => {
    const backend = cookieBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await client.getSession();
    await client.login({ identifier: 'ada', password });
    await client.updateProfile({ name: 'Ada King' });
    expect(seen.map((r) => r.headers.get('X-CSRF-Token'))).toEqual([null, 'csrf-1', 'csrf-2']);
  });

  it('after 403 csrf_failed re-reads GET session once and retries once', async () => {
    const backend = cookieBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await client.getSession();
    backend.state.csrf = 'csrf-7'; // rotated behind the client's back (another tab signed in)
    const { user } = await client.updateProfile({ name: 'Ada King' });
    expect(user.name).toBe('Ada King');
    expect(seen.map((r) => `${r.method} ${r.path} ${r.headers.get('X-CSRF-Token') ?? '-'}`)).toEqual([
      'GET /api/auth/session -',
      'PATCH /api/auth/user csrf-1',
      'GET /api/auth/session -',
      'PATCH /api/auth/user csrf-7',
    ]);
  });

  it('gives up after the one retry when the CSRF check keeps failing', async () => {
    let patches = 0;
    server.use(
      http.get(url('session'), () => HttpResponse.json({ session: null, csrfToken: 'csrf-x' })),
      http.patch(url('user'), () => {
        patches += 1;
        return errorResponse(403, 'csrf_failed', 'CSRF check failed');
      }),
    );
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await expect(client.updateProfile({ name: 'x' })).rejects.toMatchObject({ code: 'csrf_failed', status: 403, endpoint: 'PATCH user' });
    expect(patches).toBe(2);
    expect(seen.filter((r) => r.path.endsWith('/session'))).toHaveLength(2);
  });

  it("a 403 forbidden is not a CSRF problem: no retry", async () => {
    server.use(
      http.get(url('session'), () => HttpResponse.json({ session: null, csrfToken: 'c' })),
      http.delete(url('admin/users/:id'), () => errorResponse(403, 'forbidden', 'Admins only')),
    );
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await expect(client.admin.deleteUser('u2')).rejects.toMatchObject({ code: 'forbidden', message: 'Admins only' });
    expect(seen.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it("sends credentials: 'include' and never follows redirects", async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => HttpResponse.json({ session: null, csrfToken: 'c' }));
    const client = createAuthClient({ baseUrl: 'https://api.example.com/auth', fetch: fetchSpy });
    await client.getSession();
    const [input, init] = fetchSpy.mock.calls[0] ?? [];
    expect(input).toBe('https://api.example.com/auth/session');
    expect(init).toMatchObject({ method: 'GET', credentials: 'include', redirect: 'manual', cache: 'no-store' });
  });

  it('never stores tokens, even when a cookie-mode answer carries some', async () => {
    const storage = { get: vi.fn(() => null), set: vi.fn(), clear: vi.fn() };
    server.use(
      http.get(url('session'), () => HttpResponse.json({ session: null, csrfToken: 'c' })),
      http.post(url('login'), () =>
        HttpResponse.json({
          session: { user: { id: 'u1', username: 'ada', email: null, name: null, roles: [] }, expiresAt: null },
          tokens: { accessToken: 'a-token', refreshToken: 'r-token', expiresAt: '2026-03-01T12:15:00.000Z' },
        }),
      ),
    );
    const client = createAuthClient({ baseUrl: '/api/auth', tokenStorage: storage });
    await client.login({ identifier: 'ada', password });
    await client.getSession();
    expect(storage.set).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(seen.some((r) => r.headers.has('Authorization'))).toBe(false);
  });

  it('refresh() explains that cookie mode extends with GET session', async () => {
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await expect(client.refresh()).rejects.toThrow('POST refresh: refresh() is for the bearer transport; with cookies use extendSession()');
    expect(seen).toHaveLength(0);
  });

  it('extendSession() re-reads GET session', async () => {
    const backend = cookieBackend();
    backend.state.signedIn = true;
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const extended = await client.extendSession();
    expect(extended?.user.username).toBe('ada');
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/auth/session']);
  });

  it('a 401 unauthenticated ends the session once, however many requests get it', async () => {
    const signedIn = { user: { id: 'u1', username: 'ada', email: null, name: null, roles: [] }, expiresAt: null };
    server.use(
      http.get(url('session'), () => HttpResponse.json({ session: signedIn, csrfToken: 'c' })),
      http.patch(url('user'), () => errorResponse(401, 'unauthenticated', 'Please sign in')),
      http.get(url('admin/users'), () => errorResponse(401, 'unauthenticated', 'Please sign in')),
    );
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await client.getSession();
    const events: string[] = [];
    client.subscribe((e) => events.push(e.type === 'signed-out' ? `signed-out:${e.reason}` : e.type));
    const results = await Promise.allSettled([client.updateProfile({ name: 'x' }), client.admin.listUsers(), client.admin.listUsers()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(events.filter((e) => e.startsWith('signed-out'))).toEqual(['signed-out:expired']);
  });
});
