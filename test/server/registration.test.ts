import { describe, expect, it } from 'vitest';
import { expectError, expectSuccess, mailedToken, makeServer, PASSWORD, seedUser } from './helpers.js';

const body = (username: string, extra: Record<string, unknown> = {}) => ({ username, email: `${username}@example.com`, password: PASSWORD, ...extra });

async function adminOf(server: ReturnType<typeof makeServer>) {
  await seedUser(server, 'root', { roles: ['admin'] });
  const admin = server.client();
  expectSuccess('login', await admin.login('root', PASSWORD));
  return admin;
}

describe('registration', () => {
  it('open: signs the new user in (201) with name and profile; username taken → 409 fields.username; email taken → 409 fields.email', async () => {
    const server = makeServer();
    const client = server.client();
    const answer = await client.post('register', body('ada', { name: 'Ada', profile: { team: 'red', age: 36 } }));
    expectSuccess('register', answer);
    expect(answer.body).toMatchObject({ session: { user: { username: 'ada', name: 'Ada', roles: [], profile: { team: 'red', age: 36 } } }, csrfToken: expect.any(String) });
    const taken = await server.client().post('register', { ...body('ADA'), email: 'other@example.com' });
    expectError(taken, 409, 'conflict');
    expect(Object.keys((taken.body as { error: { fields: object } }).error.fields)).toEqual(['username']);
    const email = await server.client().post('register', { ...body('bob'), email: 'Ada@Example.com' });
    expectError(email, 409, 'conflict');
    expect(Object.keys((email.body as { error: { fields: object } }).error.fields)).toEqual(['email']);
    expectError(await server.client().post('register', body('bad name')), 400, 'invalid_request');
    expectError(await server.client().post('register', { ...body('carl'), email: 'not-an-email' }), 400, 'invalid_request');
  });

  it('closed: 403 registration_closed', async () => {
    const server = makeServer({ registration: 'closed' });
    expectError(await server.client().post('register', body('ada')), 403, 'registration_closed');
    expect((await server.client().get('config')).body).toMatchObject({ registration: 'closed' });
  });

  it('invite: needs a valid invite (single use, optional email binding, roles) unless the email or domain is preauthorized', async () => {
    const server = makeServer({ registration: 'invite', preauthorized: { emails: ['Boss@Corp.test'], domains: ['@team.test'] } });
    const admin = await adminOf(server);
    const missing = await server.client().post('register', body('ada'));
    expectError(missing, 403, 'invite_required');
    expect((missing.body as { error: { fields: object } }).error.fields).toHaveProperty('invite');
    expectError(await server.client().post('register', body('ada', { invite: 'made-up' })), 403, 'invite_required');

    const created = await admin.post('admin/invites', { roles: ['editor'], expiresInHours: 1 });
    expectSuccess('adminCreateInvite', created);
    const code = (created.body as { invite: { code: string } }).invite.code;
    expect(Buffer.from(code, 'base64url').length).toBeGreaterThanOrEqual(16);
    const ok = await server.client().post('register', body('ada', { invite: code }));
    expectSuccess('register', ok);
    expect(ok.body).toMatchObject({ session: { user: { roles: ['editor'] } } });
    expectError(await server.client().post('register', body('bob', { invite: code })), 403, 'invite_required');

    const bound = await admin.post('admin/invites', { email: 'carl@example.com' });
    const boundCode = (bound.body as { invite: { code: string } }).invite.code;
    expectError(await server.client().post('register', body('dora', { invite: boundCode })), 403, 'invite_required');
    expectSuccess('register', await server.client().post('register', body('carl', { invite: boundCode })));

    const expiring = await admin.post('admin/invites', { expiresInHours: 1 });
    server.clock.advance(61 * 60_000);
    await admin.login('root', PASSWORD); // the admin's own session went idle meanwhile
    expectError(await server.client().post('register', body('eve', { invite: (expiring.body as { invite: { code: string } }).invite.code })), 403, 'invite_required');

    expectSuccess('register', await server.client().post('register', { ...body('boss'), email: 'boss@corp.test' }));
    expectSuccess('register', await server.client().post('register', { ...body('member'), email: 'member@TEAM.test' }));
    expectError(await server.client().post('register', { ...body('outsider'), email: 'x@corp.test' }), 403, 'invite_required');

    const list = await admin.get('admin/invites');
    expectSuccess('adminListInvites', list);
    const invites = (list.body as { invites: Array<{ code: string; usedAt: string | null }> }).invites;
    expect(invites.find((i) => i.code === code)?.usedAt).not.toBeNull();
    expectSuccess('adminDeleteInvite', await admin.del(`admin/invites/${encodeURIComponent(code)}`));
    expectError(await admin.del(`admin/invites/${encodeURIComponent(code)}`), 404, 'not_found');
  });

  it('invite: one bound to an address is mailed with a link to the register page that carries the code; an open one is not mailed', async () => {
    const server = makeServer({ registration: 'invite', links: { register: '/join' } });
    const admin = await adminOf(server);
    const bound = await admin.post('admin/invites', { email: 'Carl@Example.com', expiresInHours: 48 });
    const code = (bound.body as { invite: { code: string } }).invite.code;
    await server.handler.idle();
    const mail = server.outbox.last('carl@example.com');
    expect(mail?.subject).toMatch(/invited/);
    expect(mail?.text).toContain(`http://app.test/join?invite=${code}`);
    expect(mail?.text).toContain('48 hours');
    const before = server.outbox.messages.length;
    await admin.post('admin/invites', { roles: ['editor'] });
    await server.handler.idle();
    expect(server.outbox.messages.length).toBe(before);
    // The mailed code works like any invite.
    expectSuccess('register', await server.client().post('register', { ...body('carl'), email: 'carl@example.com', invite: code }));
  });

  it('email verification: 201 {session:null, next:verify_email}, no login before, the mailed token signs in once', async () => {
    for (const transport of ['cookie', 'bearer'] as const) {
      const server = makeServer({ transport, features: { emailVerification: true } });
      const client = server.client();
      const answer = await client.post('register', body('ada'));
      expectSuccess('register', answer);
      expect(answer.body).toEqual({ session: null, next: 'verify_email' });
      expect((await server.client().get('config')).body).toMatchObject({ features: { emailVerification: true } });
      expectError(await server.client().login('ada', PASSWORD), 403, 'forbidden');
      await server.handler.idle();
      const token = mailedToken(server.outbox, 'ada@example.com');
      expect(server.outbox.last('ada@example.com')?.text).toContain('http://app.test/verify-email?token=');
      const verified = await client.post('email/verify', { token });
      expectSuccess('verifyEmail', verified);
      expect(verified.body).toMatchObject({ session: { user: { username: 'ada' } } });
      expectError(await client.post('email/verify', { token }), 400, 'invalid_token');
      expectSuccess('login', await server.client().login('ada', PASSWORD));
    }
  });

  it('a mail feature without a mailer is a configuration error naming the option', async () => {
    const { createAuthHandler, createMemoryStore } = await import('latchkey/server');
    expect(() => createAuthHandler({ store: createMemoryStore(), appUrl: 'http://x.test', features: { passwordReset: true } })).toThrow(/features.passwordReset.*mailer/);
    expect(() => createAuthHandler({ store: createMemoryStore(), appUrl: 'not a url' })).toThrow(/appUrl/);
    const plain = createAuthHandler({ store: createMemoryStore(), appUrl: 'http://x.test', logger: () => undefined });
    const config = await (await plain(new Request('http://x.test/api/auth/config'))).json();
    expect(config).toEqual({
      contract: 1,
      transport: 'cookie',
      registration: 'open',
      features: { passwordReset: false, usernameRecovery: false, profile: true, admin: true, emailVerification: false },
      password: { minLength: 12, maxLength: 128 },
    });
    expect((await plain(new Request('http://x.test/api/auth/password/forgot', { method: 'POST' }))).status).toBe(404);
  });
});

describe('username reminder', () => {
  it('mails the username to the address on file', async () => {
    const server = makeServer();
    await seedUser(server, 'ada');
    await server.client().post('username/forgot', { email: ' ADA@example.com ' });
    await server.handler.idle();
    expect(server.outbox.last('ada@example.com')?.text).toMatch(/\n {4}ada\n/);
    expect(server.outbox.last('ada@example.com')?.text).toContain('http://app.test/login');
  });
});

describe('GET verify', () => {
  it('204 with user headers; ?role= needs one of the roles (403); no session 401', async () => {
    for (const transport of ['cookie', 'bearer'] as const) {
      const server = makeServer({ transport });
      await seedUser(server, 'ada', { roles: ['editor', 'viewer'] });
      const client = server.client();
      expectError(await client.get('verify'), 401, 'unauthenticated');
      await client.login('ada', PASSWORD);
      const answer = await client.get('verify');
      expectSuccess('verify', answer);
      expect(answer.headers.get('x-auth-user-id')).toBe('id-ada');
      expect(answer.headers.get('x-auth-username')).toBe('ada');
      expect(answer.headers.get('x-auth-roles')).toBe('editor,viewer');
      expectSuccess('verify', await client.get('verify?role=editor'));
      expectSuccess('verify', await client.get('verify?role=admin&role=viewer'));
      expectError(await client.get('verify?role=admin'), 403, 'forbidden');
    }
  });
});

describe('admin', () => {
  it('unauthenticated 401, non-admin 403 forbidden', async () => {
    const server = makeServer();
    await seedUser(server, 'ada');
    expectError(await server.client().get('admin/users'), 401, 'unauthenticated');
    const client = server.client();
    await client.login('ada', PASSWORD);
    for (const [method, path] of [['GET', 'admin/users'], ['GET', 'admin/invites'], ['DELETE', 'admin/users/id-ada'], ['POST', 'admin/users/id-ada/reset-link']] as const) {
      expectError(await client.call(method, path), 403, 'forbidden');
    }
  });

  it('lists, searches and pages users; creates (with password, or with a reset link), updates, disables, deletes', async () => {
    for (const transport of ['cookie', 'bearer'] as const) {
      const server = makeServer({ transport });
      const admin = await adminOf(server);
      await seedUser(server, 'ada');
      const list = await admin.get('admin/users?query=AD&limit=10&offset=0');
      expectSuccess('adminListUsers', list);
      expect(list.body).toMatchObject({ total: 1, users: [{ username: 'ada', disabled: false, createdAt: expect.any(String), lastLoginAt: null }] });
      expectError(await admin.get('admin/users?limit=0'), 400, 'invalid_request');
      expectError(await admin.get('admin/users?offset=-1'), 400, 'invalid_request');

      const withPassword = await admin.post('admin/users', { username: 'bob', email: 'bob@example.com', roles: ['editor'], password: PASSWORD });
      expectSuccess('adminCreateUser', withPassword);
      expect(withPassword.body).not.toHaveProperty('resetUrl');
      expectSuccess('login', await server.client().login('bob', PASSWORD));
      const withLink = await admin.post('admin/users', { username: 'carl', name: 'Carl' });
      expectSuccess('adminCreateUser', withLink);
      const resetUrl = (withLink.body as { resetUrl: string }).resetUrl;
      expect(resetUrl).toMatch(/^http:\/\/app\.test\/reset-password\?token=/);
      const token = new URL(resetUrl).searchParams.get('token')!;
      expectSuccess('resetPassword', await server.client().post('password/reset', { token, password: PASSWORD }));
      expectSuccess('login', await server.client().login('carl', PASSWORD));
      expectError(await admin.post('admin/users', { username: 'BOB' }), 409, 'conflict');
      expectError(await admin.post('admin/users', { username: 'dan', password: 'short' }), 422, 'weak_password');
      expectError(await admin.post('admin/users', { username: 'dan', roles: ['has,comma'] }), 400, 'invalid_request');

      const bobId = ((withPassword.body as { user: { id: string } }).user).id;
      const bob = server.client();
      await bob.login('bob', PASSWORD);
      const updated = await admin.patch(`admin/users/${bobId}`, { roles: ['editor', 'admin'], name: 'Bob', disabled: true });
      expectSuccess('adminUpdateUser', updated);
      expect(updated.body).toMatchObject({ user: { roles: ['editor', 'admin'], disabled: true, name: 'Bob' } });
      expectError(await bob.get('verify'), 401, 'unauthenticated');
      expectError(await server.client().login('bob', PASSWORD), 401, 'invalid_credentials');
      expectError(await admin.patch('admin/users/missing', { name: 'x' }), 404, 'not_found');

      const link = await admin.post(`admin/users/${bobId}/reset-link`);
      expectSuccess('adminResetLink', link);
      expect(link.body).toMatchObject({ url: expect.stringMatching(/^http:\/\/app\.test\/reset-password\?token=/) });
      expectSuccess('adminDeleteUser', await admin.del(`admin/users/${bobId}`));
      expectError(await admin.del(`admin/users/${bobId}`), 404, 'not_found');
    }
  });

  it('an admin cannot delete, disable or demote themselves (409)', async () => {
    const server = makeServer();
    const admin = await adminOf(server);
    expectError(await admin.del('admin/users/id-root'), 409, 'conflict');
    expectError(await admin.patch('admin/users/id-root', { disabled: true }), 409, 'conflict');
    expectError(await admin.patch('admin/users/id-root', { roles: ['editor'] }), 409, 'conflict');
    expectSuccess('adminUpdateUser', await admin.patch('admin/users/id-root', { roles: ['admin', 'editor'], name: 'Root' }));
  });

  it('admin endpoints are 404 when features.admin is off', async () => {
    const server = makeServer({ features: { admin: false } });
    const admin = await adminOf(server);
    expectError(await admin.get('admin/users'), 404, 'not_found');
  });
});

describe('optional dependencies', () => {
  it('a missing optional package is named with its install command', async () => {
    const { optionalRequire } = await import('../../src/server/optionalRequire.js');
    expect(() => optionalRequire('latchkey-no-such-package', 'createThing')).toThrow('createThing needs the "latchkey-no-such-package" package: npm install latchkey-no-such-package');
    expect(optionalRequire<{ createTransport: unknown }>('nodemailer', 'x').createTransport).toBeTypeOf('function');
  });
});

describe('GET verify header values', () => {
  it('percent-encodes a non-ASCII username made outside the API instead of failing', async () => {
    const server = makeServer();
    await seedUser(server, 'jose');
    await server.store.updateUser('id-jose', { username: 'José', usernameKey: 'josé' });
    const client = server.client();
    await client.login('josé', PASSWORD);
    const answer = await client.get('verify');
    expectSuccess('verify', answer);
    expect(answer.headers.get('x-auth-username')).toBe('Jos%C3%A9');
  });
});
