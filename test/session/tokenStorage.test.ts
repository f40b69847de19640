import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryTokenStorage, persistentTokenStorage } from 'latchkey';

const tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: '2026-03-01T12:15:00.000Z' };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('memoryTokenStorage', () => {
  it('keeps tokens in memory only', () => {
    const storage = memoryTokenStorage();
    expect(storage.get()).toBeNull();
    storage.set(tokens);
    expect(storage.get()).toEqual(tokens);
    expect(localStorage.length).toBe(0);
    storage.clear();
    expect(storage.get()).toBeNull();
  });

  it('hands out copies, so a caller cannot change what is stored', () => {
    const storage = memoryTokenStorage();
    storage.set(tokens);
    const read = storage.get();
    if (read) read.accessToken = 'changed';
    expect(storage.get()?.accessToken).toBe('access-1');
  });

  it('two storages do not share tokens', () => {
    const a = memoryTokenStorage();
    const b = memoryTokenStorage();
    a.set(tokens);
    expect(b.get()).toBeNull();
  });
});

describe('persistentTokenStorage', () => {
  it('survives a "reload" (a new storage object on the same key)', () => {
    persistentTokenStorage().set(tokens);
    expect(JSON.parse(localStorage.getItem('latchkey.tokens') ?? 'null')).toEqual(tokens);
    expect(persistentTokenStorage().get()).toEqual(tokens);
  });

  it('uses the given key', () => {
    const storage = persistentTokenStorage('my-app.tokens');
    storage.set(tokens);
    expect(localStorage.getItem('my-app.tokens')).not.toBeNull();
    expect(localStorage.getItem('latchkey.tokens')).toBeNull();
    storage.clear();
    expect(localStorage.getItem('my-app.tokens')).toBeNull();
  });

  it.each([
    ['not JSON', '{"accessToken":'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a missing access token', JSON.stringify({ refreshToken: 'r', expiresAt: tokens.expiresAt })],
    ['a number as token', JSON.stringify({ ...tokens, accessToken: 42 })],
    ['an invalid date', JSON.stringify({ ...tokens, expiresAt: '2026-02-31T00:00:00Z' })],
    ['an empty token', JSON.stringify({ ...tokens, accessToken: '' })],
    ['a __proto__ payload', '{"__proto__":{"polluted":true},"accessToken":42}'],
  ])('reads %s as null and clears it', (_label, raw) => {
    localStorage.setItem('latchkey.tokens', raw);
    expect(persistentTokenStorage().get()).toBeNull();
    expect(localStorage.getItem('latchkey.tokens')).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps tokens for this page when the storage refuses the write', () => {
    const storage = persistentTokenStorage();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    storage.set(tokens);
    expect(storage.get()).toEqual(tokens);
    storage.clear();
    expect(storage.get()).toBeNull();
  });

  it('falls back to memory where localStorage is unavailable', () => {
    vi.stubGlobal('localStorage', undefined);
    const storage = persistentTokenStorage();
    storage.set(tokens);
    expect(storage.get()).toEqual(tokens);
  });

  it('refuses invalid tokens and an empty key', () => {
    expect(() => persistentTokenStorage().set({ ...tokens, accessToken: '' })).toThrow();
    expect(() => persistentTokenStorage('')).toThrow(/key must be a non-empty string/);
  });
});
