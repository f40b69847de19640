import { describe, expect, it } from 'vitest';
import { AuthConfigSchema } from 'latchkey/contract';
import { DEFAULT_MOCK_CONFIG, MockOutbox, createMockBackend, mockResponseCookies, resolveMockConfig } from 'latchkey/mock';
import { Driver, ada, bob, setup } from './driver.js';

describe('config', () => {
  it('defaults: cookie transport, open registration, every feature but email verification, passwords 12..128', async () => {
    const { browser } = setup();
    const res = await browser.call('config');
    expect(res.body).toEqual({
      contract: 1,
      transport: 'cookie',
      registration: 'open',
      features: { passwordReset: true, usernameRecovery: true, profile: true, admin: true, emailVerification: false },
      password: { minLength: 12, maxLength: 128 },
    });
    expect(AuthConfigSchema.parse(DEFAULT_MOCK_CONFIG)).toEqual(res.body);
  });

  it('overrides are deep-merged and the policy applies', async () => {
    const backend = createMockBackend({ users: [ada], config: { registration: 'invite', features: { admin: false }, password: { minLength: 16 } } });
    expect(backend.config.features).toMatchObject({ admin: false, passwordReset: true });
    expect(backend.config.password).toEqual({ minLength: 16, maxLength: 128 });
    const browser = new Driver(backend);
    const res = await browser.call('register', { body: { username: 'dora', email: 'd@example.com', password: 'fifteen chars!!', invite: 'x' } });
    expect(res.status).toBe(403);
    expect(resolveMockConfig({ password: { minLength: 8, maxLength: 64 } }).password).toEqual({ minLength: 8, maxLength: 64 });
  });

  it.each([
    [{ password: { minLength: 7 } }, /minLength must be at least 8/],
    [{ password: { maxLength: 63 } }, /maxLength must be at least 64/],
    [{ password: { minLength: 100, maxLength: 80 } }, /above maxLength/],
    [{ transport: 'carrier-pigeon' as 'cookie' }, /invalid config at "transport"/],
  ])('refuses a bad config with a clear error: %j', (config, message) => {
    expect(() => createMockBackend({ config })).toThrow(message);
  });

  it('refuses bad seeds and options with errors naming them', () => {
    expect(() => createMockBackend({ users: [ada, { ...bob, username: 'ADA' }] })).toThrow(/users\[1\]: username "ADA" is taken/);
    expect(() => createMockBackend({ users: [{ username: 'has space', password: 'x' }] })).toThrow(/users\[0\]: username "has space"/);
    expect(() => createMockBackend({ users: [{ ...bob, email: 'nope' }] })).toThrow(/email "nope" is not an email address/);
    expect(() => createMockBackend({ baseUrl: 'api/auth' })).toThrow(/baseUrl must start with/);
    expect(() => createMockBackend({ latencyMs: -1 })).toThrow(/latencyMs/);
    expect(() => createMockBackend({ lifetimes: { idleMs: 0 } })).toThrow(/lifetimes.idleMs/);
  });
});

describe('store helpers', () => {
  it('users(), user(), addUser(), updateUser(), sessions() and reset()', async () => {
    const { backend, browser } = setup();
    expect(backend.store.users().map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    expect(backend.store.user('Bob@Example.com')?.username).toBe('bob');
    const dan = backend.store.addUser({ username: 'dan', password: 'dan has a long one', roles: ['x'] });
    expect(dan).toMatchObject({ id: 'u4', email: null, disabled: false, roles: ['x'] });
    expect((await browser.login('dan', 'dan has a long one')).status).toBe(200);
    expect(backend.store.sessions(dan.id)).toHaveLength(1);
    // Readers hand out copies.
    backend.store.users()[0]?.roles.push('hacker');
    expect(backend.store.user('ada')?.roles).toEqual(['admin']);
    backend.store.updateUser('u1', { name: 'A.' });
    expect(backend.store.user('u1')?.name).toBe('A.');
    backend.reset();
    expect(backend.store.users()).toHaveLength(3);
    expect(backend.store.user('ada')?.name).toBe('Ada Lovelace');
    expect(backend.store.sessions()).toEqual([]);
  });

  it('a session created in the store works for requests', async () => {
    const { backend } = setup();
    const session = backend.store.createSession('u2');
    const res = await backend.fetch('/api/auth/verify', { headers: { Cookie: `lk_session=${session.id}` } });
    expect(res.headers.get('X-Auth-Username')).toBe('bob');
    backend.store.revokeSessions('u2');
    expect((await backend.fetch('/api/auth/verify', { headers: { Cookie: `lk_session=${session.id}` } })).status).toBe(401);
  });
});

describe('outbox', () => {
  it('is an array with last(to?, kind?), ofKind() and clear()', async () => {
    const { backend, browser } = setup();
    await browser.call('forgotPassword', { body: { identifier: 'ada' } });
    await browser.call('forgotUsername', { body: { email: 'bob@example.com' } });
    await browser.call('forgotPassword', { body: { identifier: 'bob' } });
    const { outbox } = backend;
    expect(outbox).toBeInstanceOf(MockOutbox);
    expect(Array.isArray(outbox)).toBe(true);
    expect(outbox).toHaveLength(3);
    expect(outbox[0]?.to).toBe('ada@example.com');
    expect(outbox.last()?.kind).toBe('password-reset');
    expect(outbox.last('BOB@example.com')?.to).toBe('bob@example.com');
    expect(outbox.last('bob@example.com', 'username-reminder')?.subject).toBe('Your username');
    expect(outbox.last('nobody@example.com')).toBeUndefined();
    expect(outbox.ofKind('password-reset').map((m) => m.to)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(outbox.filter(() => true)).not.toBeInstanceOf(MockOutbox);
    outbox.clear();
    expect(outbox).toHaveLength(0);
  });

  it('links point at the configured app URL', async () => {
    const { backend, browser } = setup({ links: { appUrl: 'https://app.example', resetPassword: '/account/reset' } });
    await browser.call('forgotPassword', { body: { identifier: 'ada' } });
    expect(backend.outbox.last()?.link).toMatch(/^https:\/\/app\.example\/account\/reset\?token=[\w-]{43}$/);
  });
});

describe('browserFetch', () => {
  it('behaves like one browser: keeps the cookies it is given, across calls', async () => {
    const backend = createMockBackend({ users: [ada] });
    const session = (await (await backend.browserFetch('/api/auth/session')).json()) as { csrfToken: string };
    const login = await backend.browserFetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ identifier: 'ada', password: ada.password }),
    });
    expect(login.status).toBe(200);
    expect(mockResponseCookies(login)[0]).toMatch(/^lk_session=/);
    const again = (await (await backend.browserFetch('/api/auth/session')).json()) as { session: { user: { username: string } } };
    expect(again.session.user.username).toBe('ada');
    // Its own Cookie header bypasses the jar; credentials: 'omit' sends none.
    expect((await backend.browserFetch('/api/auth/verify', { headers: { Cookie: 'lk_session=forged' } })).status).toBe(401);
    expect((await backend.browserFetch('/api/auth/verify', { credentials: 'omit' })).status).toBe(401);
    expect((await backend.browserFetch('/api/auth/verify')).status).toBe(204);
    backend.reset();
    expect((await backend.browserFetch('/api/auth/verify')).status).toBe(401);
  });
});
