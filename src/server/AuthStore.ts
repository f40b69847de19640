/**
 * A stored user. `usernameKey` / `emailKey` are the normalized (trimmed, NFC, lower-cased) forms
 * that uniqueness and look-ups use; `username` / `email` keep what the user typed.
 * Times are milliseconds since the epoch.
 *
 * @example
 * ```ts
 * const admin = (u: UserRecord) => u.roles.includes('admin') && !u.disabled;
 * ```
 */
export interface UserRecord {
  id: string;
  username: string;
  usernameKey: string;
  email: string | null;
  emailKey: string | null;
  name: string | null;
  roles: string[];
  /** Argon2id PHC string; `null` until the user sets a password through a reset link. */
  passwordHash: string | null;
  disabled: boolean;
  emailVerified: boolean;
  profile: Record<string, string | number | boolean | null> | null;
  createdAt: number;
  updatedAt: number;
  lastLoginAt: number | null;
}

/**
 * The fields of a user that can change after creation.
 *
 * @example
 * ```ts
 * await store.updateUser(id, { disabled: true, updatedAt: Date.now() });
 * ```
 */
export type UserPatch = Partial<Omit<UserRecord, 'id' | 'createdAt'>>;

/**
 * A session. `key` is the SHA-256 of the secret the client holds (the cookie value in cookie
 * mode; in bearer mode a random family id never handed out). Access and refresh tokens hang
 * off it and die with it.
 *
 * @example
 * ```ts
 * const endsAt = (s: SessionRecord) => Math.min(s.lastSeenAt + s.idleTimeoutMs, s.absoluteExpiresAt);
 * ```
 */
export interface SessionRecord {
  key: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  idleTimeoutMs: number;
  absoluteExpiresAt: number;
  remember: boolean;
}

/**
 * A bearer access token (stored as its SHA-256).
 *
 * @example
 * ```ts
 * const live = (t: AccessTokenRecord, now: number) => t.expiresAt > now;
 * ```
 */
export interface AccessTokenRecord {
  tokenHash: string;
  sessionKey: string;
  expiresAt: number;
}

/**
 * A rotating refresh token (stored as its SHA-256). `usedAt` is set when it is exchanged; a
 * second exchange of the same token is reuse and revokes the session (the whole family).
 *
 * @example
 * ```ts
 * const spent = (t: RefreshTokenRecord) => t.usedAt !== null;
 * ```
 */
export interface RefreshTokenRecord {
  tokenHash: string;
  sessionKey: string;
  expiresAt: number;
  usedAt: number | null;
}

/**
 * What a one-time token is for.
 *
 * @example
 * ```ts
 * const purpose: OneTimeTokenPurpose = 'password_reset';
 * ```
 */
export type OneTimeTokenPurpose = 'password_reset' | 'email_verification';

/**
 * A single-use token mailed to a user (stored as its SHA-256).
 *
 * @example
 * ```ts
 * await store.replaceOneTimeToken({ tokenHash, userId, purpose: 'password_reset', createdAt: now, expiresAt: now + 1_800_000 });
 * ```
 */
export interface OneTimeTokenRecord {
  tokenHash: string;
  userId: string;
  purpose: OneTimeTokenPurpose;
  createdAt: number;
  expiresAt: number;
}

/**
 * An invite code for invite-only registration.
 *
 * @example
 * ```ts
 * const open = (i: InviteRecord, now: number) => i.usedAt === null && i.expiresAt > now;
 * ```
 */
export interface InviteRecord {
  code: string;
  /** Normalized email the invite is bound to, or `null` for anyone. */
  email: string | null;
  roles: string[];
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  createdBy: string | null;
}

/**
 * A fixed-window counter (throttling).
 *
 * @example
 * ```ts
 * const retryAfterSeconds = (c: CounterRecord, now: number) => Math.ceil((c.resetAt - now) / 1000);
 * ```
 */
export interface CounterRecord {
  count: number;
  resetAt: number;
}

/**
 * Query of {@link AuthStore.listUsers}: `query` matches username, email or name (case-insensitive
 * substring).
 *
 * @example
 * ```ts
 * await store.listUsers({ query: 'ada', offset: 0, limit: 50 });
 * ```
 */
export interface UserListQuery {
  query?: string;
  offset: number;
  limit: number;
}

/**
 * What {@link AuthStore.redeemRefreshToken} found: `ok` (now marked used), `reused` (it had been
 * exchanged already), or `missing` (unknown or expired).
 *
 * @example
 * ```ts
 * const result = await store.redeemRefreshToken(hashToken(token), Date.now());
 * if (result.status === 'reused') await store.deleteSession(result.token.sessionKey);
 * ```
 */
export type RefreshTokenRedemption =
  | { status: 'ok'; token: RefreshTokenRecord }
  | { status: 'reused'; token: RefreshTokenRecord }
  | { status: 'missing' };

/**
 * Thrown by `createUser` / `updateUser` when a unique field is taken.
 *
 * @example
 * ```ts
 * try { await store.createUser(user); } catch (e) { if (e instanceof StoreConflictError) console.log(e.field); }
 * ```
 */
export class StoreConflictError extends Error {
  readonly field: 'username' | 'email';
  constructor(field: 'username' | 'email') {
    super(`${field} is already taken`);
    this.name = 'StoreConflictError';
    this.field = field;
  }
}

/**
 * Everything the reference server keeps, behind one small asynchronous interface: users,
 * sessions, access and refresh tokens, one-time tokens, invites, throttle counters and the
 * server's own secrets. Each method is one atomic step, so a SQL store implements it with one
 * statement or one transaction. Implementations: `createSqliteStore`, `createMemoryStore`.
 * Deleting a user deletes their sessions, tokens and one-time tokens; deleting a session deletes
 * its access and refresh tokens.
 *
 * @example
 * ```ts
 * const store: AuthStore = createMemoryStore();
 * const user = await store.getUserByUsername('ada');
 * ```
 */
export interface AuthStore {
  createUser(user: UserRecord): Promise<UserRecord>;
  getUserById(id: string): Promise<UserRecord | null>;
  /** By normalized username (`usernameKey`). */
  getUserByUsername(usernameKey: string): Promise<UserRecord | null>;
  /** By normalized email (`emailKey`). */
  getUserByEmail(emailKey: string): Promise<UserRecord | null>;
  /** Applies the patch; `null` when there is no such user. */
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | null>;
  deleteUser(id: string): Promise<boolean>;
  /** Ordered by creation time, oldest first. */
  listUsers(query: UserListQuery): Promise<{ users: UserRecord[]; total: number }>;
  countUsers(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(key: string): Promise<SessionRecord | null>;
  touchSession(key: string, lastSeenAt: number): Promise<void>;
  deleteSession(key: string): Promise<void>;
  /** Deletes every session of the user except `exceptKey`; answers how many went. */
  deleteUserSessions(userId: string, exceptKey?: string): Promise<number>;

  createAccessToken(token: AccessTokenRecord): Promise<void>;
  getAccessToken(tokenHash: string): Promise<AccessTokenRecord | null>;
  createRefreshToken(token: RefreshTokenRecord): Promise<void>;
  /** Atomically marks a live refresh token used. */
  redeemRefreshToken(tokenHash: string, now: number): Promise<RefreshTokenRedemption>;

  /** Deletes the user's other tokens of the same purpose, then stores this one. */
  replaceOneTimeToken(token: OneTimeTokenRecord): Promise<void>;
  /** Atomically deletes the token and answers it when it existed, had this purpose and was live. */
  consumeOneTimeToken(tokenHash: string, purpose: OneTimeTokenPurpose, now: number): Promise<OneTimeTokenRecord | null>;
  deleteOneTimeTokens(userId: string, purpose: OneTimeTokenPurpose): Promise<void>;

  createInvite(invite: InviteRecord): Promise<void>;
  getInvite(code: string): Promise<InviteRecord | null>;
  listInvites(): Promise<InviteRecord[]>;
  deleteInvite(code: string): Promise<boolean>;
  /** Atomically marks an unused, live invite used; `false` when it was not. */
  redeemInvite(code: string, now: number): Promise<boolean>;

  /** Adds one to the counter (a new window starts when the old one ended) and answers it. */
  hitCounter(key: string, windowMs: number, now: number): Promise<CounterRecord>;
  /** The live counter, or `null`. */
  getCounter(key: string, now: number): Promise<CounterRecord | null>;
  clearCounter(key: string): Promise<void>;

  /** A named server secret, created with `create()` on first use and kept from then on. */
  getSecret(name: string, create: () => string): Promise<string>;
  /** Deletes expired sessions, tokens, counters. */
  purgeExpired(now: number): Promise<void>;
  close(): Promise<void>;
}
