import { describe, expect, it } from 'vitest';
import { createMemoryStore } from 'latchkey/server';
import type { AuthStore } from 'latchkey/server';
import { PASSWORD, makeServer, seedUser } from './helpers.js';

/** A memory store that counts `touchSession` writes. */
function countingStore(): { store: AuthStore; touches: () => number } {
  const inner = createMemoryStore();
  let touches = 0;
  const store: AuthStore = Object.assign(Object.create(inner) as AuthStore, {
    touchSession: (key: string, at: number) => {
      touches += 1;
      return inner.touchSession(key, at);
    },
  });
  return { store, touches: () => touches };
}

describe('hot paths: GET session and GET verify', () => {
  it('slides the idle deadline with one write per burst, and still slides it after a pause', async () => {
    const { store, touches } = countingStore();
    const server = makeServer({ store });
    await seedUser(server, 'ada');
    const client = server.client();
    expect((await client.login('ada', PASSWORD)).status).toBe(200);
    const before = touches();

    for (let i = 0; i < 10; i += 1) expect((await client.get('session')).status).toBe(200);
    expect(touches() - before).toBeLessThanOrEqual(1);

    const first = (await client.get('session')).body as { session: { expiresAt: string } };
    server.clock.advance(60_000);
    const later = (await client.get('session')).body as { session: { expiresAt: string } };
    expect(Date.parse(later.session.expiresAt) - Date.parse(first.session.expiresAt)).toBe(60_000);
  });

  it('percent-encodes each X-Auth value, so a comma inside a role is not a separator', async () => {
    const server = makeServer();
    await seedUser(server, 'ada', { roles: ['admin', 'team,red', 'café'] });
    const client = server.client();
    await client.login('ada', PASSWORD);
    const answer = await client.get('verify');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('X-Auth-Username')).toBe('ada');
    expect(answer.headers.get('X-Auth-Roles')).toBe('admin,team%2Cred,caf%C3%A9');
    expect(answer.headers.get('X-Auth-Roles')!.split(',').map(decodeURIComponent)).toEqual(['admin', 'team,red', 'café']);
  });
});
