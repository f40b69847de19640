import { describe, expect, it } from 'vitest';
import { expectSuccess, makeServer, PASSWORD } from './helpers.js';

describe('smoke', () => {
  for (const transport of ['cookie', 'bearer'] as const) {
    it(`registers, reads the session and logs in (${transport})`, async () => {
      const server = makeServer({ transport });
      const client = server.client();
      expectSuccess('config', await client.get('config'));
      const reg = await client.post('register', { username: 'ada', email: 'ada@example.com', password: PASSWORD });
      expectSuccess('register', reg);
      const s = await client.get('session');
      expectSuccess('session', s);
      expect((s.body as { session: { user: { username: string } } }).session.user.username).toBe('ada');
      const other = server.client();
      expectSuccess('login', await other.login('ADA', PASSWORD));
    });
  }
});
