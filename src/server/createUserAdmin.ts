import { randomUUID } from 'node:crypto';
import type { AdminUser, AdminUserList } from '../contract/index.js';
import type { AuthStore, UserPatch, UserRecord } from './AuthStore.js';
import { StoreConflictError } from './AuthStore.js';
import { createPasswordHasher } from './createPasswordHasher.js';
import type { HashingOptions, PasswordHasher } from './createPasswordHasher.js';
import { hashToken, randomToken } from './crypto.js';
import { createPasswordPolicy } from './passwordPolicy.js';
import type { PasswordPolicy, PasswordPolicyOptions } from './passwordPolicy.js';
import { emailProblem, normalizeEmail, normalizeIdentifier, rolesProblem, toAdminUser, usernameProblem } from './runtime.js';

/**
 * Why a {@link UserAdmin} operation was refused: `not_found`, `conflict` (taken username or email,
 * or a user would lose the last admin role), `invalid_request` (a bad username, email or role), or
 * `weak_password`. `field` names the input at fault, when there is one.
 *
 * @example
 * ```ts
 * try { await admin.addUser({ username: 'ada' }); } catch (e) { if (e instanceof UserAdminError) console.error(e.message); }
 * ```
 */
export class UserAdminError extends Error {
  readonly code: 'not_found' | 'conflict' | 'invalid_request' | 'weak_password';
  readonly field: string | undefined;
  constructor(code: UserAdminError['code'], message: string, field?: string) {
    super(message);
    this.name = 'UserAdminError';
    this.code = code;
    this.field = field;
  }
}

/**
 * Options of {@link createUserAdmin}.
 *
 * @example
 * ```ts
 * const options: UserAdminOptions = { store, appUrl: 'https://app.example.com' };
 * ```
 */
export interface UserAdminOptions {
  store: AuthStore;
  /** Reset links are built from it (as in `createAuthHandler`). */
  appUrl: string;
  /** The app path of the reset page. Default `/reset-password`. */
  resetPasswordPath?: string;
  password?: PasswordPolicyOptions | PasswordPolicy;
  hashing?: HashingOptions;
  passwordHasher?: PasswordHasher;
  clock?: { now(): number };
  /** Reset link lifetime in ms. Default and maximum 30 min. */
  oneTimeTokenTtlMs?: number;
}

/**
 * User administration on a store, outside HTTP: what `latchkey users ...` and the admin
 * endpoints do. Users are found by id, username or email (`ref`).
 *
 * @example
 * ```ts
 * const admin = createUserAdmin({ store, appUrl: 'http://localhost:5173' });
 * const { user, resetUrl } = await admin.addUser({ username: 'root', roles: ['admin'] });
 * ```
 */
export interface UserAdmin {
  /** Creates a user; without `password` the answer carries a one-time `resetUrl` to set one. */
  addUser(input: { username: string; email?: string | null; name?: string | null; roles?: string[]; password?: string }): Promise<{ user: AdminUser; resetUrl?: string }>;
  listUsers(query?: { query?: string; offset?: number; limit?: number }): Promise<AdminUserList>;
  /** The user with this id, username or email, or `null`. */
  findUser(ref: string): Promise<AdminUser | null>;
  setRoles(ref: string, roles: string[]): Promise<AdminUser>;
  /** Disabling also ends all of the user's sessions. */
  setDisabled(ref: string, disabled: boolean): Promise<AdminUser>;
  /** Sets a password (policy checked) and ends all of the user's sessions. */
  setPassword(ref: string, password: string): Promise<void>;
  deleteUser(ref: string): Promise<void>;
  /** A one-time password reset link (cancels older ones). */
  resetLink(ref: string): Promise<{ url: string; expiresAt: string }>;
}

/** The parts a user admin needs; shared with the handler (internal). */
export interface UserAdminParts {
  store: AuthStore;
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  now(): number;
  oneTimeTtlMs: number;
  resetLink(token: string): string;
}

/** Builds a {@link UserAdmin} from resolved parts (internal; the handler shares its own). */
export function userAdminFrom(parts: UserAdminParts): UserAdmin {
  const { store, hasher, policy } = parts;

  const load = async (ref: string): Promise<UserRecord> => {
    const key = normalizeIdentifier(ref);
    const user = (await store.getUserById(ref)) ?? (key.includes('@') ? await store.getUserByEmail(key) : await store.getUserByUsername(key));
    if (!user) throw new UserAdminError('not_found', `No user "${ref}".`);
    return user;
  };
  const checkRoles = (roles: readonly string[]) => {
    const bad = rolesProblem(roles);
    if (bad) {
      const [field, message] = Object.entries(bad)[0] as [string, string];
      throw new UserAdminError('invalid_request', `Role "${String(roles[Number(field.split('.')[1])])}" is not valid: ${message}.`, field);
    }
  };
  const update = async (user: UserRecord, patch: UserPatch): Promise<UserRecord> => {
    try {
      const updated = await store.updateUser(user.id, { ...patch, updatedAt: parts.now() });
      if (!updated) throw new UserAdminError('not_found', `No user "${user.username}".`);
      return updated;
    } catch (error) {
      if (error instanceof StoreConflictError) throw new UserAdminError('conflict', error.field === 'email' ? 'This email address is already in use.' : 'This username is taken.', error.field);
      throw error;
    }
  };
  const link = async (user: UserRecord) => {
    const token = randomToken();
    const now = parts.now();
    const expiresAt = now + parts.oneTimeTtlMs;
    await store.replaceOneTimeToken({ tokenHash: hashToken(token), userId: user.id, purpose: 'password_reset', createdAt: now, expiresAt });
    return { url: parts.resetLink(token), expiresAt: new Date(expiresAt).toISOString() };
  };

  return {
    async addUser(input) {
      const usernameIssue = usernameProblem(input.username);
      if (usernameIssue) throw new UserAdminError('invalid_request', `Username: ${usernameIssue}.`, 'username');
      if (input.email) {
        const emailIssue = emailProblem(input.email);
        if (emailIssue) throw new UserAdminError('invalid_request', `Email: ${emailIssue}.`, 'email');
      }
      checkRoles(input.roles ?? []);
      if (input.password !== undefined) {
        const weak = policy.check(input.password, input.username);
        if (weak) throw new UserAdminError('weak_password', weak, 'password');
      }
      const now = parts.now();
      let user: UserRecord;
      try {
        user = await store.createUser({
          id: randomUUID(),
          username: input.username,
          usernameKey: normalizeIdentifier(input.username),
          email: input.email ? input.email.trim() : null,
          emailKey: input.email ? normalizeEmail(input.email) : null,
          name: input.name ?? null,
          roles: [...new Set(input.roles ?? [])],
          passwordHash: input.password === undefined ? null : await hasher.hash(input.password),
          disabled: false,
          emailVerified: true,
          profile: null,
          createdAt: now,
          updatedAt: now,
          lastLoginAt: null,
        });
      } catch (error) {
        if (error instanceof StoreConflictError) throw new UserAdminError('conflict', error.field === 'email' ? 'This email address is already in use.' : 'This username is taken.', error.field);
        throw error;
      }
      if (input.password !== undefined) return { user: toAdminUser(user) };
      return { user: toAdminUser(user), resetUrl: (await link(user)).url };
    },
    async listUsers(query = {}) {
      const { users, total } = await store.listUsers({ ...(query.query ? { query: query.query } : {}), offset: query.offset ?? 0, limit: query.limit ?? 50 });
      return { users: users.map(toAdminUser), total };
    },
    async findUser(ref) {
      try {
        return toAdminUser(await load(ref));
      } catch (error) {
        if (error instanceof UserAdminError) return null;
        throw error;
      }
    },
    async setRoles(ref, roles) {
      checkRoles(roles);
      return toAdminUser(await update(await load(ref), { roles: [...new Set(roles)] }));
    },
    async setDisabled(ref, disabled) {
      const user = await update(await load(ref), { disabled });
      if (disabled) await store.deleteUserSessions(user.id);
      return toAdminUser(user);
    },
    async setPassword(ref, password) {
      const user = await load(ref);
      const weak = policy.check(password, user.username);
      if (weak) throw new UserAdminError('weak_password', weak, 'password');
      await update(user, { passwordHash: await hasher.hash(password) });
      await store.deleteUserSessions(user.id);
    },
    async deleteUser(ref) {
      await store.deleteUser((await load(ref)).id);
    },
    async resetLink(ref) {
      return link(await load(ref));
    },
  };
}

/**
 * Creates a {@link UserAdmin} on a store: the building block of the `latchkey users` commands
 * (creating the first admin, setting roles, disabling, deleting, handing out reset links).
 *
 * @example
 * ```ts
 * const admin = createUserAdmin({ store: createSqliteStore({ filename: 'latchkey.db' }), appUrl: 'http://localhost:8787' });
 * await admin.addUser({ username: 'root', email: 'root@example.com', roles: ['admin'], password: 'a long root passphrase' });
 * await admin.setRoles('root@example.com', ['admin', 'editor']);
 * ```
 */
export function createUserAdmin(options: UserAdminOptions): UserAdmin {
  if (!options?.store) throw new TypeError('createUserAdmin: options.store is required');
  let appUrl: URL;
  try {
    appUrl = new URL(options.appUrl);
  } catch {
    throw new TypeError(`createUserAdmin: options.appUrl must be an absolute URL, got ${JSON.stringify(options.appUrl)}`);
  }
  const ttl = options.oneTimeTokenTtlMs ?? 30 * 60_000;
  if (!(ttl > 0 && ttl <= 30 * 60_000)) throw new RangeError('createUserAdmin: oneTimeTokenTtlMs must be positive and at most 30 minutes');
  const path = options.resetPasswordPath ?? '/reset-password';
  const policy = options.password && 'check' in options.password ? options.password : createPasswordPolicy(options.password);
  const clock = options.clock ?? { now: () => Date.now() };
  return userAdminFrom({
    store: options.store,
    hasher: options.passwordHasher ?? createPasswordHasher(options.hashing),
    policy,
    now: () => clock.now(),
    oneTimeTtlMs: ttl,
    resetLink: (token) => appLinkFrom(appUrl, path, token),
  });
}

/** A link into the app: `appUrl`'s origin and path prefix, then `path`, then `?token=`. */
export function appLinkFrom(appUrl: URL, path: string, token?: string): string {
  const base = appUrl.pathname.replace(/\/+$/, '');
  const url = new URL(`${base}${path}`, appUrl.origin);
  if (token !== undefined) url.searchParams.set('token', token);
  return url.toString();
}
