import { randomHex } from '../randomHex.js';
import { AcceptedSchema, AuthResultSchema, SessionResponseSchema } from '../../contract/index.js';
import type { Exchange } from '../Exchange.js';
import { describeAnswer, fail, notApplicable, notChecked } from '../Suite.js';
import type { Suite } from '../Suite.js';
import { offered } from './general.js';
import { malformedBodies } from './malformed.js';
import { compareAnswers, expectSignedOut, expectVerifyRefused } from './session.js';

/** Flips the last character of a token (a tampered link). */
function tamper(token: string): string {
  const last = token.at(-1) ?? 'a';
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

/**
 * `password/forgot`, `username/forgot` (enumeration parity), `password/reset` (single use,
 * tampered, revokes sessions; needs the outbox hook), `password/change` (wrong current, weak new,
 * revokes other sessions), `email/verify` (bad token).
 *
 * @example
 * ```ts
 * await checkPasswords(suite);
 * ```
 */
export async function checkPasswords(suite: Suite): Promise<void> {
  // ───────────── password/forgot ─────────────
  const forgotOff = 'features.passwordReset is off';
  if (!offered(suite, 'forgotPassword')) {
    for (const [name, title] of [
      ['enumeration-parity', 'known and unknown identifiers get the same 202 {}'],
      ['malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx'],
    ] as const) suite.skip('password/forgot', name, title, 'not_applicable', forgotOff);
  } else {
    await suite.check('password/forgot', 'enumeration-parity', 'known and unknown identifiers get the same 202 {}, also when repeated quickly', async () => {
      const user = await suite.mutableUser();
      const browser = suite.browser();
      const answers: Exchange[] = [];
      for (let round = 0; round < 2; round += 1) {
        answers.push(await browser.post('password/forgot', { identifier: user.username }));
        answers.push(await browser.post('password/forgot', { identifier: suite.unknownIdentifier() }));
      }
      for (const x of answers) {
        suite.expectStatus(x, 202, 'POST password/forgot → 202 {} for any well-formed input');
        suite.expectBody(x, AcceptedSchema, 'POST password/forgot → 202 {}');
      }
      const [known, unknown, known2, unknown2] = answers as [Exchange, Exchange, Exchange, Exchange];
      compareAnswers(known, unknown, 'a known and an unknown identifier get the same answer');
      compareAnswers(known2, unknown2, 'the same answer also when repeated quickly');
    });
    await suite.check('password/forgot', 'malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx', async () => {
      await malformedBodies(suite.browser(), 'POST', 'password/forgot', { identifier: suite.unknownIdentifier() }, true);
    });
  }

  // ───────────── username/forgot ─────────────
  if (!offered(suite, 'forgotUsername')) {
    suite.skip('username/forgot', 'enumeration-parity', 'known and unknown emails get the same 202 {}', 'not_applicable', 'features.usernameRecovery is off');
    suite.skip('username/forgot', 'malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx', 'not_applicable', 'features.usernameRecovery is off');
  } else {
    await suite.check('username/forgot', 'enumeration-parity', 'known and unknown emails get the same 202 {}, also when repeated quickly', async () => {
      const user = await suite.mutableUser();
      if (!user.email) await suite.signIn(user);
      if (!user.email) notChecked('the test user has no email address');
      const browser = suite.browser();
      const answers: Exchange[] = [];
      for (let round = 0; round < 2; round += 1) {
        answers.push(await browser.post('username/forgot', { email: user.email }));
        answers.push(await browser.post('username/forgot', { email: suite.unknownIdentifier('email') }));
      }
      for (const x of answers) {
        suite.expectStatus(x, 202, 'POST username/forgot → 202 {} for any well-formed input');
        suite.expectBody(x, AcceptedSchema, 'POST username/forgot → 202 {}');
      }
      const [known, unknown, known2, unknown2] = answers as [Exchange, Exchange, Exchange, Exchange];
      compareAnswers(known, unknown, 'a known and an unknown email get the same answer');
      compareAnswers(known2, unknown2, 'the same answer also when repeated quickly');
    });
    await suite.check('username/forgot', 'malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx', async () => {
      await malformedBodies(suite.browser(), 'POST', 'username/forgot', { email: suite.unknownIdentifier('email') }, true);
    });
  }

  // ───────────── password/reset ─────────────
  const group = 'password/reset';
  const resetChecks = [
    ['unknown-token', 'an unknown token answers 400 invalid_token'],
    ['weak-password', 'a new password that breaks the policy answers 422 weak_password'],
    ['success', 'a mailed token resets the password (204): the new one works, the old one fails'],
    ['revokes-sessions', 'a reset ends every session of the user'],
    ['single-use', 'a used token answers 400 invalid_token, the same body as an unknown one'],
    ['tampered-token', 'a tampered token answers 400 invalid_token, the same body as an unknown one'],
    ['wrong-purpose-token', 'an email-verification token answers 400 invalid_token at password/reset'],
    ['expired-token', 'an expired token answers 400 invalid_token'],
    ['malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx'],
  ] as const;
  if (!offered(suite, 'resetPassword')) {
    for (const [name, title] of resetChecks) suite.skip(group, name, title, 'not_applicable', forgotOff);
  } else {
    let unknownAnswer: Exchange | null = null;
    await suite.check(group, 'unknown-token', resetChecks[0][1], async () => {
      const x = await suite.browser().post('password/reset', { token: 'conformance-not-a-real-token', password: suite.password() });
      suite.expectError(x, 400, 'invalid_token', 'a bad, expired, used or tampered token → 400 invalid_token');
      unknownAnswer = x;
    });
    let flow: { token: string; user: Awaited<ReturnType<Suite['throwawayUser']>>; oldPassword: string; browser: ReturnType<Suite['browser']> } | null = null;
    await suite.check(group, 'weak-password', resetChecks[1][1], async () => {
      if (!suite.settings.readOutbox) notChecked('no outbox hook (readOutbox / --outbox-url): the suite cannot read the mailed token');
      const user = await suite.throwawayUser();
      const { browser } = await suite.signIn(user);
      const before = await suite.latestMail(user.email ?? user.username);
      const forgot = await suite.browser().post('password/forgot', { identifier: user.username });
      if (forgot.status !== 202) notChecked(`POST password/forgot answered ${describeAnswer(forgot)}`);
      const token = await suite.mailToken(user.email ?? user.username, before);
      flow = { token, user, oldPassword: user.password, browser };
      const min = suite.config?.password.minLength ?? 12;
      const weak = await suite.browser().post('password/reset', { token, password: suite.password(min).slice(0, min - 1) });
      suite.expectError(weak, 422, 'weak_password', 'a new password that breaks the policy → 422 weak_password');
    });
    await suite.check(group, 'success', resetChecks[2][1], async () => {
      if (!flow) notChecked('needs a mailed reset token (see password/reset.weak-password)');
      const before = await suite.latestMail(flow.user.email ?? flow.user.username);
      const forgot = await suite.browser().post('password/forgot', { identifier: flow.user.username });
      if (forgot.status !== 202) notChecked(`POST password/forgot answered ${describeAnswer(forgot)}`);
      flow.token = await suite.mailToken(flow.user.email ?? flow.user.username, before);
      const newPassword = suite.password();
      const x = await suite.browser().post('password/reset', { token: flow.token, password: newPassword });
      suite.expectStatus(x, 204, 'POST password/reset with a freshly mailed token → 204');
      flow.user.password = newPassword;
      const fresh = await suite.browser().post('login', { identifier: flow.user.username, password: newPassword });
      suite.expectStatus(fresh, 200, 'the new password signs in');
      const old = await suite.browser().post('login', { identifier: flow.user.username, password: flow.oldPassword });
      suite.expectError(old, 401, 'invalid_credentials', 'the old password no longer signs in');
    });
    await suite.check(group, 'revokes-sessions', resetChecks[3][1], async () => {
      if (!flow || flow.user.password === flow.oldPassword) notChecked('needs a successful reset (see password/reset.success)');
      const verify = await flow.browser.get('verify');
      expectVerifyRefused(suite, verify, 'a password reset revokes all of the user\'s sessions: GET verify → 401');
      expectSignedOut(suite, await flow.browser.get('session'), 'a password reset revokes all of the user\'s sessions');
    });
    await suite.check(group, 'single-use', resetChecks[4][1], async () => {
      if (!flow || flow.user.password === flow.oldPassword) notChecked('needs a successful reset (see password/reset.success)');
      const again = await suite.browser().post('password/reset', { token: flow.token, password: suite.password() });
      if (again.status === 204) fail('the same reset token worked a second time', { exchange: again, requires: 'reset tokens are single use: a used token → 400 invalid_token' });
      suite.expectError(again, 400, 'invalid_token', 'a used token → 400 invalid_token');
      if (unknownAnswer) compareAnswers(again, unknownAnswer, 'a used token gets the same answer as an unknown one');
    });
    await suite.check(group, 'tampered-token', resetChecks[5][1], async () => {
      if (!suite.settings.readOutbox) notChecked('no outbox hook (readOutbox / --outbox-url): the suite cannot read a mailed token to tamper with');
      const user = await suite.throwawayUser();
      const before = await suite.latestMail(user.email ?? user.username);
      const forgot = await suite.browser().post('password/forgot', { identifier: user.username });
      if (forgot.status !== 202) notChecked(`POST password/forgot answered ${describeAnswer(forgot)}`);
      const token = await suite.mailToken(user.email ?? user.username, before);
      const x = await suite.browser().post('password/reset', { token: tamper(token), password: suite.password() });
      if (x.status === 204) fail('a tampered token reset the password', { exchange: x, requires: 'a tampered token → 400 invalid_token' });
      suite.expectError(x, 400, 'invalid_token', 'a tampered token → 400 invalid_token');
      if (unknownAnswer) compareAnswers(x, unknownAnswer, 'a tampered token gets the same answer as an unknown one');
    });
    await suite.check(group, 'wrong-purpose-token', resetChecks[6][1], async () => {
      const config = suite.config;
      if (!config?.features.emailVerification) notApplicable('email verification is off: the backend mails no other kind of token');
      if (!suite.settings.readOutbox) notChecked('no outbox hook (readOutbox / --outbox-url): the suite cannot read a verification token');
      if (config.registration !== 'open') notChecked(`registration is ${config.registration}: the suite cannot get a verification mail`);
      const username = `lkv${randomHex(6)}`;
      const email = `${username}@example.test`;
      const registered = await suite.browser().post('register', { username, email, password: suite.password() });
      if (registered.status !== 201) notChecked(`POST register answered ${describeAnswer(registered)} (see register.mode)`);
      const token = await suite.mailToken(email, null);
      const x = await suite.browser().post('password/reset', { token, password: suite.password() });
      if (x.status === 204) fail('an email-verification token reset a password', { exchange: x, requires: 'a token only works for what it was issued for: another kind → 400 invalid_token' });
      suite.expectError(x, 400, 'invalid_token', 'a token of another kind → 400 invalid_token');
      if (unknownAnswer) compareAnswers(x, unknownAnswer, 'a token of another kind gets the same answer as an unknown one');
    });
    suite.skip(group, 'expired-token', resetChecks[7][1], 'not_checked', 'a black-box suite cannot move the backend\'s clock past the token lifetime (≤ 30 min); test it in the backend\'s own suite');
    await suite.check(group, 'malformed-bodies', resetChecks[8][1], async () => {
      await malformedBodies(suite.browser(), 'POST', 'password/reset', { token: 'conformance-not-a-real-token', password: suite.password() }, true);
    });
  }

  // ───────────── password/change ─────────────
  const change = 'password/change';
  await suite.check(change, 'unauthenticated', 'without a session: 401 unauthenticated', async () => {
    const x = await suite.browser().post('password/change', { currentPassword: suite.password(), newPassword: suite.password() });
    suite.expectError(x, 401, 'unauthenticated', 'POST password/change without a session → 401 unauthenticated');
  });
  await suite.check(change, 'wrong-current', 'a wrong current password answers 401 invalid_credentials with fields.currentPassword', async () => {
    const user = await suite.mainUser();
    const { browser } = await suite.signIn(user);
    const x = await browser.post('password/change', { currentPassword: suite.password(), newPassword: suite.password() });
    const error = suite.expectError(x, 401, 'invalid_credentials', 'wrong current password → 401 invalid_credentials with fields.currentPassword');
    if (!('currentPassword' in error.fields)) fail('401 invalid_credentials without fields.currentPassword', { exchange: x, requires: 'fields.currentPassword names the wrong field' });
    const still = await browser.get('session');
    const body = SessionResponseSchema.safeParse(still.json);
    if (!body.success || !body.data.session) fail('a wrong current password ended the session', { exchange: still, requires: 'a refused change leaves the session alone (invalid_credentials is not unauthenticated)' });
  });
  await suite.check(change, 'weak-new', 'a new password that breaks the policy answers 422 weak_password', async () => {
    const user = await suite.mainUser();
    const { browser } = await suite.signIn(user);
    const min = suite.config?.password.minLength ?? 12;
    const x = await browser.post('password/change', { currentPassword: user.password, newPassword: suite.password(min).slice(0, min - 1) });
    suite.expectError(x, 422, 'weak_password', 'POST password/change with a too-short new password → 422 weak_password');
  });
  await suite.check(change, 'success-revokes-others', 'a change answers a new session and ends the user\'s other sessions', async () => {
    const user = await suite.throwawayUser();
    const { browser: a } = await suite.signIn(user);
    const { browser: b } = await suite.signIn(user);
    const beforeA = a.capture();
    const newPassword = suite.password();
    const x = await a.post('password/change', { currentPassword: user.password, newPassword });
    suite.expectStatus(x, 200, 'POST password/change → 200');
    const body = suite.expectBody(x, AuthResultSchema, 'POST password/change → {"session", "tokens"?, "csrfToken"?}');
    const oldPassword = user.password;
    user.password = newPassword;
    if (suite.transport === 'cookie') {
      if (!body.csrfToken) fail('the change answer carries no csrfToken', { exchange: x, requires: 'every response that carries a new session carries the new csrfToken' });
      const changed = a.jar.all().some((c) => beforeA.cookies.find((o) => o.name === c.name)?.value !== c.value);
      if (!changed) fail('the session cookie did not change', { exchange: x, requires: 'a password change issues a new session id' });
    } else {
      if (!body.tokens) fail('the change answer carries no tokens', { exchange: x, requires: 'bearer mode: a new session comes with new tokens' });
      if (body.tokens.accessToken === beforeA.tokens?.accessToken) fail('the access token did not change', { exchange: x, requires: 'a password change issues a new session' });
    }
    const mine = await a.get('session');
    const mineBody = suite.expectBody(mine, SessionResponseSchema, 'GET session after the change');
    if (!mineBody.session) fail('the browser that changed the password is no longer signed in', { exchange: mine, requires: 'the changing session continues with the new session' });
    expectVerifyRefused(suite, await b.get('verify'), 'every other session of the user is revoked: GET verify → 401');
    const replay = suite.browser();
    replay.adopt(beforeA);
    expectVerifyRefused(suite, await replay.get('verify'), 'the session id from before the change is dead: GET verify → 401');
    const oldLogin = await suite.browser().post('login', { identifier: user.username, password: oldPassword });
    suite.expectError(oldLogin, 401, 'invalid_credentials', 'the old password no longer signs in');
    const newLogin = await suite.browser().post('login', { identifier: user.username, password: newPassword });
    suite.expectStatus(newLogin, 200, 'the new password signs in');
  });
  await suite.check(change, 'malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx', async () => {
    const user = await suite.mainUser();
    const { browser } = await suite.signIn(user);
    await malformedBodies(browser, 'POST', 'password/change', { currentPassword: suite.password(), newPassword: suite.password() }, true);
  });

  // ───────────── email/verify ─────────────
  if (!offered(suite, 'verifyEmail')) {
    suite.skip('email/verify', 'unknown-token', 'an unknown token answers 400 invalid_token', 'not_applicable', 'features.emailVerification is off');
    suite.skip('email/verify', 'malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx', 'not_applicable', 'features.emailVerification is off');
  } else {
    await suite.check('email/verify', 'unknown-token', 'an unknown token answers 400 invalid_token', async () => {
      const x = await suite.browser().post('email/verify', { token: 'conformance-not-a-real-token' });
      suite.expectError(x, 400, 'invalid_token', 'POST email/verify with a bad token → 400 invalid_token');
    });
    await suite.check('email/verify', 'malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx', async () => {
      await malformedBodies(suite.browser(), 'POST', 'email/verify', { token: 'conformance-not-a-real-token' }, true);
    });
  }
}
