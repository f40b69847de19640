import { describe, expect, it } from 'vitest';
import { Driver, ada, bob, setup } from './driver.js';

async function asAdmin(options: Parameters<typeof setup>[0] = {}) {
  const env = setup(options);
  await env.browser.login('ada', ada.password);
  return env;
}

describe('admin endpoints', () => {
  it('unauthenticated → 401, non-admin → 403 forbidden, feature off → 404', async () => {
    const { backend, browser } = setup();
    expect((await browser.call('adminListUsers')).status).toBe(401);
    await browser.login('bob', bob.password);
    const res = await browser.call('adminListUsers');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await browser.call('adminDeleteUser', { params: { id: 'u1' } })).status).toBe(403);
    expect(backend.store.user('ada')).toBeDefined();
    const off = await asAdmin({ config: { features: { admin: false } } });
    expect((await off.browser.call('adminListUsers')).status).toBe(404);
  });

  it('lists users with query, offset and limit', async () => {
    const { browser } = await asAdmin();
    const all = await browser.call('adminListUsers');
    expect(all.body.total).toBe(3);
    expect(all.body.users.map((u: { username: string }) => u.username)).toEqual(['ada', 'bob', 'carol']);
    expect(all.body.users[2]).toMatchObject({ username: 'carol', disabled: true, lastLoginAt: null });
    expect(all.body.users[0].lastLoginAt).toEqual(expect.any(String));
    const found = await browser.call('adminListUsers', { query: { query: 'BOB@' } });
    expect(found.body).toMatchObject({ total: 1, users: [{ username: 'bob' }] });
    const page = await browser.call('adminListUsers', { query: { offset: '1', limit: '1' } });
    expect(page.body.total).toBe(3);
    expect(page.body.users.map((u: { username: string }) => u.username)).toEqual(['bob']);
    const bad = await browser.call('adminListUsers', { query: { limit: '0' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['limit']);
  });

  it('creates users: with a password (can sign in) or without (a one-time reset URL)', async () => {
    const { backend, browser } = await asAdmin();
    const withPw = await browser.call('adminCreateUser', { body: { username: 'dan', email: 'dan@example.com', roles: ['editor'], password: 'dan has a long one' } });
    expect(withPw.status).toBe(201);
    expect(withPw.body.resetUrl).toBeUndefined();
    expect(withPw.body.user).toMatchObject({ username: 'dan', roles: ['editor'], disabled: false });
    expect((await new Driver(backend).login('dan', 'dan has a long one')).status).toBe(200);

    const without = await browser.call('adminCreateUser', { body: { username: 'erin' } });
    expect(without.status).toBe(201);
    const token = new URL(without.body.resetUrl).searchParams.get('token') as string;
    const fresh = new Driver(backend);
    expect((await fresh.call('resetPassword', { body: { token, password: 'erin picks her own' } })).status).toBe(204);
    expect((await fresh.login('erin', 'erin picks her own')).status).toBe(200);
  });

  it('create: taken username/email → 409, weak password → 422', async () => {
    const { browser } = await asAdmin();
    expect((await browser.call('adminCreateUser', { body: { username: 'BOB' } })).body.error.fields).toHaveProperty('username');
    expect((await browser.call('adminCreateUser', { body: { username: 'x1', email: 'bob@example.com' } })).status).toBe(409);
    expect((await browser.call('adminCreateUser', { body: { username: 'x2', password: 'short' } })).status).toBe(422);
  });

  it('updates roles, name, email and disabled; disabling ends the user’s sessions', async () => {
    const { backend, browser } = await asAdmin();
    const bobBrowser = new Driver(backend);
    await bobBrowser.login('bob', bob.password);
    const res = await browser.call('adminUpdateUser', { params: { id: 'u2' }, body: { roles: ['editor', 'admin'], name: 'Robert', disabled: true } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: 'u2', name: 'Robert', roles: ['editor', 'admin'], disabled: true });
    expect((await bobBrowser.call('session')).body.session).toBeNull();
    expect((await bobBrowser.login('bob', bob.password)).status).toBe(401);
    expect((await browser.call('adminUpdateUser', { params: { id: 'u2' }, body: { email: 'ada@example.com' } })).status).toBe(409);
    expect((await browser.call('adminUpdateUser', { params: { id: 'nope' }, body: { name: 'x' } })).status).toBe(404);
  });

  it('an admin cannot disable, demote or delete themselves (409 conflict)', async () => {
    const { browser } = await asAdmin();
    expect((await browser.call('adminUpdateUser', { params: { id: 'u1' }, body: { disabled: true } })).body.error.code).toBe('conflict');
    expect((await browser.call('adminUpdateUser', { params: { id: 'u1' }, body: { roles: ['editor'] } })).status).toBe(409);
    expect((await browser.call('adminDeleteUser', { params: { id: 'u1' } })).status).toBe(409);
    expect((await browser.call('adminUpdateUser', { params: { id: 'u1' }, body: { roles: ['admin', 'editor'] } })).status).toBe(200);
  });

  it('deletes users (204) and their sessions; unknown id → 404', async () => {
    const { backend, browser } = await asAdmin();
    const bobBrowser = new Driver(backend);
    await bobBrowser.login('bob', bob.password);
    expect((await browser.call('adminDeleteUser', { params: { id: 'u2' } })).status).toBe(204);
    expect(backend.store.user('bob')).toBeUndefined();
    expect((await bobBrowser.call('verify')).status).toBe(401);
    expect((await browser.call('adminDeleteUser', { params: { id: 'u2' } })).status).toBe(404);
  });

  it('reset-link: 200 {url, expiresAt} (30 minutes); the link resets the password', async () => {
    const { backend, browser } = await asAdmin();
    const res = await browser.call('adminResetLink', { params: { id: 'u2' } });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    const token = new URL(res.body.url).searchParams.get('token') as string;
    expect((await new Driver(backend).call('resetPassword', { body: { token, password: 'bob gets a new one' } })).status).toBe(204);
    expect((await browser.call('adminResetLink', { params: { id: 'zz' } })).status).toBe(404);
  });

  it('invites: create (mailed when bound to an address), list, delete; a created invite registers', async () => {
    const { backend, browser } = await asAdmin({ config: { registration: 'invite' } });
    const created = await browser.call('adminCreateInvite', { body: { email: 'new@example.com', roles: ['editor'], expiresInHours: 48 } });
    expect(created.status).toBe(201);
    const { invite } = created.body;
    expect(invite).toMatchObject({ email: 'new@example.com', roles: ['editor'], usedAt: null });
    expect(backend.outbox.last('new@example.com', 'invite')).toMatchObject({ token: invite.code, link: `http://localhost:3000/register?invite=${invite.code}` });
    const open = await browser.call('adminCreateInvite', { body: {} });
    expect((await browser.call('adminListInvites')).body.invites).toHaveLength(2);
    expect((await browser.call('adminDeleteInvite', { params: { code: open.body.invite.code } })).status).toBe(204);
    expect((await browser.call('adminDeleteInvite', { params: { code: open.body.invite.code } })).status).toBe(404);
    const newcomer = new Driver(backend);
    const reg = await newcomer.call('register', { body: { username: 'newbie', email: 'new@example.com', password: 'newbie has a long one', invite: invite.code } });
    expect(reg.status).toBe(201);
    expect(reg.body.session.user.roles).toEqual(['editor']);
    const listed = await browser.call('adminListInvites');
    expect(listed.body.invites[0].usedAt).toEqual(expect.any(String));
  });
});
