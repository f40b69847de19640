import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_USAGE, formatJson, formatReport, outboxFromUrl, parseCheckArgs, runCheckCommand, runConformance } from 'latchkey/conformance';
import type { ConformanceResult } from 'latchkey/conformance';
import { ADMIN, startMock } from './backends.js';
import type { TestBackend } from './backends.js';
import * as faults from './faults.js';
import { serveFetch } from './serveFetch.js';

let backend: TestBackend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

function captureIo(env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  return {
    io: { env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } },
    out: () => stdout,
    err: () => stderr,
  };
}

describe('latchkey check: arguments', () => {
  it('parses every option, with passwords from the environment', () => {
    const args = parseCheckArgs(
      ['http://127.0.0.1:8787/api/auth', '--transport', 'bearer', '--user', 'ada', '--admin-user=root', '--only', 'login,csrf', '--max-attempts', '8', '--no-timing', '--origin', 'http://app.test', '--timeout', '5000', '--json'],
      { LATCHKEY_CHECK_PASSWORD: 'pw one', LATCHKEY_CHECK_ADMIN_PASSWORD: 'pw two' },
    );
    expect(args.json).toBe(true);
    expect(args.options).toMatchObject({
      baseUrl: 'http://127.0.0.1:8787/api/auth',
      transport: 'bearer',
      user: { identifier: 'ada', password: 'pw one' },
      admin: { identifier: 'root', password: 'pw two' },
      only: ['login', 'csrf'],
      maxAttempts: 8,
      timing: false,
      origin: 'http://app.test',
      requestTimeoutMs: 5000,
    });
  });

  it.each([
    [[], /missing <baseUrl>/],
    [['/api/auth'], /not an absolute http\(s\) URL/],
    [['http://x.test', '--transport', 'soap'], /--transport: "soap" is neither "cookie" nor "bearer"/],
    [['http://x.test', '--only', 'login,logn'], /--only: unknown group\(s\) logn/],
    [['http://x.test', '--max-attempts', 'many'], /--max-attempts: "many" is not a positive whole number/],
    [['http://x.test', '--user', 'ada'], /--user needs --password/],
    [['http://x.test', '--outbox-url', 'outbox'], /--outbox-url: "outbox" is not an absolute URL/],
    [['http://x.test', '--frobnicate'], /unknown option --frobnicate/],
    [['http://x.test', 'http://y.test'], /unexpected argument "http:\/\/y.test"/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCheckArgs(argv)).toThrow(message);
  });
});

describe('latchkey check: the command', () => {
  it('prints the report and exits 0 when every check passes', async () => {
    backend = await startMock();
    const { io, out } = captureIo({ LATCHKEY_CHECK_ADMIN_PASSWORD: ADMIN.password });
    const code = await runCheckCommand([backend.options.baseUrl, '--only', 'verify,admin/users', '--admin-user', ADMIN.identifier], io);
    expect(code, out()).toBe(0);
    expect(out()).toMatch(/^verify$/m);
    expect(out()).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('exits 1 on a failed check, and --json prints the result for machines', async () => {
    backend = await startMock({}, faults.missingCacheControl);
    const { io, out } = captureIo();
    const code = await runCheckCommand([backend.options.baseUrl, '--only', 'general', '--json'], io);
    expect(code).toBe(1);
    const result = JSON.parse(out()) as ConformanceResult;
    expect(result.ok).toBe(false);
    expect(result.groups[0]?.checks.find((c) => c.id === 'general.cache-control')?.status).toBe('fail');
  });

  it('exits 2 for a usage mistake and says where to look', async () => {
    const { io, err } = captureIo();
    expect(await runCheckCommand(['--only', 'everything'], io)).toBe(2);
    expect(err()).toMatch(/latchkey check: --only: unknown group\(s\) everything/);
    expect(err()).toMatch(/latchkey check --help/);
  });

  it('prints the usage for --help', async () => {
    const { io, out } = captureIo();
    expect(await runCheckCommand(['--help'], io)).toBe(0);
    expect(out()).toBe(CHECK_USAGE);
    expect(out()).toMatch(/--outbox-url/);
  });
});

describe('reports never show secrets', () => {
  it('redacts passwords, tokens and cookie values in failed checks (report and JSON)', async () => {
    backend = await startMock({}, faults.leaksUnknownUserOnLogin);
    const user = { identifier: ADMIN.identifier, password: ADMIN.password };
    const result = await runConformance({ ...backend.options, user, only: ['login', 'csrf', 'session'], timing: false });
    expect(result.ok).toBe(false);
    await backend.close();
    backend = await startMock({}, faults.wrongSessionShape);
    const shape = await runConformance({ ...backend.options, user, only: ['session'], timing: false });
    expect(formatReport(shape)).toMatch(/"csrfToken":"\[redacted\]"/);
    const texts = [formatReport(result), formatJson(result), formatReport(shape), formatJson(shape)];
    expect(texts[0]).toMatch(/"password":"\[redacted\]"/);
    for (const text of texts) {
      expect(text).not.toContain(ADMIN.password);
      expect(text).not.toMatch(/lk_session=(?!\[redacted\])/);
      expect(text).not.toMatch(/\\?"csrfToken\\?":\\?"(?!\[redacted\])/);
    }
  });
});

describe('the outbox endpoint reader', () => {
  it('takes the newest message to the address from {"messages": [...]}, and the token from the link', async () => {
    const served = await serveFetch(async (request) => {
      const to = new URL(request.url).searchParams.get('to');
      if (to === 'none@example.test') return new Response(null, { status: 404 });
      return Response.json({
        messages: [
          { to, subject: 'Reset', text: 'old', link: 'http://app.test/reset?token=old-token' },
          { to: 'other@example.test', subject: 'Reset', link: 'http://app.test/reset?token=other' },
          { to, subject: 'Reset', text: 'Open http://app.test/reset?token=new-token to reset.' },
        ],
      });
    });
    try {
      const read = outboxFromUrl(`${served.origin}/__latchkey/outbox`);
      expect(await read('ada@example.test')).toMatchObject({ text: expect.stringContaining('new-token') });
      expect(await read('none@example.test')).toBeNull();
      // The run reads the token from the text's link; proven end to end in server.test.ts.
    } finally {
      await served.close();
    }
    expect(() => outboxFromUrl('not a url')).toThrow(/not an absolute URL/);
  });
});
