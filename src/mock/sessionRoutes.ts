import type { LoginRequest, RefreshRequest } from '../contract/index.js';
import { HEADERS } from '../contract/index.js';
import type { MockRequestContext, MockState } from './context.js';
import { reply } from './context.js';
import { currentCsrf } from './csrf.js';
import { MockHttpError } from './responses.js';
import { clearSessionCookie, requireAuth, sessionView, startSession } from './session.js';
import { normalizeIdentifier } from './Throttle.js';
import type { MockUserRecord } from './MockStore.js';

/** `GET config` @internal */
export function getConfig(ctx: MockRequestContext, state: MockState): Response {
  return reply(ctx, 200, state.config);
}

/** `GET session`: counts as activity (slides the idle deadline). @internal */
export function getSession(ctx: MockRequestContext, state: MockState): Response {
  if (state.config.transport === 'bearer') {
    if (ctx.auth === 'invalid') throw new MockHttpError('unauthenticated');
    if (ctx.auth === null) return reply(ctx, 200, { session: null });
    return reply(ctx, 200, { session: sessionView(ctx.auth.session, ctx.auth.user) });
  }
  if (ctx.auth === 'invalid') clearSessionCookie(ctx);
  const csrfToken = currentCsrf(ctx, state);
  if (ctx.auth === null || ctx.auth === 'invalid') return reply(ctx, 200, { session: null, csrfToken });
  return reply(ctx, 200, { session: sessionView(ctx.auth.session, ctx.auth.user), csrfToken });
}

/**
 * Throttle check shared by every endpoint that verifies a password: 429 + Retry-After when the
 * identifier or the client address has too many recent failures.
 *
 * @internal
 */
export function checkThrottle(ctx: MockRequestContext, state: MockState, identifiers: readonly string[]): void {
  const now = state.now();
  let wait = state.addressThrottle.retryAfter(state.clientAddress(ctx.request), now) ?? 0;
  for (const id of identifiers) wait = Math.max(wait, state.loginThrottle.retryAfter(normalizeIdentifier(id), now) ?? 0);
  if (wait > 0) throw new MockHttpError('rate_limited', { retryAfter: wait });
}

/** Records a failed password check for the identifier and the client address. @internal */
export function recordFailure(ctx: MockRequestContext, state: MockState, identifier: string): void {
  const now = state.now();
  state.loginThrottle.fail(normalizeIdentifier(identifier), now);
  state.addressThrottle.fail(state.clientAddress(ctx.request), now);
}

/** Clears the failure counters of every identifier of a user. @internal */
export function clearFailures(state: MockState, user: MockUserRecord, extra?: string): void {
  for (const id of [user.username, user.email, extra]) if (id) state.loginThrottle.clear(normalizeIdentifier(id));
}

/** `POST login` @internal */
export function login(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as LoginRequest;
  checkThrottle(ctx, state, [body.identifier]);
  const user = state.store.findByIdentifier(body.identifier);
  const passwordOk = user !== undefined && user.password !== null && user.password === body.password;
  if (!user || !passwordOk || user.disabled) {
    recordFailure(ctx, state, body.identifier);
    throw new MockHttpError('invalid_credentials');
  }
  if (state.config.features.emailVerification === true && !user.emailVerified && user.email !== null) {
    // Right password, address not verified yet (only the owner of the password learns this): a new link.
    sendVerification(state, user);
    throw new MockHttpError('forbidden', { message: 'Confirm your email address first: we have sent you a new link.' });
  }
  clearFailures(state, user, body.identifier);
  // A new session id on every sign-in: the one the browser had before (if any) ends.
  if (ctx.auth !== null && ctx.auth !== 'invalid') state.store.endSession(ctx.auth.session.id);
  const fresh = state.store.updateUser(user.id, { lastLoginAt: new Date(state.now()) });
  return reply(ctx, 200, startSession(ctx, state, fresh, body.remember ?? false));
}

/** Mails a verification link to a user's address. @internal */
export function sendVerification(state: MockState, user: MockUserRecord): void {
  if (!user.email) return;
  const { token } = state.store.issueVerifyToken(user.id);
  const link = linkTo(state, state.links.verifyEmail, 'token', token);
  state.outbox.push({
    kind: 'verify-email',
    to: user.email,
    subject: 'Confirm your email address',
    text: `Hello ${user.name ?? user.username},\n\nconfirm your email address by opening this link (valid for ${minutes(state.store.lifetimes.verifyTokenMs)}):\n${link}\n`,
    link,
    token,
  });
}

/** A lifetime for a mail text: "30 minutes", "24 hours". @internal */
export function minutes(ms: number): string {
  const total = Math.round(ms / 60_000);
  return total % 60 === 0 && total >= 120 ? `${total / 60} hours` : `${total} minutes`;
}

/** An absolute link into the app with one query parameter. @internal */
export function linkTo(state: MockState, path: string, param: string, value: string): string {
  const url = new URL(path, state.links.appUrl);
  url.searchParams.set(param, value);
  return url.toString();
}

/** `POST logout`: always 204; ends the session the request carries, if any. @internal */
export function logout(ctx: MockRequestContext, state: MockState): Response {
  if (ctx.auth !== null && ctx.auth !== 'invalid') state.store.endSession(ctx.auth.session.id);
  if (state.config.transport === 'cookie' && ctx.cookies[ctx.cookieNames.session] !== undefined) clearSessionCookie(ctx);
  return reply(ctx, 204);
}

/** `POST refresh` (bearer): rotates the refresh token; a reused one ends the whole session. @internal */
export function refresh(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as RefreshRequest;
  const result = state.store.useRefreshToken(body.refreshToken);
  if (result.status === 'reused') {
    state.store.endSession(result.sessionId);
    throw new MockHttpError('unauthenticated', { message: 'This refresh token was already used; the session has ended.' });
  }
  if (result.status === 'invalid') throw new MockHttpError('unauthenticated');
  const session = state.store.touchSession(result.session.id) ?? result.session;
  const user = state.store.user(session.userId);
  if (!user || user.disabled) {
    state.store.endSession(session.id);
    throw new MockHttpError('unauthenticated');
  }
  const tokens = state.store.issueTokens(session.id);
  return reply(ctx, 200, { session: sessionView(session, user), tokens: { ...tokens, expiresAt: tokens.expiresAt.toISOString() } });
}

/** `GET verify[?role=r&role=s]` for reverse proxies: 204 with the user in headers. @internal */
export function verify(ctx: MockRequestContext): Response {
  const { user } = requireAuth(ctx);
  // `?role=a&role=b`: any one of them is enough.
  const wanted = ctx.url.searchParams.getAll('role').filter((role) => role.length > 0);
  if (wanted.length > 0 && !wanted.some((role) => user.roles.includes(role))) {
    throw new MockHttpError('forbidden', { message: 'A required role is missing.' });
  }
  return reply(ctx, 204, undefined, {
    [HEADERS.verifyUserId]: encodeURIComponent(user.id),
    [HEADERS.verifyUsername]: encodeURIComponent(user.username),
    [HEADERS.verifyRoles]: user.roles.map(encodeURIComponent).join(','),
  });
}
