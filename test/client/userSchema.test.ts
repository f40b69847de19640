import { describe, expect, it } from 'vitest';
// Classic zod as an app might use it; the lint rule for the package's own sources cannot tell a
// namespace import from the banned named `z` import.
// eslint-disable-next-line no-restricted-imports
import * as zc from 'zod';
import * as z from 'zod/mini';
import { createAuthClient } from 'latchkey';
import { UserSchema } from 'latchkey/contract';
import { HttpResponse, http, installServer, server, session, url, user } from './support.js';

installServer();

const answer = (extra: Record<string, unknown>) => () => HttpResponse.json({ session: { ...session, user: { ...user, ...extra } } });

describe('an app user schema', () => {
  it('extended zod/mini schema: extra fields come back, and are checked', async () => {
    const AppUser = z.extend(UserSchema, { plan: z.enum(['free', 'pro']) });
    const client = createAuthClient({ baseUrl: '/api/auth', userSchema: AppUser });
    server.use(http.get(url('session'), answer({ plan: 'pro' })));
    expect((await client.getSession()).session?.user.plan).toBe('pro');
    server.use(http.get(url('session'), answer({ plan: 'platinum' })));
    await expect(client.getSession()).rejects.toThrow('GET session: response did not match the contract: session.user.plan: invalid value, got string');
    server.use(http.get(url('session'), answer({})));
    await expect(client.getSession()).rejects.toThrow('session.user.plan: invalid value, got nothing');
  });

  it('classic zod schema works the same', async () => {
    const AppUser = zc.object({
      id: zc.string(),
      username: zc.string(),
      email: zc.string().nullable(),
      name: zc.string().nullable(),
      roles: zc.array(zc.string()),
      team: zc.string().min(1),
    });
    const client = createAuthClient({ baseUrl: '/api/auth', userSchema: AppUser });
    server.use(http.get(url('session'), answer({ team: 'core' })));
    expect((await client.getSession()).session?.user.team).toBe('core');
    server.use(http.get(url('session'), answer({ team: '' })));
    await expect(client.getSession()).rejects.toThrow('GET session: response did not match the contract: session.user.team: too small, got string');
  });

  it('without one, unknown user properties are kept but untyped', async () => {
    const client = createAuthClient({ baseUrl: '/api/auth' });
    server.use(http.get(url('session'), answer({ avatar: 'https://example.com/a.png' })));
    expect((await client.getSession()).session?.user.avatar).toBe('https://example.com/a.png');
  });
});
