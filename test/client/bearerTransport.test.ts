import { describe, expect, it, vi } from 'vitest';
import { createAuthClient, isAuthError, memoryTokenStorage, persistentTokenStorage } from 'latchkey';
import type { AuthClientEvent, TokenStorage } from 'latchkey';
import type { Tokens } from 'latchkey/contract';
import { HttpResponse, bearerBackend, errorResponse, http, installServer, seen, server, session, tokens, url } from './support.js';

installServer();

const password = 'correct horse battery staple';

function storageWith(initial: Tokens | null): TokenStorage {
  const storage = memoryTokenStorage();
  if (initial) storage.set(initial);
  return storage;
}

function recordEvents(client: { subscribe: (l: (e: AuthClientEvent) => void) => () => void }) {
  const events: AuthClientEvent[] = [];
  client.subscribe((event) => events.push(event));
  return events;
}

const noTokenInUrls = () => {
  for (const request of seen) expect(request.url, request.url).not.toMatch(/access-|refresh-|token/i);
};

describe('bearer transport', () => {
  it('keeps tokens in memory by default and sends them as Authorization only', async () => {
    const backend = bearerBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer' });
    const { session: signedIn } = await client.login({ identifier: 'ada', password });
    expect(signedIn.user.username).toBe('ada');
    expect((await client.getSession()).session?.user.id).toBe('u1');
    expect(seen[0]?.headers.has('Authorization')).toBe(false); // login carries no old token
    expect(seen[1]?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    noTokenInUrls();
  });

  it('never sends cookies or a CSRF header', async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => HttpResponse.json({ session, tokens: tokens(1) }));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', fetch: fetchSpy });
    await client.login({ identifier: 'ada', password });
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('omit');
    expect(new Headers(init?.headers).has('X-CSRF-Token')).toBe(false);
  });

  it('persistentTokenStorage() is opt-in and survives a reload', async () => {
    const backend = bearerBackend();
    server.use(...backend.handlers);
    const first = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: persistentTokenStorage() });
    await first.login({ identifier: 'ada', password });
    expect(JSON.parse(localStorage.getItem('latchkey.tokens') ?? 'null')).toEqual(tokens(1));
    const afterReload = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: persistentTokenStorage() });
    expect((await afterReload.getSession()).session?.user.username).toBe('ada');
    await afterReload.logout();
    expect(localStorage.getItem('latchkey.tokens')).toBeNull();
    localStorage.clear();
  });

  it('concurrent 401s share one refresh, and each request is retried once', async () => {
    const backend = bearerBackend({ refreshDelayMs: 30 });
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storageWith(tokens(1)) });
    const events = recordEvents(client);
    backend.state.expired = true;
    const [a, b, c, d, e] = await Promise.all([
      client.getSession(),
      client.admin.listUsers(),
      client.admin.listInvites(),
      client.updateProfile({ name: 'Ada' }),
      client.admin.listUsers({ limit: 10 }),
    ]);
    expect(a.session?.user.id).toBe('u1');
    expect(b.total).toBe(1);
    expect(c.invites).toEqual([]);
    expect(d.user.id).toBe('u1');
    expect(e.users).toHaveLength(1);
    expect(backend.state.refreshes).toBe(1);
    const byPath = (path: string) => seen.filter((r) => r.path === `/api/auth/${path}`).map((r) => r.headers.get('Authorization'));
    expect(byPath('session')).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(byPath('admin/invites')).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(byPath('user')).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(byPath('refresh')).toEqual([null]);
    expect(events.filter((ev) => ev.type === 'signed-in')).toHaveLength(1);
    expect(events.some((ev) => ev.type === 'signed-out')).toBe(false);
    noTokenInUrls();
  });

  it('a 401 arriving after another request refreshed is retried with the new token, without a second refresh', async () => {
    const backend = bearerBackend();
    server.use(
      http.get(url('admin/invites'), async ({ request }) => {
        if (request.headers.get('Authorization') === 'Bearer access-2') return HttpResponse.json({ invites: [] });
        await new Promise((resolve) => setTimeout(resolve, 80)); // comes back after the refresh is done
        return errorResponse(401, 'unauthenticated', 'expired');
      }),
      ...backend.handlers,
    );
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storageWith(tokens(1)) });
    backend.state.expired = true;
    const [sessionAnswer, invites] = await Promise.all([client.getSession(), client.admin.listInvites()]);
    expect(sessionAnswer.session?.user.id).toBe('u1');
    expect(invites).toEqual({ invites: [] });
    expect(backend.state.refreshes).toBe(1);
    expect(seen.filter((r) => r.path === '/api/auth/admin/invites').map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
  });

  it('a refused refresh signs out once: tokens cleared, every waiting request rejected, no loop', async () => {
    const backend = bearerBackend({ refreshDelayMs: 20 });
    backend.state.refuseRefresh = true;
    server.use(...backend.handlers);
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    await client.admin.listInvites(); // signed in and working
    const events = recordEvents(client);
    seen.length = 0;
    backend.state.expired = true;
    const results = await Promise.allSettled([
      client.admin.listUsers(),
      client.admin.listInvites(),
      client.updateProfile({ name: 'x' }),
      client.getSession(),
    ]);
    expect(results.slice(0, 3).map((r) => (r.status === 'rejected' && isAuthError(r.reason) ? r.reason.code : r.status))).toEqual([
      'unauthenticated',
      'unauthenticated',
      'unauthenticated',
    ]);
    // GET session answers "nobody" rather than failing.
    expect(results[3]).toEqual({ status: 'fulfilled', value: { session: null } });
    expect(storage.get()).toBeNull();
    expect(backend.state.refreshes).toBe(1);
    expect(seen).toHaveLength(5); // 4 requests + 1 refresh, no retries after the refused refresh
    expect(events.filter((e) => e.type === 'signed-out'), JSON.stringify(events)).toEqual([{ type: 'signed-out', reason: 'revoked' }]);

    // Later requests go out without a token and are not refreshed either.
    seen.length = 0;
    await expect(client.admin.listUsers()).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(seen.map((r) => r.path)).toEqual(['/api/auth/admin/users']);
    expect(seen[0]?.headers.has('Authorization')).toBe(false);
  });

  it('without a refresh token, a 401 unauthenticated signs out at once', async () => {
    const backend = bearerBackend();
    server.use(...backend.handlers);
    const storage = storageWith(tokens(1, null));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    await client.getSession();
    const events = recordEvents(client);
    backend.state.expired = true;
    await expect(client.updateProfile({ name: 'x' })).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(backend.state.refreshes).toBe(0);
    expect(storage.get()).toBeNull();
    expect(events).toEqual([{ type: 'signed-out', reason: 'expired' }]);
  });

  it('a retry that still gets 401 after a good refresh signs out, without a second refresh', async () => {
    const backend = bearerBackend();
    server.use(http.patch(url('user'), () => errorResponse(401, 'unauthenticated', 'nope')), ...backend.handlers);
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    await client.getSession();
    const events = recordEvents(client);
    await expect(client.updateProfile({ name: 'x' })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(backend.state.refreshes).toBe(1);
    expect(seen.filter((r) => r.path === '/api/auth/user')).toHaveLength(2);
    expect(storage.get()).toBeNull();
    expect(events.map((e) => e.type)).toEqual(['signed-in', 'signed-out']);
  });

  it('a refresh without an answer (network) keeps the tokens and rejects retryably', async () => {
    const backend = bearerBackend();
    server.use(http.post(url('refresh'), () => HttpResponse.error()), ...backend.handlers);
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    const events = recordEvents(client);
    backend.state.expired = true;
    const error = await client.admin.listUsers().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', retryable: true, endpoint: 'POST refresh' });
    expect(storage.get()).toEqual(tokens(1));
    expect(events.some((e) => e.type === 'signed-out')).toBe(false);
  });

  it('only the code unauthenticated refreshes: 401 invalid_credentials does not', async () => {
    server.use(http.post(url('password/change'), () => errorResponse(401, 'invalid_credentials', 'Wrong password', { currentPassword: 'Wrong password' })));
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    const events = recordEvents(client);
    await expect(client.changePassword({ currentPassword: 'wrong one', newPassword: password })).rejects.toMatchObject({
      code: 'invalid_credentials',
      fields: { currentPassword: 'Wrong password' },
    });
    expect(seen.map((r) => r.path)).toEqual(['/api/auth/password/change']);
    expect(storage.get()).toEqual(tokens(1));
    expect(events).toEqual([]);
  });

  it('a 401 without a contract error body neither refreshes nor signs out', async () => {
    server.use(http.get(url('admin/users'), () => new HttpResponse('Unauthorized', { status: 401, headers: { 'Content-Type': 'text/plain' } })));
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    const events = recordEvents(client);
    await expect(client.admin.listUsers()).rejects.toMatchObject({ code: 'contract_mismatch', status: 401 });
    expect(seen).toHaveLength(1);
    expect(storage.get()).toEqual(tokens(1));
    expect(events).toEqual([]);
  });

  it('refresh() rotates the tokens; concurrent calls share one request', async () => {
    const backend = bearerBackend({ refreshDelayMs: 10 });
    server.use(...backend.handlers);
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    const [a, b] = await Promise.all([client.refresh(), client.refresh()]);
    expect(a).toBe(b);
    expect(backend.state.refreshes).toBe(1);
    expect(storage.get()).toEqual(tokens(2));
    expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({ refreshToken: 'refresh-1' });
    expect(await client.extendSession()).toEqual(session);
    expect(storage.get()).toEqual(tokens(3));
    noTokenInUrls();
  });

  it('extendSession() without a refresh token re-reads GET session', async () => {
    const backend = bearerBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storageWith(tokens(1, null)) });
    expect(await client.extendSession()).toEqual(session);
    expect(seen.map((r) => r.path)).toEqual(['/api/auth/session']);
  });

  it('logout sends the token, then forgets it', async () => {
    const backend = bearerBackend();
    server.use(...backend.handlers);
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    const events = recordEvents(client);
    await client.logout();
    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(storage.get()).toBeNull();
    expect(events).toEqual([{ type: 'signed-out', reason: 'logout' }]);
  });

  it('a refresh still under way when the user logs out does not sign them back in', async () => {
    const backend = bearerBackend({ refreshDelayMs: 40 });
    server.use(...backend.handlers);
    const storage = storageWith(tokens(1));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    const events = recordEvents(client);
    const refreshing = client.refresh().catch((e: unknown) => e);
    await client.logout();
    expect(await refreshing).toMatchObject({ code: 'unauthenticated', endpoint: 'POST refresh' });
    expect(storage.get()).toBeNull();
    expect(events).toEqual([{ type: 'signed-out', reason: 'logout' }]);
  });

  it('two tabs sharing persistent storage refresh one at a time (Web Locks), so rotation never looks like reuse', async () => {
    const queues = new Map<string, Promise<unknown>>();
    const locks = {
      request(name: string, task: () => Promise<unknown>) {
        const run = (queues.get(name) ?? Promise.resolve()).then(() => task());
        queues.set(name, run.catch(() => undefined));
        return run;
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      const backend = bearerBackend({ refreshDelayMs: 30 });
      server.use(...backend.handlers);
      persistentTokenStorage().set(tokens(1));
      const tabA = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: persistentTokenStorage() });
      const tabB = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: persistentTokenStorage() });
      const eventsA = recordEvents(tabA);
      const eventsB = recordEvents(tabB);
      backend.state.expired = true;
      const [a, b] = await Promise.all([tabA.getSession(), tabB.getSession()]);
      expect(a.session?.user.id).toBe('u1');
      expect(b.session?.user.id).toBe('u1');
      expect(backend.state.refreshes).toBe(1);
      expect(persistentTokenStorage().get()).toEqual(tokens(2));
      expect([...eventsA, ...eventsB].some((e) => e.type === 'signed-out')).toBe(false);
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
      localStorage.clear();
    }
  });

  it('no event ever carries a token', async () => {
    const backend = bearerBackend();
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer' });
    const events = recordEvents(client);
    await client.login({ identifier: 'ada', password });
    backend.state.expired = true;
    await client.getSession();
    await client.changePassword({ currentPassword: password, newPassword: `${password}!` });
    await client.logout();
    expect(events.map((e) => e.type)).toEqual(['signed-in', 'signed-in', 'session', 'signed-in', 'signed-out']);
    expect(JSON.stringify(events)).not.toMatch(/access-|refresh-|token/i);
  });
});

describe('credentials only go to the configured origin', () => {
  const API = 'https://api.example.com/auth';

  it('Authorization goes to the configured API origin and nowhere else, not even on a redirect', async () => {
    let evilHits = 0;
    server.use(
      http.get(`${API}/session`, () => new HttpResponse(null, { status: 307, headers: { Location: 'https://evil.example/steal' } })),
      http.all('https://evil.example/*', () => {
        evilHits += 1;
        return HttpResponse.json({ session });
      }),
      http.get(`${API}/admin/invites`, () => HttpResponse.json({ invites: [] })),
    );
    const client = createAuthClient({ baseUrl: API, transport: 'bearer', tokenStorage: storageWith(tokens(1)) });
    await expect(client.getSession()).rejects.toMatchObject({ code: 'contract_mismatch', endpoint: 'GET session' });
    await client.admin.listInvites();
    expect(evilHits).toBe(0);
    expect(seen.map((r) => r.url)).toEqual([`${API}/session`, `${API}/admin/invites`]);
    for (const request of seen) expect(request.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('path parameters cannot leave the base URL', async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => new HttpResponse(null, { status: 204 }));
    const client = createAuthClient({ baseUrl: API, transport: 'bearer', fetch: fetchSpy, tokenStorage: storageWith(tokens(1)) });
    for (const id of ['..', '.', '']) {
      await expect(client.admin.deleteUser(id)).rejects.toMatchObject({ code: 'invalid_request', endpoint: 'DELETE admin/users/:id' });
    }
    await client.admin.deleteUser('../../../evil');
    await client.admin.deleteInvite('a/b?c#d');
    expect(fetchSpy.mock.calls.map(([input]) => input)).toEqual([
      `${API}/admin/users/..%2F..%2F..%2Fevil`,
      `${API}/admin/invites/a%2Fb%3Fc%23d`,
    ]);
  });

  it('every request of every method stays under the base URL', async () => {
    const urls: string[] = [];
    const fetchSpy = vi.fn<typeof fetch>(async (input) => {
      urls.push(String(input));
      return HttpResponse.json({}, { status: 202 });
    });
    const client = createAuthClient({ baseUrl: `${API}/`, transport: 'bearer', fetch: fetchSpy, tokenStorage: storageWith(tokens(1)) });
    await client.forgotPassword({ identifier: 'ada' });
    await client.forgotUsername({ email: 'ada@example.com' });
    await client.admin.listUsers({ query: 'a b', offset: 0, limit: 5 }).catch(() => undefined);
    expect(urls).toEqual([`${API}/password/forgot`, `${API}/username/forgot`, `${API}/admin/users?query=a+b&offset=0&limit=5`]);
  });

  it('keeps tokens another tab stored while a GET session was out, and asks again with them', async () => {
    localStorage.clear();
    const storage = persistentTokenStorage();
    let calls = 0;
    server.use(
      http.get(url('session'), ({ request }) => {
        calls += 1;
        if (calls === 1) {
          // Tab A signs in while this tab's token-less request is on its way.
          storage.set(tokens(7));
          return HttpResponse.json({ session: null });
        }
        return request.headers.get('Authorization') === 'Bearer access-7' ? HttpResponse.json({ session }) : HttpResponse.json({ session: null });
      }),
    );
    const tabB = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: persistentTokenStorage() });
    const answer = await tabB.getSession();
    expect(answer.session?.user.username).toBe('ada');
    expect(calls).toBe(2);
    expect(persistentTokenStorage().get()).toEqual(tokens(7));
    localStorage.clear();
  });

  it('still clears tokens the server answered about with no session', async () => {
    const storage = storageWith(tokens(3));
    server.use(http.get(url('session'), () => HttpResponse.json({ session: null })));
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });
    expect((await client.getSession()).session).toBeNull();
    expect(storage.get()).toBeNull();
  });
});
