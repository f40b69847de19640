import type { FetchHandler } from './serveFetch.js';

/**
 * Deliberately broken backends: each wraps a correct Fetch-API handler and injects ONE fault,
 * so the conformance suite can prove that the check meant for that fault fails.
 */
export type Fault = (inner: FetchHandler) => FetchHandler;

const BASE = '/api/auth/';

function endpoint(request: Request): string {
  const path = new URL(request.url).pathname;
  return path.startsWith(BASE) ? path.slice(BASE.length) : path;
}

async function jsonOf(source: Request | Response): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await source.clone().json();
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function withBody(request: Request, body: unknown): Request {
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(body) });
}

function withHeaders(response: Response, edit: (headers: Headers) => void, body?: string): Response {
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers.set(name, value);
  });
  for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
  edit(headers);
  if (body !== undefined) headers.delete('content-length');
  return new Response(body ?? response.body, { status: response.status, statusText: response.statusText, headers });
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra } });
}

const invalidCredentials = { error: { code: 'invalid_credentials', message: 'Wrong username or password.' } };

/** Remembers which identifiers exist, by watching successful registrations and logins. */
function knownIdentifiers(): { learn(request: Request, response: Response, requestBody: Record<string, unknown> | null): Promise<void>; has(identifier: unknown): boolean } {
  const known = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') known.add(value.trim().toLowerCase());
  };
  return {
    async learn(request, response, requestBody) {
      if (endpoint(request) === 'register' && response.status === 201) {
        add(requestBody?.username);
        add(requestBody?.email);
      }
      if (endpoint(request) === 'login' && response.status === 200) {
        const body = await jsonOf(response);
        const user = (body?.session as { user?: { username?: unknown; email?: unknown } } | undefined)?.user;
        add(user?.username);
        add(user?.email);
      }
    },
    has: (identifier) => typeof identifier === 'string' && known.has(identifier.trim().toLowerCase()),
  };
}

/** Login tells unknown users apart from wrong passwords (a different message). */
export const leaksUnknownUserOnLogin: Fault = (inner) => {
  const known = knownIdentifiers();
  return async (request) => {
    const body = ['login', 'register'].includes(endpoint(request)) ? await jsonOf(request) : null;
    const response = await inner(request);
    await known.learn(request, response, body);
    if (body && endpoint(request) === 'login' && response.status === 401 && !known.has(body.identifier)) {
      return json(401, { error: { code: 'invalid_credentials', message: 'No account with that username.' } });
    }
    return response;
  };
};

/** Only known users cost a password check: a wrong password takes 150 ms more than an unknown user. */
export const answersUnknownUsersFaster: Fault = (inner) => {
  const known = knownIdentifiers();
  return async (request) => {
    const body = ['login', 'register'].includes(endpoint(request)) ? await jsonOf(request) : null;
    const response = await inner(request);
    await known.learn(request, response, body);
    if (body && endpoint(request) === 'login' && response.status === 401 && known.has(body.identifier)) {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return response;
  };
};

/** Forgot password answers 404 for unknown identifiers. */
export const leaksUnknownUserOnForgot: Fault = (inner) => {
  const known = knownIdentifiers();
  return async (request) => {
    const body = ['password/forgot', 'register'].includes(endpoint(request)) ? await jsonOf(request) : null;
    const response = await inner(request);
    await known.learn(request, response, body);
    if (body && endpoint(request) === 'password/forgot' && response.status === 202 && !known.has(body.identifier)) return json(404, { error: { code: 'not_found', message: 'No such user.' } });
    return response;
  };
};

/** A body that is not JSON crashes the handler: 500. */
export const serverErrorOnBadJson: Fault = (inner) => async (request) => {
  if (request.method !== 'GET' && (request.headers.get('content-type') ?? '').includes('json')) {
    const text = await request.clone().text();
    try {
      if (text !== '') JSON.parse(text);
    } catch {
      return json(500, { error: { code: 'internal', message: 'Internal server error.' } });
    }
  }
  return inner(request);
};

/** Validation errors come back as a plain-text stack trace. */
export const stackTraceOnErrors: Fault = (inner) => async (request) => {
  const response = await inner(request);
  if (response.status !== 400) return response;
  return new Response(
    'ZodError: Invalid input\n    at parseBody (/srv/app/node_modules/auth/dist/body.js:41:13)\n    at async handler (/srv/app/server.js:88:20)',
    { status: 400, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } },
  );
};

/** No CSRF defence: the wrapper puts the right token in and drops Origin / Sec-Fetch-Site, so the inner check never fires. */
export const noCsrfCheck: Fault = (inner) => {
  const tokens = new Map<string, string>();
  const pairs = (header: string | null): string[] => (header ?? '').split(';').map((p) => p.trim()).filter(Boolean);
  return async (request) => {
    let forwarded = request;
    let extraCookies: string[] = [];
    if (request.method !== 'GET') {
      const headers = new Headers(request.headers);
      headers.delete('origin');
      headers.delete('sec-fetch-site');
      let token = pairs(request.headers.get('cookie'))
        .map((pair) => tokens.get(pair))
        .find((t) => t !== undefined);
      if (!token) {
        // A browser without a token: fetch one for it, as if the backend needed none.
        const session = await inner(new Request(new URL(`${BASE}session`, request.url), { headers: { cookie: request.headers.get('cookie') ?? '' } }));
        const body = await jsonOf(session);
        token = typeof body?.csrfToken === 'string' ? body.csrfToken : undefined;
        extraCookies = session.headers.getSetCookie();
        const jar = [...pairs(request.headers.get('cookie')), ...extraCookies.map((line) => (line.split(';')[0] ?? '').trim())];
        headers.set('cookie', jar.join('; '));
      }
      if (token) headers.set('x-csrf-token', token);
      const body = request.method === 'HEAD' ? undefined : await request.clone().text();
      forwarded = new Request(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
    }
    const inner_ = await inner(forwarded);
    const response = extraCookies.length ? withHeaders(inner_, (h) => extraCookies.forEach((c) => h.append('set-cookie', c))) : inner_;
    const body = await jsonOf(response);
    if (typeof body?.csrfToken === 'string') {
      const set = response.headers.getSetCookie().map((line) => (line.split(';')[0] ?? '').trim());
      for (const pair of [...pairs(request.headers.get('cookie')), ...set]) tokens.set(pair, body.csrfToken);
    }
    return response;
  };
};

/** A used reset token works again (the wrapper answers 204 where the backend refused it). */
export const reusableResetToken: Fault = (inner) => {
  const used = new Set<string>();
  return async (request) => {
    const body = endpoint(request) === 'password/reset' ? await jsonOf(request) : null;
    const response = await inner(request);
    if (body && typeof body.token === 'string') {
      if (response.status === 204) used.add(body.token);
      else if (used.has(body.token)) return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    }
    return response;
  };
};

/** POST refresh hands back the refresh token it was given instead of a new one. */
export const refreshNotRotated: Fault = (inner) => async (request) => {
  const body = endpoint(request) === 'refresh' ? await jsonOf(request) : null;
  const response = await inner(request);
  if (!body || response.status !== 200) return response;
  const out = await jsonOf(response);
  const tokens = out?.tokens as Record<string, unknown> | undefined;
  if (!out || !tokens) return response;
  return withHeaders(response, () => {}, JSON.stringify({ ...out, tokens: { ...tokens, refreshToken: body.refreshToken } }));
};

function truncate72(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const bytes = new TextEncoder().encode(value);
  if (bytes.length <= 72) return value;
  return new TextDecoder().decode(bytes.slice(0, 72)).replace(/\uFFFD$/, '');
}

/** Passwords are cut at 72 bytes before they reach the backend (bcrypt-style). */
export const truncatesPasswords: Fault = (inner) => async (request) => {
  const target = ['login', 'register', 'password/change', 'password/reset'].includes(endpoint(request));
  const body = target ? await jsonOf(request) : null;
  if (!body) return inner(request);
  const cut = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, /password/i.test(k) ? truncate72(v) : v]));
  return inner(withBody(request, cut));
};

/** Every answer allows any origin, with credentials. */
export const wildcardCorsWithCredentials: Fault = (inner) => async (request) => {
  const response = await inner(request);
  return withHeaders(response, (h) => {
    h.set('access-control-allow-origin', '*');
    h.set('access-control-allow-credentials', 'true');
  });
};

/** GET session answers `expiresAt` as a Unix timestamp instead of an ISO date. */
export const wrongSessionShape: Fault = (inner) => async (request) => {
  const response = await inner(request);
  if (endpoint(request) !== 'session' || response.status !== 200) return response;
  const body = await jsonOf(response);
  const session = body?.session as Record<string, unknown> | null | undefined;
  if (!body || !session) return response;
  return withHeaders(response, () => {}, JSON.stringify({ ...body, session: { ...session, expiresAt: Math.floor(Date.now() / 1000) + 3600 } }));
};

/** No Cache-Control header anywhere. */
export const missingCacheControl: Fault = (inner) => async (request) => withHeaders(await inner(request), (h) => h.delete('cache-control'));

/** Login is never throttled: the wrapper turns every 429 into a plain wrong-password answer. */
export const noRateLimit: Fault = (inner) => async (request) => {
  const response = await inner(request);
  if (endpoint(request) === 'login' && response.status === 429) return json(401, invalidCredentials);
  return response;
};

/** 429 without Retry-After. */
export const missingRetryAfter: Fault = (inner) => async (request) => withHeaders(await inner(request), (h) => h.delete('retry-after'));

/** Logout answers 204 but never ends the session on the server. */
export const logoutDoesNotRevoke: Fault = (inner) => async (request) => {
  if (endpoint(request) === 'logout' && request.method === 'POST') return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  return inner(request);
};

/** PATCH user silently drops unknown fields (roles, id, password) instead of refusing them. */
export const patchUserIgnoresExtraFields: Fault = (inner) => async (request) => {
  if (endpoint(request) !== 'user' || request.method !== 'PATCH') return inner(request);
  const body = await jsonOf(request);
  if (!body) return inner(request);
  const allowed = Object.fromEntries(Object.entries(body).filter(([k]) => ['name', 'email', 'currentPassword'].includes(k)));
  return inner(withBody(request, allowed));
};

/** Oversized bodies are answered 400 instead of 413. */
export const noBodyLimit: Fault = (inner) => async (request) => {
  const text = request.method === 'GET' ? '' : await request.clone().text();
  if (text.length > 64 * 1024) return json(400, { error: { code: 'invalid_request', message: 'Bad input.', fields: { password: 'Too long.' } } });
  return inner(request);
};

/** A disabled account says so at login. */
export const disabledAccountLeaks: Fault = (inner) => {
  const disabled = new Set<string>();
  return async (request) => {
    const path = endpoint(request);
    const body = path.startsWith('admin/users/') || path === 'login' ? await jsonOf(request) : null;
    const response = await inner(request);
    if (path.startsWith('admin/users/') && request.method === 'PATCH' && body?.disabled === true && response.status === 200) {
      const out = await jsonOf(response);
      const username = (out?.user as { username?: unknown } | undefined)?.username;
      if (typeof username === 'string') disabled.add(username.toLowerCase());
    }
    if (path === 'login' && typeof body?.identifier === 'string' && disabled.has(body.identifier.toLowerCase()) && response.status === 401) {
      return json(401, { error: { code: 'invalid_credentials', message: 'This account is disabled.' } });
    }
    return response;
  };
};

/** GET verify answers 204 without the X-Auth-* headers. */
export const verifyWithoutHeaders: Fault = (inner) => async (request) => {
  const response = await inner(request);
  if (endpoint(request) !== 'verify') return response;
  return withHeaders(response, (h) => {
    h.delete('x-auth-user-id');
    h.delete('x-auth-username');
    h.delete('x-auth-roles');
  });
};

/** A lockout survives a password reset (the wrapper keeps answering the 429 it saw). */
export const lockoutSurvivesReset: Fault = (inner) => {
  const locked = new Map<string, { body: string; headers: Headers }>();
  return async (request) => {
    const body = endpoint(request) === 'login' ? await jsonOf(request) : null;
    const key = typeof body?.identifier === 'string' ? body.identifier.trim().toLowerCase() : null;
    const remembered = key ? locked.get(key) : undefined;
    if (remembered) return new Response(remembered.body, { status: 429, headers: remembered.headers });
    const response = await inner(request);
    if (key && response.status === 429) locked.set(key, { body: await response.clone().text(), headers: new Headers(response.headers) });
    return response;
  };
};

/**
 * Session fixation: the wrapper hands out its own session cookie (`fx`) before login and keeps it
 * across the login, binding the real session to it server-side.
 */
export const sessionFixation: Fault = (inner) => {
  const bound = new Map<string, string[]>(); // fx id → the inner cookies of the signed-in session
  let serial = 0;
  return async (request) => {
    const cookies = (request.headers.get('cookie') ?? '').split(';').map((p) => p.trim()).filter(Boolean);
    const fx = cookies.find((c) => c.startsWith('fx='))?.slice(3);
    const headers = new Headers(request.headers);
    const innerCookies = [...cookies.filter((c) => !c.startsWith('fx=')), ...(fx ? (bound.get(fx) ?? []) : [])];
    headers.set('cookie', innerCookies.join('; '));
    const body = request.method === 'GET' ? undefined : await request.clone().text();
    const response = await inner(new Request(request.url, { method: request.method, headers, ...(body ? { body } : {}) }));
    const id = fx ?? `fx${(serial += 1)}`;
    if (endpoint(request) === 'login' && response.status === 200) {
      const set = response.headers.getSetCookie().map((line) => (line.split(';')[0] ?? '').trim());
      const session = set.filter((pair) => pair.startsWith('lk_session='));
      bound.set(id, session);
      return withHeaders(response, (h) => {
        h.delete('set-cookie');
        for (const line of response.headers.getSetCookie()) if (!line.startsWith('lk_session=')) h.append('set-cookie', line);
      });
    }
    if (fx) return response;
    return withHeaders(response, (h) => h.append('set-cookie', `fx=${id}; Path=/; HttpOnly; SameSite=Lax`));
  };
};

/** Refresh-token reuse goes unnoticed: a replayed token is swapped for the newest of its chain. */
export const refreshReuseUndetected: Fault = (inner) => {
  const newest = new Map<string, string>(); // any token of a chain → the chain's newest token
  return async (request) => {
    if (endpoint(request) !== 'refresh') return inner(request);
    const body = await jsonOf(request);
    const given = typeof body?.refreshToken === 'string' ? body.refreshToken : null;
    const current = given ? (newest.get(given) ?? given) : null;
    const response = await inner(current && current !== given ? withBody(request, { refreshToken: current }) : request);
    const out = await jsonOf(response);
    const next = (out?.tokens as { refreshToken?: unknown } | undefined)?.refreshToken;
    if (given && typeof next === 'string') {
      for (const [key, value] of newest) if (value === current) newest.set(key, next);
      newest.set(given, next);
      if (current) newest.set(current, next);
    }
    return response;
  };
};

/** The session cookie lacks HttpOnly. */
export const sessionCookieNotHttpOnly: Fault = (inner) => async (request) => {
  const response = await inner(request);
  const lines = response.headers.getSetCookie();
  if (!lines.some((line) => line.startsWith('lk_session='))) return response;
  return withHeaders(response, (h) => {
    h.delete('set-cookie');
    for (const line of lines) h.append('set-cookie', line.startsWith('lk_session=') ? line.replace(/;\s*HttpOnly/i, '') : line);
  });
};

/** Form-encoded bodies are accepted (converted to JSON) instead of 415. */
export const acceptsFormBodies: Fault = (inner) => async (request) => {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return inner(request);
  const form = new URLSearchParams(await request.text());
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/json');
  return inner(new Request(request.url, { method: request.method, headers, body: JSON.stringify(Object.fromEntries(form)) }));
};

/** Unknown paths answer 200 with an HTML page (an SPA fallback in front of the API). */
export const unknownPathHtml: Fault = (inner) => async (request) => {
  const response = await inner(request);
  if (response.status !== 404) return response;
  return new Response('<!doctype html><title>App</title><div id="root"></div>', { status: 200, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' } });
};

/** With email verification on, register still reveals a taken email (409). */
export const registerRevealsTakenEmail: Fault = (inner) => {
  const known = knownIdentifiers();
  return async (request) => {
    const body = endpoint(request) === 'register' ? await jsonOf(request) : null;
    const taken = body ? known.has(body.email) : false;
    const response = await inner(request);
    await known.learn(request, response, body);
    if (taken && response.status === 201) return json(409, { error: { code: 'conflict', message: 'Email taken.', fields: { email: 'This email is already registered.' } } });
    return response;
  };
};

/** Bearer mode: a dead access token on GET session is treated as "no session" instead of 401. */
export const deadTokenLooksAnonymous: Fault = (inner) => async (request) => {
  const response = await inner(request);
  if (endpoint(request) === 'session' && response.status === 401) return json(200, { session: null });
  return response;
};

/** Passwords shorter than 12 characters are padded before they reach the backend: the minimum is not enforced. */
export const minimumNotEnforced: Fault = (inner) => async (request) => {
  if (endpoint(request) !== 'register') return inner(request);
  const body = await jsonOf(request);
  if (!body || typeof body.password !== 'string' || [...body.password].length >= 12) return inner(request);
  return inner(withBody(request, { ...body, password: body.password.padEnd(12, '!') }));
};

/** CORS echoes any Origin back, with credentials. */
export const reflectsAnyOrigin: Fault = (inner) => async (request) => {
  const origin = request.headers.get('origin');
  const response = await inner(request);
  if (!origin) return response;
  return withHeaders(response, (h) => {
    h.set('access-control-allow-origin', origin);
    h.set('access-control-allow-credentials', 'true');
    h.set('vary', 'Origin');
  });
};

/**
 * A password change leaves the user's other sessions alive (cookie mode): the wrapper signs every
 * other session of the user in again behind the scenes and keeps serving it under its old cookie.
 */
export const passwordChangeKeepsOtherSessions: Fault = (inner) => {
  const owner = new Map<string, string>(); // lk_session pair → identifier (lower-cased)
  const revived = new Map<string, string>(); // dead lk_session pair → a live one
  const cookiePairs = (header: string | null): string[] => (header ?? '').split(';').map((p) => p.trim()).filter(Boolean);
  const sessionPairOf = (lines: string[]): string | undefined =>
    lines.map((line) => (line.split(';')[0] ?? '').trim()).find((pair) => pair.startsWith('lk_session=') && pair !== 'lk_session=');
  const signIn = async (url: string, identifier: string, password: string): Promise<string | undefined> => {
    const session = await inner(new Request(new URL(`${BASE}session`, url)));
    const csrfCookies = session.headers.getSetCookie().map((line) => (line.split(';')[0] ?? '').trim());
    const token = (await jsonOf(session))?.csrfToken;
    const login = await inner(
      new Request(new URL(`${BASE}login`, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': typeof token === 'string' ? token : '', cookie: csrfCookies.join('; ') },
        body: JSON.stringify({ identifier, password }),
      }),
    );
    return sessionPairOf(login.headers.getSetCookie());
  };
  return async (request) => {
    const path = endpoint(request);
    const cookies = cookiePairs(request.headers.get('cookie'));
    const mine = cookies.find((pair) => pair.startsWith('lk_session='));
    let forwarded = request;
    const live = mine ? revived.get(mine) : undefined;
    if (live) {
      const headers = new Headers(request.headers);
      headers.set('cookie', cookies.map((pair) => (pair === mine ? live : pair)).join('; '));
      const body = request.method === 'GET' ? undefined : await request.clone().text();
      forwarded = new Request(request.url, { method: request.method, headers, ...(body ? { body } : {}) });
    }
    const body = path === 'login' || path === 'password/change' ? await jsonOf(request) : null;
    const response = await inner(forwarded);
    const issued = sessionPairOf(response.headers.getSetCookie());
    if (path === 'login' && response.status === 200 && issued && typeof body?.identifier === 'string') {
      owner.set(issued, body.identifier.trim().toLowerCase());
    }
    if (path === 'password/change' && response.status === 200 && mine && typeof body?.newPassword === 'string') {
      const who = owner.get(mine);
      if (who) {
        if (issued) owner.set(issued, who);
        for (const [pair, identifier] of owner) {
          if (identifier !== who || pair === mine || pair === issued) continue;
          const fresh = await signIn(request.url, identifier, body.newPassword);
          if (fresh) revived.set(pair, fresh);
        }
      }
    }
    return response;
  };
};

// ───────────── allowed variations (not faults): the suite must keep passing ─────────────

/** Retry-After as an HTTP date instead of seconds (both are allowed). */
export const retryAfterAsHttpDate: Fault = (inner) => async (request) => {
  const response = await inner(request);
  const seconds = response.headers.get('retry-after');
  if (seconds === null || !/^\d+$/.test(seconds)) return response;
  return withHeaders(response, (h) => h.set('retry-after', new Date(Date.now() + Number(seconds) * 1000).toUTCString()));
};

/** Users carry extra, app-specific properties (the user schema is open). */
export const extendedUsers: Fault = (inner) => async (request) => {
  const response = await inner(request);
  const body = await jsonOf(response);
  const session = body?.session as { user?: Record<string, unknown> } | null | undefined;
  if (!body || !session?.user) return response;
  return withHeaders(response, () => {}, JSON.stringify({ ...body, session: { ...session, user: { ...session.user, plan: 'pro', avatarUrl: null } } }));
};
