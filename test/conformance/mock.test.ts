import { afterEach, describe, expect, it } from 'vitest';
import { formatJson, formatReport, runConformance } from 'latchkey/conformance';
import type { ConformanceResult } from 'latchkey/conformance';
import { check, checks, failedIds, startMock } from './backends.js';
import type { TestBackend } from './backends.js';

let backend: TestBackend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

describe('the conformance suite against the mock backend over HTTP', () => {
  for (const transport of ['cookie', 'bearer'] as const) {
    it(`passes every check in ${transport} mode`, async () => {
      backend = await startMock({ transport });
      const result = await runConformance({ ...backend.options, transport, timing: false });
      expect(failedIds(result), formatReport(result)).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.summary.passed).toBeGreaterThan(60);
      // What cannot apply in this mode is said so, with a reason.
      const na = transport === 'cookie' ? 'refresh.rotation' : 'csrf.missing-header';
      expect(check(result, na).status).toBe('not_applicable');
      expect(check(result, na).message).toMatch(/transport/);
      expect(check(result, 'password/reset.expired-token')).toMatchObject({ status: 'not_checked', message: expect.stringMatching(/clock/) });
    });
  }

  it('with email verification on, checks that a taken email gets the same answer as a new one', async () => {
    backend = await startMock({ features: { emailVerification: true } });
    const result = await runConformance({ ...backend.options, only: ['register', 'email/verify', 'login'] });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    expect(check(result, 'register.email-taken-parity').status).toBe('pass');
    expect(check(result, 'register.email-taken').status).toBe('not_applicable');
    expect(check(result, 'email/verify.unknown-token').status).toBe('pass');
    const reset = await runConformance({ ...backend.options, only: ['password/reset'] });
    expect(failedIds(reset), formatReport(reset)).toEqual([]);
    expect(check(reset, 'password/reset.wrong-purpose-token').status).toBe('pass');
  });

  it('without an outbox hook, reports the mail-dependent checks as not checked, with the reason', async () => {
    backend = await startMock();
    const { readOutbox: _ignored, ...options } = backend.options;
    const result = await runConformance({ ...options, only: ['password/reset'] });
    expect(check(result, 'password/reset.unknown-token').status).toBe('pass');
    for (const id of ['password/reset.weak-password', 'password/reset.success', 'password/reset.single-use', 'password/reset.tampered-token']) {
      expect(check(result, id).status, id).toBe('not_checked');
    }
    expect(check(result, 'password/reset.weak-password').message).toMatch(/outbox/);
    expect(result.ok).toBe(true);
  });

  it('reports a broken outbox hook as not checked, not as a backend failure', async () => {
    backend = await startMock();
    const readOutbox = async (): Promise<null> => {
      throw new Error('outbox endpoint answered 500');
    };
    const result = await runConformance({ ...backend.options, readOutbox, only: ['password/reset'] });
    expect(check(result, 'password/reset.weak-password')).toMatchObject({ status: 'not_checked', message: 'the outbox hook failed: outbox endpoint answered 500' });
    expect(result.ok).toBe(true);
  });

  it('with registration closed, creates its throwaway users through the admin endpoints', async () => {
    backend = await startMock({ registration: 'closed' });
    const result = await runConformance({ ...backend.options, only: ['register', 'login', 'password/change'] });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    expect(check(result, 'register.mode').status).toBe('pass');
    expect(check(result, 'register.policy-min').status).toBe('not_checked');
    expect(check(result, 'password/change.success-revokes-others').status).toBe('pass');
  });

  it('in invite mode, registers with an admin-made invite and refuses a bogus one', async () => {
    backend = await startMock({ registration: 'invite' });
    const result = await runConformance({ ...backend.options, only: ['register'] });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    expect(check(result, 'register.with-invite').status).toBe('pass');
    expect(check(result, 'register.mode').status).toBe('pass');
  });

  it('when registrations await approval, the admin approves the throwaway users', async () => {
    backend = await startMock({}, undefined, { requireApproval: true });
    const result = await runConformance({ ...backend.options, only: ['login', 'password/change'] });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    expect(check(result, 'login.success').status).toBe('pass');
    expect(check(result, 'password/change.success-revokes-others').status).toBe('pass');
  });

  it('with registration closed and no admin, says why user-dependent checks were not checked', async () => {
    backend = await startMock({ registration: 'closed' });
    const { admin: _admin, ...options } = backend.options;
    const result = await runConformance({ ...options, only: ['login'] });
    expect(check(result, 'login.success')).toMatchObject({ status: 'not_checked', message: expect.stringMatching(/registration is closed and no admin credentials/) });
    expect(check(result, 'login.throttle-unknown').status).toBe('pass');
  });

  it('uses given credentials (--user) for ordinary checks and never locks that user out', async () => {
    backend = await startMock();
    const user = { identifier: 'root', password: 'root admin passphrase 1' };
    const result = await runConformance({ ...backend.options, user, only: ['login', 'session'] });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    const again = await runConformance({ ...backend.options, user, only: ['session'] });
    expect(check(again, 'session.signed-in').status).toBe('pass');
  });

  it('limits a run to the groups in `only` and rejects unknown groups', async () => {
    backend = await startMock();
    const result = await runConformance({ ...backend.options, only: ['verify'] });
    expect(new Set(checks(result).map((c) => c.group))).toEqual(new Set(['verify']));
    await expect(runConformance({ ...backend.options, only: ['logn'] })).rejects.toThrow(/unknown group\(s\) in only: logn/);
  });

  it('reports an unreachable backend as a failure naming the URL, not a crash', async () => {
    const result = await runConformance({ baseUrl: 'http://127.0.0.1:9/api/auth', requestTimeoutMs: 2000 });
    expect(result.ok).toBe(false);
    expect(check(result, 'config.shape')).toMatchObject({ status: 'fail', message: expect.stringMatching(/no HTTP answer/) });
    expect(check(result, 'login.all').status).toBe('not_checked');
  });

  it('rejects bad options with a clear error', async () => {
    await expect(runConformance({ baseUrl: '/api/auth' })).rejects.toThrow(/baseUrl must be an absolute http\(s\) URL/);
    await expect(runConformance({ baseUrl: 'http://127.0.0.1:1/api', maxAttempts: 1 })).rejects.toThrow(/maxAttempts/);
  });

  it('formats the report with the exact summary line and JSON with the same counts', async () => {
    backend = await startMock();
    const result: ConformanceResult = await runConformance({ ...backend.options, only: ['logout', 'refresh'] });
    const report = formatReport(result);
    const lines = report.split('\n');
    expect(lines.at(-2)).toBe(`${result.summary.passed} passed, 0 failed`);
    expect(lines.at(-1)).toBe(`${result.summary.notApplicable} not applicable, ${result.summary.notChecked} not checked`);
    expect(report).toMatch(/^logout$/m);
    expect(report).toMatch(/n\/a .*refresh\.rotation.*cookie transport/);
    const parsed = JSON.parse(formatJson(result)) as ConformanceResult;
    expect(parsed.summary).toEqual(result.summary);
    expect(parsed.groups.map((g) => g.name)).toEqual(['logout', 'refresh']);
  });
});
