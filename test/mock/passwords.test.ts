import { describe, expect, it } from 'vitest';
import { Driver, MINUTE, ada, bob, clock, setup } from './driver.js';

describe('password/forgot and username/forgot', () => {
  it('forgot password: 202 {} for known and unknown identifiers alike; a reset mail only for the real one', async () => {
    const { backend, browser } = setup();
    const known = await browser.call('forgotPassword', { body: { identifier: 'ADA' } });
    const unknown = await browser.call('forgotPassword', { body: { identifier: 'nobody@example.com' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual({});
    expect(unknown.body).toEqual(known.body);
    expect(backend.outbox).toHaveLength(1);
    const mail = backend.outbox.last();
    expect(mail).toMatchObject({ kind: 'password-reset', to: 'ada@example.com', subject: 'Reset your password' });
    expect(mail?.link).toBe(`http://localhost:3000/reset-password?token=${mail?.token}`);
    expect(mail?.text).toContain(mail?.link);
  });

  it('forgot username: 202 {} for any address; the reminder names the username', async () => {
    const { backend, browser } = setup();
    expect((await browser.call('forgotUsername', { body: { email: 'BOB@example.com' } })).status).toBe(202);
    expect((await browser.call('forgotUsername', { body: { email: 'ghost@example.com' } })).body).toEqual({});
    expect(backend.outbox).toHaveLength(1);
    expect(backend.outbox.last('bob@example.com', 'username-reminder')?.text).toContain('bob');
  });

  it('both answer 404 when the features are off', async () => {
    const { browser } = setup({ config: { features: { passwordReset: false, usernameRecovery: false } } });
    expect((await browser.call('forgotPassword', { body: { identifier: 'ada' } })).status).toBe(404);
    expect((await browser.call('resetPassword', { body: { token: 't', password: 'p' } })).status).toBe(404);
    expect((await browser.call('forgotUsername', { body: { email: 'a@b.c' } })).status).toBe(404);
  });
});

describe('password/reset', () => {
  async function resetToken(backend: ReturnType<typeof setup>['backend'], browser: Driver, identifier = 'ada'): Promise<string> {
    await browser.call('forgotPassword', { body: { identifier } });
    return backend.outbox.last(undefined, 'password-reset')?.token as string;
  }

  it('204; the new password works, the old one does not, every session of the user ends', async () => {
    const { backend, browser } = setup();
    const other = new Driver(backend);
    await other.login('ada', ada.password);
    const token = await resetToken(backend, browser);
    const res = await browser.call('resetPassword', { body: { token, password: 'a brand new passphrase' } });
    expect(res.status).toBe(204);
    expect(backend.store.sessions('u1')).toEqual([]);
    expect((await other.call('session')).body.session).toBeNull();
    expect((await browser.login('ada', ada.password)).status).toBe(401);
    expect((await browser.login('ada', 'a brand new passphrase')).status).toBe(200);
  });

  it('single use, expired, tampered and unknown tokens all get the same 400 invalid_token', async () => {
    const time = clock();
    const { backend, browser } = setup({ now: time.now });
    const used = await resetToken(backend, browser);
    await browser.call('resetPassword', { body: { token: used, password: 'a brand new passphrase' } });
    const expiring = await resetToken(backend, browser);
    time.advance(30 * MINUTE);
    const fresh = await resetToken(backend, browser);
    const tampered = (fresh.at(-1) === 'A' ? fresh.slice(0, -1) + 'B' : fresh.slice(0, -1) + 'A');
    const answers = [];
    for (const token of [used, expiring, tampered, 'unknown']) {
      answers.push(await browser.call('resetPassword', { body: { token, password: 'yet another passphrase' } }));
    }
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid_token', message: 'This link is invalid or has expired.' } });
    }
    expect((await browser.call('resetPassword', { body: { token: fresh, password: 'yet another passphrase' } })).status).toBe(204);
  });

  it('a newer reset link cancels older ones', async () => {
    const { backend, browser } = setup();
    const older = await resetToken(backend, browser);
    const newer = await resetToken(backend, browser);
    expect((await browser.call('resetPassword', { body: { token: older, password: 'a brand new passphrase' } })).status).toBe(400);
    expect((await browser.call('resetPassword', { body: { token: newer, password: 'a brand new passphrase' } })).status).toBe(204);
  });

  it("a token only ever changes its own user's password", async () => {
    const { backend, browser } = setup();
    const bobsToken = await resetToken(backend, browser, 'bob');
    await browser.call('resetPassword', { body: { token: bobsToken, password: 'a brand new passphrase' } });
    expect(backend.store.user('ada')?.password).toBe(ada.password);
    expect(backend.store.user('bob')?.password).toBe('a brand new passphrase');
  });

  it('a weak new password → 422 weak_password (fields.password) and the token stays usable', async () => {
    const { backend, browser } = setup();
    const token = await resetToken(backend, browser);
    const weak = await browser.call('resetPassword', { body: { token, password: 'short' } });
    expect(weak.status).toBe(422);
    expect(weak.body.error.fields.password).toBe('Use at least 12 characters.');
    expect((await browser.call('resetPassword', { body: { token, password: 'a brand new passphrase' } })).status).toBe(204);
  });
});

describe('password/change', () => {
  it('needs a session', async () => {
    const { browser } = setup();
    const res = await browser.call('changePassword', { body: { currentPassword: 'x', newPassword: 'a brand new passphrase' } });
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('wrong current password → 401 invalid_credentials with fields.currentPassword (the session stays)', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    const res = await browser.call('changePassword', { body: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
    expect(res.body.error.fields).toEqual({ currentPassword: 'The current password is incorrect.' });
    expect((await browser.call('session')).body.session).not.toBeNull();
  });

  it('weak new password → 422 weak_password with fields.newPassword', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    const res = await browser.call('changePassword', { body: { currentPassword: ada.password, newPassword: 'ada' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toEqual(['newPassword']);
  });

  it('success: 200 with a NEW session id and CSRF token; every other session of the user ends', async () => {
    const { backend } = setup();
    const laptop = new Driver(backend);
    const phone = new Driver(backend);
    const oldCookie = (await laptop.login('ada', ada.password)).cookies[0];
    await phone.login('ada', ada.password);
    await new Driver(backend).login('bob', bob.password);
    const oldCsrf = laptop.csrf;
    const res = await laptop.call('changePassword', { body: { currentPassword: ada.password, newPassword: 'a brand new passphrase' } });
    expect(res.status).toBe(200);
    expect(res.body.session.user.username).toBe('ada');
    expect(res.body.csrfToken).not.toBe(oldCsrf);
    expect(res.cookies[0]).not.toBe(oldCookie);
    expect((await laptop.call('session')).body.session.user.username).toBe('ada');
    expect((await phone.call('session')).body.session).toBeNull();
    expect(backend.store.sessions('u1')).toHaveLength(1);
    expect(backend.store.sessions('u2')).toHaveLength(1);
  });

  it('bearer: success returns new tokens, the old ones are dead', async () => {
    const { browser } = setup({ config: { transport: 'bearer' } });
    await browser.login('ada', ada.password);
    const oldAccess = browser.accessToken as string;
    const res = await browser.call('changePassword', { body: { currentPassword: ada.password, newPassword: 'a brand new passphrase' } });
    expect(res.body.tokens.accessToken).not.toBe(oldAccess);
    expect((await browser.call('session', { bearer: oldAccess })).status).toBe(401);
    expect((await browser.call('session')).status).toBe(200);
  });

  it('guessing the current password is throttled like sign-in', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    for (let i = 0; i < 5; i += 1) await browser.call('changePassword', { body: { currentPassword: 'guess ' + i, newPassword: 'a brand new passphrase' } });
    const res = await browser.call('changePassword', { body: { currentPassword: ada.password, newPassword: 'a brand new passphrase' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
  });
});
