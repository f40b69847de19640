import { randomUUID } from 'node:crypto';
import type {
  AdminCreateUserRequest,
  AdminUpdateUserRequest,
  ChangePasswordRequest,
  CreateInviteRequest,
  EndpointName,
  ForgotPasswordRequest,
  ForgotUsernameRequest,
  LoginRequest,
  RefreshRequest,
  RegisterRequest,
  ResetPasswordRequest,
  UpdateProfileRequest,
  VerifyEmailRequest,
} from '../contract/index.js';
import { CONTRACT_VERSION, HEADERS } from '../contract/index.js';
import type { UserPatch, UserRecord } from './AuthStore.js';
import { StoreConflictError } from './AuthStore.js';
import { UserAdminError } from './createUserAdmin.js';
import type { Call } from './Call.js';
import { hashToken, randomToken } from './crypto.js';
import { ApiError } from './http.js';
import {
  emailProblem,
  identifierTag,
  normalizeEmail,
  normalizeIdentifier,
  rolesProblem,
  sessionEnd,
  toAdminUser,
  toInvite,
  toSession,
  toUser,
  usernameProblem,
} from './runtime.js';

/** What an endpoint answers: a status and an optional JSON body plus headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Route = (call: Call) => Promise<Reply>;

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const noContent: Reply = { status: 204 };

function conflictFields(error: StoreConflictError): Record<string, string> {
  return { [error.field]: error.field === 'username' ? 'This username is taken.' : 'This email address is already in use.' };
}

function fieldsOrThrow(fields: Record<string, string | null>): void {
  const bad = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null));
  if (Object.keys(bad).length > 0) throw new ApiError('invalid_request', 'Some fields are not valid.', bad);
}

async function findByIdentifier(call: Call, identifier: string): Promise<UserRecord | null> {
  const key = normalizeIdentifier(identifier);
  return key.includes('@') ? call.rt.store.getUserByEmail(key) : call.rt.store.getUserByUsername(key);
}

// ───────────────────────────── session endpoints ─────────────────────────────

const config: Route = async ({ rt }) =>
  ok({
    contract: CONTRACT_VERSION,
    transport: rt.transport,
    registration: rt.registration,
    features: rt.features,
    password: { minLength: rt.policy.minLength, maxLength: rt.policy.maxLength },
  });

const session: Route = async (call) => {
  const auth = await call.auth();
  if (call.rt.transport === 'cookie') {
    return ok({ session: auth ? toSession(auth.user, auth.session) : null, csrfToken: await call.csrfToken() });
  }
  if (!auth && call.presentedInvalid) throw new ApiError('unauthenticated');
  return ok({ session: auth ? toSession(auth.user, auth.session) : null });
};

const login: Route = async (call) => {
  const { rt } = call;
  const body = call.body as LoginRequest;
  const key = normalizeIdentifier(body.identifier);
  await call.assertAddressAllowed();
  const attempt = await call.takeIdentifierAttempt(key);
  const user = await findByIdentifier(call, body.identifier);
  // Unknown users and users without a password still pay for one verify (no timing oracle).
  const valid = user?.passwordHash ? await rt.hasher.verify(user.passwordHash, body.password) : await rt.hasher.dummyVerify(body.password);
  if (!valid || !user || user.disabled) {
    await call.hitAddress();
    const who = user ? { userId: user.id } : { identifierHash: identifierTag(body.identifier) };
    rt.log('warn', 'login.failure', { ...who, address: call.address, reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password' });
    if (attempt === rt.throttle.identifier.max) rt.log('warn', 'login.locked', { ...who, address: call.address });
    throw new ApiError('invalid_credentials');
  }
  await call.clearIdentifier(key, user.usernameKey, user.emailKey);
  if (rt.features.emailVerification && !user.emailVerified) {
    call.shared.background(() => call.sendVerification(user));
    throw new ApiError('forbidden', 'Confirm your email address first: we have sent you a new link.');
  }
  const patch: UserPatch = { lastLoginAt: call.now };
  if (user.passwordHash && rt.hasher.needsRehash(user.passwordHash)) {
    patch.passwordHash = await rt.hasher.hash(body.password);
    rt.log('info', 'password.rehashed', { userId: user.id });
  }
  const updated = (await rt.store.updateUser(user.id, patch)) ?? user;
  await call.endPresentedSession();
  const result = await call.startSession(updated, body.remember === true);
  rt.log('info', 'login.success', { userId: user.id, address: call.address, remember: body.remember === true });
  return ok(result);
};

const logout: Route = async (call) => {
  const auth = await call.auth();
  await call.endPresentedSession();
  if (call.rt.transport === 'cookie') call.clearSessionCookie();
  if (auth) call.rt.log('info', 'logout', { userId: auth.user.id });
  return noContent;
};

const refresh: Route = async (call) => {
  const { rt } = call;
  const body = call.body as RefreshRequest;
  const used = await rt.store.redeemRefreshToken(hashToken(body.refreshToken), call.now);
  if (used.status === 'missing') throw new ApiError('unauthenticated');
  if (used.status === 'reused') {
    const stale = await rt.store.getSession(used.token.sessionKey);
    await rt.store.deleteSession(used.token.sessionKey);
    rt.log('warn', 'refresh.reuse_detected', { ...(stale ? { userId: stale.userId } : {}), address: call.address });
    throw new ApiError('unauthenticated', 'This session was revoked because a refresh token was used twice. Sign in again.');
  }
  const current = await rt.store.getSession(used.token.sessionKey);
  if (!current || sessionEnd(current) <= call.now) throw new ApiError('unauthenticated');
  const user = await rt.store.getUserById(current.userId);
  if (!user || user.disabled) {
    await rt.store.deleteSession(current.key);
    throw new ApiError('unauthenticated');
  }
  await rt.store.touchSession(current.key, call.now);
  current.lastSeenAt = call.now;
  return ok({ session: toSession(user, current), tokens: await call.issueTokens(current) });
};

// ───────────────────────────── registration ─────────────────────────────

async function checkInvite(call: Call, code: string | undefined, emailKey: string): Promise<{ code: string; roles: string[] } | null> {
  const { rt } = call;
  if (rt.registration === 'closed') throw new ApiError('registration_closed');
  const domain = emailKey.slice(emailKey.lastIndexOf('@') + 1);
  const preauthorized = rt.preauthorized.emails.has(emailKey) || rt.preauthorized.domains.has(domain);
  if (code === undefined) {
    if (rt.registration === 'invite' && !preauthorized) throw new ApiError('invite_required', undefined, { invite: 'An invite code is required.' });
    return null;
  }
  const invite = await rt.store.getInvite(code);
  if (!invite || invite.usedAt !== null || invite.expiresAt <= call.now || (invite.email !== null && invite.email !== emailKey)) {
    throw new ApiError('invite_required', 'This invite code is not valid.', { invite: 'This invite code is not valid.' });
  }
  return { code: invite.code, roles: invite.roles };
}

const register: Route = async (call) => {
  const { rt } = call;
  const body = call.body as RegisterRequest;
  const emailKey = normalizeEmail(body.email);
  const invite = await checkInvite(call, body.invite, emailKey);
  fieldsOrThrow({ username: usernameProblem(body.username), email: emailProblem(body.email) });
  const weak = rt.policy.check(body.password, body.username);
  if (weak) throw new ApiError('weak_password', weak, { password: weak });
  const usernameKey = normalizeIdentifier(body.username);
  if (await rt.store.getUserByUsername(usernameKey)) throw new ApiError('conflict', 'This username is taken.', { username: 'This username is taken.' });
  const passwordHash = await rt.hasher.hash(body.password);
  const owner = await rt.store.getUserByEmail(emailKey);
  if (owner) {
    if (!rt.features.emailVerification) throw new ApiError('conflict', 'This email address is already in use.', { email: 'This email address is already in use.' });
    // Same answer as for a new address; the owner learns of the attempt by mail.
    call.shared.background(async () => {
      await call.mailUser(owner, {
        subject: `Someone tried to register with your email address at ${rt.appName}`,
        text: `Hello ${owner.name ?? owner.username},\n\nsomeone tried to create an account at ${rt.appName} with this email address, which already belongs to your account "${owner.username}".\nIf that was you, sign in: ${call.appLink(rt.links.login)}\nForgot your password? Use "Forgot password" on the sign-in page.\nIf it was not you, you can ignore this mail.\n`,
      });
    });
    return ok({ session: null, next: 'verify_email' }, 201);
  }
  if (invite && !(await rt.store.redeemInvite(invite.code, call.now))) {
    throw new ApiError('invite_required', 'This invite code is not valid.', { invite: 'This invite code is not valid.' });
  }
  let user: UserRecord;
  try {
    user = await rt.store.createUser({
      id: randomUUID(),
      username: body.username,
      usernameKey,
      email: body.email.trim(),
      emailKey,
      name: body.name ?? null,
      roles: invite ? [...invite.roles] : [],
      passwordHash,
      disabled: false,
      emailVerified: false,
      profile: body.profile ?? null,
      createdAt: call.now,
      updatedAt: call.now,
      lastLoginAt: null,
    });
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
    if (error.field === 'email' && rt.features.emailVerification) return ok({ session: null, next: 'verify_email' }, 201);
    throw new ApiError('conflict', undefined, conflictFields(error));
  }
  rt.log('info', 'register', { userId: user.id, address: call.address, invite: invite !== null });
  if (rt.features.emailVerification) {
    call.shared.background(() => call.sendVerification(user));
    return ok({ session: null, next: 'verify_email' }, 201);
  }
  await rt.store.updateUser(user.id, { lastLoginAt: call.now });
  await call.endPresentedSession();
  return ok(await call.startSession(user, false), 201);
};

const verifyEmail: Route = async (call) => {
  const { rt } = call;
  const body = call.body as VerifyEmailRequest;
  await call.assertAddressAllowed();
  const token = await rt.store.consumeOneTimeToken(hashToken(body.token), 'email_verification', call.now);
  const user = token ? await rt.store.getUserById(token.userId) : null;
  if (!user || user.disabled) {
    await call.hitAddress();
    throw new ApiError('invalid_token');
  }
  const updated = (await rt.store.updateUser(user.id, { emailVerified: true, updatedAt: call.now, lastLoginAt: call.now })) ?? user;
  rt.log('info', 'email.verified', { userId: user.id });
  await call.endPresentedSession();
  return ok(await call.startSession(updated, false));
};

// ───────────────────────────── recovery ─────────────────────────────

const forgotPassword: Route = async (call) => {
  const { rt } = call;
  const body = call.body as ForgotPasswordRequest;
  await call.assertAddressAllowed();
  await call.hitAddress();
  // Answer at once; the look-up and the mail happen after the response.
  call.shared.background(async () => {
    const user = await findByIdentifier(call, body.identifier);
    if (!user || user.disabled || !user.email) {
      rt.log('info', 'password.reset_requested', { identifierHash: identifierTag(body.identifier), address: call.address, found: false });
      return;
    }
    const { token, expiresAt } = await call.oneTimeToken(user.id, 'password_reset');
    const minutes = Math.round((expiresAt - call.now) / 60_000);
    rt.log('info', 'password.reset_requested', { userId: user.id, address: call.address, found: true });
    await call.mailUser(user, {
      subject: `Reset your ${rt.appName} password`,
      text: `Hello ${user.name ?? user.username},\n\nsomeone (hopefully you) asked to reset the password of your account "${user.username}".\nOpen this link within ${String(minutes)} minutes to choose a new password:\n\n${call.appLink(rt.links.resetPassword, token)}\n\nThe link works once. If you did not ask for it, ignore this mail; your password stays as it is.\n`,
    });
  });
  return ok({}, 202);
};

const forgotUsername: Route = async (call) => {
  const { rt } = call;
  const body = call.body as ForgotUsernameRequest;
  await call.assertAddressAllowed();
  await call.hitAddress();
  call.shared.background(async () => {
    const user = await rt.store.getUserByEmail(normalizeEmail(body.email));
    rt.log('info', 'username.reminder_requested', user ? { userId: user.id, found: true } : { identifierHash: identifierTag(body.email), found: false });
    if (!user || user.disabled) return;
    await call.mailUser(user, {
      subject: `Your ${rt.appName} username`,
      text: `Hello ${user.name ?? user.username},\n\nthe username of the account with this email address is:\n\n    ${user.username}\n\nSign in: ${call.appLink(rt.links.login)}\n\nIf you did not ask for this, ignore this mail.\n`,
    });
  });
  return ok({}, 202);
};

const resetPassword: Route = async (call) => {
  const { rt } = call;
  const body = call.body as ResetPasswordRequest;
  await call.assertAddressAllowed();
  const weak = rt.policy.check(body.password);
  if (weak) throw new ApiError('weak_password', weak, { password: weak });
  const token = await rt.store.consumeOneTimeToken(hashToken(body.token), 'password_reset', call.now);
  const user = token ? await rt.store.getUserById(token.userId) : null;
  if (!token || !user || user.disabled) {
    await call.hitAddress();
    throw new ApiError('invalid_token');
  }
  const sameAsUsername = rt.policy.check(body.password, user.username);
  if (sameAsUsername) {
    await rt.store.replaceOneTimeToken(token); // the token was not spent on a refused password
    throw new ApiError('weak_password', sameAsUsername, { password: sameAsUsername });
  }
  const passwordHash = await rt.hasher.hash(body.password);
  await rt.store.updateUser(user.id, { passwordHash, emailVerified: true, updatedAt: call.now });
  await rt.store.deleteUserSessions(user.id);
  await call.clearIdentifier(user.usernameKey, user.emailKey);
  rt.log('info', 'password.reset_completed', { userId: user.id, address: call.address });
  return noContent;
};

/**
 * Re-checks the signed-in user's current password, throttled per user (`reauth:<id>`): a wrong one
 * runs `onWrong` and answers 401 `invalid_credentials` with `fields.currentPassword`; a right one clears the counter.
 */
async function checkCurrentPassword(call: Call, user: UserRecord, password: string, onWrong?: () => void): Promise<void> {
  const { rt } = call;
  await call.takeIdentifierAttempt(user.id, 'reauth');
  const valid = user.passwordHash ? await rt.hasher.verify(user.passwordHash, password) : await rt.hasher.dummyVerify(password);
  if (!valid) {
    onWrong?.();
    throw new ApiError('invalid_credentials', 'The current password is incorrect.', { currentPassword: 'The current password is incorrect.' });
  }
  await rt.store.clearCounter(`reauth:${user.id}`);
}

const changePassword: Route = async (call) => {
  const { rt } = call;
  const body = call.body as ChangePasswordRequest;
  const { user, session } = await call.requireAuth();
  await checkCurrentPassword(call, user, body.currentPassword, () =>
    rt.log('warn', 'login.failure', { userId: user.id, address: call.address, reason: 'wrong_current_password' }),
  );
  const weak = rt.policy.check(body.newPassword, user.username);
  if (weak) throw new ApiError('weak_password', weak, { newPassword: weak });
  const passwordHash = await rt.hasher.hash(body.newPassword);
  const updated = (await rt.store.updateUser(user.id, { passwordHash, updatedAt: call.now })) ?? user;
  await rt.store.deleteUserSessions(user.id);
  rt.log('info', 'password.changed', { userId: user.id, address: call.address });
  return ok(await call.startSession(updated, session.remember));
};

const updateProfile: Route = async (call) => {
  const { rt } = call;
  const body = call.body as UpdateProfileRequest;
  const { user } = await call.requireAuth();
  const patch: UserPatch = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.email !== undefined && normalizeEmail(body.email) !== user.emailKey) {
    fieldsOrThrow({ email: emailProblem(body.email) });
    if (body.currentPassword === undefined) {
      throw new ApiError('invalid_credentials', 'Enter your current password to change your email address.', {
        currentPassword: 'Enter your current password to change your email address.',
      });
    }
    await checkCurrentPassword(call, user, body.currentPassword);
    patch.email = body.email.trim();
    patch.emailKey = normalizeEmail(body.email);
    if (rt.features.emailVerification) patch.emailVerified = false;
  }
  if (Object.keys(patch).length === 0) return ok({ user: toUser(user) });
  patch.updatedAt = call.now;
  let updated: UserRecord | null;
  try {
    updated = await rt.store.updateUser(user.id, patch);
  } catch (error) {
    if (error instanceof StoreConflictError) throw new ApiError('conflict', undefined, conflictFields(error));
    throw error;
  }
  if (!updated) throw new ApiError('unauthenticated');
  if (patch.emailVerified === false) {
    const target = updated;
    call.shared.background(() => call.sendVerification(target));
  }
  return ok({ user: toUser(updated) });
};

const verify: Route = async (call) => {
  const { user } = await call.requireAuth();
  const wanted = call.url.searchParams.getAll('role').filter((role) => role.length > 0);
  if (wanted.length > 0 && !wanted.some((role) => user.roles.includes(role))) throw new ApiError('forbidden', 'A required role is missing.');
  // Values are percent-encoded UTF-8 (contract section 10): always valid header values, and a comma
  // inside a role cannot be mistaken for the separator. Plain names (`ada`, `admin`) stay as they are.
  return {
    status: 204,
    headers: {
      [HEADERS.verifyUserId]: encodeURIComponent(user.id),
      [HEADERS.verifyUsername]: encodeURIComponent(user.username),
      [HEADERS.verifyRoles]: user.roles.map(encodeURIComponent).join(','),
    },
  };
};

// ───────────────────────────── admin ─────────────────────────────

function intParam(call: Call, name: string, fallback: number, min: number, max: number): number {
  const raw = call.url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ApiError('invalid_request', `Query parameter "${name}" must be a whole number from ${String(min)} to ${String(max)}.`, {
      [name]: `Must be a whole number from ${String(min)} to ${String(max)}`,
    });
  }
  return Number(raw);
}

async function targetUser(call: Call): Promise<UserRecord> {
  const user = await call.rt.store.getUserById(call.params.id ?? '');
  if (!user) throw new ApiError('not_found', 'No such user.');
  return user;
}

const adminListUsers: Route = async (call) => {
  const query = call.url.searchParams.get('query') ?? '';
  if (query.length > 320) throw new ApiError('invalid_request', 'The search text is too long.', { query: 'Must be at most 320 characters' });
  const offset = intParam(call, 'offset', 0, 0, 1_000_000_000);
  const limit = intParam(call, 'limit', 50, 1, 1000);
  const { users, total } = await call.rt.store.listUsers({ query, offset, limit });
  return ok({ users: users.map(toAdminUser), total });
};

function adminFailure(error: unknown): never {
  if (error instanceof UserAdminError) throw new ApiError(error.code, error.message, error.field ? { [error.field]: error.message } : undefined);
  throw error;
}

const adminCreateUser: Route = async (call) => {
  const body = call.body as AdminCreateUserRequest;
  const admin = await call.requireAuth();
  const created = await call.shared.admin.addUser(body).catch(adminFailure);
  call.rt.log('info', 'admin.user_created', { userId: created.user.id, by: admin.user.id });
  return ok(created, 201);
};

const adminUpdateUser: Route = async (call) => {
  const { rt } = call;
  const body = call.body as AdminUpdateUserRequest;
  const admin = await call.requireAuth();
  const user = await targetUser(call);
  if (user.id === admin.user.id) {
    if (body.disabled === true) throw new ApiError('conflict', 'You cannot disable your own account.', { disabled: 'You cannot disable yourself.' });
    if (body.roles !== undefined && !body.roles.includes('admin')) {
      throw new ApiError('conflict', 'You cannot remove your own admin role.', { roles: 'You cannot remove your own admin role.' });
    }
  }
  const patch: UserPatch = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.email !== undefined) {
    if (body.email !== null) fieldsOrThrow({ email: emailProblem(body.email) });
    patch.email = body.email === null ? null : body.email.trim();
    patch.emailKey = body.email === null ? null : normalizeEmail(body.email);
  }
  if (body.roles !== undefined) {
    const badRoles = rolesProblem(body.roles);
    if (badRoles) throw new ApiError('invalid_request', 'Some roles are not valid.', badRoles);
    patch.roles = [...new Set(body.roles)];
  }
  if (body.disabled !== undefined) patch.disabled = body.disabled;
  patch.updatedAt = call.now;
  let updated: UserRecord | null;
  try {
    updated = await rt.store.updateUser(user.id, patch);
  } catch (error) {
    if (error instanceof StoreConflictError) throw new ApiError('conflict', undefined, conflictFields(error));
    throw error;
  }
  if (!updated) throw new ApiError('not_found', 'No such user.');
  if (body.disabled === true) await rt.store.deleteUserSessions(user.id);
  rt.log('info', 'admin.user_updated', { userId: user.id, by: admin.user.id });
  return ok({ user: toAdminUser(updated) });
};

const adminDeleteUser: Route = async (call) => {
  const admin = await call.requireAuth();
  const user = await targetUser(call);
  if (user.id === admin.user.id) throw new ApiError('conflict', 'You cannot delete your own account here.');
  await call.rt.store.deleteUser(user.id);
  call.rt.log('info', 'admin.user_deleted', { userId: user.id, by: admin.user.id });
  return noContent;
};

const adminResetLink: Route = async (call) => {
  const admin = await call.requireAuth();
  const user = await targetUser(call);
  const link = await call.shared.admin.resetLink(user.id).catch(adminFailure);
  call.rt.log('info', 'admin.reset_link', { userId: user.id, by: admin.user.id });
  return ok(link);
};

const adminListInvites: Route = async (call) => ok({ invites: (await call.rt.store.listInvites()).map(toInvite) });

const adminCreateInvite: Route = async (call) => {
  const { rt } = call;
  const body = call.body as CreateInviteRequest;
  const admin = await call.requireAuth();
  if (body.email) fieldsOrThrow({ email: emailProblem(body.email) });
  const badRoles = rolesProblem(body.roles ?? []);
  if (badRoles) throw new ApiError('invalid_request', 'Some roles are not valid.', badRoles);
  const invite = {
    code: randomToken(16),
    email: body.email ? normalizeEmail(body.email) : null,
    roles: [...new Set(body.roles ?? [])],
    createdAt: call.now,
    expiresAt: call.now + (body.expiresInHours ?? 72) * 3_600_000,
    usedAt: null,
    createdBy: admin.user.id,
  };
  await rt.store.createInvite(invite);
  rt.log('info', 'admin.invite_created', { by: admin.user.id });
  if (invite.email !== null && rt.mailer) {
    // An invite bound to an address is mailed to it (contract: SHOULD), in the background.
    const { mailer } = rt;
    const to = invite.email;
    const link = new URL(call.appLink(rt.links.register));
    link.searchParams.set('invite', invite.code);
    const hours = Math.round((invite.expiresAt - call.now) / 3_600_000);
    call.shared.background(async () => {
      try {
        await mailer.send({
          to,
          subject: `You are invited to ${rt.appName}`,
          text: `Hello,\n\nyou are invited to create an account on ${rt.appName}. Open this link within ${String(hours)} hours:\n\n${link.toString()}\n\nIf you did not expect this mail, ignore it.\n`,
        });
        rt.log('info', 'admin.invite_mailed', { by: admin.user.id });
      } catch (error) {
        rt.log('error', 'mail.failed', { reason: error instanceof Error ? error.name : 'unknown' });
      }
    });
  }
  return ok({ invite: toInvite(invite) }, 201);
};

const adminDeleteInvite: Route = async (call) => {
  const admin = await call.requireAuth();
  if (!(await call.rt.store.deleteInvite(call.params.code ?? ''))) throw new ApiError('not_found', 'No such invite.');
  call.rt.log('info', 'admin.invite_deleted', { by: admin.user.id });
  return noContent;
};

/** The implementation of every contract endpoint, by name (internal). */
export const ROUTES: Record<EndpointName, Route> = {
  config,
  session,
  login,
  logout,
  refresh,
  register,
  verifyEmail,
  forgotPassword,
  resetPassword,
  changePassword,
  forgotUsername,
  updateProfile,
  verify,
  adminListUsers,
  adminCreateUser,
  adminUpdateUser,
  adminDeleteUser,
  adminResetLink,
  adminListInvites,
  adminCreateInvite,
  adminDeleteInvite,
};
