import {
  createDevOutbox,
  createPasswordHasher,
  createPasswordPolicy,
  createSqliteStore,
  DEFAULT_HASHING,
  hashToken,
  Semaphore,
} from 'latchkey/server';
import type { Mailer, MailMessage, PasswordHasher } from 'latchkey/server';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectError, expectSuccess, fastHasher, mailedToken, makeServer, OTHER_PASSWORD, PASSWORD, registerUser, seedUser } from './helpers.js';

const MIN = 60_000;

function sessionCookie(setCookies: string[], name = 'lk_session'): string | undefined {
  return setCookies.find((cookie) => cookie.startsWith(`${name}=`));
}

describe('reference server: security.md cases 18–28', () => {
  it('18: argon2id at the OWASP floor by default (m=19456 KiB, t=2, p=1), PHC string, verify with the library', async () => {
    const hasher = createPasswordHasher();
    expect(DEFAULT_HASHING).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const phc = await hasher.hash(PASSWORD);
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await hasher.verify(phc, PASSWORD)).toBe(true);
    expect(await hasher.verify(phc, `${PASSWORD} `)).toBe(false);
    expect(await hasher.verify('not a hash', PASSWORD)).toBe(false);
    expect(hasher.needsRehash(phc)).toBe(false);
    expect(createPasswordHasher({ memoryCost: 65536, timeCost: 3 }).needsRehash(phc)).toBe(true);
    expect(() => createPasswordHasher({ timeCost: 0 })).toThrow(/timeCost/);
  });

  it('18: a login rehashes a stored hash whose parameters differ from the configured ones', async () => {
    const server = makeServer({ passwordHasher: createPasswordHasher({ memoryCost: 512, timeCost: 1 }) });
    await seedUser(server, 'ada'); // hashed with m=256
    expect((await server.store.getUserById('id-ada'))?.passwordHash).toMatch(/m=256,t=1/);
    expectSuccess('login', await server.client().login('ada', PASSWORD));
    const stored = (await server.store.getUserById('id-ada'))?.passwordHash;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=512,t=1,p=1\$/);
    expectSuccess('login', await server.client().login('ada', PASSWORD));
    expect(server.logs.filter((entry) => entry.event === 'password.rehashed')).toHaveLength(1);
  });

  it('18: the number of hashes running at once is bounded', async () => {
    const gate = new Semaphore(2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        gate.run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    // The hasher runs every hash and verify through such a gate.
    const hasher = createPasswordHasher({ memoryCost: 256, timeCost: 1, maxConcurrent: 1 });
    const results = await Promise.all([hasher.hash('a'), hasher.hash('b'), hasher.hash('c')]);
    expect(new Set(results).size).toBe(3);
    expect(() => createPasswordHasher({ maxConcurrent: 0 })).toThrow(/maxConcurrent/);
  });

  it('19: unknown-user login still runs a verify against a dummy hash', async () => {
    const calls: string[] = [];
    const counting: PasswordHasher = {
      params: fastHasher.params,
      hash: (p) => fastHasher.hash(p),
      needsRehash: (h) => fastHasher.needsRehash(h),
      verify: async (h, p) => {
        calls.push('verify');
        return fastHasher.verify(h, p);
      },
      dummyVerify: async (p) => {
        calls.push('dummy');
        return fastHasher.dummyVerify(p);
      },
    };
    const server = makeServer({ passwordHasher: counting });
    await seedUser(server, 'ada');
    expectError(await server.client().login('nobody', PASSWORD), 401, 'invalid_credentials');
    expect(calls).toEqual(['dummy']);
    expectError(await server.client().login('nobody@example.com', PASSWORD), 401, 'invalid_credentials');
    expect(calls).toEqual(['dummy', 'dummy']);
    expectError(await server.client().login('ada', OTHER_PASSWORD), 401, 'invalid_credentials');
    expect(calls).toEqual(['dummy', 'dummy', 'verify']);
    // The dummy verify does real work: it is an argon2id verify, answering false.
    expect(await fastHasher.dummyVerify(PASSWORD)).toBe(false);
  });

  it('20: forgot-password and forgot-username answer 202 at once; the mail goes out in the background', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: MailMessage[] = [];
    const slowMailer: Mailer = {
      async send(message) {
        await gate;
        sent.push(message);
      },
    };
    const server = makeServer({ mailer: slowMailer });
    await seedUser(server, 'ada');
    const client = server.client();
    for (const [path, body] of [
      ['password/forgot', { identifier: 'ada' }],
      ['password/forgot', { identifier: 'ghost' }],
      ['username/forgot', { email: 'ada@example.com' }],
      ['username/forgot', { email: 'ghost@example.com' }],
    ] as const) {
      const answer = await client.post(path, body);
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({});
    }
    expect(sent).toHaveLength(0); // nothing was awaited in the requests
    release();
    await server.handler.idle();
    expect(sent.map((m) => m.subject)).toEqual([expect.stringMatching(/Reset your/), expect.stringMatching(/username/)]);
  });

  it('21: reset tokens are 256-bit, stored only as SHA-256, single use, ≤30 min, newest wins, link from appUrl not Host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-21-'));
    const filename = join(dir, 'auth.db');
    const server = makeServer({ store: createSqliteStore({ filename }) });
    await seedUser(server, 'ada');
    const client = server.client();
    await client.post('password/forgot', { identifier: 'ada' }, { host: 'evil.test' });
    await client.raw('POST', 'password/forgot', {
      base: 'http://evil.test',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf!, cookie: client.cookieHeader() },
      body: JSON.stringify({ identifier: 'ada@example.com' }),
    });
    await server.handler.idle();
    const [first, second] = server.outbox.messages;
    const link = /(\S+token=\S+)/.exec(second!.text)![1]!;
    expect(link.startsWith('http://app.test/reset-password?token=')).toBe(true);
    expect(first!.text + second!.text).not.toContain('evil.test');
    const older = /token=([A-Za-z0-9_-]+)/.exec(first!.text)![1]!;
    const token = mailedToken(server.outbox, 'ada@example.com');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const db = new Database(filename, { readonly: true });
    const rows = db.prepare('SELECT token_hash FROM one_time_tokens').all() as Array<{ token_hash: string }>;
    db.close();
    expect(rows).toEqual([{ token_hash: hashToken(token) }]); // only the newest, only hashed
    expect(readFileSync(filename).includes(token)).toBe(false);
    expectError(await client.post('password/reset', { token: older, password: OTHER_PASSWORD }), 400, 'invalid_token');
    expectSuccess('resetPassword', await client.post('password/reset', { token, password: OTHER_PASSWORD }));
    expectError(await client.post('password/reset', { token, password: `${OTHER_PASSWORD}!` }), 400, 'invalid_token');
    // Expiry: 30 minutes.
    await client.post('password/forgot', { identifier: 'ada' });
    await server.handler.idle();
    const late = mailedToken(server.outbox, 'ada@example.com');
    server.clock.advance(30 * MIN);
    expectError(await client.post('password/reset', { token: late, password: PASSWORD }), 400, 'invalid_token');
    expect(() => makeServer({ oneTimeTokenTtlMs: 31 * MIN })).toThrow(/oneTimeTokenTtlMs/);
  });

  it('22: session ids are 256-bit, stored only as SHA-256; every login and password change makes a new one and deletes the old', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-22-'));
    const filename = join(dir, 'auth.db');
    const server = makeServer({ store: createSqliteStore({ filename }) });
    await seedUser(server, 'ada');
    const client = server.client();
    const first = await client.login('ada', PASSWORD);
    const firstId = sessionCookie(first.headers.getSetCookie())!.split(';')[0]!.split('=')[1]!;
    expect(Buffer.from(firstId, 'base64url')).toHaveLength(32);
    const db = new Database(filename, { readonly: true });
    expect(db.prepare('SELECT key FROM sessions').all()).toEqual([{ key: hashToken(firstId) }]);
    const second = await client.login('ada', PASSWORD);
    const secondId = sessionCookie(second.headers.getSetCookie())!.split(';')[0]!.split('=')[1]!;
    expect(secondId).not.toBe(firstId);
    expect(db.prepare('SELECT key FROM sessions').all()).toEqual([{ key: hashToken(secondId) }]);
    const changed = await client.post('password/change', { currentPassword: PASSWORD, newPassword: OTHER_PASSWORD });
    expectSuccess('changePassword', changed);
    const thirdId = sessionCookie(changed.headers.getSetCookie())!.split(';')[0]!.split('=')[1]!;
    expect(db.prepare('SELECT key FROM sessions').all()).toEqual([{ key: hashToken(thirdId) }]);
    db.close();
    const replay = server.client();
    replay.jar.set('lk_session', secondId);
    expect((await replay.get('session')).body).toMatchObject({ session: null });
  });

  it('23: cookies are HttpOnly; SameSite=Lax; Path=/ and over https Secure with the __Host- prefix', async () => {
    const server = makeServer();
    await seedUser(server, 'ada');
    const plain = server.client();
    const answer = await plain.login('ada', PASSWORD);
    const cookie = sessionCookie(answer.headers.getSetCookie())!;
    expect(cookie).toMatch(/^lk_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(answer.headers.getSetCookie().find((c) => c.startsWith('lk_csrf='))).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);

    const https = server.client();
    const session = await https.raw('GET', 'session', { base: 'https://app.test' });
    const csrf = (session.body as { csrfToken: string }).csrfToken;
    const login = await https.raw('POST', 'login', {
      base: 'https://app.test',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: https.cookieHeader() },
      body: JSON.stringify({ identifier: 'ada', password: PASSWORD, remember: true }),
    });
    expect(login.status).toBe(200);
    const secure = sessionCookie(login.headers.getSetCookie(), '__Host-lk_session')!;
    expect(secure).toMatch(/^__Host-lk_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=2592000$/);
    expect(secure).not.toMatch(/Domain=/i);
    // Behind a TLS-terminating proxy only when trusted.
    const proxied = makeServer({ trustProxy: true }).client();
    const viaProxy = await proxied.raw('GET', 'session', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers.getSetCookie()[0]).toMatch(/^__Host-lk_csrf=.*; Secure$/);
    const untrusted = await server.client().raw('GET', 'session', { headers: { 'x-forwarded-proto': 'https' } });
    expect(untrusted.headers.getSetCookie()[0]).toMatch(/^lk_csrf=/);
  });

  it('23: CSRF: state changes need the signed double-submit token; cross-site fetches and foreign origins are refused', async () => {
    const server = makeServer();
    await seedUser(server, 'ada');
    const client = server.client();
    await client.ensureCsrf();
    const body = JSON.stringify({ identifier: 'ada', password: PASSWORD });
    const post = (headers: Record<string, string>) =>
      client.raw('POST', 'login', { headers: { 'content-type': 'application/json', cookie: client.cookieHeader(), ...headers }, body });
    expectError(await post({}), 403, 'csrf_failed');
    expectError(await post({ 'x-csrf-token': 'forged' }), 403, 'csrf_failed');
    expectError(await post({ 'x-csrf-token': client.csrf!, 'sec-fetch-site': 'cross-site' }), 403, 'csrf_failed');
    expectError(await post({ 'x-csrf-token': client.csrf!, origin: 'https://evil.test' }), 403, 'csrf_failed');
    expectError(await post({ 'x-csrf-token': client.csrf!, origin: 'null' }), 403, 'csrf_failed');
    // A token minted for another browser's lk_csrf cookie does not fit this one.
    const other = server.client();
    await other.ensureCsrf();
    expectError(await post({ 'x-csrf-token': other.csrf! }), 403, 'csrf_failed');
    const good = await post({ 'x-csrf-token': client.csrf!, origin: 'http://app.test', 'sec-fetch-site': 'same-origin' });
    expectSuccess('login', good);
    // The token rotates at login: the old one stops working.
    const oldToken = client.csrf!;
    client.remember(good);
    expect(client.csrf).not.toBe(oldToken);
    expectError(await client.post('logout', undefined, { 'x-csrf-token': oldToken }), 403, 'csrf_failed');
    expectSuccess('logout', await client.post('logout'));
  });

  it('24: idle and absolute timeouts are enforced on the server with the injectable clock', async () => {
    const server = makeServer({ session: { idleTimeoutMs: 30 * MIN, absoluteTimeoutMs: 2 * 60 * MIN } });
    await seedUser(server, 'ada');
    const client = server.client();
    const login = await client.login('ada', PASSWORD);
    expect((login.body as { session: { expiresAt: string } }).session.expiresAt).toBe(new Date(server.clock.now() + 30 * MIN).toISOString());
    // Activity slides the idle deadline...
    for (let i = 0; i < 4; i += 1) {
      server.clock.advance(29 * MIN);
      expect((await client.get('session')).body).toMatchObject({ session: { user: { username: 'ada' } } });
    }
    // ...but never past the absolute deadline (2 h after login; 116 min have passed).
    const near = (await client.get('session')).body as { session: { expiresAt: string } };
    expect(near.session.expiresAt).toBe(new Date(Date.UTC(2026, 0, 1, 14)).toISOString());
    server.clock.advance(4 * MIN);
    expect((await client.get('session')).body).toMatchObject({ session: null });
    // Idle timeout.
    await client.login('ada', PASSWORD);
    server.clock.advance(30 * MIN);
    expect((await client.get('session')).body).toMatchObject({ session: null });
    expectError(await client.get('verify'), 401, 'unauthenticated');
  });

  it('24: remember-me lasts longer (persistent cookie); bearer access tokens last 15 minutes and refresh extends the session', async () => {
    const server = makeServer();
    await seedUser(server, 'ada');
    const client = server.client();
    const remembered = await client.login('ada', PASSWORD, true);
    expect(sessionCookie(remembered.headers.getSetCookie())).toMatch(/Max-Age=2592000/);
    server.clock.advance(6 * 24 * 60 * MIN);
    expect((await client.get('session')).body).toMatchObject({ session: { user: { username: 'ada' } } });
    const shortLived = await server.client().login('ada', PASSWORD);
    expect(sessionCookie(shortLived.headers.getSetCookie())).not.toMatch(/Max-Age/);

    const bearer = makeServer({ transport: 'bearer' });
    await seedUser(bearer, 'bob');
    const b = bearer.client();
    const login = await b.login('bob', PASSWORD);
    const tokens = (login.body as { tokens: { expiresAt: string } }).tokens;
    expect(tokens.expiresAt).toBe(new Date(bearer.clock.now() + 15 * MIN).toISOString());
    bearer.clock.advance(15 * MIN);
    expectError(await b.get('session'), 401, 'unauthenticated');
    expectSuccess('refresh', await b.post('refresh', { refreshToken: b.refreshToken }));
    expectSuccess('session', await b.get('session'));
  });

  it('25: throttling is keyed per normalized identifier (existing or not) and per client address', async () => {
    const server = makeServer({ throttle: { address: { max: 8, windowMs: 15 * MIN } } });
    await seedUser(server, 'ada');
    for (let i = 0; i < 5; i += 1) expectError(await server.client().login(i % 2 ? ' GHOST ' : 'ghost', 'wrong password!'), 401, 'invalid_credentials');
    const limited = await server.client().login('Ghost', 'wrong password!');
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another identifier from the same address still works until the address limit (8 failures).
    for (let i = 0; i < 3; i += 1) expectError(await server.client().login(`other${String(i)}`, 'wrong password!'), 401, 'invalid_credentials');
    expectError(await server.client().login('ada', PASSWORD), 429, 'rate_limited');
    // A different address is not affected.
    expectSuccess('login', await server.client({ address: '10.9.9.9' }).login('ada', PASSWORD));
  });

  it('25: a parallel burst cannot slip more than 5 password checks per identifier into a window', async () => {
    let verifies = 0;
    const counting: PasswordHasher = { ...fastHasher, params: fastHasher.params, verify: async (h, p) => (verifies += 1, fastHasher.verify(h, p)), dummyVerify: async (p) => (verifies += 1, fastHasher.dummyVerify(p)) };
    const server = makeServer({ passwordHasher: counting });
    await seedUser(server, 'ada');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => server.client({ address: `10.1.0.${String(i)}` }).login('ada', 'wrong password!')));
    expect(verifies).toBe(5);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
  });

  it('25: re-authentication (current password) has its own counter: login lock-outs do not block a signed-in user, guessing does', async () => {
    const server = makeServer();
    await seedUser(server, 'ada');
    const mine = server.client();
    await mine.login('ada', PASSWORD);
    for (let i = 0; i < 6; i += 1) await server.client().login('ada', 'wrong password!');
    expectError(await server.client().login('ada', PASSWORD), 429, 'rate_limited');
    for (let i = 0; i < 5; i += 1) expectError(await mine.post('password/change', { currentPassword: 'guess!', newPassword: OTHER_PASSWORD }), 401, 'invalid_credentials');
    expectError(await mine.post('password/change', { currentPassword: PASSWORD, newPassword: OTHER_PASSWORD }), 429, 'rate_limited');
    server.clock.advance(15 * MIN);
    await mine.login('ada', PASSWORD);
    expectSuccess('changePassword', await mine.post('password/change', { currentPassword: PASSWORD, newPassword: OTHER_PASSWORD }));
  });

  it('25: forwarded headers are ignored unless a trusted proxy is configured', async () => {
    const direct = makeServer({ throttle: { address: { max: 3, windowMs: 15 * MIN } } });
    for (let i = 0; i < 3; i += 1) {
      await direct.client().post('login', { identifier: `u${String(i)}`, password: 'wrong password!' }, { 'x-forwarded-for': `203.0.113.${String(i)}` });
    }
    const spoofed = await direct.client().post('login', { identifier: 'u9', password: 'wrong password!' }, { 'x-forwarded-for': '198.51.100.7' });
    expectError(spoofed, 429, 'rate_limited');

    const proxied = makeServer({ trustProxy: true, throttle: { address: { max: 3, windowMs: 15 * MIN } } });
    for (let i = 0; i < 3; i += 1) {
      await proxied.client().post('login', { identifier: `u${String(i)}`, password: 'wrong password!' }, { 'x-forwarded-for': '203.0.113.5' });
    }
    expectError(await proxied.client().post('login', { identifier: 'u9', password: 'wrong password!' }, { 'x-forwarded-for': '203.0.113.5' }), 429, 'rate_limited');
    // The proxy's own peer address is the same, yet another forwarded client is not limited.
    expectError(await proxied.client().post('login', { identifier: 'u9', password: 'wrong password!' }, { 'x-forwarded-for': '1.2.3.4, 203.0.113.6' }), 401, 'invalid_credentials');
  });

  it('26: password policy: length only (default 12..128, min never below 8, max ≥ 64), common passwords and the username refused', async () => {
    const policy = createPasswordPolicy();
    expect([policy.minLength, policy.maxLength]).toEqual([12, 128]);
    expect(policy.check('elevenchars')).toMatch(/at least 12/);
    expect(policy.check('alllowercaseletters')).toBeNull(); // no composition rules
    expect(policy.check('password1234')).toMatch(/too common/);
    expect(policy.check('Correct Horse Battery Staple')).toMatch(/too common/);
    expect(policy.check('adalovelace1815', 'AdaLovelace1815')).toMatch(/username/);
    expect(policy.check('x'.repeat(129))).toMatch(/at most 128/);
    expect(policy.check('🔑'.repeat(12))).toBeNull(); // counted in code points
    expect(() => createPasswordPolicy({ minLength: 7 })).toThrow(/minLength/);
    expect(() => createPasswordPolicy({ maxLength: 63 })).toThrow(/maxLength/);
    expect(createPasswordPolicy({ minLength: 8, commonPasswords: ['acmeacme'] }).check('AcmeAcme')).toMatch(/too common/);
    const server = makeServer({ password: { minLength: 14 } });
    const answer = await server.client().post('register', { username: 'ada', email: 'ada@example.com', password: 'thirteen char' });
    expectError(answer, 422, 'weak_password');
    expect((answer.body as { error: { fields: Record<string, string> } }).error.fields.password).toMatch(/14/);
    expectError(await server.client().post('register', { username: 'longusername1', email: 'a@example.com', password: 'longusername1' }), 422, 'weak_password');
  });

  it('27: logins, failures, lockouts, resets and password changes are logged as structured entries', async () => {
    const server = makeServer();
    await seedUser(server, 'ada');
    const client = server.client();
    await client.login('ada', PASSWORD);
    for (let i = 0; i < 5; i += 1) await server.client().login('ada', 'wrong password!');
    await client.post('password/change', { currentPassword: PASSWORD, newPassword: OTHER_PASSWORD });
    await client.post('password/forgot', { identifier: 'ada' });
    await server.handler.idle();
    await client.post('password/reset', { token: mailedToken(server.outbox, 'ada@example.com'), password: PASSWORD });
    const events = server.logs.map((entry) => entry.event);
    for (const event of ['login.success', 'login.failure', 'login.locked', 'password.changed', 'password.reset_requested', 'password.reset_completed']) {
      expect(events).toContain(event);
    }
    for (const entry of server.logs) expect(entry).toMatchObject({ time: expect.any(String), level: expect.stringMatching(/info|warn|error/) });
    expect(server.logs.find((e) => e.event === 'login.failure')).toMatchObject({ userId: 'id-ada', reason: 'wrong_password', address: '10.0.0.1' });
  });

  it('28: parameterized SQL only: hostile identifiers and names are data, never SQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-28-'));
    const server = makeServer({ store: createSqliteStore({ filename: join(dir, 'auth.db') }) });
    await seedUser(server, 'ada');
    expectError(await server.client().login(`' OR '1'='1' --`, `' OR '1'='1`), 401, 'invalid_credentials');
    expectError(await server.client().login(`ada'--`, 'x'), 401, 'invalid_credentials');
    const client = await registerUser(server, 'bobby');
    const name = `Robert'); DROP TABLE users;--`;
    expectSuccess('updateProfile', await client.patch('user', { name }));
    expect((await client.get('session')).body).toMatchObject({ session: { user: { name } } });
    expect(await server.store.countUsers()).toBe(2);
    // The source: every statement is a constant string; the one built statement (UPDATE users)
    // takes its column names from a fixed map, and values are always bound.
    const source = readFileSync(new URL('../../src/server/createSqliteStore.ts', import.meta.url), 'utf8');
    const built = [...source.matchAll(/db\.(?:prepare|exec)\(`([^`]*)`/g)].map((m) => m[1]!).filter((sql) => sql.includes('${'));
    expect(built).toHaveLength(1);
    expect(built[0]).toMatch(/^UPDATE users SET \$\{keys\.map\(\(key\) => /);
  });
});

describe('outbox', () => {
  it('keeps messages readable: messages, last(to), clear()', async () => {
    const lines: string[] = [];
    const outbox = createDevOutbox({ log: (text) => lines.push(text) });
    await outbox.send({ to: 'A@example.com', subject: 'one', text: 'first' });
    await outbox.send({ to: 'b@example.com', subject: 'two', text: 'second' });
    expect(outbox.messages).toHaveLength(2);
    expect(outbox.last('a@example.com')?.subject).toBe('one');
    expect(outbox.last()?.subject).toBe('two');
    expect(lines[0]).toContain('subject: one');
    outbox.clear();
    expect(outbox.last()).toBeUndefined();
  });
});
