import { ErrorEnvelopeSchema, HEADERS } from '../../contract/index.js';
import type { Exchange } from '../Exchange.js';
import { redactBody } from '../redact.js';
import { describeAnswer, fail, notApplicable, notChecked } from '../Suite.js';
import type { Suite } from '../Suite.js';
import { offered } from './general.js';

/** Fails unless the answer is 429 rate_limited with a usable Retry-After. */
function expectRateLimited(suite: Suite, x: Exchange): void {
  suite.expectError(x, 429, 'rate_limited', 'throttled → 429 rate_limited');
  const retryAfter = x.headers.get(HEADERS.retryAfter);
  if (retryAfter === null) fail('429 without a Retry-After header', { exchange: x, requires: 'every 429 carries Retry-After: <seconds> (or an HTTP date)' });
  const value = retryAfter.trim();
  const ok = /^\d+$/.test(value) ? Number(value) > 0 : !Number.isNaN(Date.parse(value)) && Date.parse(value) > Date.now() - 1000;
  if (!ok) fail(`Retry-After "${retryAfter}" is neither a positive number of seconds nor a future HTTP date`, { exchange: x, requires: 'Retry-After: <seconds> or an HTTP date' });
}

/** Compares two throttled answers: status, code, fields and message (digits ignored, as they may count down). */
function sameThrottleAnswer(a: Exchange, b: Exchange, requires: string): void {
  const ea = ErrorEnvelopeSchema.safeParse(a.json);
  const eb = ErrorEnvelopeSchema.safeParse(b.json);
  const norm = (e: typeof ea): string =>
    e.success ? JSON.stringify({ ...e.data.error, message: e.data.error.message.replace(/\d+/g, '#'), fields: Object.keys(e.data.error.fields ?? {}).sort() }) : 'no envelope';
  if (a.status !== b.status || norm(ea) !== norm(eb)) {
    fail(`${describeAnswer(a)} ${redactBody(a.text).slice(0, 160)} vs ${describeAnswer(b)} ${redactBody(b.text).slice(0, 160)}`, { exchange: a, requires });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Throttling of `POST login` (run last: it spends failed attempts): 429 + Retry-After for an
 * unknown identifier, case variants sharing one counter, a locked account answering like any
 * throttled identifier (even with the right password), success clearing the counter; and the
 * optional statistical timing check.
 *
 * @example
 * ```ts
 * await checkThrottle(suite);
 * ```
 */
export async function checkThrottle(suite: Suite): Promise<void> {
  const group = 'login';
  const max = suite.settings.maxAttempts;
  let threshold: number | null = null;
  let unknown429: Exchange | null = null;

  await suite.check(group, 'throttle-unknown', `repeated failures for an unknown identifier get 429 rate_limited + Retry-After (within ${max} attempts)`, async () => {
    const browser = suite.browser();
    const identifier = suite.unknownIdentifier();
    for (let attempt = 1; attempt <= max; attempt += 1) {
      const x = await browser.post('login', { identifier, password: suite.password() });
      if (x.status === 429) {
        expectRateLimited(suite, x);
        threshold = attempt - 1;
        unknown429 = x;
        return;
      }
      suite.expectError(x, 401, 'invalid_credentials', 'a failed login → 401 invalid_credentials until the throttle answers 429');
    }
    fail(`${max} failed logins for one unknown identifier never got 429`, {
      requires: 'after N failures per normalized identifier (5 in 15 minutes by default) → 429 rate_limited with Retry-After, also for identifiers that do not exist',
    });
  });

  await suite.check(group, 'throttle-case-variants', 'case and whitespace variants of an identifier share one counter', async () => {
    if (threshold === null) notChecked('needs the throttle threshold (see login.throttle-unknown)');
    const base = suite.unknownIdentifier();
    const variants = [base.toUpperCase(), `  ${base}  `, base[0]?.toUpperCase() + base.slice(1), base];
    const browser = suite.browser();
    const limit = threshold + 1;
    for (let attempt = 1; attempt <= Math.min(max, limit * variants.length); attempt += 1) {
      const identifier = variants[(attempt - 1) % variants.length] ?? base;
      const x = await browser.post('login', { identifier, password: suite.password() });
      if (x.status === 429) {
        expectRateLimited(suite, x);
        if (attempt > limit) {
          fail(`429 came only at attempt ${attempt} with spelling variants; one spelling got it at attempt ${limit}`, {
            exchange: x,
            requires: 'the counter is keyed by the normalized identifier (trimmed, lower-cased): variants share it',
          });
        }
        return;
      }
    }
    fail(`no 429 after ${Math.min(max, limit * variants.length)} failures spread over spelling variants (one spelling got it at attempt ${limit})`, {
      requires: 'the counter is keyed by the normalized identifier (trimmed, lower-cased): variants share it',
    });
  });

  await suite.check(group, 'lockout-parity', 'a locked account answers like any throttled identifier, even with the right password', async () => {
    if (threshold === null || !unknown429) notChecked('needs the throttle answer for an unknown identifier (see login.throttle-unknown)');
    const user = await suite.throwawayUser();
    const browser = suite.browser();
    let locked: Exchange | null = null;
    for (let attempt = 1; attempt <= max; attempt += 1) {
      const x = await browser.post('login', { identifier: user.username, password: suite.password() });
      if (x.status === 429) {
        locked = x;
        break;
      }
    }
    if (!locked) fail(`${max} wrong passwords for an existing account never got 429`, { requires: 'existing and unknown identifiers are throttled alike' });
    expectRateLimited(suite, locked);
    sameThrottleAnswer(locked, unknown429, 'a locked existing account answers exactly like a throttled unknown identifier');
    const right = await browser.post('login', { identifier: user.username, password: user.password });
    if (right.status === 200) fail('the correct password signed in during the lockout', { exchange: right, requires: 'while locked, the right password gets the same 429 as a wrong one' });
    sameThrottleAnswer(right, locked, 'while locked, the right password gets the same answer as a wrong one');
  });

  await suite.check(group, 'success-clears-counter', 'a successful login clears the identifier\'s failure counter', async () => {
    if (threshold === null) notChecked('needs the throttle threshold (see login.throttle-unknown)');
    if (threshold < 2) notApplicable(`the backend throttles after ${threshold} failure(s)`);
    const user = await suite.throwawayUser();
    const browser = suite.browser();
    const fails = threshold - 1;
    for (let i = 0; i < fails; i += 1) await browser.post('login', { identifier: user.username, password: suite.password() });
    const ok = await browser.post('login', { identifier: user.username, password: user.password });
    suite.expectStatus(ok, 200, 'a correct password below the threshold signs in');
    // Without clearing, the counter would now stand at threshold − 1: two more failures reach 429.
    for (let i = 0; i < Math.min(2, threshold); i += 1) {
      const x = await browser.post('login', { identifier: user.username, password: suite.password() });
      if (x.status === 429) fail(`429 after ${fails} failures before and ${i + 1} after a successful login`, { exchange: x, requires: 'success clears the identifier\'s counter' });
    }
    await browser.post('login', { identifier: user.username, password: user.password });
  });

  await suite.check('password/reset', 'clears-lockout', 'a password reset lifts the sign-in lockout', async () => {
    if (!offered(suite, 'resetPassword')) notApplicable('features.passwordReset is off');
    if (!suite.settings.readOutbox) notChecked('no outbox hook (readOutbox / --outbox-url): the suite cannot read the mailed token');
    if (threshold === null) notChecked('needs the throttle threshold (see login.throttle-unknown)');
    const user = await suite.throwawayUser();
    const browser = suite.browser();
    let locked: Exchange | null = null;
    for (let attempt = 1; attempt <= max && !locked; attempt += 1) {
      const x = await browser.post('login', { identifier: user.username, password: suite.password() });
      if (x.status === 429) locked = x;
    }
    if (!locked) notChecked('the account could not be locked (see login.lockout-parity)');
    const address = user.email ?? user.username;
    const before = await suite.latestMail(address);
    const forgot = await browser.post('password/forgot', { identifier: user.username });
    if (forgot.status !== 202) notChecked(`POST password/forgot answered ${describeAnswer(forgot)}`);
    const token = await suite.mailToken(address, before);
    const newPassword = suite.password();
    const reset = await browser.post('password/reset', { token, password: newPassword });
    if (reset.status !== 204) notChecked(`POST password/reset answered ${describeAnswer(reset)} (see password/reset.success)`);
    user.password = newPassword;
    const login = await browser.post('login', { identifier: user.username, password: newPassword });
    if (login.status === 429) fail('the account is still locked after a password reset', { exchange: login, requires: 'a password reset clears the identifier\'s failure counter' });
    suite.expectStatus(login, 200, 'after a reset, the new password signs in at once');
  });

  await suite.check(group, 'timing-parity', 'unknown users are not answered measurably faster than wrong passwords (statistical)', async () => {
    if (!suite.settings.timing) notChecked('timing checks are turned off (timing: false / --no-timing)');
    if (threshold === null || threshold < 2) notChecked('needs a throttle threshold of at least 2 (see login.throttle-unknown)');
    const user = await suite.throwawayUser();
    const browser = suite.browser();
    const unknown: number[] = [];
    const wrong: number[] = [];
    const samples = 5;
    const perRound = Math.min(threshold - 1, 2);
    while (wrong.length < samples) {
      for (let i = 0; i < perRound && wrong.length < samples; i += 1) {
        const w = await browser.post('login', { identifier: user.username, password: suite.password() });
        if (w.status === 429) notChecked('the throttle answered before enough samples were taken');
        wrong.push(w.durationMs);
        const u = await browser.post('login', { identifier: suite.unknownIdentifier(), password: suite.password() });
        if (u.status === 429) notChecked('the per-address throttle answered before enough samples were taken');
        unknown.push(u.durationMs);
      }
      await browser.post('login', { identifier: user.username, password: user.password });
    }
    const mu = median(unknown);
    const mw = median(wrong);
    if (mw - mu > Math.max(20, mw / 2)) {
      fail(`median ${mu.toFixed(1)} ms for unknown users vs ${mw.toFixed(1)} ms for wrong passwords (${samples} samples each)`, {
        requires: 'an unknown user costs the same work as a wrong password (verify against a dummy hash); tolerance: fails only when unknown users are more than 20 ms and more than half faster',
      });
    }
  });
}
