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

/**
 * A small, correct cookie-mode backend for the happy paths: every endpoint answers per the
 * contract; state-changing requests need `X-CSRF-Token: csrf-N` (the current token), rotated at login.
 */
export function cookieBackend() {
  const state = { csrf: 'csrf-1', signedIn: false, csrfFailures: 0 };
  const csrfOk = (request: Request) => {
    if (request.headers.get('X-CSRF-Token') === state.csrf) return null;
    state.csrfFailures += 1;
    return errorResponse(403, 'csrf_failed', 'CSRF check failed');
  };
  const handlers = [
    http.get(url('config'), () => HttpResponse.json(config)),
    http.get(url('session'), () => HttpResponse.json({ session: state.signedIn ? session : null, csrfToken: state.csrf })),
    http.post(url('login'), ({ request }) => {
      const refused = csrfOk(request);
      if (refused) return refused;
      state.signedIn = true;
      state.csrf = `csrf-${Number(state.csrf.slice(5)) + 1}`;
      return HttpResponse.json({ session, csrfToken: state.csrf });
    }),
    http.post(url('logout'), ({ request }) => csrfOk(request) ?? ((state.signedIn = false), new HttpResponse(null, { status: 204 }))),
    http.post(url('register'), ({ request }) => csrfOk(request) ?? HttpResponse.json({ session: null, next: 'verify_email' }, { status: 201 })),
    http.post(url('email/verify'), ({ request }) => csrfOk(request) ?? HttpResponse.json({ session, csrfToken: state.csrf })),
    http.post(url('password/forgot'), ({ request }) => csrfOk(request) ?? HttpResponse.json({}, { status: 202 })),
    http.post(url('password/reset'), ({ request }) => csrfOk(request) ?? new HttpResponse(null, { status: 204 })),
    http.post(url('password/change'), ({ request }) => csrfOk(request) ?? HttpResponse.json({ session, csrfToken: state.csrf })),
    http.post(url('username/forgot'), ({ request }) => csrfOk(request) ?? HttpResponse.json({}, { status: 202 })),
    http.patch(url('user'), ({ request }) => csrfOk(request) ?? HttpResponse.json({ user: { ...user, name: 'Ada King' } })),
    http.get(url('admin/users'), () => HttpResponse.json({ users: [adminUser], total: 1 })),
    http.post(url('admin/users'), ({ request }) => csrfOk(request) ?? HttpResponse.json({ user: adminUser, resetUrl: 'https://app/reset#t' }, { status: 201 })),
    http.patch(url('admin/users/:id'), ({ request }) => csrfOk(request) ?? HttpResponse.json({ user: { ...adminUser, disabled: true } })),
    http.delete(url('admin/users/:id'), ({ request }) => csrfOk(request) ?? new HttpResponse(null, { status: 204 })),
    http.post(url('admin/users/:id/reset-link'), ({ request }) =>
      csrfOk(request) ?? HttpResponse.json({ url: 'https://app/reset#t', expiresAt: '2026-03-01T12:30:00.000Z' }),
    ),
    http.get(url('admin/invites'), () => HttpResponse.json({ invites: [invite] })),
    http.post(url('admin/invites'), ({ request }) => csrfOk(request) ?? HttpResponse.json({ invite }, { status: 201 })),
    http.delete(url('admin/invites/:code'), ({ request }) => csrfOk(request) ?? new HttpResponse(null, { status: 204 })),
  ];
  return { state, handlers };
}

/**
 * A small bearer-mode backend: access tokens `access-N` are valid while N equals the current
 * generation and not `expired`; `POST refresh` with `refresh-N` issues generation N+1 (rotation),
 * an old refresh token is refused. Counts refreshes.
 */
export function bearerBackend(options: { refreshDelayMs?: number } = {}) {
  // `expired`: the current access token no longer works (its 15 minutes are up); a refresh fixes it.
  const state = { generation: 1, refreshes: 0, refuseRefresh: false, expired: false };
  const authorized = (request: Request) => !state.expired && request.headers.get('Authorization') === `Bearer access-${state.generation}`;
  const unauthenticated = () => errorResponse(401, 'unauthenticated', 'Session expired');
  const handlers = [
    http.get(url('session'), ({ request }) => {
      if (!request.headers.has('Authorization')) return HttpResponse.json({ session: null });
      return authorized(request) ? HttpResponse.json({ session }) : unauthenticated();
    }),
    http.post(url('login'), () => HttpResponse.json({ session, tokens: tokens(state.generation) })),
    http.post(url('refresh'), async ({ request }) => {
      state.refreshes += 1;
      if (options.refreshDelayMs) await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs));
      const body = (await request.json()) as { refreshToken?: string };
      if (state.refuseRefresh || body.refreshToken !== `refresh-${state.generation}`) return unauthenticated();
      state.generation += 1;
      state.expired = false;
      return HttpResponse.json({ session, tokens: tokens(state.generation) });
    }),
    http.post(url('logout'), ({ request }) => (authorized(request) ? new HttpResponse(null, { status: 204 }) : unauthenticated())),
    http.patch(url('user'), ({ request }) => (authorized(request) ? HttpResponse.json({ user }) : unauthenticated())),
    http.get(url('admin/users'), ({ request }) => (authorized(request) ? HttpResponse.json({ users: [adminUser], total: 1 }) : unauthenticated())),
    http.get(url('admin/invites'), ({ request }) => (authorized(request) ? HttpResponse.json({ invites: [] }) : unauthenticated())),
    http.post(url('password/change'), ({ request }) =>
      authorized(request) ? HttpResponse.json({ session, tokens: tokens(++state.generation) }) : unauthenticated(),
    ),
  ];
  return { state, handlers };
}

