import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthResultSchema, SessionResponseSchema } from 'latchkey/contract';
import { createMockBackend } from 'latchkey/mock';

const ada = { username: 'ada', email: 'ada@example.com', name: 'Ada', password: 'correct horse battery', roles: ['admin'] };
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('msw + real fetch in jsdom', () => {
  it('cookie mode: sign in, stay signed in, sign out, all through msw cookies', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const first = SessionResponseSchema.parse(await (await fetch('/api/auth/session')).json());
    console.log(first, document.cookie);
    const login = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': first.csrfToken ?? '' },
      body: JSON.stringify({ identifier: 'ada', password: ada.password }),
    });
    const loginBody = await login.json();
    console.log(login.status, loginBody, document.cookie);
    const result = AuthResultSchema.parse(loginBody);
    const again = SessionResponseSchema.parse(await (await fetch('/api/auth/session')).json());
    expect(again.session?.user.username).toBe('ada');
    expect(again.csrfToken).toBe(result.csrfToken);
    const logout = await fetch('/api/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': result.csrfToken ?? '' } });
    expect(logout.status).toBe(204);
    const after = SessionResponseSchema.parse(await (await fetch('/api/auth/session')).json());
    expect(after.session).toBeNull();
  });
});
