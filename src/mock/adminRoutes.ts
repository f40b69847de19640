import type { AdminCreateUserRequest, AdminUpdateUserRequest, CreateInviteRequest } from '../contract/index.js';
import type { MockRequestContext, MockState } from './context.js';
import { reply } from './context.js';
import { emailProblem, usernameProblem } from './MockStore.js';
import type { MockInviteRecord, MockUserRecord } from './MockStore.js';
import { checkPassword } from './passwordPolicy.js';
import { MockHttpError } from './responses.js';
import { adminUser, requireAuth } from './session.js';
import { linkTo } from './sessionRoutes.js';

function targetUser(ctx: MockRequestContext, state: MockState): MockUserRecord {
  const id = ctx.params['id'] ?? '';
  const user = state.store.users().find((u) => u.id === id);
  if (!user) throw new MockHttpError('not_found', { message: `No user with id "${id}".` });
  return user;
}

function intParam(ctx: MockRequestContext, name: string, fallback: number, min: number, max: number): number {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new MockHttpError('invalid_request', { fields: { [name]: `Must be a whole number from ${min} to ${max}.` } });
  }
  return value;
}

function inviteView(invite: MockInviteRecord) {
  return {
    code: invite.code,
    email: invite.email,
    roles: [...invite.roles],
    expiresAt: invite.expiresAt.toISOString(),
    usedAt: invite.usedAt ? invite.usedAt.toISOString() : null,
  };
}

function resetLink(state: MockState, user: MockUserRecord): { url: string; expiresAt: string } {
  const { token, expiresAt } = state.store.issueResetToken(user.id);
  return { url: linkTo(state, state.links.resetPassword, 'token', token), expiresAt: expiresAt.toISOString() };
}

/** `GET admin/users?query=&offset=&limit=` @internal */
export function adminListUsers(ctx: MockRequestContext, state: MockState): Response {
  const query = (ctx.url.searchParams.get('query') ?? '').trim().toLowerCase();
  const offset = intParam(ctx, 'offset', 0, 0, 1_000_000);
  const limit = intParam(ctx, 'limit', 50, 1, 1000);
  const matching = state.store
    .users()
    .filter((u) => !query || [u.username, u.email ?? '', u.name ?? ''].some((text) => text.toLowerCase().includes(query)));
  return reply(ctx, 200, { users: matching.slice(offset, offset + limit).map(adminUser), total: matching.length });
}

/** `POST admin/users`: 201; without a password the answer carries a one-time reset link. @internal */
export function adminCreateUser(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as AdminCreateUserRequest;
  const fields: Record<string, string> = {};
  const usernameIssue = usernameProblem(body.username);
  if (usernameIssue) fields['username'] = usernameIssue;
  const email = body.email?.trim() ?? null;
  const emailIssue = email === null ? null : emailProblem(email);
  if (emailIssue) fields['email'] = emailIssue;
  if (Object.keys(fields).length > 0) throw new MockHttpError('invalid_request', { fields });
  if (state.store.user(body.username)) throw new MockHttpError('conflict', { fields: { username: 'This username is taken.' } });
  if (email !== null && state.store.findByEmail(email)) throw new MockHttpError('conflict', { fields: { email: 'This email address is already registered.' } });
  if (body.password !== undefined) {
    const weak = checkPassword(body.password, state.config.password, { username: body.username, email });
    if (weak) throw new MockHttpError('weak_password', { message: weak, fields: { password: weak } });
  }
  const user = state.store.addUser({
    username: body.username,
    email,
    name: body.name ?? null,
    roles: body.roles ?? [],
    password: body.password ?? null,
  });
  if (body.password !== undefined) return reply(ctx, 201, { user: adminUser(user) });
  return reply(ctx, 201, { user: adminUser(user), resetUrl: resetLink(state, user).url });
}

/** `PATCH admin/users/:id`: an admin cannot disable or demote themselves (409). @internal */
export function adminUpdateUser(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as AdminUpdateUserRequest;
  const { user: me } = requireAuth(ctx);
  const target = targetUser(ctx, state);
  if (target.id === me.id) {
    if (body.disabled === true) throw new MockHttpError('conflict', { message: 'You cannot disable your own account.', fields: { disabled: 'You cannot disable your own account.' } });
    if (body.roles !== undefined && !body.roles.includes('admin')) {
      throw new MockHttpError('conflict', { message: 'You cannot remove your own admin role.', fields: { roles: 'You cannot remove your own admin role.' } });
    }
  }
  const patch: Partial<MockUserRecord> = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.roles !== undefined) patch.roles = [...new Set(body.roles)];
  if (body.disabled !== undefined) patch.disabled = body.disabled;
  if (body.email !== undefined) {
    const email = body.email === null ? null : body.email.trim();
    if (email !== null) {
      const problem = emailProblem(email);
      if (problem) throw new MockHttpError('invalid_request', { fields: { email: problem } });
      const owner = state.store.findByEmail(email);
      if (owner && owner.id !== target.id) throw new MockHttpError('conflict', { fields: { email: 'This email address is already registered.' } });
    }
    patch.email = email;
  }
  const updated = state.store.updateUser(target.id, patch);
  if (updated.disabled) state.store.revokeSessions(updated.id);
  return reply(ctx, 200, { user: adminUser(updated) });
}

/** `DELETE admin/users/:id`: 204; not yourself (409). @internal */
export function adminDeleteUser(ctx: MockRequestContext, state: MockState): Response {
  const { user: me } = requireAuth(ctx);
  const target = targetUser(ctx, state);
  if (target.id === me.id) throw new MockHttpError('conflict', { message: 'You cannot delete your own account.' });
  state.store.deleteUser(target.id);
  return reply(ctx, 204);
}

/** `POST admin/users/:id/reset-link` @internal */
export function adminResetLink(ctx: MockRequestContext, state: MockState): Response {
  return reply(ctx, 200, resetLink(state, targetUser(ctx, state)));
}

/** `GET admin/invites` @internal */
export function adminListInvites(ctx: MockRequestContext, state: MockState): Response {
  return reply(ctx, 200, { invites: state.store.invites().map(inviteView) });
}

/** `POST admin/invites`: 201; an email-bound invite is mailed. @internal */
export function adminCreateInvite(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as CreateInviteRequest;
  const email = body.email?.trim() ?? null;
  if (email !== null) {
    const problem = emailProblem(email);
    if (problem) throw new MockHttpError('invalid_request', { fields: { email: problem } });
  }
  const invite = state.store.addInvite({
    email,
    roles: body.roles ?? [],
    ...(body.expiresInHours === undefined ? {} : { expiresInMs: body.expiresInHours * 3_600_000 }),
  });
  if (email !== null) {
    const link = linkTo(state, state.links.register, 'invite', invite.code);
    state.outbox.push({
      kind: 'invite',
      to: email,
      subject: 'You are invited',
      text: `You are invited to create an account. Open this link to register (valid until ${invite.expiresAt.toISOString()}):\n${link}\n`,
      link,
      token: invite.code,
    });
  }
  return reply(ctx, 201, { invite: inviteView(invite) });
}

/** `DELETE admin/invites/:code` @internal */
export function adminDeleteInvite(ctx: MockRequestContext, state: MockState): Response {
  const code = ctx.params['code'] ?? '';
  if (!state.store.deleteInvite(code)) throw new MockHttpError('not_found', { message: 'No such invite.' });
  return reply(ctx, 204);
}
