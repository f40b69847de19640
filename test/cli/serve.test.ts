import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthConfigSchema, AuthResultSchema } from 'latchkey/contract';
import { builtCli } from './builtCli.js';
import { runLatchkey, startServe } from './runLatchkey.js';
import type { ServeProcess } from './runLatchkey.js';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-cli-serve-'));
const app = join(dir, 'app');
mkdirSync(join(app, 'assets'), { recursive: true });
writeFileSync(join(app, 'index.html'), '<!doctype html><title>the app</title><div id="root"></div>');
writeFileSync(join(app, 'assets', 'app-3f2a.js'), 'console.log("app");');
writeFileSync(join(dir, 'secret.txt'), 'outside the static root');

beforeAll(() => builtCli(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let running: ServeProcess | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const json = { 'content-type': 'application/json' };

async function login(origin: string, identifier: string, password: string): Promise<Response> {
  return fetch(`${origin}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ identifier, password }) });
}

describe('latchkey serve', () => {
  it('serves the auth API on an ephemeral port, prints one URL, and stops cleanly on SIGINT', async () => {
    const db = join(dir, 'plain.db');
    running = await startServe(['--port', '0', '--db', db]);
    const config = await fetch(`${running.origin}/api/auth/config`);
    expect(config.status).toBe(200);
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(AuthConfigSchema.parse(await config.json())).toMatchObject({ contract: 1, transport: 'cookie', registration: 'open' });
    expect(running.output()).toMatch(/auth API {2}http:\/\/127\.0\.0\.1:\d+\/api\/auth \(cookie transport, registration open\)/);
    expect(running.output()).toMatch(/mail {6}development outbox/);
    expect(running.output()).toContain('No users yet. Create the first admin with:  latchkey users add <username> --roles admin');
    const stopped = await running.stop();
    running = null;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/stopping/);
    expect(stopped.stderr).toBe('');
    await expect(fetch(`http://${new URL(stopped.stdout.match(/Open (http:\/\/\S+)/)?.[1] ?? '').host}/api/auth/config`)).rejects.toThrow();
  });

  it('takes its configuration from LATCHKEY_* variables; a flag wins over the variable', async () => {
    running = await startServe(['--registration', 'invite'], {
      env: { LATCHKEY_PORT: '0', LATCHKEY_DB: ':memory:', LATCHKEY_TRANSPORT: 'bearer', LATCHKEY_REGISTRATION: 'closed', LATCHKEY_PASSWORD_MIN_LENGTH: '16', LATCHKEY_LOG: 'off' },
    });
    const config = AuthConfigSchema.parse(await (await fetch(`${running.origin}/api/auth/config`)).json());
    expect(config).toMatchObject({ transport: 'bearer', registration: 'invite', password: { minLength: 16, maxLength: 128 } });
  });

  it('users made with the CLI sign in over HTTP; disable, reset-link and set-roles act on the running server', async () => {
    const db = join(dir, 'shared.db');
    const add = await runLatchkey(['users', 'add', 'ada', '--email', 'ada@example.com', '--roles', 'admin', '--db', db], {
      input: 'ada owns this long passphrase\n',
    });
    expect(add.code, add.stderr).toBe(0);
    running = await startServe(['--port', '0', '--db', db, '--transport', 'bearer', '--log', 'off']);
    const { origin } = running;

    const first = await login(origin, 'ada', 'ada owns this long passphrase');
    expect(first.status).toBe(200);
    const session = AuthResultSchema.parse(await first.json());
    expect(session.session.user).toMatchObject({ username: 'ada', roles: ['admin'] });

    // set-roles while the server runs: the next request sees the new roles.
    expect((await runLatchkey(['users', 'set-roles', 'ada', 'admin,auditor', '--db', db])).code).toBe(0);
    const verify = await fetch(`${origin}/api/auth/verify?role=auditor`, { headers: { authorization: `Bearer ${session.tokens?.accessToken ?? ''}` } });
    expect(verify.status).toBe(204);
    expect(verify.headers.get('x-auth-roles')).toBe('admin,auditor');

    // disable ends the sessions and sign-in fails like a wrong password.
    expect((await runLatchkey(['users', 'disable', 'ada', '--db', db])).stdout).toMatch(/1 session ended/);
    const afterDisable = await fetch(`${origin}/api/auth/session`, { headers: { authorization: `Bearer ${session.tokens?.accessToken ?? ''}` } });
    expect(afterDisable.status).toBe(401);
    const refused = await login(origin, 'ada', 'ada owns this long passphrase');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect((await runLatchkey(['users', 'enable', 'ada', '--db', db])).code).toBe(0);

    // reset-link: the token works once against the running server.
    const link = await runLatchkey(['users', 'reset-link', 'ada', '--db', db, '--app-url', origin, '--json']);
    const token = new URL((JSON.parse(link.stdout) as { url: string }).url).searchParams.get('token') ?? '';
    const reset = () => fetch(`${origin}/api/auth/password/reset`, { method: 'POST', headers: json, body: JSON.stringify({ token, password: 'a brand new passphrase' }) });
    expect((await reset()).status).toBe(204);
    expect((await reset()).status).toBe(400);
    expect((await login(origin, 'ada@example.com', 'a brand new passphrase')).status).toBe(200);
    expect((await login(origin, 'ada', 'ada owns this long passphrase')).status).toBe(401);
  });

  it('with --static, one origin serves the app (with SPA fallback) and the API', async () => {
    running = await startServe(['--port', '0', '--db', ':memory:', '--static', app, '--log', 'off']);
    const { origin } = running;
    expect(running.output()).toMatch(/serving app \+ auth API/);
    expect(running.output()).toMatch(new RegExp(`Open ${origin.replace(/[.]/g, '\\.')} `));

    const home = await fetch(`${origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await home.text()).toContain('<title>the app</title>');

    const deep = await fetch(`${origin}/account/settings?tab=1`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>the app</title>');

    const asset = await fetch(`${origin}/assets/app-3f2a.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("app");');
    const etag = asset.headers.get('etag') ?? '';
    expect((await fetch(`${origin}/assets/app-3f2a.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);

    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await fetch(`${origin}${path}`);
      expect(await response.text(), path).not.toContain('outside the static root');
    }

    const config = await fetch(`${origin}/api/auth/config`);
    expect(config.headers.get('content-type')).toMatch(/application\/json/);
    const unknown = await fetch(`${origin}/api/auth/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('with --no-spa-fallback, unknown pages are 404', async () => {
    running = await startServe(['--port', '0', '--db', ':memory:', '--static', app, '--no-spa-fallback', '--log', 'off']);
    expect((await fetch(`${running.origin}/account`)).status).toBe(404);
    expect((await fetch(`${running.origin}/`)).status).toBe(200);
  });

  it('--outbox-endpoint serves the development outbox for latchkey check; mail is also printed', async () => {
    const db = join(dir, 'outbox.db');
    await runLatchkey(['users', 'add', 'bob', '--email', 'bob@example.com', '--db', db]);
    running = await startServe(['--port', '0', '--db', db, '--transport', 'bearer', '--outbox-endpoint', '--log', 'off']);
    const { origin } = running;
    const forgot = await fetch(`${origin}/api/auth/password/forgot`, { method: 'POST', headers: json, body: JSON.stringify({ identifier: 'bob' }) });
    expect(forgot.status).toBe(202);
    let messages: Array<{ to: string; link?: string }> = [];
    for (let i = 0; i < 50 && messages.length === 0; i++) {
      messages = ((await (await fetch(`${origin}/__latchkey/outbox?to=BOB@example.com`)).json()) as { messages: typeof messages }).messages;
      if (messages.length === 0) await new Promise((done) => setTimeout(done, 100));
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]?.link).toMatch(new RegExp(`^${origin}/reset-password\\?token=`));
    expect(running.output()).toContain('[latchkey outbox] to: bob@example.com');
    const none = (await (await fetch(`${origin}/__latchkey/outbox?to=nobody@example.com`)).json()) as { messages: unknown[] };
    expect(none.messages).toEqual([]);
  });

  it('without --outbox-endpoint there is no outbox URL', async () => {
    running = await startServe(['--port', '0', '--db', ':memory:', '--log', 'off']);
    expect((await fetch(`${running.origin}/__latchkey/outbox`)).status).toBe(404);
  });

  it('a port in use is a clear error with exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as AddressInfo;
    try {
      const result = await runLatchkey(['serve', '--port', String(port), '--db', ':memory:']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`latchkey: port ${String(port)} on 127.0.0.1 is already in use; choose another with --port\n`);
    } finally {
      blocker.close();
    }
  });

  it('logs as JSON lines by default and as text with --log text, without passwords', async () => {
    const db = join(dir, 'logs.db');
    await runLatchkey(['users', 'add', 'carol', '--db', db], { input: 'carols secret passphrase\n' });
    running = await startServe(['--port', '0', '--db', db, '--transport', 'bearer']);
    await login(running.origin, 'carol', 'carols secret passphrase');
    await login(running.origin, 'carol', 'a wrong passphrase here');
    const output = (await running.stop()).stdout;
    running = null;
    const events = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { event: string });
    expect(events.map((entry) => entry.event)).toEqual(['login.success', 'login.failure']);
    expect(output).not.toContain('passphrase');

    running = await startServe(['--port', '0', '--db', db, '--transport', 'bearer', '--log', 'text']);
    await login(running.origin, 'carol', 'carols secret passphrase');
    const text = (await running.stop()).stdout;
    running = null;
    expect(text).toMatch(/^\d\d:\d\d:\d\d info {2}login\.success userId=\S+/m);
  });
});

describe('latchkey check', () => {
  for (const transport of ['cookie', 'bearer'] as const) {
    it(`runs the conformance suite against the served reference server (${transport}) and exits 0 when all pass`, async () => {
      const db = join(dir, `check-${transport}.db`);
      await runLatchkey(['users', 'add', 'root', '--email', 'root@example.com', '--roles', 'admin', '--db', db], { input: 'root admin passphrase\n' });
      running = await startServe(['--port', '0', '--db', db, '--transport', transport, '--outbox-endpoint', '--log', 'off']);
      const { origin } = running;
      const result = await runLatchkey(
        ['check', `${origin}/api/auth`, '--transport', transport, '--outbox-url', `${origin}/__latchkey/outbox`, '--admin-user', 'root', '--no-timing'],
        { env: { LATCHKEY_CHECK_ADMIN_PASSWORD: 'root admin passphrase' } },
      );
      expect(result.stdout).toMatch(/\d+ passed, 0 failed/);
      expect(result.code, result.stdout).toBe(0);
    }, 120_000);
  }

  it('exits 1 when a check fails (here: the backend does not use the transport asked for)', async () => {
    running = await startServe(['--port', '0', '--db', ':memory:', '--log', 'off']);
    const result = await runLatchkey(['check', `${running.origin}/api/auth`, '--transport', 'bearer', '--only', 'config']);
    expect(result.stdout).toMatch(/[1-9]\d* failed/);
    expect(result.code).toBe(1);
  }, 60_000);
});
