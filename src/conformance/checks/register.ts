import { randomHex } from '../randomHex.js';
import { RegisterResultSchema } from '../../contract/index.js';
import type { Exchange } from '../Exchange.js';
import { describeAnswer, fail, notApplicable, notChecked } from '../Suite.js';
import type { Suite } from '../Suite.js';
import { compareAnswers } from './session.js';
import { malformedBodies } from './malformed.js';

/** A passphrase of exactly `length` code points with spaces and emoji. */
export function passphrase(length: number): string {
  const words = ['correct', 'horse', 'battery', 'staple', '🐴', 'grüne', 'Äpfel', '🔋', 'ünd', 'zebra'];
  let out = `${randomHex(3)} `;
  let i = 0;
  while ([...out].length < length) {
    out += `${words[i % words.length] ?? 'x'} `;
    i += 1;
  }
  return [...out].slice(0, length).join('').replace(/ $/, 'z');
}

function newIdentity(prefix = 'lkr'): { username: string; email: string } {
  const username = `${prefix}${randomHex(6)}`;
  return { username, email: `${username}@example.test` };
}

/**
 * `POST register`: the mode from config, taken username and email (409, or the neutral answer
 * when email verification is on), the password policy edges, malformed bodies.
 *
 * @example
 * ```ts
 * await checkRegister(suite);
 * ```
 */
export async function checkRegister(suite: Suite): Promise<void> {
  const group = 'register';
  const config = suite.config;
  if (!config) return;
  const open = config.registration === 'open';
  const verifyEmail = config.features.emailVerification === true;
  const notOpen = `registration is ${config.registration}, so the suite cannot register users`;

  await suite.check(group, 'mode', 'register answers as GET config\'s registration mode says', async () => {
    const id = newIdentity();
    const x = await suite.browser().post('register', { ...id, password: suite.password() });
    if (config.registration === 'closed') {
      suite.expectError(x, 403, 'registration_closed', 'registration "closed" → 403 registration_closed');
      return;
    }
    if (config.registration === 'invite') {
      const error = suite.expectError(x, 403, 'invite_required', 'registration "invite" without a valid invite → 403 invite_required');
      if (!('invite' in error.fields)) fail('invite_required without fields.invite', { exchange: x, requires: '403 invite_required with fields.invite' });
      return;
    }
    suite.expectStatus(x, 201, 'registration "open" → 201');
    const body = suite.expectBody(x, RegisterResultSchema, 'POST register → 201 {"session" | null, "tokens"?, "csrfToken"?, "next"?}');
    if (verifyEmail) {
      if (body.session !== null || body.next !== 'verify_email') {
        fail('with email verification on, register must answer {"session": null, "next": "verify_email"}', { exchange: x, requires: 'features.emailVerification → 201 {"session": null, "next": "verify_email"}' });
      }
    } else if (body.session) {
      if (suite.transport === 'cookie' && !body.csrfToken) fail('the register answer carries a session but no csrfToken', { exchange: x, requires: 'every response that carries a new session carries the new csrfToken' });
      if (suite.transport === 'bearer' && !body.tokens) fail('the register answer carries a session but no tokens', { exchange: x, requires: 'bearer mode: a new session comes with tokens' });
    } else if (!body.next) {
      fail('register answered {"session": null} without "next"', { exchange: x, requires: 'a registration either signs in or says what comes next' });
    }
  });

  await suite.check(group, 'with-invite', 'in invite mode, a valid invite registers (201) and a bogus one answers 403 invite_required', async () => {
    if (config.registration !== 'invite') notApplicable(`registration is ${config.registration}`);
    if (!config.features.admin) notChecked('the backend offers no admin endpoints, so the suite cannot create an invite');
    const admin = await suite.adminBrowser();
    const created = await admin.post('admin/invites', { expiresInHours: 1 });
    const code = (created.json as { invite?: { code?: unknown } } | undefined)?.invite?.code;
    if (created.status !== 201 || typeof code !== 'string') notChecked(`POST admin/invites answered ${describeAnswer(created)} (see admin/invites)`);
    const x = await suite.browser().post('register', { ...newIdentity(), password: suite.password(), invite: code });
    suite.expectStatus(x, 201, 'registration with a valid invite → 201');
    suite.expectBody(x, RegisterResultSchema, 'POST register → 201 {"session" | null, "tokens"?, "csrfToken"?, "next"?}');
    const bogus = await suite.browser().post('register', { ...newIdentity(), password: suite.password(), invite: 'conformance-not-an-invite' });
    const error = suite.expectError(bogus, 403, 'invite_required', 'a bogus invite → 403 invite_required with fields.invite');
    if (!('invite' in error.fields)) fail('invite_required without fields.invite', { exchange: bogus, requires: '403 invite_required with fields.invite' });
  });

  await suite.check(group, 'username-taken', 'a taken username answers 409 conflict with fields.username', async () => {
    if (!open) notChecked(notOpen);
    const user = await suite.throwawayUser();
    const x = await suite.browser().post('register', { username: user.username, email: newIdentity().email, password: suite.password() });
    const error = suite.expectError(x, 409, 'conflict', 'username taken → 409 conflict with fields.username');
    if (!('username' in error.fields)) fail('409 conflict without fields.username', { exchange: x, requires: '409 conflict with fields.username' });
  });

  await suite.check(group, 'email-taken', 'a taken email answers 409 conflict with fields.email (email verification off)', async () => {
    if (!open) notChecked(notOpen);
    if (verifyEmail) notApplicable('email verification is on: a taken email gets the same 201 as a new one (see register.email-taken-parity)');
    const user = await suite.throwawayUser();
    const x = await suite.browser().post('register', { username: newIdentity().username, email: user.email, password: suite.password() });
    const error = suite.expectError(x, 409, 'conflict', 'email taken → 409 conflict with fields.email');
    if (!('email' in error.fields)) fail('409 conflict without fields.email', { exchange: x, requires: '409 conflict with fields.email' });
  });

  await suite.check(group, 'email-taken-parity', 'with email verification on, a taken and a new email get the same answer', async () => {
    if (!verifyEmail) {
      notApplicable('email verification is off: the contract answers 409 conflict for a taken email, so registration reveals that an email is known by design; turn on features.emailVerification to close that');
    }
    if (!open) notChecked(notOpen);
    const user = await suite.throwawayUser();
    const browser = suite.browser();
    const answers: Exchange[] = [];
    for (let round = 0; round < 2; round += 1) {
      answers.push(await browser.post('register', { username: newIdentity().username, email: user.email, password: suite.password() }));
      answers.push(await browser.post('register', { ...newIdentity(), password: suite.password() }));
    }
    const [taken, fresh, taken2, fresh2] = answers as [Exchange, Exchange, Exchange, Exchange];
    suite.expectStatus(fresh, 201, 'a new email → 201');
    compareAnswers(taken, fresh, 'features.emailVerification: a taken email → the same 201 {"session": null, "next": "verify_email"} as a new one');
    compareAnswers(taken2, fresh2, 'the same answer also when repeated quickly');
  });

  // ───────────── password policy (from GET config) ─────────────
  const { minLength, maxLength } = config.password;
  const tryPassword = async (password: string): Promise<{ x: Exchange; username: string }> => {
    if (!open) notChecked(notOpen);
    const id = newIdentity();
    const x = await suite.browser().post('register', { ...id, password });
    return { x, username: id.username };
  };
  const signInWorks = async (username: string, password: string): Promise<void> => {
    if (verifyEmail) {
      // The account is active once its verification mail is followed.
      if (!suite.settings.readOutbox) return;
      const token = await suite.mailToken(`${username}@example.test`, null);
      const verified = await suite.browser().post('email/verify', { token });
      if (verified.status !== 200) notChecked(`POST email/verify answered ${describeAnswer(verified)} (see email/verify)`);
    }
    const login = await suite.browser().post('login', { identifier: username, password });
    if (login.status !== 200) fail(`registered with the password, but login with it answered ${describeAnswer(login)}`, { exchange: login, requires: 'the whole password is stored and accepted at login' });
  };
  const accepted = (x: Exchange, what: string): void => {
    if (x.status !== 201) fail(`${what} was refused: register answered ${describeAnswer(x)}`, { exchange: x, requires: `passwords from ${minLength} to ${maxLength} code points, any characters (spaces, emoji), are accepted` });
  };
  const refused = (x: Exchange, what: string): void => {
    const error = suite.expectError(x, 422, 'weak_password', `${what} → 422 weak_password with fields.password`);
    if (!('password' in error.fields)) fail('422 weak_password without fields.password', { exchange: x, requires: '422 weak_password with fields.password' });
  };

  await suite.check(group, 'policy-min-minus-one', `a password of minLength − 1 (${minLength - 1}) code points is refused with 422 weak_password`, async () => {
    const { x } = await tryPassword(suite.password(minLength).slice(0, minLength - 1));
    refused(x, `a ${minLength - 1}-character password`);
  });
  await suite.check(group, 'policy-min', `a password of exactly minLength (${minLength}) code points is accepted`, async () => {
    const password = suite.password(minLength);
    const { x, username } = await tryPassword(password);
    accepted(x, `a ${minLength}-character password`);
    await signInWorks(username, password);
  });
  for (const length of [64, 128]) {
    await suite.check(group, `policy-passphrase-${length}`, `a ${length}-character passphrase with spaces and emoji is accepted and works`, async () => {
      if (length > maxLength) notApplicable(`the backend's maxLength is ${maxLength}`);
      if (length < minLength) notApplicable(`the backend's minLength is ${minLength}`);
      const password = passphrase(length);
      const { x, username } = await tryPassword(password);
      accepted(x, `a ${length}-code-point passphrase with spaces and emoji`);
      await signInWorks(username, password);
    });
  }
  await suite.check(group, 'policy-max-plus-one', `a password of maxLength + 1 (${maxLength + 1}) code points is refused with 422 weak_password`, async () => {
    const { x } = await tryPassword(randomHex(maxLength + 1).slice(0, maxLength + 1));
    refused(x, `a ${maxLength + 1}-character password`);
  });
  await suite.check(group, 'policy-no-truncation', 'an 80-byte password is not truncated at 72 bytes', async () => {
    if (maxLength < 80) notApplicable(`the backend's maxLength is ${maxLength}`);
    if (verifyEmail && !suite.settings.readOutbox) notChecked('email verification is on and there is no outbox hook: the account cannot sign in before its mail is followed');
    const password = `Lk-${randomHex(40)}`.slice(0, 80);
    const { x, username } = await tryPassword(password);
    accepted(x, 'an 80-character password');
    await signInWorks(username, password);
    const cut = await suite.browser().post('login', { identifier: username, password: password.slice(0, 72) });
    if (cut.status === 200) fail('login with only the first 72 bytes of the password succeeded: the password is truncated (bcrypt-style)', { exchange: cut, requires: 'passwords are never truncated: the first 72 bytes alone must not sign in' });
    suite.expectError(cut, 401, 'invalid_credentials', 'the first 72 bytes alone → 401 invalid_credentials');
    await suite.browser().post('login', { identifier: username, password });
  });
  await suite.check(group, 'policy-equals-username', 'a password equal to the username is refused with 422 weak_password', async () => {
    const username = `lku${randomHex(16)}`.slice(0, Math.max(minLength, 16));
    if (username.length > maxLength) notApplicable('the backend\'s maxLength is below a usable username length');
    if (!open) notChecked(notOpen);
    const x = await suite.browser().post('register', { username, email: `${username}@example.test`, password: username });
    refused(x, 'a password equal to the username');
  });

  await suite.check(group, 'malformed-bodies', 'malformed register bodies get 400 invalid_request, never 5xx', async () => {
    await malformedBodies(suite.browser(), 'POST', 'register', { ...newIdentity(), password: suite.password(), name: 'Conformance' }, true);
  });
}
