import { createAuthHandler, createDevOutbox, createSmtpMailer, createSqliteStore, listen, toNodeListener } from 'latchkey/server';
import type { RunningServer } from 'latchkey/server';
import { request as httpRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { fastHasher, PASSWORD } from './helpers.js';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()!.close();
});

function rawRequest(url: string, options: { method: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const body = Buffer.from(options.body);
        for (let offset = 0; offset < body.length; offset += 16 * 1024) req.write(body.subarray(offset, offset + 16 * 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}

async function start(extra: Partial<Parameters<typeof createAuthHandler>[0]> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-node-'));
  const handler = createAuthHandler({
    store: createSqliteStore({ filename: join(dir, 'auth.db') }),
    appUrl: 'http://app.test',
    passwordHasher: fastHasher,
    logger: () => undefined,
    mailer: createDevOutbox({ log: false }),
    ...extra,
  });
  const server = await listen(handler, { port: 0 });
  running.push(server);
  return server;
}

describe('Node adapter over real HTTP on 127.0.0.1', () => {
  it('serves the contract: cookie flow with Set-Cookie headers and the CSRF token', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const first = await fetch(`${url}/api/auth/session`);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const jar = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const register = await fetch(`${url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: jar },
      body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: PASSWORD }),
    });
    expect(register.status).toBe(201);
    const cookies = register.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith('lk_session='))).toBe(true);
    expect(cookies.some((c) => c.startsWith('lk_csrf='))).toBe(true);
    const session = cookies.map((c) => c.split(';')[0]).join('; ');
    const verify = await fetch(`${url}/api/auth/verify`, { headers: { cookie: session } });
    expect(verify.status).toBe(204);
    expect(verify.headers.get('x-auth-username')).toBe('ada');
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });

  it('40: a 1 MiB body gets 413 at once (declared length and chunked streaming), before the body is read whole', async () => {
    const { url } = await start();
    const big = Buffer.alloc(1024 * 1024, 'a');
    const declared = await rawRequest(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length) }, body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(declared.headers['cache-control']).toBe('no-store');
    const chunked = await rawRequest(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: big, chunked: true });
    expect(chunked.status).toBe(413);
    const viaFetch = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(viaFetch.status).toBe(413);
    // The server keeps serving afterwards.
    expect((await fetch(`${url}/api/auth/config`)).status).toBe(200);
  });

  it('hands the peer address to the throttle and ignores X-Forwarded-For unless trusted', async () => {
    const { url } = await start({ throttle: { address: { max: 2, windowMs: 60_000 } } });
    const session = await fetch(`${url}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const attempt = (i: number) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie, 'x-forwarded-for': `198.51.100.${String(i)}` },
        body: JSON.stringify({ identifier: `user${String(i)}`, password: 'wrong password!' }),
      });
    expect((await attempt(1)).status).toBe(401);
    expect((await attempt(2)).status).toBe(401);
    const limited = await attempt(3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers the same whether the handler is served directly or wrapped by an app as a plain Fetch handler', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-node-'));
    const handler = createAuthHandler({ store: createSqliteStore({ filename: join(dir, 'auth.db') }), appUrl: 'http://app.test', passwordHasher: fastHasher, logger: () => undefined });
    const direct = await listen(handler, { port: 0 });
    running.push(direct);
    const wrapped = await listen((request, info) => handler(request, info), { port: 0 });
    running.push(wrapped);

    const first = await fetch(`${wrapped.url}/api/auth/session`);
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const csrfCookie = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const register = await rawRequest(`${direct.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
      body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: PASSWORD }),
    });
    expect(register.status).toBe(201);
    const cookie = (register.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');

    const answers = await Promise.all([direct, wrapped].map(({ url }) => rawRequest(`${url}/api/auth/session`, { method: 'GET', headers: { cookie } })));
    const [viaDirect, viaWrapped] = answers.map((answer) => ({ ...answer, body: JSON.parse(answer.text) as { session: { user: { username: string } }; csrfToken: string } }));
    for (const answer of [viaDirect!, viaWrapped!]) {
      expect(answer.status).toBe(200);
      expect(answer.body.session.user.username).toBe('ada');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers.vary).toBe('Origin, Cookie, Authorization');
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    expect(viaDirect!.body).toEqual(viaWrapped!.body);
    // The direct path writes the JSON in one piece with its exact length.
    expect(viaDirect!.headers['content-length']).toBe(String(Buffer.byteLength(viaDirect!.text)));

    const verifies = await Promise.all([direct, wrapped].map(({ url }) => rawRequest(`${url}/api/auth/verify`, { method: 'GET', headers: { cookie } })));
    for (const verify of verifies) {
      expect(verify.status).toBe(204);
      expect(verify.headers['x-auth-username']).toBe('ada');
      expect(verify.text).toBe('');
    }
  });

  it('toNodeListener works with a plain node:http server and a custom body limit', async () => {
    const { createServer } = await import('node:http');
    const handler = createAuthHandler({ store: createSqliteStore({ filename: ':memory:' }), appUrl: 'http://app.test', logger: () => undefined });
    const server = createServer(toNodeListener(handler, { maxBodyBytes: 10 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    running.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const { port } = server.address() as { port: number };
    const answer = await rawRequest(`http://127.0.0.1:${String(port)}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identifier":"abcdef"}' });
    expect(answer.status).toBe(413);
  });
});

describe('SMTP transport against a real local SMTP receiver', () => {
  it('the reset mail arrives over SMTP and its link works', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    running.push({ close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) });
    const smtpPort = (smtp.server.address() as { port: number }).port;
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${String(smtpPort)}?ignoreTLS=true`, from: 'Test <no-reply@app.test>' });
    running.push({ close: async () => mailer.close() });
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-smtp-'));
    const handler = createAuthHandler({
      store: createSqliteStore({ filename: join(dir, 'auth.db') }),
      appUrl: 'http://app.test',
      passwordHasher: fastHasher,
      logger: () => undefined,
      mailer,
      transport: 'bearer',
    });
    const { url } = await listen(handler, { port: 0 }).then((s) => (running.push(s), s));
    const post = (path: string, body: unknown) =>
      fetch(`${url}/api/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('register', { username: 'ada', email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
    expect((await post('password/forgot', { identifier: 'ada' })).status).toBe(202);
    await handler.idle();
    expect(received).toHaveLength(1);
    const mail = received[0]!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(mail).toMatch(/^Subject: Reset your latchkey password/m);
    expect(mail).toMatch(/^To: ada@example\.com/m);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail)![1]!;
    expect((await post('password/reset', { token, password: 'brand new passphrase 9' })).status).toBe(204);
    expect((await post('login', { identifier: 'ada', password: 'brand new passphrase 9' })).status).toBe(200);
    expect(() => createSmtpMailer({ url: 'http://nope' })).toThrow(/smtp/);
  });
});
