import type {
  AccessTokenRecord,
  AuthStore,
  CounterRecord,
  InviteRecord,
  OneTimeTokenRecord,
  RefreshTokenRecord,
  SessionRecord,
  UserRecord,
} from './AuthStore.js';
import { StoreConflictError } from './AuthStore.js';

const copy = <T>(value: T): T => structuredClone(value);

function matches(user: UserRecord, query: string): boolean {
  return [user.usernameKey, user.emailKey ?? '', (user.name ?? '').toLowerCase()].some((text) => text.includes(query));
}

/**
 * An {@link AuthStore} in memory: for tests, demos and single-process throwaway servers. Records are
 * copied in and out, so callers can never change stored state by mutating an answer.
 *
 * @example
 * ```ts
 * const handler = createAuthHandler({ store: createMemoryStore(), appUrl: 'http://localhost:5173' });
 * ```
 */
export function createMemoryStore(): AuthStore {
  const users = new Map<string, UserRecord>();
  const sessions = new Map<string, SessionRecord>();
  const accessTokens = new Map<string, AccessTokenRecord>();
  const refreshTokens = new Map<string, RefreshTokenRecord>();
  const oneTimeTokens = new Map<string, OneTimeTokenRecord>();
  const invites = new Map<string, InviteRecord>();
  const counters = new Map<string, CounterRecord>();
  const secrets = new Map<string, string>();

  const findBy = (pick: (user: UserRecord) => string | null, value: string) => {
    for (const user of users.values()) if (pick(user) === value) return user;
    return null;
  };
  const checkUnique = (user: UserRecord) => {
    const byName = findBy((u) => u.usernameKey, user.usernameKey);
    if (byName && byName.id !== user.id) throw new StoreConflictError('username');
    if (user.emailKey !== null) {
      const byEmail = findBy((u) => u.emailKey, user.emailKey);
      if (byEmail && byEmail.id !== user.id) throw new StoreConflictError('email');
    }
  };
  const dropSession = (key: string) => {
    sessions.delete(key);
    for (const [hash, token] of accessTokens) if (token.sessionKey === key) accessTokens.delete(hash);
    for (const [hash, token] of refreshTokens) if (token.sessionKey === key) refreshTokens.delete(hash);
  };

  return {
    async createUser(user) {
      if (users.has(user.id)) throw new Error(`createUser: id ${user.id} exists`);
      checkUnique(user);
      users.set(user.id, copy(user));
      return copy(user);
    },
    async getUserById(id) {
      const user = users.get(id);
      return user ? copy(user) : null;
    },
    async getUserByUsername(key) {
      const user = findBy((u) => u.usernameKey, key);
      return user ? copy(user) : null;
    },
    async getUserByEmail(key) {
      const user = findBy((u) => u.emailKey, key);
      return user ? copy(user) : null;
    },
    async updateUser(id, patch) {
      const current = users.get(id);
      if (!current) return null;
      const next: UserRecord = { ...current, ...copy(patch), id, createdAt: current.createdAt };
      checkUnique(next);
      users.set(id, next);
      return copy(next);
    },
    async deleteUser(id) {
      if (!users.delete(id)) return false;
      for (const session of [...sessions.values()]) if (session.userId === id) dropSession(session.key);
      for (const [hash, token] of oneTimeTokens) if (token.userId === id) oneTimeTokens.delete(hash);
      return true;
    },
    async listUsers({ query, offset, limit }) {
      const needle = query?.trim().toLowerCase() ?? '';
      const all = [...users.values()].filter((user) => needle === '' || matches(user, needle)).sort((a, b) => a.createdAt - b.createdAt);
      return { users: all.slice(offset, offset + limit).map(copy), total: all.length };
    },
    async countUsers() {
      return users.size;
    },

    async createSession(session) {
      sessions.set(session.key, copy(session));
    },
    async getSession(key) {
      const session = sessions.get(key);
      return session ? copy(session) : null;
    },
    async touchSession(key, lastSeenAt) {
      const session = sessions.get(key);
      if (session) session.lastSeenAt = lastSeenAt;
    },
    async deleteSession(key) {
      dropSession(key);
    },
    async deleteUserSessions(userId, exceptKey) {
      let count = 0;
      for (const session of [...sessions.values()]) {
        if (session.userId === userId && session.key !== exceptKey) {
          dropSession(session.key);
          count += 1;
        }
      }
      return count;
    },

    async createAccessToken(token) {
      accessTokens.set(token.tokenHash, copy(token));
    },
    async getAccessToken(hash) {
      const token = accessTokens.get(hash);
      return token ? copy(token) : null;
    },
    async createRefreshToken(token) {
      refreshTokens.set(token.tokenHash, copy(token));
    },
    async redeemRefreshToken(hash, now) {
      const token = refreshTokens.get(hash);
      if (!token || token.expiresAt <= now) return { status: 'missing' };
      if (token.usedAt !== null) return { status: 'reused', token: copy(token) };
      token.usedAt = now;
      return { status: 'ok', token: copy(token) };
    },

    async replaceOneTimeToken(token) {
      for (const [hash, other] of oneTimeTokens) {
        if (other.userId === token.userId && other.purpose === token.purpose) oneTimeTokens.delete(hash);
      }
      oneTimeTokens.set(token.tokenHash, copy(token));
    },
    async consumeOneTimeToken(hash, purpose, now) {
      const token = oneTimeTokens.get(hash);
      if (!token || token.purpose !== purpose) return null;
      oneTimeTokens.delete(hash);
      return token.expiresAt > now ? copy(token) : null;
    },
    async deleteOneTimeTokens(userId, purpose) {
      for (const [hash, token] of oneTimeTokens) if (token.userId === userId && token.purpose === purpose) oneTimeTokens.delete(hash);
    },

    async createInvite(invite) {
      if (invites.has(invite.code)) throw new Error('createInvite: code exists');
      invites.set(invite.code, copy(invite));
    },
    async getInvite(code) {
      const invite = invites.get(code);
      return invite ? copy(invite) : null;
    },
    async listInvites() {
      return [...invites.values()].sort((a, b) => a.createdAt - b.createdAt).map(copy);
    },
    async deleteInvite(code) {
      return invites.delete(code);
    },
    async redeemInvite(code, now) {
      const invite = invites.get(code);
      if (!invite || invite.usedAt !== null || invite.expiresAt <= now) return false;
      invite.usedAt = now;
      return true;
    },

    async hitCounter(key, windowMs, now) {
      const current = counters.get(key);
      const next = current && current.resetAt > now ? { count: current.count + 1, resetAt: current.resetAt } : { count: 1, resetAt: now + windowMs };
      counters.set(key, next);
      return { ...next };
    },
    async getCounter(key, now) {
      const current = counters.get(key);
      return current && current.resetAt > now ? { ...current } : null;
    },
    async clearCounter(key) {
      counters.delete(key);
    },

    async getSecret(name, create) {
      let value = secrets.get(name);
      if (value === undefined) {
        value = create();
        secrets.set(name, value);
      }
      return value;
    },
    async purgeExpired(now) {
      for (const session of [...sessions.values()]) {
        if (session.absoluteExpiresAt <= now || session.lastSeenAt + session.idleTimeoutMs <= now) dropSession(session.key);
      }
      for (const [hash, token] of accessTokens) if (token.expiresAt <= now) accessTokens.delete(hash);
      for (const [hash, token] of refreshTokens) if (token.expiresAt <= now) refreshTokens.delete(hash);
      for (const [hash, token] of oneTimeTokens) if (token.expiresAt <= now) oneTimeTokens.delete(hash);
      for (const [key, counter] of counters) if (counter.resetAt <= now) counters.delete(key);
    },
    async close() {
      // Nothing to release.
    },
  };
}
