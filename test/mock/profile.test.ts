import { describe, expect, it } from 'vitest';
import { ada, bob, setup } from './driver.js';

describe('PATCH user', () => {
  it('unauthenticated → 401', async () => {
    const { browser } = setup();
    expect((await browser.call('updateProfile', { body: { name: 'X' } })).body.error.code).toBe('unauthenticated');
  });

  it('changes the name (and clears it with null)', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    const res = await browser.call('updateProfile', { body: { name: 'Countess of Lovelace' } });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe('Countess of Lovelace');
    expect((await browser.call('updateProfile', { body: { name: null } })).body.user.name).toBeNull();
    expect((await browser.call('session')).body.session.user.name).toBeNull();
  });

  it('changing the email needs the current password: missing or wrong → 401 invalid_credentials with fields.currentPassword', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    const missing = await browser.call('updateProfile', { body: { email: 'ada@lovelace.example' } });
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('invalid_credentials');
    expect(Object.keys(missing.body.error.fields)).toEqual(['currentPassword']);
    const wrong = await browser.call('updateProfile', { body: { email: 'ada@lovelace.example', currentPassword: 'nope nope nope' } });
    expect(wrong.body.error.fields.currentPassword).toBe('The current password is incorrect.');
    const ok = await browser.call('updateProfile', { body: { email: 'ada@lovelace.example', currentPassword: ada.password } });
    expect(ok.body.user.email).toBe('ada@lovelace.example');
    expect((await browser.call('session')).body.session).not.toBeNull();
  });

  it('the same email (any case) needs no password', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    expect((await browser.call('updateProfile', { body: { email: 'ADA@example.com' } })).status).toBe(200);
  });

  it('a taken email → 409 conflict with fields.email', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    const res = await browser.call('updateProfile', { body: { email: bob.email, currentPassword: ada.password } });
    expect(res.status).toBe(409);
    expect(Object.keys(res.body.error.fields)).toEqual(['email']);
  });

  it('id, roles and password fields in the body are refused (400 naming them)', async () => {
    const { browser } = setup();
    await browser.login('bob', bob.password);
    const res = await browser.call('updateProfile', { body: { name: 'B', roles: ['admin'], id: 'u1', password: 'x', newPassword: 'y' } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['id', 'newPassword', 'password', 'roles']);
    expect((await browser.call('session')).body.session.user.roles).toEqual(['editor']);
  });

  it('404 when features.profile is off', async () => {
    const { browser } = setup({ config: { features: { profile: false } } });
    await browser.login('ada', ada.password);
    expect((await browser.call('updateProfile', { body: { name: 'X' } })).status).toBe(404);
  });
});

describe('GET verify (reverse proxies)', () => {
  it('204 with the user in X-Auth-* headers', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    const res = await browser.call('verify');
    expect(res.status).toBe(204);
    expect(res.headers.get('X-Auth-User-Id')).toBe('u1');
    expect(res.headers.get('X-Auth-Username')).toBe('ada');
    expect(res.headers.get('X-Auth-Roles')).toBe('admin');
  });

  it('no session → 401; a missing role → 403 forbidden; a held role → 204', async () => {
    const { browser } = setup();
    expect((await browser.call('verify')).status).toBe(401);
    await browser.login('bob', bob.password);
    const forbidden = await browser.call('verify', { query: { role: 'admin' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect((await browser.call('verify', { query: { role: 'editor' } })).status).toBe(204);
  });

  it('bearer: works with the Authorization header', async () => {
    const { browser } = setup({ config: { transport: 'bearer' } });
    await browser.login('bob', bob.password);
    const res = await browser.call('verify');
    expect(res.headers.get('X-Auth-Roles')).toBe('editor');
  });

  it('roles are comma separated, each percent-encoded', async () => {
    const { backend, browser } = setup();
    backend.store.updateUser('u2', { roles: ['editor', 'a,b', 'café'] });
    await browser.login('bob', bob.password);
    expect((await browser.call('verify')).headers.get('X-Auth-Roles')).toBe('editor,a%2Cb,caf%C3%A9');
  });
});

describe('PATCH user with email verification', () => {
  it('a changed address gets a verification link and must be confirmed before the next sign-in', async () => {
    const { backend, browser } = setup({ config: { features: { emailVerification: true } } });
    await browser.login('ada', ada.password);
    const res = await browser.call('updateProfile', { body: { email: 'ada@new.example', currentPassword: ada.password } });
    expect(res.body.user.email).toBe('ada@new.example');
    const mail = backend.outbox.last('ada@new.example', 'verify-email');
    expect(mail?.token).toEqual(expect.any(String));
    await browser.call('logout');
    expect((await browser.login('ada', ada.password)).status).toBe(403);
    expect((await browser.call('verifyEmail', { body: { token: mail?.token } })).status).toBe(200);
  });
});

describe('GET verify with several roles', () => {
  it('any one of the roles asked for is enough', async () => {
    const { backend, browser } = setup();
    await browser.login('bob', bob.password);
    const res = await backend.fetch('/api/auth/verify?role=admin&role=editor', { headers: { Cookie: [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(res.status).toBe(204);
    const none = await backend.fetch('/api/auth/verify?role=admin&role=owner', { headers: { Cookie: [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(none.status).toBe(403);
  });
});
