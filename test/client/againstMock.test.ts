import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthClient, isAuthError } from 'latchkey';
import type { AuthClientEvent, TokenStorage } from 'latchkey';
import { createMockBackend } from 'latchkey/mock';
import type { Tokens } from 'latchkey/contract';

// The client against the project's own mock backend: both sides of the contract agree.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const password = 'correct horse battery staple';
const ada = { username: 'ada', email: 'ada@example.com', name: 'Ada', password, roles: ['admin'] };

describe('against createMockBackend, cookie transport', () => {
  it('signs in, works, resets the password, signs out', async () => {
    const backend = createMockBackend({ users: [ada], config: { transport: 'cookie' } });
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const events: AuthClientEvent[] = [];
    client.subscribe((e) => events.push(e));

    expect((await client.getConfig()).transport).toBe('cookie');
    expect((await client.getSession()).session).toBeNull();
    const { session } = await client.login({ identifier: 'ada', password });
    expect(session.user).toMatchObject({ username: 'ada', roles: ['admin'] });
    expect((await client.getSession()).session?.user.username).toBe('ada');
    expect((await client.updateProfile({ name: 'Ada King' })).user.name).toBe('Ada King');
    expect((await client.admin.listUsers()).total).toBe(1);

    const wrong = await client.login({ identifier: 'ada', password: 'not the password at all' }).catch((e: unknown) => e);
    expect(isAuthError(wrong) && wrong.code).toBe('invalid_credentials');

    await client.forgotPassword({ identifier: 'ada@example.com' });
    const token = backend.outbox.last('ada@example.com', 'password-reset')?.token;
    expect(token).toBeTruthy();
    const newPassword = 'a brand new long passphrase';
    await client.resetPassword({ token: token ?? '', password: newPassword });
    expect((await client.getSession()).session).toBeNull(); // a reset revokes every session
    await client.login({ identifier: 'ada', password: newPassword });
    await client.logout();
    expect((await client.getSession()).session).toBeNull();
    expect(events.filter((e) => e.type === 'signed-in')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'signed-out').at(-1)).toEqual({ type: 'signed-out', reason: 'logout' });
  });

  it('throttles with a Retry-After the client reads, and does not retry', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const error = await client.login({ identifier: 'nobody', password: 'wrong password' }).catch((e: unknown) => e);
      codes.push(isAuthError(error) ? error.code : 'resolved');
      if (i === 5 && isAuthError(error)) expect(error.retryAfter).toBeGreaterThan(0);
    }
    expect(codes).toEqual([...Array<string>(5).fill('invalid_credentials'), 'rate_limited']);
  });
});

describe('against createMockBackend, bearer transport', () => {
  it('refreshes an expired access token once and keeps working; a replayed refresh token signs out', async () => {
    let now = Date.parse('2026-03-01T12:00:00.000Z');
    const backend = createMockBackend({ users: [ada], config: { transport: 'bearer' }, now: () => now });
    server.use(...backend.handlers);
    let held: Tokens | null = null;
    const storage: TokenStorage = { get: () => held, set: (t) => (held = t), clear: () => (held = null) };
    const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: storage });

    await client.login({ identifier: 'ada', password, remember: true });
    const first = held as Tokens | null;
    expect(first?.refreshToken).toBeTruthy();
    now += 16 * 60_000; // past the 15-minute access token
    const results = await Promise.all([client.getSession(), client.admin.listUsers(), client.admin.listInvites()]);
    expect(results[0].session?.user.username).toBe('ada');
    expect(held).not.toEqual(first);

    // Someone replays the old refresh token: the whole chain is revoked.
    const replay = await backend.fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: first?.refreshToken }),
    });
    expect(replay.status).toBe(401);
    const events: AuthClientEvent[] = [];
    client.subscribe((e) => events.push(e));
    now += 16 * 60_000;
    expect((await client.getSession()).session).toBeNull();
    expect(held).toBeNull();
    expect(events.filter((e) => e.type === 'signed-out')).toHaveLength(1);
  });
});
