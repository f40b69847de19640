import { describe, expect, it } from 'vitest';
import { createAuthConnection } from 'latchkey';
import type { AuthClientEvent } from 'latchkey';
import { cookieBackend, installServer, seen, server } from './support.js';

installServer();

describe('createAuthConnection (the session-keeping part of a client, cookie transport)', () => {
  it('reads the session and logs out with the CSRF token it got from GET session', async () => {
    const backend = cookieBackend();
    server.use(...backend.handlers);
    const connection = createAuthConnection({ baseUrl: '/api/auth' });
    const events: AuthClientEvent[] = [];
    connection.subscribe((event) => events.push(event));
    expect(await connection.getSession()).toEqual({ session: null, csrfToken: 'csrf-1' });
    await connection.logout();
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/auth/session', 'POST /api/auth/logout']);
    expect(seen[1]?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(events.map((event) => event.type)).toEqual(['session', 'signed-out']);
    expect(connection).not.toHaveProperty('login');
  });

  it('says where the bearer transport comes from', () => {
    expect(() => createAuthConnection({ baseUrl: '/api/auth', transport: 'bearer' })).toThrow(
      'latchkey: the bearer transport comes with createAuthClient; use <AuthProvider client={createAuthClient({ baseUrl, transport: "bearer" })}>',
    );
  });
});
