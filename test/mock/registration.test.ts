import { describe, expect, it } from 'vitest';
import { ada, setup } from './driver.js';

const newUser = { username: 'dora', email: 'dora@example.com', password: 'dora picks a long one', name: 'Dora' };

describe('register', () => {
  it('open: 201 with a session (cookie set, CSRF token rotated), the user can then sign in', async () => {
    const { backend, browser } = setup();
    const res = await browser.call('register', { body: { ...newUser, profile: { company: 'Acme', newsletter: true } } });
    expect(res.status).toBe(201);
    expect(res.body.session.user).toMatchObject({ username: 'dora', email: 'dora@example.com', name: 'Dora', roles: [], profile: { company: 'Acme', newsletter: true } });
    expect(res.body.csrfToken).toEqual(expect.any(String));
    expect(res.cookies[0]).toMatch(/^lk_session=/);
    expect((await browser.call('session')).body.session.user.username).toBe('dora');
    expect(backend.store.user('dora')?.password).toBe(newUser.password);
  });

  it('bearer: 201 with tokens', async () => {
    const { browser } = setup({ config: { transport: 'bearer' } });
    const res = await browser.call('register', { body: newUser });
    expect(res.body.tokens.accessToken).toEqual(expect.any(String));
  });

  it('taken username → 409 conflict with fields.username (any case)', async () => {
    const { browser } = setup();
    const res = await browser.call('register', { body: { ...newUser, username: 'ADA' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(Object.keys(res.body.error.fields)).toEqual(['username']);
  });

  it('taken email → 409 conflict with fields.email', async () => {
    const { browser } = setup();
    const res = await browser.call('register', { body: { ...newUser, email: 'Ada@Example.com' } });
    expect(res.status).toBe(409);
    expect(Object.keys(res.body.error.fields)).toEqual(['email']);
  });

  it('malformed username or email → 400 invalid_request naming the field', async () => {
    const { browser } = setup();
    const res = await browser.call('register', { body: { ...newUser, username: 'dora the explorer', email: 'not-an-address' } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'username']);
  });

  it.each([
    ['too short', 'short one', 'Use at least 12 characters.'],
    ['too long', 'x'.repeat(129), 'Use at most 128 characters.'],
    ['common', 'Password1234', 'This password is too common. Choose a less predictable one.'],
    ['the username', 'doradoradora', 'The password must not be your username.'],
  ])('weak password (%s) → 422 weak_password with fields.password', async (_label, password, message) => {
    const { browser } = setup();
    const res = await browser.call('register', { body: { ...newUser, username: 'doradoradora', password } });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: 'weak_password', message, fields: { password: message } });
  });

  it('length is counted in code points: 12 emoji pass, a 128-character passphrase with spaces passes', async () => {
    const { browser } = setup();
    expect((await browser.call('register', { body: { ...newUser, password: '🔑'.repeat(12) } })).status).toBe(201);
    const long = 'word '.repeat(25) + 'end';
    expect([...long]).toHaveLength(128);
    expect((await browser.call('register', { body: { ...newUser, username: 'eve', email: 'eve@example.com', password: long } })).status).toBe(201);
  });

  it('closed → 403 registration_closed', async () => {
    const { browser } = setup({ config: { registration: 'closed' } });
    const res = await browser.call('register', { body: newUser });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('registration_closed');
  });

  describe('invite mode', () => {
    it('without an invite or with a bad one → 403 invite_required with fields.invite', async () => {
      const { browser } = setup({ config: { registration: 'invite' } });
      const missing = await browser.call('register', { body: newUser });
      expect(missing.status).toBe(403);
      expect(missing.body.error.code).toBe('invite_required');
      expect(missing.body.error.fields.invite).toEqual(expect.any(String));
      const bad = await browser.call('register', { body: { ...newUser, invite: 'nope' } });
      expect(bad.body.error.code).toBe('invite_required');
    });

    it('a valid invite registers once, with the invite roles', async () => {
      const { backend, browser } = setup({ config: { registration: 'invite' } });
      const invite = backend.store.addInvite({ roles: ['editor'] });
      const res = await browser.call('register', { body: { ...newUser, invite: invite.code } });
      expect(res.status).toBe(201);
      expect(res.body.session.user.roles).toEqual(['editor']);
      const again = await browser.call('register', { body: { ...newUser, username: 'dora2', email: 'dora2@example.com', invite: invite.code } });
      expect(again.body.error.code).toBe('invite_required');
    });

    it('an email-bound invite only works for that address', async () => {
      const { backend, browser } = setup({ config: { registration: 'invite' } });
      const invite = backend.store.addInvite({ email: 'someone@example.com' });
      const res = await browser.call('register', { body: { ...newUser, invite: invite.code } });
      expect(res.body.error.code).toBe('invite_required');
      const ok = await browser.call('register', { body: { ...newUser, email: 'SOMEONE@example.com', invite: invite.code } });
      expect(ok.status).toBe(201);
    });

    it('preauthorized emails and domains need no invite', async () => {
      const { browser } = setup({ config: { registration: 'invite' }, preauthorizedEmails: ['Dora@Example.com', '@staff.example'] });
      expect((await browser.call('register', { body: newUser })).status).toBe(201);
      expect((await browser.call('register', { body: { ...newUser, username: 'eve', email: 'eve@staff.example' } })).status).toBe(201);
      expect((await browser.call('register', { body: { ...newUser, username: 'mal', email: 'mal@other.example' } })).body.error.code).toBe('invite_required');
    });

    it('in open mode an invite is optional, but honoured (roles) and checked', async () => {
      const { backend, browser } = setup();
      const invite = backend.store.addInvite({ roles: ['editor'] });
      expect((await browser.call('register', { body: { ...newUser, invite: 'bogus' } })).body.error.code).toBe('invite_required');
      const res = await browser.call('register', { body: { ...newUser, invite: invite.code } });
      expect(res.body.session.user.roles).toEqual(['editor']);
    });
  });

  describe('with features.emailVerification', () => {
    const options = { config: { features: { emailVerification: true } } };

    it('new and taken emails get the same 201 {session: null, next: verify_email}; the owner is mailed', async () => {
      const { backend, browser } = setup(options);
      const fresh = await browser.call('register', { body: newUser });
      const taken = await browser.call('register', { body: { ...newUser, username: 'dora2', email: ada.email } });
      expect(fresh.status).toBe(201);
      expect(taken.status).toBe(201);
      expect(taken.body).toEqual(fresh.body);
      expect(fresh.body).toEqual({ session: null, next: 'verify_email' });
      expect(fresh.cookies).toEqual([]);
      expect(backend.outbox.last('dora@example.com')?.kind).toBe('verify-email');
      expect(backend.outbox.last(ada.email)).toMatchObject({ kind: 'username-reminder', text: expect.stringContaining('ada') });
      expect(backend.store.user('dora2')).toBeUndefined();
    });

    it('sign-in before verification: 403 forbidden and a new link (wrong password: 401 as always); the link signs the user in once', async () => {
      const { backend, browser } = setup(options);
      await browser.call('register', { body: newUser });
      expect((await browser.login('dora', 'not the password')).body.error.code).toBe('invalid_credentials');
      const early = await browser.login('dora', newUser.password);
      expect(early.status).toBe(403);
      expect(early.body.error).toEqual({ code: 'forbidden', message: 'Confirm your email address first: we have sent you a new link.' });
      expect(backend.outbox.ofKind('verify-email')).toHaveLength(2);
      const mail = backend.outbox.last('dora@example.com', 'verify-email');
      expect(mail?.link).toBe(`http://localhost:3000/verify-email?token=${mail?.token}`);
      const verified = await browser.call('verifyEmail', { body: { token: mail?.token } });
      expect(verified.status).toBe(200);
      expect(verified.body.session.user.username).toBe('dora');
      expect(verified.body.csrfToken).toEqual(expect.any(String));
      expect((await browser.call('verifyEmail', { body: { token: mail?.token } })).body.error.code).toBe('invalid_token');
      expect((await browser.login('dora', newUser.password)).status).toBe(200);
    });

    it('email/verify is 404 when the feature is off', async () => {
      const { browser } = setup();
      expect((await browser.call('verifyEmail', { body: { token: 'x' } })).body.error.code).toBe('not_found');
    });
  });

  it('requireApproval: 201 {session: null, next: await_approval}; sign-in works once an admin enables the account', async () => {
    const { backend, browser } = setup({ requireApproval: true });
    const res = await browser.call('register', { body: newUser });
    expect(res.body).toEqual({ session: null, next: 'await_approval' });
    expect((await browser.login('dora', newUser.password)).status).toBe(401);
    backend.store.updateUser(backend.store.user('dora')?.id as string, { disabled: false });
    expect((await browser.login('dora', newUser.password)).status).toBe(200);
  });
});
