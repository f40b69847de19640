import { createAuthHandler, createUserAdmin, UserAdminError } from 'latchkey/server';
import { describe, expect, it } from 'vitest';
import { expectError, expectSuccess, fastHasher, makeClock, makeStore, PASSWORD, STORE_KINDS, TestClient } from './helpers.js';

describe.each(STORE_KINDS)('createUserAdmin (%s store): the building block of `latchkey users`', (kind) => {
  it('adds the first admin, who can then sign in through the handler and use the admin API', async () => {
    const store = makeStore(kind);
    const clock = makeClock();
    const users = createUserAdmin({ store, appUrl: 'http://app.test/base/', passwordHasher: fastHasher, clock });
    const { user, resetUrl } = await users.addUser({ username: 'root', email: 'Root@Example.com', roles: ['admin', 'admin'], password: PASSWORD });
    expect(resetUrl).toBeUndefined();
    expect(user).toMatchObject({ username: 'root', email: 'Root@Example.com', roles: ['admin'], disabled: false });
    const handler = createAuthHandler({ store, appUrl: 'http://app.test', passwordHasher: fastHasher, clock, logger: () => undefined });
    const client = new TestClient(handler);
    expectSuccess('login', await client.login('root@example.com', PASSWORD));
    expectSuccess('adminListUsers', await client.get('admin/users'));
    await store.close();
  });

  it('adds without a password (reset link from appUrl), lists, finds, sets roles / password, disables, deletes', async () => {
    const store = makeStore(kind);
    const clock = makeClock();
    const users = createUserAdmin({ store, appUrl: 'http://app.test/base/', passwordHasher: fastHasher, clock });
    const added = await users.addUser({ username: 'ada', name: 'Ada' });
    expect(added.resetUrl).toMatch(/^http:\/\/app\.test\/base\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    expect((await users.listUsers()).total).toBe(1);
    expect((await users.findUser('ADA'))?.id).toBe(added.user.id);
    expect(await users.findUser('nobody')).toBeNull();
    expect((await users.setRoles('ada', ['editor'])).roles).toEqual(['editor']);
    await users.setPassword(added.user.id, PASSWORD);
    const handler = createAuthHandler({ store, appUrl: 'http://app.test', passwordHasher: fastHasher, clock, logger: () => undefined });
    const client = new TestClient(handler);
    expectSuccess('login', await client.login('ada', PASSWORD));
    expect((await users.setDisabled('ada', true)).disabled).toBe(true);
    expectError(await client.get('verify'), 401, 'unauthenticated');
    const link = await users.resetLink('ada');
    expect(new Date(link.expiresAt).getTime() - clock.now()).toBe(30 * 60_000);
    await users.deleteUser('ada');
    expect(await users.findUser('ada')).toBeNull();
    await store.close();
  });

  it('refuses bad input with UserAdminError naming the field', async () => {
    const store = makeStore(kind);
    const users = createUserAdmin({ store, appUrl: 'http://app.test', passwordHasher: fastHasher });
    await users.addUser({ username: 'ada', email: 'ada@example.com' });
    const failures = await Promise.all([
      users.addUser({ username: 'ADA' }).catch((e: unknown) => e),
      users.addUser({ username: 'bob', email: 'ADA@example.com' }).catch((e: unknown) => e),
      users.addUser({ username: 'bad name' }).catch((e: unknown) => e),
      users.addUser({ username: 'bob', password: 'short' }).catch((e: unknown) => e),
      users.setRoles('ada', ['ok', 'not ok']).catch((e: unknown) => e),
      users.deleteUser('ghost').catch((e: unknown) => e),
    ]);
    expect(failures.map((e) => (e instanceof UserAdminError ? [e.code, e.field] : e))).toEqual([
      ['conflict', 'username'],
      ['conflict', 'email'],
      ['invalid_request', 'username'],
      ['weak_password', 'password'],
      ['invalid_request', 'roles.1'],
      ['not_found', undefined],
    ]);
    expect(() => createUserAdmin({ store, appUrl: 'nope' })).toThrow(/appUrl/);
    await store.close();
  });
});
