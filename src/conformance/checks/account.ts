import { randomHex } from '../randomHex.js';
import {
  AdminCreateUserResultSchema,
  AdminUserListSchema,
  AdminUserResultSchema,
  HEADERS,
  InviteListSchema,
  InviteResultSchema,
  ResetLinkSchema,
  SessionResponseSchema,
  UserResultSchema,
} from '../../contract/index.js';
import { describeAnswer, fail, notChecked } from '../Suite.js';
import type { Suite } from '../Suite.js';
import { offered } from './general.js';
import { malformedBodies } from './malformed.js';

/**
 * `GET verify`, `PATCH user` and the admin endpoints.
 *
 * @example
 * ```ts
 * await checkAccount(suite);
 * ```
 */
export async function checkAccount(suite: Suite): Promise<void> {
  // ───────────── GET verify ─────────────
  await suite.check('verify', 'unauthenticated', 'GET verify without a session answers 401', async () => {
    const x = await suite.browser().get('verify');
    suite.expectError(x, 401, 'unauthenticated', 'GET verify without a session → 401 unauthenticated');
  });
  await suite.check('verify', 'signed-in', 'GET verify with a session answers 204 with X-Auth-User-Id, X-Auth-Username, X-Auth-Roles', async () => {
    const user = await suite.mainUser();
    const { browser } = await suite.signIn(user);
    const x = await browser.get('verify');
    suite.expectStatus(x, 204, 'GET verify with a session → 204');
    const id = x.headers.get(HEADERS.verifyUserId);
    const name = x.headers.get(HEADERS.verifyUsername);
    const roles = x.headers.get(HEADERS.verifyRoles);
    const missing = [
      [HEADERS.verifyUserId, id],
      [HEADERS.verifyUsername, name],
      [HEADERS.verifyRoles, roles],
    ]
      .filter(([, value]) => value === null)
      .map(([header]) => header);
    if (missing.length) fail(`GET verify lacks ${missing.join(', ')}`, { exchange: x, requires: `204 with ${HEADERS.verifyUserId}, ${HEADERS.verifyUsername}, ${HEADERS.verifyRoles} (comma separated)` });
    if (user.id && id !== user.id) fail(`${HEADERS.verifyUserId} is "${id}", the session's user id is "${user.id}"`, { exchange: x, requires: 'the headers describe the signed-in user' });
  });
  await suite.check('verify', 'missing-role', 'GET verify?role=<a role the user lacks> answers 403', async () => {
    const user = await suite.mainUser();
    const { browser } = await suite.signIn(user);
    const x = await browser.get(`verify?role=conformance-role-${randomHex(4)}`);
    suite.expectError(x, 403, 'forbidden', 'GET verify?role=r when the user lacks r → 403 forbidden');
  });

  // ───────────── PATCH user ─────────────
  const group = 'user';
  const profileChecks = [
    ['unauthenticated', 'PATCH user without a session answers 401 unauthenticated'],
    ['update-name', 'PATCH user {"name"} answers 200 {"user"} with the new name'],
    ['refuses-privileged-fields', 'PATCH user refuses id, roles and password fields'],
    ['email-needs-current-password', 'an email change without (or with a wrong) currentPassword answers 401 invalid_credentials'],
    ['email-taken', 'an email change to a taken email answers 409 conflict'],
    ['malformed-bodies', 'malformed bodies get 400 invalid_request, never 5xx'],
  ] as const;
  if (!offered(suite, 'updateProfile')) {
    for (const [name, title] of profileChecks) suite.skip(group, name, title, 'not_applicable', 'features.profile is off');
  } else {
    await suite.check(group, 'unauthenticated', profileChecks[0][1], async () => {
      const x = await suite.browser().request('PATCH', 'user', { json: { name: 'Conformance' } });
      suite.expectError(x, 401, 'unauthenticated', 'PATCH user without a session → 401 unauthenticated');
    });
    await suite.check(group, 'update-name', profileChecks[1][1], async () => {
      const user = await suite.mainUser();
      const { browser, exchange } = await suite.signIn(user);
      const original = (exchange.json as { session?: { user?: { name?: string | null } } }).session?.user?.name ?? null;
      const name = `Conformance ${randomHex(3)}`;
      const x = await browser.request('PATCH', 'user', { json: { name } });
      suite.expectStatus(x, 200, 'PATCH user {"name"} → 200');
      const body = suite.expectBody(x, UserResultSchema, 'PATCH user → {"user"}');
      if (body.user.name !== name) fail(`the answer's user.name is ${JSON.stringify(body.user.name)}, expected ${JSON.stringify(name)}`, { exchange: x, requires: 'the answer carries the updated user' });
      const s = await browser.get('session');
      const sb = suite.expectBody(s, SessionResponseSchema, 'GET session');
      if (sb.session?.user.name !== name) fail('GET session does not show the new name', { exchange: s, requires: 'the change is stored' });
      if (!user.throwaway) await browser.request('PATCH', 'user', { json: { name: original } });
    });
    await suite.check(group, 'refuses-privileged-fields', profileChecks[2][1], async () => {
      const user = await suite.mutableUser();
      const { browser, exchange } = await suite.signIn(user);
      const rolesBefore = JSON.stringify((exchange.json as { session?: { user?: { roles?: unknown } } }).session?.user?.roles ?? []);
      const problems: string[] = [];
      let first;
      // A given (not throwaway) user is never sent password fields: a broken backend could apply them.
      const probes: Array<Record<string, unknown>> = [{ roles: ['admin'] }, { id: 'conformance-other-id' }];
      if (user.throwaway) probes.push({ password: suite.password() }, { newPassword: suite.password() });
      for (const body of probes) {
        const x = await browser.request('PATCH', 'user', { json: body });
        const key = Object.keys(body)[0] ?? '';
        if (x.status >= 200 && x.status < 300) {
          problems.push(`{"${key}"} was accepted (${x.status})`);
          first ??= x;
        } else if (x.status !== 400) {
          problems.push(`{"${key}"} → ${describeAnswer(x)}`);
          first ??= x;
        }
      }
      const s = await browser.get('session');
      const sb = SessionResponseSchema.safeParse(s.json);
      if (sb.success && sb.data.session && JSON.stringify(sb.data.session.user.roles) !== rolesBefore) {
        fail(`PATCH user {"roles": ["admin"]} changed the user's roles to ${JSON.stringify(sb.data.session.user.roles)}`, { exchange: s, requires: 'a user can never change their own roles' });
      }
      if (problems.length) fail(problems.join('; '), { exchange: first, requires: 'the PATCH user body is strict: id, roles and password fields → 400 invalid_request' });
    });
    await suite.check(group, 'email-needs-current-password', profileChecks[3][1], async () => {
      const user = await suite.mutableUser();
      const { browser } = await suite.signIn(user);
      const email = `lkm${randomHex(5)}@example.test`;
      const none = await browser.request('PATCH', 'user', { json: { email } });
      const e1 = suite.expectError(none, 401, 'invalid_credentials', 'an email change without currentPassword → 401 invalid_credentials with fields.currentPassword');
      if (!('currentPassword' in e1.fields)) fail('401 without fields.currentPassword', { exchange: none, requires: 'fields.currentPassword' });
      const wrong = await browser.request('PATCH', 'user', { json: { email, currentPassword: suite.password() } });
      const e2 = suite.expectError(wrong, 401, 'invalid_credentials', 'an email change with a wrong currentPassword → 401 invalid_credentials with fields.currentPassword');
      if (!('currentPassword' in e2.fields)) fail('401 without fields.currentPassword', { exchange: wrong, requires: 'fields.currentPassword' });
      const still = await browser.get('session');
      const sb = SessionResponseSchema.safeParse(still.json);
      if (!sb.success || !sb.data.session) fail('a refused email change ended the session', { exchange: still, requires: 'invalid_credentials does not end the session' });
    });
    await suite.check(group, 'email-taken', profileChecks[4][1], async () => {
      const owner = await suite.throwawayUser();
      const user = await suite.throwawayUser();
      const { browser } = await suite.signIn(user);
      const x = await browser.request('PATCH', 'user', { json: { email: owner.email, currentPassword: user.password } });
      suite.expectError(x, 409, 'conflict', 'PATCH user with an email another user has → 409 conflict');
    });
    await suite.check(group, 'malformed-bodies', profileChecks[5][1], async () => {
      const user = await suite.mainUser();
      const { browser } = await suite.signIn(user);
      await malformedBodies(browser, 'PATCH', 'user', { name: 'Conformance Test' }, false);
    });
  }

  await checkAdmin(suite);
}

async function checkAdmin(suite: Suite): Promise<void> {
  const users = 'admin/users';
  const invites = 'admin/invites';
  const list = [
    [users, 'unauthenticated', 'admin endpoints without a session answer 401 unauthenticated'],
    [users, 'non-admin', 'admin endpoints for a user without the admin role answer 403 forbidden'],
    [users, 'list', 'GET admin/users answers the user list'],
    [users, 'create-update-delete', 'an admin creates, disables, issues a reset link for and deletes a user'],
    [users, 'self-protection', 'an admin cannot delete, disable or demote themselves (409 conflict)'],
    [invites, 'create-list-delete', 'an admin creates, lists and deletes invites'],
  ] as const;
  if (!offered(suite, 'adminListUsers')) {
    for (const [group, name, title] of list) suite.skip(group, name, title, 'not_applicable', 'features.admin is off');
    return;
  }
  await suite.check(users, 'unauthenticated', list[0][2], async () => {
    const browser = suite.browser();
    for (const [method, path] of [['GET', 'admin/users'], ['GET', 'admin/invites'], ['DELETE', 'admin/users/conformance-id']] as const) {
      const x = await browser.request(method, path);
      suite.expectError(x, 401, 'unauthenticated', `${method} ${path} without a session → 401 unauthenticated`);
    }
  });
  await suite.check(users, 'non-admin', list[1][2], async () => {
    const user = await suite.mainUser();
    const { browser, exchange } = await suite.signIn(user);
    const roles = (exchange.json as { session?: { user?: { roles?: unknown } } }).session?.user?.roles;
    if (Array.isArray(roles) && roles.includes('admin')) notChecked('the test user has the admin role');
    for (const [method, path] of [['GET', 'admin/users'], ['GET', 'admin/invites']] as const) {
      const x = await browser.request(method, path);
      suite.expectError(x, 403, 'forbidden', `${method} ${path} as a non-admin → 403 forbidden`);
    }
  });
  await suite.check(users, 'list', list[2][2], async () => {
    const admin = await suite.adminBrowser();
    const x = await admin.get('admin/users?offset=0&limit=10');
    suite.expectStatus(x, 200, 'GET admin/users → 200');
    suite.expectBody(x, AdminUserListSchema, 'GET admin/users → {"users": AdminUser[], "total"}');
  });
  await suite.check(users, 'create-update-delete', list[3][2], async () => {
    const admin = await suite.adminBrowser();
    const username = `lka${randomHex(5)}`;
    const created = await admin.post('admin/users', { username, email: `${username}@example.test`, roles: [] });
    suite.expectStatus(created, 201, 'POST admin/users → 201');
    const { user } = suite.expectBody(created, AdminCreateUserResultSchema, 'POST admin/users → {"user", "resetUrl"?}');
    const path = `admin/users/${encodeURIComponent(user.id)}`;
    const updated = await admin.request('PATCH', path, { json: { disabled: true, name: 'Conformance Disabled' } });
    suite.expectStatus(updated, 200, 'PATCH admin/users/:id → 200');
    const ub = suite.expectBody(updated, AdminUserResultSchema, 'PATCH admin/users/:id → {"user"}');
    if (!ub.user.disabled) fail('the user is not disabled after {"disabled": true}', { exchange: updated, requires: 'the answer carries the updated user' });
    const link = await admin.post(`${path}/reset-link`);
    suite.expectStatus(link, 200, 'POST admin/users/:id/reset-link → 200');
    suite.expectBody(link, ResetLinkSchema, 'POST admin/users/:id/reset-link → {"url", "expiresAt"}');
    if (/token=/.test(link.request.url)) fail('a token travelled in a request URL', { exchange: link, requires: 'tokens never in URLs' });
    const deleted = await admin.request('DELETE', path);
    suite.expectStatus(deleted, 204, 'DELETE admin/users/:id → 204');
    const gone = await admin.request('PATCH', path, { json: { disabled: false } });
    suite.expectError(gone, 404, 'not_found', 'a deleted user → 404 not_found');
  });
  await suite.check(users, 'self-protection', list[4][2], async () => {
    const admin = await suite.adminBrowser();
    const s = await admin.get('session');
    const id = SessionResponseSchema.safeParse(s.json);
    if (!id.success || !id.data.session) notChecked('the admin session could not be read');
    const path = `admin/users/${encodeURIComponent(id.data.session.user.id)}`;
    for (const [method, body] of [
      ['PATCH', { disabled: true }],
      ['PATCH', { roles: [] }],
      ['DELETE', undefined],
    ] as const) {
      const x = await admin.request(method, path, body === undefined ? {} : { json: body });
      suite.expectError(x, 409, 'conflict', `an admin ${method === 'DELETE' ? 'deleting' : `setting ${JSON.stringify(body)} on`} themselves → 409 conflict`);
    }
  });
  await suite.check(invites, 'create-list-delete', list[5][2], async () => {
    const admin = await suite.adminBrowser();
    const created = await admin.post('admin/invites', { expiresInHours: 1 });
    suite.expectStatus(created, 201, 'POST admin/invites → 201');
    const { invite } = suite.expectBody(created, InviteResultSchema, 'POST admin/invites → {"invite"}');
    const listed = await admin.get('admin/invites');
    const lb = suite.expectBody(listed, InviteListSchema, 'GET admin/invites → {"invites"}');
    if (!lb.invites.some((i) => i.code === invite.code)) fail('the new invite is not listed', { exchange: listed, requires: 'GET admin/invites lists every invite' });
    const deleted = await admin.request('DELETE', `admin/invites/${encodeURIComponent(invite.code)}`);
    suite.expectStatus(deleted, 204, 'DELETE admin/invites/:code → 204');
  });
}
