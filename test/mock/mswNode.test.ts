// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockBackend } from 'latchkey/mock';

const backend = createMockBackend({ users: [{ username: 'ada', password: 'correct horse battery' }] });
const server = setupServer(...backend.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('in plain Node (no document) a relative base URL matches on any origin; cookies go through msw', async () => {
  expect(typeof document).toBe('undefined');
  const origin = 'http://app.test';
  const first = await fetch(`${origin}/api/auth/session`);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
    body: JSON.stringify({ identifier: 'ada', password: 'correct horse battery' }),
  });
  expect(login.status).toBe(200);
  const again = (await (await fetch(`${origin}/api/auth/session`)).json()) as { session: { user: { username: string } } | null };
  expect(again.session?.user.username).toBe('ada');
});
