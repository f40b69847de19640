import { AuthResultSchema, ErrorEnvelopeSchema, HEADERS, SessionResponseSchema } from '../../contract/index.js';
import type { Browser } from '../Browser.js';
import type { StoredCookie } from '../CookieJar.js';
import type { Exchange } from '../Exchange.js';
import { describeAnswer, errorCode, fail, notApplicable, notChecked } from '../Suite.js';
import type { Suite } from '../Suite.js';
import { redactBody } from '../redact.js';
import { malformedBodies } from './malformed.js';

/** Fails unless the exchange shows no live session: GET session null (or 401 unauthenticated). */
export function expectSignedOut(suite: Suite, x: Exchange, requires: string): void {
  if (x.status === 401 && errorCode(x) === 'unauthenticated') return;
  const body = suite.expectBody(x, SessionResponseSchema, requires);
  if (body.session !== null) fail(`GET session still answered a session for ${body.session.user.username}`, { exchange: x, requires });
}

/** Fails unless `GET verify` answers 401 unauthenticated. */
export function expectVerifyRefused(suite: Suite, x: Exchange, requires: string): void {
  if (x.status === 204) fail('GET verify answered 204: the session is still accepted', { exchange: x, requires });
  suite.expectError(x, 401, 'unauthenticated', requires);
}

/** The cookies in `after` that are new or changed compared with `before`. */
function changedCookies(before: readonly StoredCookie[], after: readonly StoredCookie[]): StoredCookie[] {
  const old = new Map(before.map((c) => [c.name, c.value]));
  return after.filter((c) => old.get(c.name) !== c.value);
}

/** The names of the cookies that carry the session: dropping one of them ends it. */
async function sessionCookieNames(suite: Suite, browser: Browser): Promise<string[]> {
  const cookies = browser.jar.all();
  const names: string[] = [];
  for (const cookie of cookies) {
    const probe = suite.browser();
    probe.jar.replace(cookies.filter((c) => c.name !== cookie.name));
    const x = await probe.get('session');
    const session = x.json !== null && typeof x.json === 'object' ? (x.json as { session?: unknown }).session : undefined;
    if (session === null || session === undefined) names.push(cookie.name);
  }
  return names;
}

/**
 * `GET session`, `POST login`, session fixation, cookie attributes, `POST logout` and its
 * replay, `POST refresh` rotation and reuse (bearer), and the CSRF refusals (cookie).
 *
 * @example
 * ```ts
 * await checkSessions(suite);
 * ```
 */
export async function checkSessions(suite: Suite): Promise<void> {
  const cookieMode = suite.transport === 'cookie';

  // ───────────── GET session ─────────────
  await suite.check('session', 'anonymous', 'GET session without a session answers {"session": null} (+ csrfToken in cookie mode)', async () => {
    const x = await suite.browser().get('session');
    suite.expectStatus(x, 200, 'GET session → 200');
    const body = suite.expectBody(x, SessionResponseSchema, 'GET session → {"session": null, "csrfToken"?}');
    if (body.session !== null) fail('a browser without cookies or tokens got a session', { exchange: x, requires: '{"session": null} for a new visitor' });
    if (cookieMode && !body.csrfToken) {
      fail('GET session carries no csrfToken', { exchange: x, requires: 'cookie mode: GET session always returns a top-level csrfToken, even when session is null' });
    }
  });

  await suite.check('session', 'signed-in', 'GET session after login answers the user and a valid expiry', async () => {
    const user = await suite.mainUser();
    const { browser } = await suite.signIn(user);
    const x = await browser.get('session');
    suite.expectStatus(x, 200, 'GET session → 200');
    const body = suite.expectBody(x, SessionResponseSchema, 'GET session → {"session": {"user", "expiresAt"}, "csrfToken"?}');
    if (!body.session) fail('GET session answered {"session": null} right after a successful login', { exchange: x, requires: 'the session from login is live' });
    if (!sameName(body.session.user.username, user.username) && !sameName(body.session.user.email ?? '', user.username)) {
      fail(`GET session names user "${body.session.user.username}", expected "${user.username}"`, { exchange: x, requires: 'the session belongs to the user who signed in' });
    }
    if (body.session.expiresAt !== null && Date.parse(body.session.expiresAt) <= Date.now()) {
      fail(`session.expiresAt ${body.session.expiresAt} is in the past`, { exchange: x, requires: 'expiresAt: when the session ends (future), or null' });
    }
    if (cookieMode && !body.csrfToken) fail('GET session carries no csrfToken', { exchange: x, requires: 'cookie mode: GET session always returns csrfToken' });
  });

  if (!cookieMode) {
    await suite.check('session', 'bad-bearer-token', 'GET session with an unknown access token answers 401 unauthenticated', async () => {
      const x = await suite.browser().get('session', { bearer: 'conformance-not-a-real-token' });
      suite.expectError(x, 401, 'unauthenticated', 'bearer mode: an expired or revoked access token → 401 unauthenticated');
    });
  } else {
    suite.skip('session', 'bad-bearer-token', 'GET session with an unknown access token answers 401 unauthenticated', 'not_applicable', 'cookie transport: there are no access tokens');
  }

  await suite.check('session', 'fixation', 'login issues a new session: credentials from before login never become signed in', async () => {
    const user = await suite.mainUser();
    const browser = suite.browser();
    const pre = await browser.get('session');
    suite.expectStatus(pre, 200, 'GET session → 200');
    const before = browser.jar.all();
    const x = await browser.post('login', { identifier: user.username, password: user.password });
    if (x.status !== 200) notChecked(`login answered ${describeAnswer(x)} (see the login group)`);
    if (cookieMode) {
      const changed = changedCookies(before, browser.jar.all());
      if (changed.length === 0) fail('login set no new cookie: the session id from before login was kept', { exchange: x, requires: 'a new session id (cookie) on every login' });
      if (before.length > 0) {
        const replay = suite.browser();
        replay.jar.replace(before);
        const y = await replay.get('session');
        expectSignedOut(suite, y, 'cookies from before login stay signed out after the login (no session fixation)');
      }
      // A second login in the same browser must issue yet another session id.
      const first = browser.jar.all();
      const again = await browser.post('login', { identifier: user.username, password: user.password });
      if (again.status !== 200) notChecked(`the second login answered ${describeAnswer(again)}`);
      const names = await sessionCookieNames(suite, browser);
      const firstValues = new Map(first.map((c) => [c.name, c.value]));
      const kept = names.filter((name) => firstValues.get(name) === browser.jar.all().find((c) => c.name === name)?.value);
      if (kept.length > 0) fail(`a second login kept the session cookie ${kept.join(', ')} unchanged`, { exchange: again, requires: 'a new session id on every login' });
    } else {
      const first = browser.tokens;
      if (!first) fail('login returned no tokens', { exchange: x, requires: 'bearer mode: login → {"session", "tokens"}' });
      const again = await browser.post('login', { identifier: user.username, password: user.password }, { bearer: 'omit' });
      if (again.status !== 200) notChecked(`the second login answered ${describeAnswer(again)}`);
      if (browser.tokens?.accessToken === first.accessToken) fail('two logins returned the same access token', { exchange: again, requires: 'every login issues new tokens' });
    }
  });

  // ───────────── POST login ─────────────
  await suite.check('login', 'success', 'a correct password answers 200 with the session (+ csrfToken or tokens)', async () => {
    const user = await suite.mainUser();
    const browser = suite.browser();
    const x = await browser.post('login', { identifier: user.username, password: user.password });
    suite.expectStatus(x, 200, 'POST login with a correct password → 200');
    const body = suite.expectBody(x, AuthResultSchema, 'POST login → {"session", "tokens"?, "csrfToken"?}');
    if (cookieMode) {
      if (!body.csrfToken) fail('the login answer carries no csrfToken', { exchange: x, requires: 'cookie mode: every response that carries a new session carries the new csrfToken' });
      if (x.headers.getSetCookie().length === 0) fail('login set no cookie', { exchange: x, requires: 'cookie mode: the session lives in an HttpOnly cookie' });
    } else if (!body.tokens) {
      fail('the login answer carries no tokens', { exchange: x, requires: 'bearer mode: POST login → {"session", "tokens": {"accessToken", "refreshToken", "expiresAt"}}' });
    }
  });

  await suite.check('login', 'by-email', 'the identifier may be the email address', async () => {
    const user = await suite.mainUser();
    if (!user.email) notChecked('the email of the given user is not known (the login answer had email null)');
    const x = await suite.browser().post('login', { identifier: user.email, password: user.password });
    suite.expectStatus(x, 200, 'POST login {"identifier": <email>} → 200');
  });

  await suite.check('login', 'cookie-attributes', 'the session cookie is HttpOnly, SameSite=Lax/Strict, Path=/ (+ Secure on https)', async () => {
    if (!cookieMode) notApplicable('bearer transport: no session cookie');
    const user = await suite.mainUser();
    const { browser, exchange } = await suite.signIn(user);
    const names = await sessionCookieNames(suite, browser);
    if (names.length === 0) fail('no cookie carries the session (dropping any one cookie left the session alive)', { exchange, requires: 'cookie mode: the session lives in a cookie' });
    const https = suite.settings.baseUrl.startsWith('https:');
    for (const cookie of browser.jar.all().filter((c) => names.includes(c.name))) {
      const a = cookie.attributes;
      const problems: string[] = [];
      if (a.httponly !== true) problems.push('not HttpOnly');
      const sameSite = typeof a.samesite === 'string' ? a.samesite.toLowerCase() : null;
      if (sameSite !== 'lax' && sameSite !== 'strict') problems.push(`SameSite is ${sameSite ?? 'missing'}`);
      if (a.path !== '/') problems.push(`Path is ${typeof a.path === 'string' ? a.path : 'missing'}`);
      if (https && a.secure !== true) problems.push('not Secure over https');
      if (problems.length) fail(`session cookie ${cookie.name}: ${problems.join(', ')}`, { exchange, requires: 'HttpOnly; SameSite=Lax; Path=/ (+ Secure on https)' });
    }
  });

  await suite.check('login', 'enumeration-parity', 'unknown user and wrong password get the same status and body', async () => {
    const user = await suite.mainUser();
    const browser = suite.browser();
    const unknown = await browser.post('login', { identifier: suite.unknownIdentifier(), password: suite.password() });
    const wrong = await browser.post('login', { identifier: user.username, password: suite.password() });
    suite.expectError(unknown, 401, 'invalid_credentials', 'unknown user → 401 invalid_credentials');
    suite.expectError(wrong, 401, 'invalid_credentials', 'wrong password → 401 invalid_credentials');
    compareAnswers(wrong, unknown, 'unknown user and wrong password answer with the same status and body');
    if (user.email) {
      const unknownEmail = await browser.post('login', { identifier: suite.unknownIdentifier('email'), password: suite.password() });
      const wrongEmail = await browser.post('login', { identifier: user.email, password: suite.password() });
      compareAnswers(wrongEmail, unknownEmail, 'unknown email and wrong password (by email) answer alike');
    }
    // A success clears the counter these failures added.
    await browser.post('login', { identifier: user.username, password: user.password });
  });

  await suite.check('login', 'disabled-parity', 'a disabled account answers exactly like a wrong password', async () => {
    if (!suite.config?.features.admin) notChecked('the backend offers no admin endpoints, so the suite cannot disable an account');
    const admin = await suite.adminBrowser();
    const user = await suite.throwawayUser();
    if (!user.id) await suite.signIn(user);
    if (!user.id) notChecked('the throwaway user\'s id is unknown');
    const disable = await admin.request('PATCH', `admin/users/${encodeURIComponent(user.id)}`, { json: { disabled: true } });
    if (disable.status !== 200) notChecked(`PATCH admin/users/:id {"disabled": true} answered ${describeAnswer(disable)} (see admin/users)`);
    const other = await suite.mainUser();
    const browser = suite.browser();
    const disabled = await browser.post('login', { identifier: user.username, password: user.password });
    const wrong = await browser.post('login', { identifier: other.username, password: suite.password() });
    await browser.post('login', { identifier: other.username, password: other.password }); // clears the failure
    suite.expectError(disabled, 401, 'invalid_credentials', 'a disabled account → 401 invalid_credentials, like a wrong password');
    compareAnswers(disabled, wrong, 'a disabled account answers exactly like a wrong password');
  });

  await suite.check('login', 'malformed-bodies', 'malformed login bodies get 400 invalid_request, never 5xx', async () => {
    await malformedBodies(suite.browser(), 'POST', 'login', { identifier: suite.unknownIdentifier(), password: suite.password(), remember: false }, true);
  });

  // ───────────── POST logout ─────────────
  await suite.check('logout', 'anonymous', 'POST logout without a session answers 204', async () => {
    const x = await suite.browser().post('logout');
    suite.expectStatus(x, 204, 'POST logout → 204, also without a session');
  });

  await suite.check('logout', 'replay', 'after logout, captured cookies or tokens get 401', async () => {
    const user = await suite.mainUser();
    const { browser } = await suite.signIn(user);
    const captured = browser.capture();
    const x = await browser.post('logout');
    suite.expectStatus(x, 204, 'POST logout → 204');
    const replay = suite.browser();
    replay.adopt(captured);
    const verify = await replay.get('verify');
    expectVerifyRefused(suite, verify, 'a cookie or token captured before logout is dead afterwards: GET verify → 401 unauthenticated');
    const session = await replay.get('session');
    expectSignedOut(suite, session, 'a cookie or token captured before logout gives no session');
    if (!cookieMode && captured.tokens?.refreshToken) {
      const refresh = await replay.post('refresh', { refreshToken: captured.tokens.refreshToken }, { bearer: 'omit' });
      suite.expectError(refresh, 401, 'unauthenticated', 'logout revokes the refresh token: POST refresh → 401 unauthenticated');
    }
  });

  // ───────────── POST refresh (bearer) ─────────────
  const refreshTitle = 'POST refresh rotates the refresh token, and the new access token works';
  const reuseTitle = 'replaying a used refresh token answers 401 and revokes the whole chain';
  if (cookieMode) {
    suite.skip('refresh', 'rotation', refreshTitle, 'not_applicable', 'cookie transport: POST refresh is a bearer-mode endpoint');
    suite.skip('refresh', 'reuse-revokes-chain', reuseTitle, 'not_applicable', 'cookie transport: POST refresh is a bearer-mode endpoint');
    suite.skip('refresh', 'unknown-token', 'an unknown refresh token answers 401 unauthenticated', 'not_applicable', 'cookie transport: POST refresh is a bearer-mode endpoint');
    suite.skip('refresh', 'malformed-bodies', 'malformed refresh bodies get 400 invalid_request, never 5xx', 'not_applicable', 'cookie transport');
  } else {
    let chain: { r0: string; r1: string } | null = null;
    await suite.check('refresh', 'rotation', refreshTitle, async () => {
      const user = await suite.mainUser();
      const { browser } = await suite.signIn(user);
      const r0 = browser.tokens?.refreshToken;
      if (!r0) notApplicable('login returned refreshToken null: this backend does not offer refresh');
      const x = await browser.post('refresh', { refreshToken: r0 }, { bearer: 'omit' });
      suite.expectStatus(x, 200, 'POST refresh → 200');
      const body = suite.expectBody(x, AuthResultSchema, 'POST refresh → {"session", "tokens"}');
      if (!body.tokens) fail('the refresh answer carries no tokens', { exchange: x, requires: 'POST refresh → {"session", "tokens"}' });
      if (!body.tokens.refreshToken) fail('the refresh answer carries refreshToken null', { exchange: x, requires: 'a new refresh token on every refresh' });
      if (body.tokens.refreshToken === r0) fail('POST refresh returned the same refresh token it was given', { exchange: x, requires: 'each refresh rotates the refresh token' });
      const check = await browser.get('session');
      const session = suite.expectBody(check, SessionResponseSchema, 'GET session with the new access token → the session');
      if (!session.session) fail('the new access token gives no session', { exchange: check, requires: 'the refreshed access token works' });
      chain = { r0, r1: body.tokens.refreshToken };
    });
    await suite.check('refresh', 'reuse-revokes-chain', reuseTitle, async () => {
      if (!chain) notChecked('needs a working refresh (see refresh.rotation)');
      const browser = suite.browser();
      const reuse = await browser.post('refresh', { refreshToken: chain.r0 }, { bearer: 'omit' });
      suite.expectError(reuse, 401, 'unauthenticated', 'a replayed (already used) refresh token → 401 unauthenticated');
      const latest = await browser.post('refresh', { refreshToken: chain.r1 }, { bearer: 'omit' });
      suite.expectError(latest, 401, 'unauthenticated', 'reuse revokes the whole chain: the newest refresh token → 401 unauthenticated too');
    });
    await suite.check('refresh', 'unknown-token', 'an unknown refresh token answers 401 unauthenticated', async () => {
      const x = await suite.browser().post('refresh', { refreshToken: 'conformance-not-a-real-refresh-token' }, { bearer: 'omit' });
      suite.expectError(x, 401, 'unauthenticated', 'POST refresh with an unknown token → 401 unauthenticated');
    });
    await suite.check('refresh', 'malformed-bodies', 'malformed refresh bodies get 400 invalid_request, never 5xx', async () => {
      await malformedBodies(suite.browser(), 'POST', 'refresh', { refreshToken: 'conformance-not-a-real-refresh-token' }, true);
    });
  }

  // ───────────── CSRF (cookie) ─────────────
  await checkCsrf(suite);
}

/** Fails unless two answers have the same status and the same JSON body. */
export function compareAnswers(a: Exchange, b: Exchange, requires: string): void {
  if (a.status !== b.status) {
    fail(`${describeAnswer(a)} for one, ${describeAnswer(b)} for the other`, { exchange: a, requires });
  }
  if (JSON.stringify(a.json) !== JSON.stringify(b.json) || a.text.length !== b.text.length) {
    const ea = ErrorEnvelopeSchema.safeParse(a.json);
    const eb = ErrorEnvelopeSchema.safeParse(b.json);
    const detail =
      ea.success && eb.success && ea.data.error.message !== eb.data.error.message
        ? `messages differ: "${ea.data.error.message}" vs "${eb.data.error.message}"`
        : `bodies differ: ${redactBody(a.text).slice(0, 160)} vs ${redactBody(b.text).slice(0, 160)}`;
    fail(`same status ${a.status} but the ${detail}`, { exchange: a, requires });
  }
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

async function checkCsrf(suite: Suite): Promise<void> {
  const group = 'csrf';
  const cases: Array<{ name: string; title: string; options: { csrf?: string; headers?: Record<string, string> } }> = [
    { name: 'missing-header', title: `a state change without ${HEADERS.csrf} is refused with 403 csrf_failed`, options: { csrf: 'omit' } },
    { name: 'wrong-header', title: `a state change with a wrong ${HEADERS.csrf} is refused with 403 csrf_failed`, options: { csrf: 'conformance-wrong-csrf-token' } },
    { name: 'foreign-origin', title: 'a state change from a foreign Origin is refused with 403 csrf_failed', options: { headers: { origin: suite.settings.foreignOrigin } } },
    { name: 'cross-site', title: 'a state change with Sec-Fetch-Site: cross-site is refused with 403 csrf_failed', options: { headers: { 'sec-fetch-site': 'cross-site' } } },
  ];
  if (suite.transport !== 'cookie') {
    for (const c of cases) suite.skip(group, c.name, c.title, 'not_applicable', 'bearer transport: no ambient credentials, so no CSRF');
    suite.skip(group, 'login-without-token', 'POST login without the CSRF token is refused with 403 csrf_failed', 'not_applicable', 'bearer transport');
    return;
  }
  for (const c of cases) {
    await suite.check(group, c.name, c.title, async () => {
      const user = await suite.mainUser();
      const { browser } = await suite.signIn(user);
      const x = await browser.post('logout', undefined, c.options);
      const still = await browser.get('session');
      const alive = SessionResponseSchema.safeParse(still.json);
      if (x.status < 400 || (alive.success && alive.data.session === null)) {
        fail(`POST logout was carried out (answered ${describeAnswer(x)}; the session is ${alive.success && alive.data.session ? 'alive' : 'gone'})`, {
          exchange: x,
          requires: 'cookie mode: a state-changing request without the right X-CSRF-Token, from a foreign Origin or with Sec-Fetch-Site: cross-site → 403 csrf_failed',
        });
      }
      suite.expectError(x, 403, 'csrf_failed', 'cookie mode: such a request → 403 csrf_failed');
    });
  }
  await suite.check(group, 'login-without-token', 'POST login without the CSRF token is refused with 403 csrf_failed', async () => {
    const user = await suite.mainUser();
    const x = await suite.browser().post('login', { identifier: user.username, password: user.password }, { csrf: 'omit' });
    suite.expectError(x, 403, 'csrf_failed', 'cookie mode: every POST must send X-CSRF-Token (login CSRF too) → 403 csrf_failed');
  });
}
