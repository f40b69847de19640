import { randomToken } from './tokens.js';
import { normalizeIdentifier } from './Throttle.js';

/**
 * A seed user for the mock backend: a plain object with a clear-text password (the mock compares
 * passwords itself; nothing here is ever hashed or sent anywhere).
 *
 * @example
 * ```ts
 * const ada: MockUserSeed = { username: 'ada', email: 'ada@example.com', name: 'Ada', password: 'correct horse battery', roles: ['admin'] };
 * ```
 */
export interface MockUserSeed {
  username: string;
  email?: string | null;
  name?: string | null;
  /** Clear text; `null` = no password yet (the user needs a reset link). */
  password: string | null;
  roles?: readonly string[];
  disabled?: boolean;
  /** Only matters with `features.emailVerification`; seed users default to verified. */
  emailVerified?: boolean;
  /** Fixed id (default: `u1`, `u2`, ... in order of creation). */
  id?: string;
}

/**
 * A user as the mock stores it (a copy; changing it changes nothing).
 *
 * @example
 * ```ts
 * const admins = store.users().filter((u: MockUserRecord) => u.roles.includes('admin'));
 * ```
 */
export interface MockUserRecord {
  id: string;
  username: string;
  email: string | null;
  name: string | null;
  password: string | null;
  roles: string[];
  disabled: boolean;
  emailVerified: boolean;
  profile: Record<string, string | number | boolean | null> | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/**
 * A session as the mock stores it. `expiresAt` = min(idle deadline, absolute deadline).
 *
 * @example
 * ```ts
 * store.sessions('u1').map((s: MockSessionRecord) => s.expiresAt);
 * ```
 */
export interface MockSessionRecord {
  id: string;
  userId: string;
  remember: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  expiresAt: Date;
}

/**
 * An invite code as the mock stores it.
 *
 * @example
 * ```ts
 * store.invites().filter((i: MockInviteRecord) => i.usedAt === null);
 * ```
 */
export interface MockInviteRecord {
  code: string;
  email: string | null;
  roles: string[];
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Session and token lifetimes of the mock backend, in milliseconds.
 *
 * @example
 * ```ts
 * const short: Partial<MockLifetimes> = { idleMs: 60_000 };
 * ```
 */
export interface MockLifetimes {
  /** Idle timeout of a session (default 30 min). */
  idleMs: number;
  /** Absolute lifetime of a session (default 12 h). */
  absoluteMs: number;
  /** Idle timeout with "stay signed in" (default 7 days). */
  rememberIdleMs: number;
  /** Absolute lifetime with "stay signed in" (default 30 days). */
  rememberAbsoluteMs: number;
  /** Bearer access token lifetime (default 15 min). */
  accessTokenMs: number;
  /** Password reset token lifetime (default 30 min). */
  resetTokenMs: number;
  /** Email verification token lifetime (default 30 min, like the reference server). */
  verifyTokenMs: number;
  /** Default invite lifetime (default 72 h). */
  inviteMs: number;
}

/**
 * The mock's default lifetimes.
 *
 * @example
 * ```ts
 * DEFAULT_MOCK_LIFETIMES.accessTokenMs; // 900000
 * ```
 */
export const DEFAULT_MOCK_LIFETIMES: MockLifetimes = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  rememberIdleMs: 7 * 86_400_000,
  rememberAbsoluteMs: 30 * 86_400_000,
  accessTokenMs: 15 * 60_000,
  resetTokenMs: 30 * 60_000,
  verifyTokenMs: 30 * 60_000,
  inviteMs: 72 * 3_600_000,
};

interface UserRow {
  id: string;
  username: string;
  email: string | null;
  name: string | null;
  password: string | null;
  roles: string[];
  disabled: boolean;
  emailVerified: boolean;
  profile: Record<string, string | number | boolean | null> | null;
  createdAt: number;
  lastLoginAt: number | null;
}

interface SessionRow {
  id: string;
  userId: string;
  remember: boolean;
  createdAt: number;
  lastSeenAt: number;
  absoluteDeadline: number;
}

interface OneTimeToken {
  userId: string;
  expiresAt: number;
  usedAt: number | null;
}

interface InviteRow {
  code: string;
  email: string | null;
  roles: string[];
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Tells why a username is not accepted by the mock (letters, digits, `.`, `_`, `-`; 1 to 64
 * characters), or `null` when it is.
 *
 * @example
 * ```ts
 * usernameProblem('ada lovelace'); // 'Use 1 to 64 letters, digits, dots, dashes or underscores.'
 * ```
 */
export function usernameProblem(username: string): string | null {
  return USERNAME.test(username) ? null : 'Use 1 to 64 letters, digits, dots, dashes or underscores.';
}

/**
 * Tells why an email address is not accepted (one `@` with text on both sides, no spaces), or `null`.
 *
 * @example
 * ```ts
 * emailProblem('ada@example.com'); // null
 * ```
 */
export function emailProblem(email: string): string | null {
  return /^[^\s@]+@[^\s@]+$/.test(email) ? null : 'Enter a valid email address.';
}

/**
 * The mock backend's in-memory state: users, sessions, bearer tokens, one-time tokens, invites
 * and CSRF bindings, all timed by the backend's injectable clock. Tests read and change it with
 * the typed helpers; every reader returns copies.
 *
 * @example
 * ```ts
 * const { store } = createMockBackend({ users: [{ username: 'ada', password: 'correct horse battery' }] });
 * store.addUser({ username: 'bob', password: 'another long passphrase' });
 * store.users().map((u) => u.username); // ['ada', 'bob']
 * ```
 */
export class MockStore {
  readonly lifetimes: MockLifetimes;
  readonly #now: () => number;
  readonly #seeds: readonly MockUserSeed[];
  #nextId = 1;
  readonly #users = new Map<string, UserRow>();
  readonly #sessions = new Map<string, SessionRow>();
  readonly #access = new Map<string, { sessionId: string; expiresAt: number }>();
  readonly #refresh = new Map<string, { sessionId: string; usedAt: number | null }>();
  readonly #resetTokens = new Map<string, OneTimeToken>();
  readonly #verifyTokens = new Map<string, OneTimeToken>();
  readonly #invites = new Map<string, InviteRow>();
  readonly #anonCsrf = new Map<string, string>();

  constructor(options: { now: () => number; users?: readonly MockUserSeed[]; lifetimes?: Partial<MockLifetimes> }) {
    this.#now = options.now;
    this.lifetimes = { ...DEFAULT_MOCK_LIFETIMES, ...options.lifetimes };
    for (const [key, value] of Object.entries(this.lifetimes)) {
      if (!(typeof value === 'number' && value > 0)) throw new TypeError(`createMockBackend: lifetimes.${key} must be a positive number of milliseconds`);
    }
    this.#seeds = options.users ?? [];
    this.reset();
  }

  /**
   * Forgets everything and loads the seed users again.
   *
   * @example
   * ```ts
   * store.reset();
   * ```
   */
  reset(): void {
    this.#nextId = 1;
    for (const map of [this.#users, this.#sessions, this.#access, this.#refresh, this.#resetTokens, this.#verifyTokens, this.#invites, this.#anonCsrf]) {
      map.clear();
    }
    this.#seeds.forEach((seed, index) => {
      try {
        this.addUser(seed);
      } catch (error) {
        throw new TypeError(`createMockBackend: users[${index}]: ${(error as Error).message}`, { cause: error });
      }
    });
  }

  // ───────────────────────── users ─────────────────────────

  /**
   * Every user, in order of creation.
   *
   * @example
   * ```ts
   * store.users().length;
   * ```
   */
  users(): MockUserRecord[] {
    return [...this.#users.values()].map(userRecord);
  }

  /**
   * One user by id, username or email (case-insensitive), or `undefined`.
   *
   * @example
   * ```ts
   * store.user('ADA')?.id;
   * ```
   */
  user(ref: string): MockUserRecord | undefined {
    const row = this.#users.get(ref) ?? this.#findRow(ref);
    return row ? userRecord(row) : undefined;
  }

  /**
   * Adds a user (throws a `TypeError` on a bad or duplicate username or email).
   *
   * @example
   * ```ts
   * store.addUser({ username: 'bob', email: 'bob@example.com', password: 'another long passphrase', roles: ['editor'] });
   * ```
   */
  addUser(seed: MockUserSeed & { profile?: Record<string, string | number | boolean | null> | null }): MockUserRecord {
    if (typeof seed !== 'object' || seed === null) throw new TypeError('a user must be an object');
    if (typeof seed.username !== 'string') throw new TypeError('username must be a string');
    const problem = usernameProblem(seed.username);
    if (problem) throw new TypeError(`username "${seed.username}": ${problem}`);
    if (seed.password !== null && typeof seed.password !== 'string') throw new TypeError(`user "${seed.username}": password must be a string or null`);
    const email = seed.email ?? null;
    if (email !== null && emailProblem(email)) throw new TypeError(`user "${seed.username}": email "${email}" is not an email address`);
    if (this.#findRow(seed.username)) throw new TypeError(`username "${seed.username}" is taken`);
    if (email !== null && this.findByEmail(email)) throw new TypeError(`email "${email}" is taken`);
    const id = seed.id ?? this.#freshId();
    if (this.#users.has(id)) throw new TypeError(`id "${id}" is taken`);
    const row: UserRow = {
      id,
      username: seed.username,
      email,
      name: seed.name ?? null,
      password: seed.password,
      roles: [...(seed.roles ?? [])],
      disabled: seed.disabled ?? false,
      emailVerified: seed.emailVerified ?? true,
      profile: seed.profile ?? null,
      createdAt: this.#now(),
      lastLoginAt: null,
    };
    this.#users.set(id, row);
    return userRecord(row);
  }

  /**
   * Changes a user's stored fields (no validation: tests may set any state).
   *
   * @example
   * ```ts
   * store.updateUser('u1', { disabled: true });
   * ```
   */
  updateUser(id: string, patch: Partial<Omit<MockUserRecord, 'id' | 'createdAt' | 'lastLoginAt'>> & { lastLoginAt?: Date | null }): MockUserRecord {
    const row = this.#users.get(id);
    if (!row) throw new TypeError(`store.updateUser: no user with id "${id}"`);
    const { lastLoginAt, ...rest } = patch;
    Object.assign(row, rest);
    if (patch.roles) row.roles = [...patch.roles];
    if (lastLoginAt !== undefined) row.lastLoginAt = lastLoginAt === null ? null : lastLoginAt.getTime();
    return userRecord(row);
  }

  /**
   * Deletes a user with their sessions, tokens and pending links. Returns whether it existed.
   *
   * @example
   * ```ts
   * store.deleteUser('u2');
   * ```
   */
  deleteUser(id: string): boolean {
    if (!this.#users.has(id)) return false;
    this.revokeSessions(id);
    for (const tokens of [this.#resetTokens, this.#verifyTokens]) {
      for (const [token, row] of tokens) if (row.userId === id) tokens.delete(token);
    }
    return this.#users.delete(id);
  }

  /**
   * The user a sign-in identifier (username or email, any case, surrounding spaces ignored) names.
   *
   * @example
   * ```ts
   * store.findByIdentifier(' ADA@example.com')?.username; // 'ada'
   * ```
   */
  findByIdentifier(identifier: string): MockUserRecord | undefined {
    const row = this.#findRow(identifier);
    return row ? userRecord(row) : undefined;
  }

  /**
   * The user with this email address (case-insensitive).
   *
   * @example
   * ```ts
   * store.findByEmail('ada@example.com');
   * ```
   */
  findByEmail(email: string): MockUserRecord | undefined {
    const key = normalizeIdentifier(email);
    for (const row of this.#users.values()) if (row.email !== null && row.email.toLowerCase() === key) return userRecord(row);
    return undefined;
  }

  #findRow(identifier: string): UserRow | undefined {
    const key = normalizeIdentifier(identifier);
    for (const row of this.#users.values()) if (row.username.toLowerCase() === key) return row;
    for (const row of this.#users.values()) if (row.email !== null && row.email.toLowerCase() === key) return row;
    return undefined;
  }

  // ───────────────────────── sessions ─────────────────────────

  /**
   * Live sessions (expired ones are dropped), optionally of one user.
   *
   * @example
   * ```ts
   * store.sessions('u1').length;
   * ```
   */
  sessions(userId?: string): MockSessionRecord[] {
    const now = this.#now();
    const list: MockSessionRecord[] = [];
    for (const row of this.#sessions.values()) {
      if (userId !== undefined && row.userId !== userId) continue;
      if (this.#deadline(row) <= now) continue;
      list.push(this.#sessionRecord(row));
    }
    return list;
  }

  /**
   * Starts a session for a user.
   *
   * @example
   * ```ts
   * const session = store.createSession('u1', { remember: true });
   * ```
   */
  createSession(userId: string, options: { remember?: boolean } = {}): MockSessionRecord {
    if (!this.#users.has(userId)) throw new TypeError(`store.createSession: no user with id "${userId}"`);
    const now = this.#now();
    const remember = options.remember ?? false;
    const row: SessionRow = {
      id: randomToken(),
      userId,
      remember,
      createdAt: now,
      lastSeenAt: now,
      absoluteDeadline: now + (remember ? this.lifetimes.rememberAbsoluteMs : this.lifetimes.absoluteMs),
    };
    this.#sessions.set(row.id, row);
    return this.#sessionRecord(row);
  }

  /**
   * A live session by id (`undefined` when unknown, ended or expired; an expired one is deleted).
   *
   * @example
   * ```ts
   * store.session(sessionId)?.userId;
   * ```
   */
  session(id: string): MockSessionRecord | undefined {
    const row = this.#sessions.get(id);
    if (!row) return undefined;
    if (this.#deadline(row) <= this.#now() || !this.#users.has(row.userId)) {
      this.endSession(id);
      return undefined;
    }
    return this.#sessionRecord(row);
  }

  /**
   * Counts activity on a session: slides its idle deadline.
   *
   * @example
   * ```ts
   * store.touchSession(sessionId);
   * ```
   */
  touchSession(id: string): MockSessionRecord | undefined {
    const row = this.#sessions.get(id);
    if (!row) return undefined;
    row.lastSeenAt = this.#now();
    return this.#sessionRecord(row);
  }

  /**
   * Ends one session and every bearer token issued for it. Returns the ended session.
   *
   * @example
   * ```ts
   * store.endSession(sessionId);
   * ```
   */
  endSession(id: string): MockSessionRecord | undefined {
    const row = this.#sessions.get(id);
    if (!row) return undefined;
    this.#sessions.delete(id);
    for (const [token, access] of this.#access) if (access.sessionId === id) this.#access.delete(token);
    for (const [token, refresh] of this.#refresh) if (refresh.sessionId === id) this.#refresh.delete(token);
    return this.#sessionRecord(row);
  }

  /**
   * Ends every session of a user, except `exceptId`. Returns how many ended.
   *
   * @example
   * ```ts
   * store.revokeSessions('u1');
   * ```
   */
  revokeSessions(userId: string, exceptId?: string): number {
    let count = 0;
    for (const row of [...this.#sessions.values()]) {
      if (row.userId === userId && row.id !== exceptId) {
        this.endSession(row.id);
        count += 1;
      }
    }
    return count;
  }

  // ───────────────────────── bearer tokens ─────────────────────────

  /**
   * Issues an access token and a refresh token for a session (bearer transport).
   *
   * @example
   * ```ts
   * const { accessToken, refreshToken } = store.issueTokens(sessionId);
   * ```
   */
  issueTokens(sessionId: string): { accessToken: string; refreshToken: string; expiresAt: Date } {
    const row = this.#sessions.get(sessionId);
    if (!row) throw new TypeError(`store.issueTokens: no session "${sessionId}"`);
    const now = this.#now();
    const accessToken = randomToken();
    const refreshToken = randomToken();
    const expiresAt = Math.min(now + this.lifetimes.accessTokenMs, this.#deadline(row));
    this.#access.set(accessToken, { sessionId, expiresAt });
    this.#refresh.set(refreshToken, { sessionId, usedAt: null });
    return { accessToken, refreshToken, expiresAt: new Date(expiresAt) };
  }

  /**
   * The live session an access token belongs to, or `undefined` (unknown, expired or revoked).
   *
   * @example
   * ```ts
   * store.sessionForAccessToken(token);
   * ```
   */
  sessionForAccessToken(token: string): MockSessionRecord | undefined {
    const access = this.#access.get(token);
    if (!access) return undefined;
    if (access.expiresAt <= this.#now()) {
      this.#access.delete(token);
      return undefined;
    }
    return this.session(access.sessionId);
  }

  /**
   * Uses a refresh token: `{ status: 'ok', session }` once, and it is marked used;
   * `'reused'` when it was used before (the caller revokes the session); `'invalid'` otherwise.
   *
   * @example
   * ```ts
   * const result = store.useRefreshToken(token);
   * ```
   */
  useRefreshToken(token: string): { status: 'ok'; session: MockSessionRecord } | { status: 'reused'; sessionId: string } | { status: 'invalid' } {
    const refresh = this.#refresh.get(token);
    if (!refresh) return { status: 'invalid' };
    if (refresh.usedAt !== null) return { status: 'reused', sessionId: refresh.sessionId };
    const session = this.session(refresh.sessionId);
    if (!session) return { status: 'invalid' };
    refresh.usedAt = this.#now();
    return { status: 'ok', session };
  }

  // ───────────────────────── one-time tokens ─────────────────────────

  /**
   * Issues a password reset token for a user; older reset tokens of that user stop working.
   *
   * @example
   * ```ts
   * const { token, expiresAt } = store.issueResetToken('u1');
   * ```
   */
  issueResetToken(userId: string): { token: string; expiresAt: Date } {
    for (const [token, row] of this.#resetTokens) if (row.userId === userId) this.#resetTokens.delete(token);
    return this.#issueOneTime(this.#resetTokens, userId, this.lifetimes.resetTokenMs);
  }

  /**
   * The user id a reset token is for, if it is unused and unexpired (does not consume it).
   *
   * @example
   * ```ts
   * store.checkResetToken(token); // 'u1' | undefined
   * ```
   */
  checkResetToken(token: string): string | undefined {
    return this.#checkOneTime(this.#resetTokens, token);
  }

  /**
   * Marks a reset token used.
   *
   * @example
   * ```ts
   * store.consumeResetToken(token);
   * ```
   */
  consumeResetToken(token: string): void {
    const row = this.#resetTokens.get(token);
    if (row) row.usedAt = this.#now();
  }

  /**
   * Issues an email verification token for a user.
   *
   * @example
   * ```ts
   * const { token } = store.issueVerifyToken('u3');
   * ```
   */
  issueVerifyToken(userId: string): { token: string; expiresAt: Date } {
    return this.#issueOneTime(this.#verifyTokens, userId, this.lifetimes.verifyTokenMs);
  }

  /**
   * Uses an email verification token: the user id once, `undefined` when bad, expired or used.
   *
   * @example
   * ```ts
   * store.consumeVerifyToken(token);
   * ```
   */
  consumeVerifyToken(token: string): string | undefined {
    const userId = this.#checkOneTime(this.#verifyTokens, token);
    const row = this.#verifyTokens.get(token);
    if (userId && row) row.usedAt = this.#now();
    return userId;
  }

  // ───────────────────────── invites ─────────────────────────

  /**
   * Every invite, oldest first.
   *
   * @example
   * ```ts
   * store.invites().map((i) => i.code);
   * ```
   */
  invites(): MockInviteRecord[] {
    return [...this.#invites.values()].map(inviteRecord);
  }

  /**
   * Creates an invite (random code unless given).
   *
   * @example
   * ```ts
   * const { code } = store.addInvite({ email: 'new@example.com', roles: ['editor'] });
   * ```
   */
  addInvite(input: { code?: string; email?: string | null; roles?: readonly string[]; expiresInMs?: number } = {}): MockInviteRecord {
    const now = this.#now();
    const code = input.code ?? randomToken(12);
    if (this.#invites.has(code)) throw new TypeError(`store.addInvite: code "${code}" exists`);
    const row: InviteRow = {
      code,
      email: input.email ?? null,
      roles: [...(input.roles ?? [])],
      createdAt: now,
      expiresAt: now + (input.expiresInMs ?? this.lifetimes.inviteMs),
      usedAt: null,
    };
    this.#invites.set(code, row);
    return inviteRecord(row);
  }

  /**
   * An invite that can still be used (unused, unexpired), or `undefined`.
   *
   * @example
   * ```ts
   * store.usableInvite(code);
   * ```
   */
  usableInvite(code: string): MockInviteRecord | undefined {
    const row = this.#invites.get(code);
    if (!row || row.usedAt !== null || row.expiresAt <= this.#now()) return undefined;
    return inviteRecord(row);
  }

  /**
   * Marks an invite used.
   *
   * @example
   * ```ts
   * store.useInvite(code);
   * ```
   */
  useInvite(code: string): void {
    const row = this.#invites.get(code);
    if (row) row.usedAt = this.#now();
  }

  /**
   * Deletes an invite. Returns whether it existed.
   *
   * @example
   * ```ts
   * store.deleteInvite(code);
   * ```
   */
  deleteInvite(code: string): boolean {
    return this.#invites.delete(code);
  }

  // ───────────────────────── CSRF (cookie transport) ─────────────────────────

  /**
   * The CSRF token bound to an `lk_csrf` cookie value (for requests without a session).
   *
   * @example
   * ```ts
   * store.anonymousCsrf(cookieValue);
   * ```
   */
  anonymousCsrf(cookieValue: string): string | undefined {
    return this.#anonCsrf.get(cookieValue);
  }

  /**
   * Binds a CSRF token to an `lk_csrf` cookie value.
   *
   * @example
   * ```ts
   * store.bindAnonymousCsrf(cookieValue, token);
   * ```
   */
  bindAnonymousCsrf(cookieValue: string, token: string): void {
    this.#anonCsrf.set(cookieValue, token);
  }

  // ───────────────────────── internals ─────────────────────────

  #freshId(): string {
    let id = `u${this.#nextId++}`;
    while (this.#users.has(id)) id = `u${this.#nextId++}`;
    return id;
  }

  #deadline(row: SessionRow): number {
    const idle = row.lastSeenAt + (row.remember ? this.lifetimes.rememberIdleMs : this.lifetimes.idleMs);
    return Math.min(idle, row.absoluteDeadline);
  }

  #sessionRecord(row: SessionRow): MockSessionRecord {
    const idle = row.lastSeenAt + (row.remember ? this.lifetimes.rememberIdleMs : this.lifetimes.idleMs);
    return {
      id: row.id,
      userId: row.userId,
      remember: row.remember,
      createdAt: new Date(row.createdAt),
      lastSeenAt: new Date(row.lastSeenAt),
      idleExpiresAt: new Date(idle),
      absoluteExpiresAt: new Date(row.absoluteDeadline),
      expiresAt: new Date(this.#deadline(row)),
    };
  }

  #issueOneTime(map: Map<string, OneTimeToken>, userId: string, lifetime: number): { token: string; expiresAt: Date } {
    if (!this.#users.has(userId)) throw new TypeError(`no user with id "${userId}"`);
    const token = randomToken();
    const expiresAt = this.#now() + lifetime;
    map.set(token, { userId, expiresAt, usedAt: null });
    return { token, expiresAt: new Date(expiresAt) };
  }

  #checkOneTime(map: Map<string, OneTimeToken>, token: string): string | undefined {
    const row = map.get(token);
    if (!row || row.usedAt !== null || row.expiresAt <= this.#now() || !this.#users.has(row.userId)) return undefined;
    return row.userId;
  }
}

function userRecord(row: UserRow): MockUserRecord {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    name: row.name,
    password: row.password,
    roles: [...row.roles],
    disabled: row.disabled,
    emailVerified: row.emailVerified,
    profile: row.profile ? { ...row.profile } : null,
    createdAt: new Date(row.createdAt),
    lastLoginAt: row.lastLoginAt === null ? null : new Date(row.lastLoginAt),
  };
}

function inviteRecord(row: InviteRow): MockInviteRecord {
  return {
    code: row.code,
    email: row.email,
    roles: [...row.roles],
    createdAt: new Date(row.createdAt),
    expiresAt: new Date(row.expiresAt),
    usedAt: row.usedAt === null ? null : new Date(row.usedAt),
  };
}
