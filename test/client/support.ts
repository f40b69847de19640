import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The page is jsdom's `http://localhost:3000/`; the client resolves `/api/auth` against it. */
export const BASE = 'http://localhost:3000/api/auth';
export const url = (path: string) => `${BASE}/${path}`;

export const user = { id: 'u1', username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', roles: ['admin'] };
export const session = { user, expiresAt: '2026-03-01T12:30:00.000Z' };
export const tokens = (n: number, refresh: string | null = `refresh-${n}`) => ({
  accessToken: `access-${n}`,
  refreshToken: refresh,
  expiresAt: '2026-03-01T12:15:00.000Z',
});

export const adminUser = { ...user, disabled: false, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null };
export const invite = { code: 'inv-1', email: null, roles: [], expiresAt: '2026-01-08T00:00:00.000Z', usedAt: null };

export const config = {
  contract: 1,
  transport: 'cookie',
  registration: 'open',
  features: { passwordReset: true, usernameRecovery: true, profile: true, admin: true },
  password: { minLength: 12, maxLength: 128 },
};

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function errorResponse(status: number, code: string, message = code, fields?: Record<string, string>, headers?: HeadersInit) {
  return HttpResponse.json(errorBody(code, message, fields), { status, headers });
}

export const server = setupServer();

/** Every request the handlers saw, in order (method, path, headers, body text). */
export interface SeenRequest {
  method: string;
  url: string;
  path: string;
  headers: Headers;
  body: string;
}
export const seen: SeenRequest[] = [];

server.events.on('request:start', ({ request }) => {
  const clone = request.clone();
  const entry: SeenRequest = { method: request.method, url: request.url, path: new URL(request.url).pathname, headers: request.headers, body: '' };
  seen.push(entry);
  void clone.text().then((text) => {
    entry.body = text;
  });
});

export function installServer() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
}

export { http, HttpResponse };
