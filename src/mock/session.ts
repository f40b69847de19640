import type { AdminUser, AuthResult, Session, User } from '../contract/index.js';
import type { MockAuth, MockRequestContext, MockState } from './context.js';
import { setCookie } from './context.js';
import { serializeCookie } from './cookies.js';
import { MockHttpError } from './responses.js';
import type { MockSessionRecord, MockUserRecord } from './MockStore.js';
import { randomToken } from './tokens.js';

/**
 * Finds the session behind a request: the session cookie (cookie transport) or the
 * `Authorization: Bearer` access token (bearer transport). A disabled user's sessions end.
 *
 * @internal
 */
export function resolveAuth(ctx: MockRequestContext, state: MockState): MockAuth | null | 'invalid' {
  let session: MockSessionRecord | undefined;
  if (state.config.transport === 'cookie') {
    const id = ctx.cookies[ctx.cookieNames.session];
    if (!id) return null;
    session = state.store.session(id);
  } else {
    const header = ctx.request.headers.get('authorization');
    if (!header) return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return 'invalid';
    session = state.store.sessionForAccessToken(match[1]);
  }
  if (!session) return 'invalid';
  const user = state.store.user(session.userId);
  if (!user || user.disabled) {
    state.store.endSession(session.id);
    return 'invalid';
  }
  return { session, user };
}

/**
 * The request's session, or 401 `unauthenticated`.
 *
 * @internal
 */
export function requireAuth(ctx: MockRequestContext): MockAuth {
  if (ctx.auth === null || ctx.auth === 'invalid') throw new MockHttpError('unauthenticated');
  return ctx.auth;
}

/**
 * A user as the contract shows it (`profile` only when the user has one).
 *
 * @internal
 */
export function publicUser(user: MockUserRecord): User {
  const shown: User = { id: user.id, username: user.username, email: user.email, name: user.name, roles: [...user.roles] };
  if (user.profile) shown['profile'] = { ...user.profile };
  return shown;
}

/**
 * A user as an administrator sees it.
 *
 * @internal
 */
export function adminUser(user: MockUserRecord): AdminUser {
  return {
    ...publicUser(user),
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
  };
}

/**
 * A session as the contract shows it.
 *
 * @internal
 */
export function sessionView(session: MockSessionRecord, user: MockUserRecord): Session {
  return { user: publicUser(user), expiresAt: session.expiresAt.toISOString() };
}

/**
 * Starts a new session for a user and returns the answer body that carries it: with the session
 * cookie and a rotated CSRF token (cookie transport) or with fresh tokens (bearer transport).
 *
 * @internal
 */
export function startSession(ctx: MockRequestContext, state: MockState, user: MockUserRecord, remember: boolean): AuthResult {
  const session = state.store.createSession(user.id, { remember });
  const view = sessionView(session, user);
  if (state.config.transport === 'bearer') {
    const tokens = state.store.issueTokens(session.id);
    return { session: view, tokens: { ...tokens, expiresAt: tokens.expiresAt.toISOString() } };
  }
  const maxAge = remember ? Math.ceil((session.absoluteExpiresAt.getTime() - state.now()) / 1000) : undefined;
  setCookie(ctx, serializeCookie(ctx.cookieNames.session, session.id, { secure: ctx.secure, ...(maxAge === undefined ? {} : { maxAgeSeconds: maxAge }) }));
  return { session: view, csrfToken: rotateCsrf(ctx, state) };
}

/**
 * Cookie transport: a new CSRF token for this browser, bound to its existing `lk_csrf` cookie
 * (the CSRF check already required that cookie, so no second Set-Cookie is needed).
 *
 * @internal
 */
export function rotateCsrf(ctx: MockRequestContext, state: MockState): string {
  const binding = ctx.cookies[ctx.cookieNames.csrf];
  if (!binding) throw new MockHttpError('csrf_failed');
  const token = randomToken();
  state.store.bindAnonymousCsrf(binding, token);
  return token;
}

/**
 * Cookie transport: deletes the session cookie in this answer.
 *
 * @internal
 */
export function clearSessionCookie(ctx: MockRequestContext): void {
  setCookie(ctx, serializeCookie(ctx.cookieNames.session, '', { secure: ctx.secure, maxAgeSeconds: 0 }));
}
