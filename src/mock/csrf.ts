import { HEADERS } from '../contract/index.js';
import type { MockRequestContext, MockState } from './context.js';
import { setCookie } from './context.js';
import { serializeCookie } from './cookies.js';
import { MockHttpError } from './responses.js';
import { randomToken, safeEqual } from './tokens.js';

/**
 * Cookie transport: refuses a state-changing request with 403 `csrf_failed` when it comes from
 * another site (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not allowed) or when its
 * `X-CSRF-Token` header is not the token bound to the browser's `lk_csrf` cookie.
 *
 * @internal
 */
export function checkCsrf(ctx: MockRequestContext, state: MockState): void {
  const site = ctx.request.headers.get('sec-fetch-site');
  if (site !== null && site.toLowerCase() === 'cross-site') {
    throw new MockHttpError('csrf_failed', { message: 'Cross-site requests are not allowed.' });
  }
  const origin = ctx.request.headers.get('origin');
  if (origin !== null && origin !== ctx.url.origin && !state.allowedOrigins.includes(origin)) {
    throw new MockHttpError('csrf_failed', { message: `Requests from ${origin} are not allowed.` });
  }
  const sent = ctx.request.headers.get(HEADERS.csrf);
  const binding = ctx.cookies[ctx.cookieNames.csrf];
  const expected = binding ? state.store.anonymousCsrf(binding) : undefined;
  if (!sent || !expected || !safeEqual(sent, expected)) throw new MockHttpError('csrf_failed');
}

/**
 * Cookie transport: the browser's current CSRF token for `GET session`. A browser without a
 * (known) `lk_csrf` cookie gets a new one in this answer.
 *
 * @internal
 */
export function currentCsrf(ctx: MockRequestContext, state: MockState): string {
  const binding = ctx.cookies[ctx.cookieNames.csrf];
  const known = binding ? state.store.anonymousCsrf(binding) : undefined;
  if (known) return known;
  const fresh = randomToken();
  const token = randomToken();
  state.store.bindAnonymousCsrf(fresh, token);
  setCookie(ctx, serializeCookie(ctx.cookieNames.csrf, fresh, { secure: ctx.secure }));
  return token;
}
