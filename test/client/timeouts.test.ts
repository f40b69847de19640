import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from 'latchkey';
import { HttpResponse, http, installServer, seen, server, url } from './support.js';

installServer();

afterEach(() => {
  vi.useRealTimers();
});

const never = () => new Promise<Response>(() => {});
const password = 'correct horse battery staple';

describe('timeouts and aborts', () => {
  it('a request without an answer fails as a retryable timeout naming the endpoint', async () => {
    server.use(http.get(url('session'), never));
    const client = createAuthClient({ baseUrl: '/api/auth', timeoutMs: 50 });
    const error = await client.getSession().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthError', code: 'timeout', retryable: true, status: null, endpoint: 'GET session' });
    expect((error as Error).message).toBe('GET session: no answer within 50 ms');
  });

  it('the default timeout is 15 seconds (fake timers)', async () => {
    vi.useFakeTimers();
    const fetchSpy = vi.fn<typeof fetch>(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const client = createAuthClient({ baseUrl: 'https://api.example.com/auth', fetch: fetchSpy });
    const pending = client.getConfig().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(fetchSpy.mock.calls[0]?.[1]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ code: 'timeout', endpoint: 'GET config' });
    expect(fetchSpy.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('a body that stalls after the headers also times out', async () => {
    server.use(
      http.get(url('session'), () => {
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"session":'));
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const client = createAuthClient({ baseUrl: '/api/auth', timeoutMs: 60 });
    await expect(client.getSession()).rejects.toMatchObject({ code: 'timeout', retryable: true });
  });

  it('times out even when a custom fetch ignores the signal', async () => {
    const client = createAuthClient({ baseUrl: 'https://api.example.com/auth', timeoutMs: 30, fetch: never });
    await expect(client.getConfig()).rejects.toMatchObject({ code: 'timeout' });
  });

  it("the caller's signal aborts the request: code aborted, not retryable", async () => {
    let requestSignal: AbortSignal | undefined;
    server.use(
      http.get(url('config'), ({ request }) => {
        requestSignal = request.signal;
        return never();
      }),
    );
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const controller = new AbortController();
    const pending = client.getConfig(controller.signal).catch((e: unknown) => e);
    await vi.waitFor(() => expect(requestSignal).toBeDefined());
    controller.abort();
    expect(await pending).toMatchObject({ code: 'aborted', retryable: false, endpoint: 'GET config' });
    expect(requestSignal?.aborted).toBe(true);
  });

  it('an already-aborted signal sends nothing', async () => {
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const controller = new AbortController();
    controller.abort();
    await expect(client.login({ identifier: 'ada', password }, controller.signal)).rejects.toMatchObject({ code: 'aborted' });
    expect(seen).toHaveLength(0);
  });

  it('aborting one caller does not abort a refresh others wait for', async () => {
    let refreshes = 0;
    server.use(
      http.post(url('refresh'), async () => {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 40));
        return HttpResponse.json({
          session: { user: { id: 'u1', username: 'ada', email: null, name: null, roles: [] }, expiresAt: null },
          tokens: { accessToken: 'access-2', refreshToken: 'refresh-2', expiresAt: '2026-03-01T12:15:00.000Z' },
        });
      }),
    );
    const storage = { value: { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: '2026-03-01T12:00:00.000Z' } };
    const client = createAuthClient({
      baseUrl: '/api/auth',
      transport: 'bearer',
      tokenStorage: { get: () => storage.value, set: (t) => (storage.value = { ...t, refreshToken: t.refreshToken ?? 'none' }), clear: () => {} },
    });
    const controller = new AbortController();
    const first = client.refresh(controller.signal).catch((e: unknown) => e);
    const second = client.refresh();
    controller.abort();
    expect(await first).toMatchObject({ code: 'aborted' });
    expect((await second).tokens?.accessToken).toBe('access-2');
    expect(refreshes).toBe(1);
  });

  it('no answer at all is a retryable network error', async () => {
    server.use(http.get(url('config'), () => HttpResponse.error()));
    const client = createAuthClient({ baseUrl: '/api/auth' });
    await expect(client.getConfig()).rejects.toMatchObject({ code: 'network', retryable: true, status: null, endpoint: 'GET config' });
  });

  it('login and forgot-password are never retried after a timeout, a network error or a 429', async () => {
    let logins = 0;
    let forgots = 0;
    server.use(
      http.get(url('session'), () => HttpResponse.json({ session: null, csrfToken: 'c' })),
      http.post(url('login'), async () => {
        logins += 1;
        if (logins === 1) return never();
        if (logins === 2) return HttpResponse.error();
        return HttpResponse.json({ error: { code: 'rate_limited', message: 'Slow down' } }, { status: 429, headers: { 'Retry-After': '60' } });
      }),
      http.post(url('password/forgot'), () => {
        forgots += 1;
        return HttpResponse.error();
      }),
    );
    const client = createAuthClient({ baseUrl: '/api/auth', timeoutMs: 50 });
    await expect(client.login({ identifier: 'ada', password })).rejects.toMatchObject({ code: 'timeout' });
    await expect(client.login({ identifier: 'ada', password })).rejects.toMatchObject({ code: 'network' });
    await expect(client.login({ identifier: 'ada', password })).rejects.toMatchObject({ code: 'rate_limited', retryAfter: 60 });
    await expect(client.forgotPassword({ identifier: 'ada' })).rejects.toMatchObject({ code: 'network' });
    expect(logins).toBe(3);
    expect(forgots).toBe(1);
  });

  it('rejects a bad timeoutMs with a clear message', () => {
    expect(() => createAuthClient({ baseUrl: '/api/auth', timeoutMs: 0 })).toThrow(/timeoutMs must be a number of milliseconds between 1 and 2147483647, got 0/);
    expect(() => createAuthClient({ baseUrl: '/api/auth', timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => createAuthClient({ baseUrl: '' })).toThrow(/baseUrl must be a non-empty string/);
    expect(() => createAuthClient({ baseUrl: '/api/auth?x=1' })).toThrow(/must not carry a query/);
    expect(() => createAuthClient({ baseUrl: '/api/auth', transport: 'session' as 'cookie' })).toThrow(/transport must be "cookie" or "bearer"/);
  });
});
