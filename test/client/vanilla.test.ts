import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Like zustand's vanilla tests: if anything below pulled in React, this factory would throw.
vi.mock('react', () => {
  throw new Error('react must not be imported by the framework-free client');
});
vi.mock('react-dom', () => {
  throw new Error('react-dom must not be imported by the framework-free client');
});
vi.mock('@tanstack/react-query', () => {
  throw new Error('@tanstack/react-query must not be imported by the framework-free client');
});

const session = { user: { id: 'u1', username: 'ada', email: null, name: null, roles: [] }, expiresAt: null };
const server = setupServer(
  http.get('http://localhost:3000/api/auth/session', () => HttpResponse.json({ session: null, csrfToken: 'c1' })),
  http.post('http://localhost:3000/api/auth/login', ({ request }) =>
    request.headers.get('X-CSRF-Token') === 'c1' ? HttpResponse.json({ session, csrfToken: 'c2' }) : new HttpResponse(null, { status: 403 }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the client without React', () => {
  it('react is really unavailable in this file', async () => {
    // vitest wraps the factory's error in its own "error when mocking a module" message.
    await expect(import('react')).rejects.toThrow(/mocking a module/);
  });

  it('loads the client, contract and session modules and signs in', async () => {
    const { createAuthClient } = await import('../../src/client/index.js');
    const sessionModule = await import('../../src/session/index.js');
    const contract = await import('../../src/contract/index.js');
    expect(typeof sessionModule.sanitizeReturnTo).toBe('function');
    expect(contract.CONTRACT_VERSION).toBe(1);
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const { session: signedIn } = await client.login({ identifier: 'ada', password: 'correct horse battery staple' });
    expect(signedIn.user.username).toBe('ada');
  });
});
