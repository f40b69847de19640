import { ENDPOINTS } from 'latchkey/contract';
import type { EndpointSpec } from 'latchkey/contract';
import { describe, expect, it } from 'vitest';
import type { StoreKind } from './helpers.js';
import { expectError, expectSuccess, mailedToken, makeServer, OTHER_PASSWORD, PASSWORD, seedUser } from './helpers.js';

const MIN = 60_000;
const COMBOS = (['cookie', 'bearer'] as const).flatMap((transport) => (['memory', 'sqlite'] as StoreKind[]).map((storeKind) => ({ transport, storeKind })));

describe.each(COMBOS)('contract cases 29–42 ($transport, $storeKind store)', ({ transport, storeKind }) => {
  const setup = async (extra: Parameters<typeof makeServer>[0] = {}) => {
    const server = makeServer({ transport, storeKind, ...extra });
    await seedUser(server, 'ada');
    return server;
  };

  it('29: unknown user and wrong password give the same status and body', async () => {
    const server = await setup();
    const unknown = await server.client().login('nobody', PASSWORD);
    const wrong = await server.client().login('ada', OTHER_PASSWORD);
    expectError(unknown, 401, 'invalid_credentials');
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('30: forgot password / forgot username / register with a taken email: same answer for known and unknown, also repeated quickly', async () => {
    const server = await setup({ features: { emailVerification: true } });
    const client = server.client();
    const answers = await Promise.all([
      client.post('password/forgot', { identifier: 'ada' }),
      client.post('password/forgot', { identifier: 'nobody' }),
      client.post('password/forgot', { identifier: 'ada@example.com' }),
      client.post('password/forgot', { identifier: 'nobody@example.com' }),
      client.post('password/forgot', { identifier: 'ada' }),
    ]);
    for (const answer of answers) {
      expectSuccess('forgotPassword', answer);
      expect(answer.text).toBe('{}');
    }
    const names = await Promise.all([client.post('username/forgot', { email: 'ada@example.com' }), client.post('username/forgot', { email: 'x@example.com' })]);
    for (const answer of names) expect([answer.status, answer.text]).toEqual([202, '{}']);
    const taken = await server.client().post('register', { username: 'newname', email: 'ADA@example.com', password: PASSWORD });
    const fresh = await server.client().post('register', { username: 'other', email: 'fresh@example.com', password: PASSWORD });
    expectSuccess('register', taken);
    expect(taken.body).toEqual({ session: null, next: 'verify_email' });
    expect(fresh.body).toEqual(taken.body);
    await server.handler.idle();
    expect(server.outbox.last('ada@example.com')?.subject).toMatch(/tried to register/);
  });

  it('31: disabled accounts answer exactly like a wrong password', async () => {
    const server = await setup();
    await server.store.updateUser('id-ada', { disabled: true });
    const disabled = await server.client().login('ada', PASSWORD);
    const wrong = await server.client().login('nobody', OTHER_PASSWORD);
    expectError(disabled, 401, 'invalid_credentials');
    expect(disabled.body).toEqual(wrong.body);
  });

  it('32: after 5 failures 429 with Retry-After, also for an unknown identifier; case variants share it; success and reset clear it', async () => {
    const server = await setup();
    for (let i = 0; i < 5; i += 1) expectError(await server.client().login(i % 2 ? 'NoBody ' : 'nobody', 'wrong password!'), 401, 'invalid_credentials');
    const limited = await server.client().login('NOBODY', 'wrong password!');
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBe(15 * 60);
    server.clock.advance(15 * MIN);
    expectError(await server.client().login('nobody', 'wrong password!'), 401, 'invalid_credentials');
    // Success clears the identifier's counter.
    for (let i = 0; i < 4; i += 1) await server.client().login('ada', 'wrong password!');
    expectSuccess('login', await server.client().login('Ada', PASSWORD));
    for (let i = 0; i < 4; i += 1) expectError(await server.client().login('ada', 'wrong password!'), 401, 'invalid_credentials');
    // A password reset clears it too.
    expectError(await server.client().login('ada', 'wrong password!'), 401, 'invalid_credentials');
    expectError(await server.client().login('ada', PASSWORD), 429, 'rate_limited');
    const client = server.client();
    await client.post('password/forgot', { identifier: 'ada' });
    await server.handler.idle();
    expectSuccess('resetPassword', await client.post('password/reset', { token: mailedToken(server.outbox, 'ada@example.com'), password: OTHER_PASSWORD }));
    expectSuccess('login', await server.client().login('ada', OTHER_PASSWORD));
  });

  it('33: session fixation: the credential after login differs from any before it', async () => {
    const server = await setup();
    const client = server.client();
    if (transport === 'cookie') {
      client.jar.set('lk_session', 'attacker-chosen-session-id-aaaaaaaaaaaaaaaa');
      const first = await client.login('ada', PASSWORD);
      const before = client.jar.get('lk_session');
      expect(before).not.toBe('attacker-chosen-session-id-aaaaaaaaaaaaaaaa');
      await client.login('ada', PASSWORD);
      expect(client.jar.get('lk_session')).not.toBe(before);
      expectSuccess('login', first);
    } else {
      await client.login('ada', PASSWORD);
      const before = [client.accessToken, client.refreshToken];
      await client.login('ada', PASSWORD);
      expect([client.accessToken, client.refreshToken]).not.toEqual(before);
    }
  });

  it('34: logout: a captured cookie or token replayed afterwards gets 401', async () => {
    const server = await setup();
    const client = server.client();
    await client.login('ada', PASSWORD);
    const captured: Record<string, string> = transport === 'cookie' ? { cookie: client.cookieHeader() } : { authorization: `Bearer ${client.accessToken}` };
    const capturedRefresh = client.refreshToken;
    expectSuccess('verify', await client.get('verify'));
    expectSuccess('logout', await client.post('logout'));
    const replay = server.client();
    expectError(await replay.raw('GET', 'verify', { headers: captured }), 401, 'unauthenticated');
    if (transport === 'bearer') {
      expectError(await replay.raw('GET', 'session', { headers: captured }), 401, 'unauthenticated');
      expectError(await server.client().post('refresh', { refreshToken: capturedRefresh }), 401, 'unauthenticated');
    } else {
      expect((await replay.raw('GET', 'session', { headers: captured })).body).toMatchObject({ session: null });
    }
  });

  it('35: CSRF (cookie mode): a state change without the token or from a foreign origin gets 403; bearer mode needs none', async () => {
    const server = await setup({ allowedOrigins: ['https://partner.test'] });
    const client = server.client();
    await client.login('ada', PASSWORD);
    const headers = { 'content-type': 'application/json', cookie: client.cookieHeader() };
    const body = JSON.stringify({ name: 'Eve' });
    if (transport === 'cookie') {
      expectError(await client.raw('PATCH', 'user', { headers, body }), 403, 'csrf_failed');
      expectError(await client.raw('PATCH', 'user', { headers: { ...headers, 'x-csrf-token': client.csrf!, origin: 'https://evil.test' }, body }), 403, 'csrf_failed');
      expectSuccess('updateProfile', await client.raw('PATCH', 'user', { headers: { ...headers, 'x-csrf-token': client.csrf!, origin: 'https://partner.test' }, body }));
    } else {
      const answer = await client.raw('PATCH', 'user', { headers: { 'content-type': 'application/json', authorization: `Bearer ${client.accessToken}` }, body });
      expectSuccess('updateProfile', answer);
    }
  });

  it('36: refresh rotates the refresh token; replaying an old one revokes the whole chain', async () => {
    const server = await setup();
    const client = server.client();
    await client.login('ada', PASSWORD);
    if (transport === 'cookie') {
      expectError(await client.post('refresh', { refreshToken: 'x' }), 404, 'not_found');
      return;
    }
    const first = client.refreshToken!;
    const refreshed = await client.post('refresh', { refreshToken: first });
    expectSuccess('refresh', refreshed);
    const second = client.refreshToken!;
    expect(second).not.toBe(first);
    expectSuccess('session', await client.get('session'));
    const third = await client.post('refresh', { refreshToken: second });
    expectSuccess('refresh', third);
    // Replay of a spent token: the chain dies, including the newest tokens.
    expectError(await server.client().post('refresh', { refreshToken: first }), 401, 'unauthenticated');
    expectError(await server.client().post('refresh', { refreshToken: client.refreshToken }), 401, 'unauthenticated');
    expectError(await client.get('session'), 401, 'unauthenticated');
    expect(server.logs.map((e) => e.event)).toContain('refresh.reuse_detected');
  });

  it('37: password change: a wrong current password is refused; success revokes the other sessions', async () => {
    const server = await setup();
    const mine = server.client();
    const other = server.client();
    await mine.login('ada', PASSWORD);
    await other.login('ada', PASSWORD);
    const wrong = await mine.post('password/change', { currentPassword: 'not my password', newPassword: OTHER_PASSWORD });
    expectError(wrong, 401, 'invalid_credentials');
    expect((wrong.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('currentPassword');
    expectError(await mine.post('password/change', { currentPassword: PASSWORD, newPassword: 'short' }), 422, 'weak_password');
    const changed = await mine.post('password/change', { currentPassword: PASSWORD, newPassword: OTHER_PASSWORD });
    expectSuccess('changePassword', changed);
    expect(changed.body).toHaveProperty(transport === 'cookie' ? 'csrfToken' : 'tokens');
    expectSuccess('verify', await mine.get('verify'));
    expectError(await other.get('verify'), 401, 'unauthenticated');
    expectSuccess('login', await server.client().login('ada', OTHER_PASSWORD));
  });

  it('38: reset is single use; expired, tampered and other-user tokens get the same error; success revokes sessions', async () => {
    const server = await setup();
    await seedUser(server, 'bob');
    const signedIn = server.client();
    await signedIn.login('ada', PASSWORD);
    const client = server.client();
    await client.post('password/forgot', { identifier: 'bob' });
    await server.handler.idle();
    const bobToken = mailedToken(server.outbox, 'bob@example.com');
    await client.post('password/forgot', { identifier: 'ada' });
    await server.handler.idle();
    const adaToken = mailedToken(server.outbox, 'ada@example.com');
    const tampered = `${adaToken.slice(0, -2)}${adaToken.endsWith('AA') ? 'BB' : 'AA'}`;
    const bad = await client.post('password/reset', { token: tampered, password: OTHER_PASSWORD });
    expectError(bad, 400, 'invalid_token');
    // Bob's token resets Bob, not Ada: afterwards Ada's password is unchanged.
    expectSuccess('resetPassword', await client.post('password/reset', { token: bobToken, password: OTHER_PASSWORD }));
    expect((await client.post('password/reset', { token: bobToken, password: OTHER_PASSWORD })).body).toEqual(bad.body);
    expectSuccess('verify', await signedIn.get('verify'));
    expectSuccess('resetPassword', await client.post('password/reset', { token: adaToken, password: OTHER_PASSWORD }));
    expectError(await signedIn.get('verify'), 401, 'unauthenticated');
    await client.post('password/forgot', { identifier: 'ada' });
    await server.handler.idle();
    const expiring = mailedToken(server.outbox, 'ada@example.com');
    server.clock.advance(31 * MIN);
    expect((await client.post('password/reset', { token: expiring, password: PASSWORD })).body).toEqual(bad.body);
  });

  it('39: policy from the discovery document: min-1 refused, min accepted, 64/128-char passphrases with spaces and emoji, 80 bytes not truncated', async () => {
    const server = await setup();
    const config = (await server.client().get('config')).body as { password: { minLength: number; maxLength: number } };
    expect(config.password).toEqual({ minLength: 12, maxLength: 128 });
    const pw = (n: number) => 'Zq7 mango pier '.repeat(20).slice(0, n);
    expectError(await server.client().post('register', { username: 'u1', email: 'u1@example.com', password: pw(config.password.minLength - 1) }), 422, 'weak_password');
    expectSuccess('register', await server.client().post('register', { username: 'u2', email: 'u2@example.com', password: pw(config.password.minLength) }));
    const sixtyFour = `${'🦊 sly fox jumps '.repeat(6).slice(0, 60)}🔑end`;
    expect([...sixtyFour].length).toBeLessThanOrEqual(64);
    expectSuccess('register', await server.client().post('register', { username: 'u3', email: 'u3@example.com', password: sixtyFour }));
    const max = `${'😀'.repeat(28)}${pw(100)}`;
    expect([...max].length).toBe(128);
    expectSuccess('register', await server.client().post('register', { username: 'u4', email: 'u4@example.com', password: max }));
    expectSuccess('login', await server.client().login('u4', max));
    expectError(await server.client().post('register', { username: 'u5', email: 'u5@example.com', password: `${max}x` }), 422, 'weak_password');
    const eighty = 'b'.repeat(40) + 'c'.repeat(40);
    expect(Buffer.byteLength(eighty)).toBe(80);
    expectSuccess('register', await server.client().post('register', { username: 'u6', email: 'u6@example.com', password: eighty }));
    expectError(await server.client().login('u6', eighty.slice(0, 72)), 401, 'invalid_credentials');
    expectError(await server.client().login('u6', `${eighty.slice(0, 72)}dddddddd`), 401, 'invalid_credentials');
    expectSuccess('login', await server.client().login('u6', eighty));
  });

  it('40: oversized input gets 413; malformed JSON, wrong types, missing and extra fields, NUL bytes get 400/415 in the error shape', async () => {
    const server = await setup();
    const client = server.client();
    await client.ensureCsrf();
    const headers = { 'content-type': 'application/json', 'x-csrf-token': client.csrf ?? '', cookie: client.cookieHeader() };
    const huge = JSON.stringify({ identifier: 'a'.repeat(1024 * 1024), password: 'x' });
    expectError(await client.raw('POST', 'login', { headers, body: huge }), 413, 'payload_too_large');
    expectError(await client.raw('POST', 'login', { headers, body: '{"identifier":' }), 400, 'invalid_request');
    expectError(await client.raw('POST', 'login', { headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' }), 415, 'unsupported_media_type');
    expectError(await client.raw('POST', 'login', { headers, body: JSON.stringify({ identifier: 1, password: 'x' }) }), 400, 'invalid_request');
    const extra = await client.raw('POST', 'login', { headers, body: JSON.stringify({ identifier: 'a', password: 'x', admin: true }) });
    expectError(extra, 400, 'invalid_request');
    expect((extra.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({ admin: 'Unknown field' });
    const missing = await client.raw('POST', 'login', { headers, body: JSON.stringify({ identifier: 'a' }) });
    expect((missing.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({ password: 'Required' });
    expectError(await client.raw('POST', 'login', { headers, body: JSON.stringify({ identifier: 'a\u0000b', password: 'x' }) }), 400, 'invalid_request');
    expect(extra.text).not.toMatch(/at .*\.ts|node_modules|Error:/);
  });

  it('41: PATCH user: unauthenticated 401; id, roles and password fields in the body are refused', async () => {
    const server = await setup();
    const client = server.client();
    expectError(await client.patch('user', { name: 'x' }), 401, 'unauthenticated');
    await client.login('ada', PASSWORD);
    for (const body of [{ id: 'other' }, { roles: ['admin'] }, { password: OTHER_PASSWORD }, { newPassword: OTHER_PASSWORD }, { name: 'x', disabled: false }]) {
      expectError(await client.patch('user', body), 400, 'invalid_request');
    }
    const user = (await server.store.getUserById('id-ada'))!;
    expect(user.roles).toEqual([]);
    expectError(await client.patch('user', { email: 'new@example.com' }), 401, 'invalid_credentials');
    expectError(await client.patch('user', { email: 'new@example.com', currentPassword: 'wrong one!' }), 401, 'invalid_credentials');
    await seedUser(server, 'bob');
    expectError(await client.patch('user', { email: 'BOB@example.com', currentPassword: PASSWORD }), 409, 'conflict');
    const changed = await client.patch('user', { email: 'new@example.com', currentPassword: PASSWORD, name: 'Ada L.' });
    expectSuccess('updateProfile', changed);
    expect(changed.body).toMatchObject({ user: { email: 'new@example.com', name: 'Ada L.', roles: [] } });
  });

  it('42: every response carries Cache-Control: no-store; CORS never answers * with credentials', async () => {
    const server = await setup({ allowedOrigins: ['https://partner.test'] });
    const client = server.client({ origin: 'https://partner.test' });
    const answers = [
      await client.get('config'),
      await client.get('session'),
      await client.login('ada', 'wrong password!'),
      await client.login('ada', PASSWORD),
      await client.get('verify'),
      await client.get('nope'),
      await client.raw('OPTIONS', 'login', { headers: { 'access-control-request-method': 'POST' } }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://partner.test');
      expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    }
    expect(answers.at(-1)!.headers.get('access-control-allow-headers')).toMatch(/X-CSRF-Token/);
    const foreign = await server.client({ origin: 'https://evil.test' }).get('config');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(() => makeServer({ allowedOrigins: ['*'] })).toThrow(/never allowed/);
  });
});

describe('endpoint coverage', () => {
  it('every endpoint of the contract table is answered (not 404) when its feature is on', async () => {
    const server = makeServer({ features: { emailVerification: true } });
    const bearer = makeServer({ transport: 'bearer' });
    for (const [name, spec] of Object.entries(ENDPOINTS) as Array<[string, EndpointSpec]>) {
      const target = spec.transport === 'bearer' ? bearer : server;
      const path = spec.path.replace(':id', 'x').replace(':code', 'y');
      const answer = await target.client().call(spec.method, path, spec.request ? {} : undefined);
      expect(answer.status, `${name} ${answer.text}`).not.toBe(404);
    }
  });
});
