import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, runConformance } from 'latchkey/conformance';
import { check, failedIds, startMock } from './backends.js';
import type { TestBackend } from './backends.js';
import * as faults from './faults.js';
import type { Fault } from './faults.js';

let backend: TestBackend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

interface Case {
  readonly fault: Fault;
  readonly transport?: 'cookie' | 'bearer';
  readonly features?: { emailVerification?: boolean };
  /** Groups to run: the one the fault breaks, plus a neighbour that must stay green. */
  readonly only: string[];
  /** The check meant for the fault, and what its message must say. */
  readonly fails: Record<string, RegExp>;
  /** Checks in the run that must still pass. */
  readonly unaffected: string[];
}

const cases: Record<string, Case> = {
  'leaks whether a user exists on login': {
    fault: faults.leaksUnknownUserOnLogin,
    only: ['login', 'logout'],
    fails: { 'login.enumeration-parity': /messages differ: ".+" vs "No account with that username\."/ },
    unaffected: ['login.success', 'login.throttle-unknown', 'logout.replay'],
  },
  'leaks whether a user exists on forgot password': {
    fault: faults.leaksUnknownUserOnForgot,
    only: ['password/forgot', 'username/forgot'],
    fails: { 'password/forgot.enumeration-parity': /answered 404 not_found, expected 202/ },
    unaffected: ['username/forgot.enumeration-parity', 'password/forgot.malformed-bodies'],
  },
  '5xx on bad JSON': {
    fault: faults.serverErrorOnBadJson,
    only: ['login', 'general'],
    fails: {
      'login.malformed-bodies': /malformed JSON → 500 \(a server error\)/,
      'general.no-server-errors': /response\(s\) were server errors: .*POST login \(500\)/,
    },
    unaffected: ['login.success', 'general.cache-control', 'general.unknown-path'],
  },
  'a stack trace in error answers': {
    fault: faults.stackTraceOnErrors,
    only: ['password/forgot', 'general'],
    fails: {
      'password/forgot.malformed-bodies': /with a stack trace in the body/,
      'general.no-stack-traces': /contain a stack trace/,
      // plain text is no error envelope, and not JSON either
      'general.error-envelope': /not a proper error envelope/,
      'general.content-type': /carry a body that is not declared as JSON: .*POST password\/forgot \(400\)/,
    },
    unaffected: ['password/forgot.enumeration-parity', 'general.cors'],
  },
  'no CSRF check': {
    fault: faults.noCsrfCheck,
    only: ['csrf', 'session'],
    fails: {
      'csrf.missing-header': /POST logout was carried out \(answered 204; the session is gone\)/,
      'csrf.wrong-header': /carried out/,
      'csrf.foreign-origin': /carried out/,
      'csrf.cross-site': /carried out/,
      'csrf.login-without-token': /answered 200 \(the request was carried out\), expected 403 csrf_failed/,
    },
    unaffected: ['session.anonymous', 'session.signed-in', 'session.fixation'],
  },
  'a reusable reset token': {
    fault: faults.reusableResetToken,
    only: ['password/reset'],
    fails: { 'password/reset.single-use': /the same reset token worked a second time/ },
    unaffected: ['password/reset.success', 'password/reset.revokes-sessions', 'password/reset.tampered-token'],
  },
  'a refresh token that is not rotated': {
    fault: faults.refreshNotRotated,
    transport: 'bearer',
    only: ['refresh', 'logout'],
    fails: { 'refresh.rotation': /POST refresh returned the same refresh token it was given/ },
    unaffected: ['refresh.unknown-token', 'logout.replay'],
  },
  'passwords truncated at 72 bytes': {
    fault: faults.truncatesPasswords,
    only: ['register'],
    fails: {
      'register.policy-no-truncation': /first 72 bytes of the password succeeded: the password is truncated/,
      // cut to 72 bytes, a too-long password slips under the maximum as well
      'register.policy-max-plus-one': /answered 201 .*expected 422 weak_password/,
    },
    unaffected: ['register.policy-min', 'register.policy-min-minus-one', 'register.policy-passphrase-64'],
  },
  'Access-Control-Allow-Origin: * with credentials': {
    fault: faults.wildcardCorsWithCredentials,
    only: ['general'],
    fails: { 'general.cors': /Access-Control-Allow-Origin: \* together with Access-Control-Allow-Credentials: true/ },
    unaffected: ['general.cache-control', 'general.unknown-path', 'general.oversized-body'],
  },
  'a wrong body shape on GET session': {
    fault: faults.wrongSessionShape,
    only: ['session', 'verify'],
    fails: { 'session.signed-in': /does not match the contract: session\.expiresAt: /i },
    unaffected: ['session.anonymous', 'verify.signed-in'],
  },
  'no Cache-Control': {
    fault: faults.missingCacheControl,
    only: ['general', 'verify'],
    fails: { 'general.cache-control': /lack Cache-Control: no-store: .*GET config/ },
    unaffected: ['general.error-envelope', 'verify.signed-in'],
  },
  'no 429': {
    fault: faults.noRateLimit,
    only: ['login'],
    fails: { 'login.throttle-unknown': /20 failed logins for one unknown identifier never got 429/ },
    unaffected: ['login.success', 'login.enumeration-parity'],
  },
  '429 without Retry-After': {
    fault: faults.missingRetryAfter,
    only: ['login'],
    fails: { 'login.throttle-unknown': /429 without a Retry-After header/ },
    unaffected: ['login.success'],
  },
  'logout that does not revoke': {
    fault: faults.logoutDoesNotRevoke,
    only: ['logout', 'login'],
    fails: { 'logout.replay': /GET verify answered 204: the session is still accepted/ },
    unaffected: ['logout.anonymous', 'login.success'],
  },
  'logout that does not revoke (bearer)': {
    fault: faults.logoutDoesNotRevoke,
    transport: 'bearer',
    only: ['logout'],
    fails: { 'logout.replay': /still accepted/ },
    unaffected: ['logout.anonymous'],
  },
  'PATCH user ignoring id/roles/password': {
    fault: faults.patchUserIgnoresExtraFields,
    only: ['user'],
    fails: {
      'user.refuses-privileged-fields': /\{"roles"\} was accepted \(200\); \{"id"\} was accepted \(200\); \{"password"\} was accepted/,
      'user.malformed-bodies': /an extra field → 200, expected 400 invalid_request/,
    },
    unaffected: ['user.update-name', 'user.unauthenticated', 'user.email-taken'],
  },
  'no 413 for a 1 MiB body': {
    fault: faults.noBodyLimit,
    only: ['general'],
    fails: { 'general.oversized-body': /answered 400 invalid_request, expected 413 payload_too_large/ },
    unaffected: ['general.media-type', 'general.cache-control'],
  },
  'a disabled account that says so': {
    fault: faults.disabledAccountLeaks,
    only: ['login'],
    fails: { 'login.disabled-parity': /messages differ: "This account is disabled\."/ },
    unaffected: ['login.enumeration-parity', 'login.success'],
  },
  'a lockout that survives a password reset': {
    fault: faults.lockoutSurvivesReset,
    only: ['password/reset', 'login'],
    fails: { 'password/reset.clears-lockout': /the account is still locked after a password reset/ },
    unaffected: ['login.lockout-parity', 'login.throttle-unknown', 'password/reset.success'],
  },
  'session fixation (the pre-login cookie becomes the session)': {
    fault: faults.sessionFixation,
    only: ['session'],
    fails: { 'session.fixation': /cookies from before login|kept the session cookie|set no new cookie/ },
    unaffected: ['session.anonymous', 'session.signed-in'],
  },
  'refresh-token reuse that goes unnoticed': {
    fault: faults.refreshReuseUndetected,
    transport: 'bearer',
    only: ['refresh'],
    fails: { 'refresh.reuse-revokes-chain': /answered 200 \(the request was carried out\), expected 401 unauthenticated/ },
    unaffected: ['refresh.rotation', 'refresh.unknown-token'],
  },
  'a session cookie without HttpOnly': {
    fault: faults.sessionCookieNotHttpOnly,
    only: ['login'],
    fails: { 'login.cookie-attributes': /session cookie lk_session: not HttpOnly/ },
    unaffected: ['login.success', 'login.enumeration-parity'],
  },
  'form-encoded bodies accepted instead of 415': {
    fault: faults.acceptsFormBodies,
    only: ['general'],
    fails: { 'general.media-type': /answered 401 invalid_credentials, expected 415 unsupported_media_type/ },
    unaffected: ['general.oversized-body', 'general.unknown-path'],
  },
  'an HTML page for unknown paths': {
    fault: faults.unknownPathHtml,
    only: ['general'],
    fails: {
      'general.unknown-path': /answered 200 \(the request was carried out\), expected 404 not_found/,
      'general.content-type': /not declared as JSON: GET conformance-no-such-endpoint \(200\)/,
    },
    unaffected: ['general.media-type', 'general.cache-control'],
  },
  'register revealing a taken email despite email verification': {
    fault: faults.registerRevealsTakenEmail,
    features: { emailVerification: true },
    only: ['register'],
    fails: { 'register.email-taken-parity': /409 conflict for one, 201 for the other/ },
    unaffected: ['register.mode', 'register.policy-min'],
  },
  'a dead access token treated as no session': {
    fault: faults.deadTokenLooksAnonymous,
    transport: 'bearer',
    only: ['session'],
    fails: { 'session.bad-bearer-token': /answered 200 \(the request was carried out\), expected 401 unauthenticated/ },
    unaffected: ['session.anonymous', 'session.signed-in'],
  },
  'a minimum password length that is not enforced': {
    fault: faults.minimumNotEnforced,
    only: ['register'],
    fails: {
      'register.policy-min-minus-one': /answered 201 \(the request was carried out\), expected 422 weak_password/,
    },
    unaffected: ['register.policy-min', 'register.policy-max-plus-one', 'register.policy-no-truncation'],
  },
  'CORS reflecting any origin with credentials': {
    fault: faults.reflectsAnyOrigin,
    only: ['general'],
    fails: { 'general.cors': /reflected the foreign origin https:\/\/conformance-foreign\.example with Access-Control-Allow-Credentials: true/ },
    unaffected: ['general.cache-control'],
  },
  'a password change that leaves other sessions alive': {
    fault: faults.passwordChangeKeepsOtherSessions,
    only: ['password/change'],
    fails: { 'password/change.success-revokes-others': /GET verify answered 204: the session is still accepted/ },
    unaffected: ['password/change.wrong-current', 'password/change.weak-new', 'password/change.unauthenticated'],
  },
  'GET verify without X-Auth headers': {
    fault: faults.verifyWithoutHeaders,
    only: ['verify'],
    fails: { 'verify.signed-in': /GET verify lacks X-Auth-User-Id, X-Auth-Username, X-Auth-Roles/ },
    unaffected: ['verify.unauthenticated', 'verify.missing-role'],
  },
};

describe('deliberately broken backends: each fault is caught by the check meant for it', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      backend = await startMock({ transport: c.transport ?? 'cookie', ...(c.features ? { features: c.features } : {}) }, c.fault);
      const result = await runConformance({ ...backend.options, only: c.only, timing: false });
      const report = formatReport(result);
      expect(result.ok, report).toBe(false);
      expect(failedIds(result).sort(), report).toEqual(Object.keys(c.fails).sort());
      for (const [id, message] of Object.entries(c.fails)) {
        const failed = check(result, id);
        expect(failed.message, report).toMatch(message);
        expect(failed.requires, id).toBeTruthy();
      }
      for (const id of c.unaffected) expect(check(result, id).status, `${id}\n${report}`).toBe('pass');
    });
  }
});

describe('the statistical timing check (on here; off in the other runs, so no test depends on timing by chance)', () => {
  it('fails a backend that answers unknown users 150 ms faster than wrong passwords', async () => {
    backend = await startMock({}, faults.answersUnknownUsersFaster);
    const result = await runConformance({ ...backend.options, only: ['login'], timing: true });
    const report = formatReport(result);
    expect(failedIds(result), report).toEqual(['login.timing-parity']);
    expect(check(result, 'login.timing-parity').message, report).toMatch(/ms for unknown users vs .+ ms for wrong passwords/);
  });
});

describe('allowed variations do not fail', () => {
  it.each([
    ['Retry-After as an HTTP date', faults.retryAfterAsHttpDate, ['login']],
    ['users with extra app-specific properties', faults.extendedUsers, ['session', 'login', 'user']],
  ] as const)('%s', async (_name, fault, only) => {
    backend = await startMock({}, fault);
    const result = await runConformance({ ...backend.options, only: [...only], timing: false });
    expect(failedIds(result), formatReport(result)).toEqual([]);
  });
});
