import { createSqliteStore, SQLITE_SCHEMA_VERSION, StoreConflictError } from 'latchkey/server';
import type { AuthStore, UserRecord } from 'latchkey/server';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeStore, STORE_KINDS } from './helpers.js';

const T0 = 1_700_000_000_000;

function user(id: string, username: string, email: string | null = `${username}@example.com`, createdAt = T0): UserRecord {
  return {
    id,
    username,
    usernameKey: username.toLowerCase(),
    email,
    emailKey: email?.toLowerCase() ?? null,
    name: `Name ${username}`,
    roles: ['reader'],
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    disabled: false,
    emailVerified: false,
    profile: { team: 'blue', age: 3, ok: true, none: null },
    createdAt,
    updatedAt: createdAt,
    lastLoginAt: null,
  };
}

const session = (key: string, userId: string) => ({
  key,
  userId,
  createdAt: T0,
  lastSeenAt: T0,
  idleTimeoutMs: 1000,
  absoluteExpiresAt: T0 + 10_000,
  remember: false,
});

describe.each(STORE_KINDS)('AuthStore contract (%s)', (kind) => {
  let store: AuthStore;
  afterEach(async () => {
    await store.close();
  });

  it('creates, finds (by id, normalized username, normalized email), updates and deletes users', async () => {
    store = makeStore(kind);
    const created = await store.createUser(user('u1', 'Ada'));
    expect(created).toEqual(user('u1', 'Ada'));
    expect(await store.getUserById('u1')).toEqual(created);
    expect((await store.getUserByUsername('ada'))?.id).toBe('u1');
    expect((await store.getUserByEmail('ada@example.com'))?.id).toBe('u1');
    expect(await store.getUserByUsername('nobody')).toBeNull();
    const updated = await store.updateUser('u1', { roles: ['admin', 'x'], disabled: true, profile: null, lastLoginAt: T0 + 5 });
    expect(updated).toMatchObject({ roles: ['admin', 'x'], disabled: true, profile: null, lastLoginAt: T0 + 5, username: 'Ada' });
    expect(await store.updateUser('missing', { name: 'x' })).toBeNull();
    expect(await store.countUsers()).toBe(1);
    expect(await store.deleteUser('u1')).toBe(true);
    expect(await store.deleteUser('u1')).toBe(false);
    expect(await store.getUserById('u1')).toBeNull();
  });

  it('answers copies: changing an answer does not change the store', async () => {
    store = makeStore(kind);
    const created = await store.createUser(user('u1', 'ada'));
    created.roles.push('admin');
    expect((await store.getUserById('u1'))?.roles).toEqual(['reader']);
  });

  it('refuses a taken username or email with StoreConflictError naming the field', async () => {
    store = makeStore(kind);
    await store.createUser(user('u1', 'ada'));
    await expect(store.createUser(user('u2', 'ada', 'other@example.com'))).rejects.toMatchObject({ field: 'username' });
    await expect(store.createUser(user('u2', 'bob', 'ada@example.com'))).rejects.toBeInstanceOf(StoreConflictError);
    await store.createUser(user('u2', 'bob'));
    await expect(store.updateUser('u2', { email: 'ada@example.com', emailKey: 'ada@example.com' })).rejects.toMatchObject({ field: 'email' });
    // Users without email do not collide with each other.
    await store.createUser(user('u3', 'carl', null));
    await store.createUser(user('u4', 'dora', null));
    expect(await store.countUsers()).toBe(4);
  });

  it('lists users oldest first with paging and a case-insensitive search; LIKE wildcards are literal', async () => {
    store = makeStore(kind);
    for (let i = 0; i < 5; i += 1) await store.createUser(user(`u${String(i)}`, `user${String(i)}`, `u${String(i)}@example.com`, T0 + i));
    await store.createUser(user('p', 'percent', 'p%_@example.com', T0 + 10));
    const page = await store.listUsers({ offset: 1, limit: 2 });
    expect(page.total).toBe(6);
    expect(page.users.map((u) => u.id)).toEqual(['u1', 'u2']);
    expect((await store.listUsers({ query: 'USER3', offset: 0, limit: 10 })).users.map((u) => u.id)).toEqual(['u3']);
    expect((await store.listUsers({ query: '%_', offset: 0, limit: 10 })).users.map((u) => u.id)).toEqual(['p']);
    expect((await store.listUsers({ query: "'; DROP TABLE users; --", offset: 0, limit: 10 })).total).toBe(0);
    expect(await store.countUsers()).toBe(6);
  });

  it('keeps sessions; deleting a session deletes its access and refresh tokens; deleting a user deletes everything of theirs', async () => {
    store = makeStore(kind);
    await store.createUser(user('u1', 'ada'));
    await store.createSession(session('s1', 'u1'));
    await store.createSession(session('s2', 'u1'));
    await store.createAccessToken({ tokenHash: 'a1', sessionKey: 's1', expiresAt: T0 + 100 });
    await store.createRefreshToken({ tokenHash: 'r1', sessionKey: 's1', expiresAt: T0 + 100, usedAt: null });
    await store.touchSession('s1', T0 + 50);
    expect((await store.getSession('s1'))?.lastSeenAt).toBe(T0 + 50);
    await store.deleteSession('s1');
    expect(await store.getSession('s1')).toBeNull();
    expect(await store.getAccessToken('a1')).toBeNull();
    expect((await store.redeemRefreshToken('r1', T0)).status).toBe('missing');
    await store.createSession(session('s3', 'u1'));
    expect(await store.deleteUserSessions('u1', 's3')).toBe(1);
    expect(await store.getSession('s2')).toBeNull();
    expect(await store.getSession('s3')).not.toBeNull();
    await store.replaceOneTimeToken({ tokenHash: 'o1', userId: 'u1', purpose: 'password_reset', createdAt: T0, expiresAt: T0 + 100 });
    await store.deleteUser('u1');
    expect(await store.getSession('s3')).toBeNull();
    expect(await store.consumeOneTimeToken('o1', 'password_reset', T0)).toBeNull();
  });

  it('redeems a refresh token once, then reports reuse; expired tokens are missing', async () => {
    store = makeStore(kind);
    await store.createUser(user('u1', 'ada'));
    await store.createSession(session('s1', 'u1'));
    await store.createRefreshToken({ tokenHash: 'r1', sessionKey: 's1', expiresAt: T0 + 100, usedAt: null });
    expect(await store.redeemRefreshToken('r1', T0 + 1)).toMatchObject({ status: 'ok', token: { sessionKey: 's1', usedAt: T0 + 1 } });
    expect(await store.redeemRefreshToken('r1', T0 + 2)).toMatchObject({ status: 'reused', token: { sessionKey: 's1' } });
    expect((await store.redeemRefreshToken('r1', T0 + 100)).status).toBe('missing');
    expect((await store.redeemRefreshToken('nope', T0)).status).toBe('missing');
  });

  it('one-time tokens: a new one cancels older ones of the same purpose, consuming is single use and checks purpose and expiry', async () => {
    store = makeStore(kind);
    await store.createUser(user('u1', 'ada'));
    await store.replaceOneTimeToken({ tokenHash: 'old', userId: 'u1', purpose: 'password_reset', createdAt: T0, expiresAt: T0 + 100 });
    await store.replaceOneTimeToken({ tokenHash: 'verify', userId: 'u1', purpose: 'email_verification', createdAt: T0, expiresAt: T0 + 100 });
    await store.replaceOneTimeToken({ tokenHash: 'new', userId: 'u1', purpose: 'password_reset', createdAt: T0, expiresAt: T0 + 100 });
    expect(await store.consumeOneTimeToken('old', 'password_reset', T0)).toBeNull();
    expect(await store.consumeOneTimeToken('verify', 'password_reset', T0)).toBeNull();
    expect((await store.consumeOneTimeToken('verify', 'email_verification', T0))?.userId).toBe('u1');
    expect((await store.consumeOneTimeToken('new', 'password_reset', T0))?.userId).toBe('u1');
    expect(await store.consumeOneTimeToken('new', 'password_reset', T0)).toBeNull();
    await store.replaceOneTimeToken({ tokenHash: 'late', userId: 'u1', purpose: 'password_reset', createdAt: T0, expiresAt: T0 + 100 });
    expect(await store.consumeOneTimeToken('late', 'password_reset', T0 + 100)).toBeNull();
  });

  it('invites: create, list, redeem once while live, delete', async () => {
    store = makeStore(kind);
    const invite = { code: 'c1', email: null, roles: ['editor'], createdAt: T0, expiresAt: T0 + 100, usedAt: null, createdBy: null };
    await store.createInvite(invite);
    await store.createInvite({ ...invite, code: 'c2', expiresAt: T0 + 1 });
    expect(await store.getInvite('c1')).toEqual(invite);
    expect((await store.listInvites()).map((i) => i.code)).toEqual(['c1', 'c2']);
    expect(await store.redeemInvite('c2', T0 + 1)).toBe(false);
    expect(await store.redeemInvite('c1', T0 + 5)).toBe(true);
    expect(await store.redeemInvite('c1', T0 + 6)).toBe(false);
    expect((await store.getInvite('c1'))?.usedAt).toBe(T0 + 5);
    expect(await store.deleteInvite('c1')).toBe(true);
    expect(await store.deleteInvite('c1')).toBe(false);
  });

  it('counters count within a window, restart after it, and clear', async () => {
    store = makeStore(kind);
    expect(await store.hitCounter('k', 1000, T0)).toEqual({ count: 1, resetAt: T0 + 1000 });
    expect(await store.hitCounter('k', 1000, T0 + 10)).toEqual({ count: 2, resetAt: T0 + 1000 });
    expect(await store.getCounter('k', T0 + 20)).toEqual({ count: 2, resetAt: T0 + 1000 });
    expect(await store.getCounter('k', T0 + 1000)).toBeNull();
    expect(await store.hitCounter('k', 1000, T0 + 1000)).toEqual({ count: 1, resetAt: T0 + 2000 });
    await store.clearCounter('k');
    expect(await store.getCounter('k', T0 + 1001)).toBeNull();
  });

  it('keeps a secret once created and purges expired rows', async () => {
    store = makeStore(kind);
    expect(await store.getSecret('csrf', () => 'first')).toBe('first');
    expect(await store.getSecret('csrf', () => 'second')).toBe('first');
    await store.createUser(user('u1', 'ada'));
    await store.createSession(session('idle', 'u1'));
    await store.createSession({ ...session('live', 'u1'), lastSeenAt: T0 + 5000 });
    await store.hitCounter('k', 10, T0);
    await store.purgeExpired(T0 + 2000);
    expect(await store.getSession('idle')).toBeNull();
    expect(await store.getSession('live')).not.toBeNull();
    expect(await store.getCounter('k', T0)).toBeNull();
  });

  it('stores hostile text verbatim (quotes, SQL, emoji) — values are bound, never spliced', async () => {
    store = makeStore(kind);
    const hostile = `Robert'); DROP TABLE users;-- "x" 🦄 \\ %`;
    await store.createUser({ ...user('u1', 'bobby'), name: hostile });
    expect((await store.getUserById('u1'))?.name).toBe(hostile);
    expect(await store.getUserByUsername(`' OR '1'='1`)).toBeNull();
    expect(await store.countUsers()).toBe(1);
  });
});

describe('createSqliteStore', () => {
  it('creates and migrates the file on first open (schema_version, WAL) and keeps data across reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-sqlite-'));
    const filename = join(dir, 'nested', 'auth.db');
    const first = createSqliteStore({ filename });
    await first.createUser(user('u1', 'ada'));
    await first.close();
    const db = new Database(filename, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SQLITE_SCHEMA_VERSION });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const second = createSqliteStore({ filename });
    expect((await second.getUserById('u1'))?.username).toBe('ada');
    await second.close();
  });

  it('refuses a database from a newer latchkey and a missing filename', () => {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-sqlite-'));
    const filename = join(dir, 'auth.db');
    const db = new Database(filename);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (999);');
    db.close();
    expect(() => createSqliteStore({ filename })).toThrow(/schema version 999/);
    expect(() => createSqliteStore({ filename: '' })).toThrow(/filename/);
  });
});
