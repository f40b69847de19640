import type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  ForgotUsernameRequest,
  RegisterRequest,
  ResetPasswordRequest,
  UpdateProfileRequest,
  VerifyEmailRequest,
} from '../contract/index.js';
import type { MockRequestContext, MockState } from './context.js';
import { reply } from './context.js';
import { emailProblem, usernameProblem } from './MockStore.js';
import type { MockUserRecord } from './MockStore.js';
import { checkPassword } from './passwordPolicy.js';
import { MockHttpError } from './responses.js';
import { publicUser, requireAuth, startSession } from './session.js';
import { checkThrottle, clearFailures, linkTo, minutes, recordFailure, sendVerification } from './sessionRoutes.js';
import { normalizeIdentifier } from './Throttle.js';

/** Preauthorized: the address itself, or its domain given as `@example.com`. */
function isPreauthorized(state: MockState, email: string): boolean {
  const key = normalizeIdentifier(email);
  return state.preauthorizedEmails.has(key) || state.preauthorizedEmails.has(key.slice(key.lastIndexOf('@')));
}

/** `POST register` @internal */
export function register(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as RegisterRequest;
  const { registration, features } = state.config;
  if (registration === 'closed') throw new MockHttpError('registration_closed');
  const fields: Record<string, string> = {};
  const usernameIssue = usernameProblem(body.username);
  if (usernameIssue) fields['username'] = usernameIssue;
  const email = body.email.trim();
  const emailIssue = emailProblem(email);
  if (emailIssue) fields['email'] = emailIssue;

  // Same order of checks as the reference server: invite, field form, policy, then conflicts.
  let inviteRoles: string[] = [];
  let inviteCode: string | undefined;
  if (body.invite !== undefined) {
    // An invite is honoured in every open mode (it may carry roles); a bad one is refused.
    const invite = state.store.usableInvite(body.invite);
    if (!invite) throw new MockHttpError('invite_required', { fields: { invite: 'This invite code is invalid, used or expired.' } });
    if (invite.email !== null && normalizeIdentifier(invite.email) !== normalizeIdentifier(email)) {
      throw new MockHttpError('invite_required', { fields: { invite: 'This invite is for another email address.' } });
    }
    inviteRoles = invite.roles;
    inviteCode = invite.code;
  } else if (registration === 'invite' && !isPreauthorized(state, email)) {
    throw new MockHttpError('invite_required', { fields: { invite: 'An invite code is required.' } });
  }
  if (Object.keys(fields).length > 0) throw new MockHttpError('invalid_request', { fields });
  const weak = checkPassword(body.password, state.config.password, { username: body.username, email });
  if (weak) throw new MockHttpError('weak_password', { message: weak, fields: { password: weak } });
  if (state.store.user(body.username)) {
    throw new MockHttpError('conflict', { message: 'This username is taken.', fields: { username: 'This username is taken.' } });
  }
  const owner = state.store.findByEmail(email);
  if (owner && !features.emailVerification) {
    throw new MockHttpError('conflict', { message: 'This email address is already registered.', fields: { email: 'This email address is already registered.' } });
  }

  if (owner) {
    // Email verification on: a taken address gets the same answer as a new one; its owner is told.
    state.outbox.push({
      kind: 'username-reminder',
      to: owner.email ?? email,
      subject: 'You already have an account',
      text: `Someone (maybe you) tried to register with this address. You already have an account: your username is ${owner.username}.\nIf you forgot your password, use "Forgot password" on the sign-in page.\n`,
    });
    return reply(ctx, 201, { session: null, next: 'verify_email' });
  }

  const user = state.store.addUser({
    username: body.username,
    email,
    name: body.name ?? null,
    password: body.password,
    roles: inviteRoles,
    disabled: state.approval,
    emailVerified: !features.emailVerification,
    profile: body.profile ?? null,
  });
  if (inviteCode !== undefined) state.store.useInvite(inviteCode);
  if (features.emailVerification) {
    sendVerification(state, user);
    return reply(ctx, 201, { session: null, next: 'verify_email' });
  }
  if (state.approval) return reply(ctx, 201, { session: null, next: 'await_approval' });
  if (ctx.auth !== null && ctx.auth !== 'invalid') state.store.endSession(ctx.auth.session.id);
  const signedIn = state.store.updateUser(user.id, { lastLoginAt: new Date(state.now()) });
  return reply(ctx, 201, startSession(ctx, state, signedIn, false));
}

/** `POST email/verify`: confirms the address and signs the user in. @internal */
export function verifyEmail(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as VerifyEmailRequest;
  const userId = state.store.consumeVerifyToken(body.token);
  const user = userId === undefined ? undefined : state.store.user(userId);
  if (!user) throw new MockHttpError('invalid_token');
  const verified = state.store.updateUser(user.id, { emailVerified: true });
  if (verified.disabled) throw new MockHttpError('invalid_token');
  if (ctx.auth !== null && ctx.auth !== 'invalid') state.store.endSession(ctx.auth.session.id);
  return reply(ctx, 200, startSession(ctx, state, state.store.updateUser(user.id, { lastLoginAt: new Date(state.now()) }), false));
}

/** `POST password/forgot`: 202 for any well-formed input; a mail only for a real, enabled account. @internal */
export function forgotPassword(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as ForgotPasswordRequest;
  const user = state.store.findByIdentifier(body.identifier);
  if (user && user.email && !user.disabled) {
    const { token } = state.store.issueResetToken(user.id);
    const link = linkTo(state, state.links.resetPassword, 'token', token);
    state.outbox.push({
      kind: 'password-reset',
      to: user.email,
      subject: 'Reset your password',
      text: `Hello ${user.name ?? user.username},\n\nset a new password by opening this link (valid for ${minutes(state.store.lifetimes.resetTokenMs)}):\n${link}\n\nIf you did not ask for this, ignore this mail.\n`,
      link,
      token,
    });
  }
  return reply(ctx, 202, {});
}

/** `POST password/reset`: single use; ends every session of the user and clears the throttle. @internal */
export function resetPassword(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as ResetPasswordRequest;
  const userId = state.store.checkResetToken(body.token);
  const user = userId === undefined ? undefined : state.store.user(userId);
  if (!user) throw new MockHttpError('invalid_token');
  const weak = checkPassword(body.password, state.config.password, user);
  if (weak) throw new MockHttpError('weak_password', { message: weak, fields: { password: weak } });
  state.store.consumeResetToken(body.token);
  state.store.updateUser(user.id, { password: body.password, emailVerified: true });
  state.store.revokeSessions(user.id);
  clearFailures(state, user);
  return reply(ctx, 204);
}

/** The signed-in user's current password, throttled like a sign-in: a wrong one counts as a failure (401, `fields.currentPassword`). */
function checkCurrentPassword(ctx: MockRequestContext, state: MockState, user: MockUserRecord, password: string): void {
  checkThrottle(ctx, state, [user.username]);
  if (user.password === null || user.password !== password) {
    recordFailure(ctx, state, user.username);
    throw new MockHttpError('invalid_credentials', {
      message: 'The current password is incorrect.',
      fields: { currentPassword: 'The current password is incorrect.' },
    });
  }
}

/** `POST password/change`: new session id, every other session of the user ends. @internal */
export function changePassword(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as ChangePasswordRequest;
  const { session, user } = requireAuth(ctx);
  checkCurrentPassword(ctx, state, user, body.currentPassword);
  const weak = checkPassword(body.newPassword, state.config.password, user);
  if (weak) throw new MockHttpError('weak_password', { message: weak, fields: { newPassword: weak } });
  const changed = state.store.updateUser(user.id, { password: body.newPassword });
  state.store.revokeSessions(user.id);
  clearFailures(state, user);
  return reply(ctx, 200, startSession(ctx, state, changed, session.remember));
}

/** `POST username/forgot`: 202 for any well-formed input. @internal */
export function forgotUsername(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as ForgotUsernameRequest;
  const user = state.store.findByEmail(body.email);
  if (user && user.email && !user.disabled) {
    state.outbox.push({
      kind: 'username-reminder',
      to: user.email,
      subject: 'Your username',
      text: `Hello,\n\nthe username of the account with this address is: ${user.username}\n`,
    });
  }
  return reply(ctx, 202, {});
}

/** `PATCH user`: name and (with the current password) email. @internal */
export function updateProfile(ctx: MockRequestContext, state: MockState): Response {
  const body = ctx.body as UpdateProfileRequest;
  const { user } = requireAuth(ctx);
  const patch: { name?: string | null; email?: string; emailVerified?: boolean } = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.email !== undefined && normalizeIdentifier(body.email) !== normalizeIdentifier(user.email ?? '')) {
    const email = body.email.trim();
    const problem = emailProblem(email);
    if (problem) throw new MockHttpError('invalid_request', { fields: { email: problem } });
    if (body.currentPassword === undefined) {
      throw new MockHttpError('invalid_credentials', {
        message: 'Enter your current password to change your email address.',
        fields: { currentPassword: 'Enter your current password to change your email address.' },
      });
    }
    checkCurrentPassword(ctx, state, user, body.currentPassword);
    const owner = state.store.findByEmail(email);
    if (owner && owner.id !== user.id) {
      throw new MockHttpError('conflict', { message: 'This email address is already registered.', fields: { email: 'This email address is already registered.' } });
    }
    patch.email = email;
    // With email verification, the new address must be confirmed (a link goes to it).
    if (state.config.features.emailVerification) patch.emailVerified = false;
  }
  const updated = state.store.updateUser(user.id, patch);
  if (patch.emailVerified === false) sendVerification(state, updated);
  return reply(ctx, 200, { user: publicUser(updated) });
}
