import type { TokenStorage } from '../client/AuthClient.js';
import { TokensSchema } from '../contract/index.js';
import type { Tokens } from '../contract/index.js';
import { memoryTokenStorage } from './memoryTokenStorage.js';

/** The `localStorage` key {@link persistentTokenStorage} uses unless told otherwise. */
const DEFAULT_KEY = 'latchkey.tokens';

function localStorageOrNull(): Storage | null {
  try {
    // Reading `localStorage` throws in sandboxed frames and with storage disabled.
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/**
 * Opt-in bearer-mode token storage in `localStorage`, for "stay signed in" across reloads. Every
 * read is checked against the contract's `TokensSchema`: anything else stored under the key
 * (edited by hand, written by an older version, corrupted) reads as `null` and is removed. Where
 * `localStorage` is unavailable (server rendering, storage disabled) it keeps tokens in memory.
 *
 * Tokens in `localStorage` are readable by any script on the page; prefer the cookie transport or
 * the default in-memory storage unless the app needs bearer tokens to survive reloads.
 *
 * @param key the `localStorage` key (default `latchkey.tokens`).
 * @example
 * ```ts
 * import { createAuthClient, persistentTokenStorage } from 'latchkey';
 * const client = createAuthClient({
 *   baseUrl: 'https://api.example.com/auth',
 *   transport: 'bearer',
 *   tokenStorage: persistentTokenStorage(),
 * });
 * ```
 */
export function persistentTokenStorage(key: string = DEFAULT_KEY): TokenStorage {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError('persistentTokenStorage(key): key must be a non-empty string');
  }
  const storage = localStorageOrNull();
  if (storage === null) return memoryTokenStorage();

  const remove = () => {
    try {
      storage.removeItem(key);
    } catch {
      // Storage refused the write; nothing else to clean up.
    }
  };

  // Holds the tokens only when the storage refused a write (quota, storage disabled mid-session),
  // so this page keeps working; they are then lost on reload, like in-memory storage.
  let unsaved: Tokens | null = null;

  return {
    get(): Tokens | null {
      if (unsaved !== null) return { ...unsaved };
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return null;
      }
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        remove();
        return null;
      }
      const result = TokensSchema.safeParse(parsed);
      if (!result.success) {
        remove();
        return null;
      }
      return result.data;
    },
    set(tokens: Tokens): void {
      const checked = TokensSchema.parse(tokens);
      try {
        storage.setItem(key, JSON.stringify(checked));
        unsaved = null;
      } catch {
        // Never leave older tokens behind in storage.
        remove();
        unsaved = checked;
      }
    },
    clear(): void {
      unsaved = null;
      remove();
    },
  };
}
