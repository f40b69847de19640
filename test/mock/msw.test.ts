import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockBackend } from 'latchkey/mock';
import { Driver, ada, bob } from './driver.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Real `fetch` (Node's, intercepted by msw), as an app in jsdom would call it. */
const realFetch = (input: string, init: RequestInit) => fetch(input, { credentials: 'same-origin', ...init });

describe('through msw and the real fetch in jsdom', () => {
  it('cookie mode: msw keeps the HttpOnly session cookie (invisible to document.cookie); sign in, stay, sign out', async () => {
    const backend = createMockBackend({ users: [ada, bob] });
    server.use(...backend.handlers);
    const browser = new Driver(backend, { fetch: realFetch });
    expect((await browser.call('session')).body.session).toBeNull();
    const login = await browser.login('ada', ada.password);
    expect(login.status).toBe(200);
    expect(document.cookie).not.toContain('lk_session');
    expect(document.cookie).not.toContain('lk_csrf');
    expect((await browser.call('session')).body.session.user.username).toBe('ada');
    expect((await browser.call('verify', { query: { role: 'admin' } })).status).toBe(204);
    expect((await browser.call('updateProfile', { body: { name: 'Ada L.' } })).body.user.name).toBe('Ada L.');
    expect((await browser.call('logout')).status).toBe(204);
    expect((await browser.call('session')).body.session).toBeNull();
    expect((await browser.call('verify')).status).toBe(401);
  });

  it('cookie mode: CSRF is enforced through msw too', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const browser = new Driver(backend, { fetch: realFetch });
    await browser.call('session');
    const res = await browser.call('login', { body: { identifier: 'ada', password: ada.password }, csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('cookie mode: session fixation and password change through msw', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const browser = new Driver(backend, { fetch: realFetch });
    await browser.login('ada', ada.password);
    const [first] = backend.store.sessions('u1');
    await browser.login('ada', ada.password);
    const [second] = backend.store.sessions('u1');
    expect(second?.id).not.toBe(first?.id);
    const changed = await browser.call('changePassword', { body: { currentPassword: ada.password, newPassword: 'a brand new passphrase' } });
    expect(changed.status).toBe(200);
    expect(backend.store.sessions('u1').map((s) => s.id)).not.toContain(second?.id);
    expect((await browser.call('session')).body.session.user.username).toBe('ada');
  });

  it('bearer mode: tokens in bodies and the Authorization header, refresh rotation', async () => {
    const backend = createMockBackend({ users: [ada], config: { transport: 'bearer' } });
    server.use(...backend.handlers);
    const browser = new Driver(backend, { fetch: realFetch });
    await browser.login('ada', ada.password);
    expect((await browser.call('session')).body.session.user.username).toBe('ada');
    const old = browser.refreshToken as string;
    expect((await browser.call('refresh', { body: { refreshToken: old } })).status).toBe(200);
    expect((await browser.call('refresh', { body: { refreshToken: old } })).status).toBe(401);
    expect((await browser.call('session')).status).toBe(401);
  });

  it('an absolute https base URL on another origin works, with __Host- cookies', async () => {
    const baseUrl = 'https://auth.example.test/v1/auth';
    const backend = createMockBackend({ users: [ada], baseUrl, allowedOrigins: ['http://localhost:3000'] });
    server.use(...backend.handlers);
    const browser = new Driver(backend, { baseUrl, fetch: (input, init) => fetch(input, { credentials: 'include', ...init }) });
    const login = await browser.login('ada', ada.password);
    expect(login.status).toBe(200);
    expect(login.cookies[0]).toMatch(/^__Host-lk_session=/);
    expect((await browser.call('session')).body.session.user.username).toBe('ada');
  });

  it('a custom relative base URL', async () => {
    const backend = createMockBackend({ users: [ada], baseUrl: '/auth/' });
    server.use(...backend.handlers);
    const browser = new Driver(backend, { baseUrl: '/auth', fetch: realFetch });
    expect((await browser.login('ada', ada.password)).status).toBe(200);
  });

  it('every outbox mail is reachable after flows driven through msw', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const browser = new Driver(backend, { fetch: realFetch });
    await browser.call('forgotPassword', { body: { identifier: 'ada@example.com' } });
    await browser.call('forgotUsername', { body: { email: 'ada@example.com' } });
    expect(backend.outbox.map((m) => m.kind)).toEqual(['password-reset', 'username-reminder']);
    const token = backend.outbox.last(undefined, 'password-reset')?.token as string;
    expect((await browser.call('resetPassword', { body: { token, password: 'a brand new passphrase' } })).status).toBe(204);
  });
});

describe('latencyMs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds every answer back by the given delay (stories show pending states)', async () => {
    vi.useFakeTimers();
    const backend = createMockBackend({ latencyMs: 500 });
    let settled = false;
    const pending = backend.fetch('/api/auth/config').then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect((await pending).status).toBe(200);
  });

  it('setLatency changes the delay of later answers, and refuses a bad value', async () => {
    vi.useFakeTimers();
    const backend = createMockBackend();
    expect((await backend.fetch('/api/auth/config')).status).toBe(200);
    backend.setLatency(300);
    let settled = false;
    const pending = backend.fetch('/api/auth/config').then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toBe(true);
    expect(() => backend.setLatency(Number.NaN)).toThrow(/setLatency: ms must be a number/);
  });
});
