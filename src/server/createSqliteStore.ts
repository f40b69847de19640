import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { AuthStore, InviteRecord, RefreshTokenRecord, SessionRecord, UserPatch, UserRecord } from './AuthStore.js';
import { StoreConflictError } from './AuthStore.js';
import { optionalRequire } from './optionalRequire.js';

/**
 * Options of {@link createSqliteStore}.
 *
 * @example
 * ```ts
 * const options: SqliteStoreOptions = { filename: './data/latchkey.db' };
 * ```
 */
export interface SqliteStoreOptions {
  /** Path of the database file (created with its folder when missing), or `':memory:'`. */
  filename: string;
}

/** Each entry migrates from version `index` to `index + 1`; never edit one that has shipped. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    email TEXT,
    email_key TEXT UNIQUE,
    name TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    email_verified INTEGER NOT NULL DEFAULT 0,
    profile TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_login_at INTEGER
  );
  CREATE INDEX users_created ON users (created_at);
  CREATE TABLE sessions (
    key TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    idle_timeout_ms INTEGER NOT NULL,
    absolute_expires_at INTEGER NOT NULL,
    remember INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE access_tokens (
    token_hash TEXT PRIMARY KEY,
    session_key TEXT NOT NULL REFERENCES sessions (key) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX access_tokens_session ON access_tokens (session_key);
  CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    session_key TEXT NOT NULL REFERENCES sessions (key) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX refresh_tokens_session ON refresh_tokens (session_key);
  CREATE TABLE one_time_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose);
  CREATE TABLE invites (
    code TEXT PRIMARY KEY,
    email TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    created_by TEXT
  );
  CREATE TABLE counters (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    reset_at INTEGER NOT NULL
  );
  CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
];

/**
 * The schema version a database reaches after {@link createSqliteStore} opened it (the
 * `schema_version` table holds it).
 *
 * @example
 * ```ts
 * db.prepare('SELECT version FROM schema_version').get(); // { version: SQLITE_SCHEMA_VERSION }
 * ```
 */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

interface UserRow {
  id: string;
  username: string;
  username_key: string;
  email: string | null;
  email_key: string | null;
  name: string | null;
  roles: string;
  password_hash: string | null;
  disabled: number;
  email_verified: number;
  profile: string | null;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
}

const USER_COLUMNS: Record<keyof Omit<UserRecord, 'id'>, keyof UserRow> = {
  username: 'username',
  usernameKey: 'username_key',
  email: 'email',
  emailKey: 'email_key',
  name: 'name',
  roles: 'roles',
  passwordHash: 'password_hash',
  disabled: 'disabled',
  emailVerified: 'email_verified',
  profile: 'profile',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  lastLoginAt: 'last_login_at',
};

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    usernameKey: row.username_key,
    email: row.email,
    emailKey: row.email_key,
    name: row.name,
    roles: JSON.parse(row.roles) as string[],
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    emailVerified: row.email_verified === 1,
    profile: row.profile === null ? null : (JSON.parse(row.profile) as UserRecord['profile']),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

function toColumnValue(key: keyof Omit<UserRecord, 'id'>, value: unknown): string | number | null {
  if (key === 'roles') return JSON.stringify(value);
  if (key === 'profile') return value === null ? null : JSON.stringify(value);
  if (key === 'disabled' || key === 'emailVerified') return value ? 1 : 0;
  return value as string | number | null;
}

interface SessionRow {
  key: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  idle_timeout_ms: number;
  absolute_expires_at: number;
  remember: number;
}

const toSession = (row: SessionRow): SessionRecord => ({
  key: row.key,
  userId: row.user_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  idleTimeoutMs: row.idle_timeout_ms,
  absoluteExpiresAt: row.absolute_expires_at,
  remember: row.remember === 1,
});

interface InviteRow {
  code: string;
  email: string | null;
  roles: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  created_by: string | null;
}

const toInvite = (row: InviteRow): InviteRecord => ({
  code: row.code,
  email: row.email,
  roles: JSON.parse(row.roles) as string[],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  createdBy: row.created_by,
});

function conflict(error: unknown): never {
  if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    if (error.message.includes('users.email_key')) throw new StoreConflictError('email');
    if (error.message.includes('users.username_key')) throw new StoreConflictError('username');
  }
  throw error;
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * An {@link AuthStore} in one SQLite file through better-sqlite3: created and migrated on first
 * open (a `schema_version` table records the version), WAL journal, foreign keys on, and only
 * prepared statements with bound parameters (no value is ever spliced into SQL).
 *
 * @example
 * ```ts
 * const store = createSqliteStore({ filename: './latchkey.db' });
 * const handler = createAuthHandler({ store, appUrl: 'https://app.example.com' });
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): AuthStore {
  if (typeof options.filename !== 'string' || options.filename.length === 0) {
    throw new TypeError('createSqliteStore: options.filename must be a non-empty path (or ":memory:")');
  }
  if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
  const SqliteDatabase = optionalRequire<typeof Database>('better-sqlite3', 'createSqliteStore');
  const db = new SqliteDatabase(options.filename);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');

  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    let version = row?.version ?? 0;
    if (row === undefined) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
    if (version > MIGRATIONS.length) {
      throw new Error(`createSqliteStore: ${options.filename} has schema version ${String(version)}, newer than this latchkey (${String(MIGRATIONS.length)})`);
    }
    for (; version < MIGRATIONS.length; version += 1) {
      db.exec(MIGRATIONS[version] as string);
      db.prepare('UPDATE schema_version SET version = ?').run(version + 1);
    }
  }).immediate();

  const q = {
    insertUser: db.prepare(
      `INSERT INTO users (id, username, username_key, email, email_key, name, roles, password_hash, disabled, email_verified, profile, created_at, updated_at, last_login_at)
       VALUES (@id, @username, @username_key, @email, @email_key, @name, @roles, @password_hash, @disabled, @email_verified, @profile, @created_at, @updated_at, @last_login_at)`,
    ),
    userById: db.prepare('SELECT * FROM users WHERE id = ?'),
    userByUsername: db.prepare('SELECT * FROM users WHERE username_key = ?'),
    userByEmail: db.prepare('SELECT * FROM users WHERE email_key = ?'),
    deleteUser: db.prepare('DELETE FROM users WHERE id = ?'),
    listUsers: db.prepare(
      `SELECT * FROM users WHERE @q IS NULL OR username_key LIKE @q ESCAPE '\\' OR email_key LIKE @q ESCAPE '\\' OR lower(name) LIKE @q ESCAPE '\\'
       ORDER BY created_at, id LIMIT @limit OFFSET @offset`,
    ),
    countMatching: db.prepare(
      `SELECT count(*) AS n FROM users WHERE @q IS NULL OR username_key LIKE @q ESCAPE '\\' OR email_key LIKE @q ESCAPE '\\' OR lower(name) LIKE @q ESCAPE '\\'`,
    ),
    countUsers: db.prepare('SELECT count(*) AS n FROM users'),
    insertSession: db.prepare(
      `INSERT INTO sessions (key, user_id, created_at, last_seen_at, idle_timeout_ms, absolute_expires_at, remember)
       VALUES (@key, @user_id, @created_at, @last_seen_at, @idle_timeout_ms, @absolute_expires_at, @remember)`,
    ),
    session: db.prepare('SELECT * FROM sessions WHERE key = ?'),
    touchSession: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE key = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE key = ?'),
    deleteUserSessions: db.prepare('DELETE FROM sessions WHERE user_id = @user_id AND (@except IS NULL OR key <> @except)'),
    insertAccess: db.prepare('INSERT INTO access_tokens (token_hash, session_key, expires_at) VALUES (?, ?, ?)'),
    access: db.prepare('SELECT token_hash, session_key, expires_at FROM access_tokens WHERE token_hash = ?'),
    insertRefresh: db.prepare('INSERT INTO refresh_tokens (token_hash, session_key, expires_at, used_at) VALUES (?, ?, ?, ?)'),
    refresh: db.prepare('SELECT token_hash, session_key, expires_at, used_at FROM refresh_tokens WHERE token_hash = ?'),
    markRefreshUsed: db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
    deleteOneTime: db.prepare('DELETE FROM one_time_tokens WHERE user_id = ? AND purpose = ?'),
    insertOneTime: db.prepare('INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    consumeOneTime: db.prepare('DELETE FROM one_time_tokens WHERE token_hash = ? AND purpose = ? RETURNING user_id, created_at, expires_at'),
    insertInvite: db.prepare(
      'INSERT INTO invites (code, email, roles, created_at, expires_at, used_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    invite: db.prepare('SELECT * FROM invites WHERE code = ?'),
    invites: db.prepare('SELECT * FROM invites ORDER BY created_at, code'),
    deleteInvite: db.prepare('DELETE FROM invites WHERE code = ?'),
    redeemInvite: db.prepare('UPDATE invites SET used_at = @now WHERE code = @code AND used_at IS NULL AND expires_at > @now'),
    counter: db.prepare('SELECT count, reset_at FROM counters WHERE key = ?'),
    hitCounter: db.prepare(
      `INSERT INTO counters (key, count, reset_at) VALUES (@key, 1, @now + @window)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN reset_at > @now THEN count + 1 ELSE 1 END,
         reset_at = CASE WHEN reset_at > @now THEN reset_at ELSE @now + @window END
       RETURNING count, reset_at`,
    ),
    clearCounter: db.prepare('DELETE FROM counters WHERE key = ?'),
    secret: db.prepare('SELECT value FROM secrets WHERE name = ?'),
    insertSecret: db.prepare('INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE absolute_expires_at <= @now OR last_seen_at + idle_timeout_ms <= @now'),
    purgeAccess: db.prepare('DELETE FROM access_tokens WHERE expires_at <= ?'),
    purgeRefresh: db.prepare('DELETE FROM refresh_tokens WHERE expires_at <= ?'),
    purgeOneTime: db.prepare('DELETE FROM one_time_tokens WHERE expires_at <= ?'),
    purgeCounters: db.prepare('DELETE FROM counters WHERE reset_at <= ?'),
  };

  const userRow = (user: UserRecord) => ({
    id: user.id,
    username: user.username,
    username_key: user.usernameKey,
    email: user.email,
    email_key: user.emailKey,
    name: user.name,
    roles: JSON.stringify(user.roles),
    password_hash: user.passwordHash,
    disabled: user.disabled ? 1 : 0,
    email_verified: user.emailVerified ? 1 : 0,
    profile: user.profile === null ? null : JSON.stringify(user.profile),
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    last_login_at: user.lastLoginAt,
  });
  const getUser = (statement: Database.Statement, value: string) => {
    const row = statement.get(value) as UserRow | undefined;
    return row ? toUser(row) : null;
  };
  // Column names come from the fixed USER_COLUMNS map, never from input; values are bound.
  const updateStatements = new Map<string, Database.Statement>();
  const updateUser = db.transaction((id: string, patch: UserPatch) => {
    const keys = (Object.keys(patch) as Array<keyof UserPatch>).filter((key) => key in USER_COLUMNS && patch[key] !== undefined);
    if (keys.length > 0) {
      const signature = keys.join(',');
      let statement = updateStatements.get(signature);
      if (!statement) {
        statement = db.prepare(`UPDATE users SET ${keys.map((key) => `${USER_COLUMNS[key]} = ?`).join(', ')} WHERE id = ?`);
        updateStatements.set(signature, statement);
      }
      statement.run(...keys.map((key) => toColumnValue(key, patch[key])), id);
    }
    return getUser(q.userById, id);
  });
  const redeemRefresh = db.transaction((hash: string, now: number) => {
    const row = q.refresh.get(hash) as { token_hash: string; session_key: string; expires_at: number; used_at: number | null } | undefined;
    if (!row || row.expires_at <= now) return { status: 'missing' as const };
    const token: RefreshTokenRecord = { tokenHash: row.token_hash, sessionKey: row.session_key, expiresAt: row.expires_at, usedAt: row.used_at };
    if (row.used_at !== null) return { status: 'reused' as const, token };
    q.markRefreshUsed.run(now, hash);
    return { status: 'ok' as const, token: { ...token, usedAt: now } };
  });
  const replaceOneTime = db.transaction((token: Parameters<AuthStore['replaceOneTimeToken']>[0]) => {
    q.deleteOneTime.run(token.userId, token.purpose);
    q.insertOneTime.run(token.tokenHash, token.userId, token.purpose, token.createdAt, token.expiresAt);
  });
  const getSecret = db.transaction((name: string, create: () => string) => {
    const row = q.secret.get(name) as { value: string } | undefined;
    if (row) return row.value;
    q.insertSecret.run(name, create());
    return (q.secret.get(name) as { value: string }).value;
  });
  const purge = db.transaction((now: number) => {
    q.purgeSessions.run({ now });
    q.purgeAccess.run(now);
    q.purgeRefresh.run(now);
    q.purgeOneTime.run(now);
    q.purgeCounters.run(now);
  });
  let open = true;

  return {
    async createUser(user) {
      try {
        q.insertUser.run(userRow(user));
      } catch (error) {
        conflict(error);
      }
      return getUser(q.userById, user.id) as UserRecord;
    },
    async getUserById(id) {
      return getUser(q.userById, id);
    },
    async getUserByUsername(key) {
      return getUser(q.userByUsername, key);
    },
    async getUserByEmail(key) {
      return getUser(q.userByEmail, key);
    },
    async updateUser(id, patch) {
      try {
        return updateUser(id, patch);
      } catch (error) {
        conflict(error);
      }
    },
    async deleteUser(id) {
      return q.deleteUser.run(id).changes > 0;
    },
    async listUsers({ query, offset, limit }) {
      const needle = query?.trim().toLowerCase() ?? '';
      const params = { q: needle === '' ? null : likePattern(needle), offset, limit };
      const rows = q.listUsers.all(params) as UserRow[];
      const { n } = q.countMatching.get({ q: params.q }) as { n: number };
      return { users: rows.map(toUser), total: n };
    },
    async countUsers() {
      return (q.countUsers.get() as { n: number }).n;
    },

    async createSession(session) {
      q.insertSession.run({
        key: session.key,
        user_id: session.userId,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        idle_timeout_ms: session.idleTimeoutMs,
        absolute_expires_at: session.absoluteExpiresAt,
        remember: session.remember ? 1 : 0,
      });
    },
    async getSession(key) {
      const row = q.session.get(key) as SessionRow | undefined;
      return row ? toSession(row) : null;
    },
    async touchSession(key, lastSeenAt) {
      q.touchSession.run(lastSeenAt, key);
    },
    async deleteSession(key) {
      q.deleteSession.run(key);
    },
    async deleteUserSessions(userId, exceptKey) {
      return q.deleteUserSessions.run({ user_id: userId, except: exceptKey ?? null }).changes;
    },

    async createAccessToken(token) {
      q.insertAccess.run(token.tokenHash, token.sessionKey, token.expiresAt);
    },
    async getAccessToken(hash) {
      const row = q.access.get(hash) as { token_hash: string; session_key: string; expires_at: number } | undefined;
      return row ? { tokenHash: row.token_hash, sessionKey: row.session_key, expiresAt: row.expires_at } : null;
    },
    async createRefreshToken(token) {
      q.insertRefresh.run(token.tokenHash, token.sessionKey, token.expiresAt, token.usedAt);
    },
    async redeemRefreshToken(hash, now) {
      return redeemRefresh(hash, now);
    },

    async replaceOneTimeToken(token) {
      replaceOneTime(token);
    },
    async consumeOneTimeToken(hash, purpose, now) {
      const row = q.consumeOneTime.get(hash, purpose) as { user_id: string; created_at: number; expires_at: number } | undefined;
      if (!row || row.expires_at <= now) return null;
      return { tokenHash: hash, userId: row.user_id, purpose, createdAt: row.created_at, expiresAt: row.expires_at };
    },
    async deleteOneTimeTokens(userId, purpose) {
      q.deleteOneTime.run(userId, purpose);
    },

    async createInvite(invite) {
      q.insertInvite.run(invite.code, invite.email, JSON.stringify(invite.roles), invite.createdAt, invite.expiresAt, invite.usedAt, invite.createdBy);
    },
    async getInvite(code) {
      const row = q.invite.get(code) as InviteRow | undefined;
      return row ? toInvite(row) : null;
    },
    async listInvites() {
      return (q.invites.all() as InviteRow[]).map(toInvite);
    },
    async deleteInvite(code) {
      return q.deleteInvite.run(code).changes > 0;
    },
    async redeemInvite(code, now) {
      return q.redeemInvite.run({ code, now }).changes > 0;
    },

    async hitCounter(key, windowMs, now) {
      const row = q.hitCounter.get({ key, now, window: windowMs }) as { count: number; reset_at: number };
      return { count: row.count, resetAt: row.reset_at };
    },
    async getCounter(key, now) {
      const row = q.counter.get(key) as { count: number; reset_at: number } | undefined;
      return row && row.reset_at > now ? { count: row.count, resetAt: row.reset_at } : null;
    },
    async clearCounter(key) {
      q.clearCounter.run(key);
    },

    async getSecret(name, create) {
      return getSecret(name, create);
    },
    async purgeExpired(now) {
      purge(now);
    },
    async close() {
      if (open) {
        open = false;
        db.close();
      }
    },
  };
}
