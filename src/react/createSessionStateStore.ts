import type { SetStateAction } from 'react';
import type { AuthCore } from './createAuthCore.js';

/**
 * The per-user store behind `useSessionState`: values by key for the current user only. Any
 * change of the known user (sign-out, sign-in, a different user) wipes it; going from "not known
 * yet" (the first session check) to a known user keeps what was set meanwhile.
 *
 * @internal
 * @example
 * ```ts
 * const store = createSessionStateStore();
 * store.setOwner('user-1');
 * store.update('tab', 'security', 'profile');
 * ```
 */
export interface SessionStateStore {
  /** The value of `key`, or {@link MISSING} when nothing was set for the current user. */
  get(key: string): unknown;
  /** Sets `key` from a value or an updater (given the current value, or `fallback` if none). */
  update<T>(key: string, action: SetStateAction<T>, fallback: T): void;
  subscribe(key: string, listener: () => void): () => void;
  /** Tells the store who is signed in (`null`: nobody; `undefined`: not known yet). Returns `true` when it wiped. */
  setOwner(owner: string | null | undefined): boolean;
  /** Forgets every value (sign-out). */
  wipe(): void;
}

/**
 * Marks "no value set" (a value may legitimately be `undefined`).
 *
 * @internal
 * @example
 * ```ts
 * if (store.get('tab') === MISSING) console.log('not set');
 * ```
 */
export const MISSING: unique symbol = Symbol('latchkey.sessionState.missing');

/**
 * Creates an empty {@link SessionStateStore}.
 *
 * @internal
 * @example
 * ```ts
 * const store = createSessionStateStore();
 * ```
 */
export function createSessionStateStore(): SessionStateStore {
  let values = new Map<string, unknown>();
  let owner: string | null | undefined;
  const listeners = new Map<string, Set<() => void>>();

  const notify = (keys: Iterable<string>) => {
    for (const key of [...keys]) {
      for (const listener of [...(listeners.get(key) ?? [])]) listener();
    }
  };

  const wipe = () => {
    if (values.size === 0) return;
    const keys = [...values.keys()];
    values = new Map();
    notify(keys);
  };

  return {
    get: (key) => (values.has(key) ? values.get(key) : MISSING),
    update<T>(key: string, action: SetStateAction<T>, fallback: T) {
      const previous = values.has(key) ? (values.get(key) as T) : fallback;
      const next = typeof action === 'function' ? (action as (previous: T) => T)(previous) : action;
      if (values.has(key) && Object.is(previous, next)) return;
      values.set(key, next);
      notify([key]);
    },
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (set === undefined) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    setOwner(next) {
      if (next === undefined) return false;
      const previous = owner;
      owner = next;
      if (previous === undefined || previous === next) return false;
      wipe();
      return true;
    },
    wipe,
  };
}

const stores = new WeakMap<AuthCore, SessionStateStore>();

/**
 * The provider's session-state store, created on first use and from then on following the
 * provider's user: it is wiped whenever the known user changes, whether or not any component
 * reading it is mounted at the time.
 *
 * @internal
 * @example
 * ```ts
 * const store = sessionStateOf(core);
 * store.get('orders.tab');
 * ```
 */
export function sessionStateOf(core: AuthCore): SessionStateStore {
  let store = stores.get(core);
  if (store === undefined) {
    const created = createSessionStateStore();
    const follow = () => {
      const { status, user, error } = core.auth.getSnapshot();
      // `undefined`: nobody known yet (first check pending or failed), which wipes nothing.
      created.setOwner(status === 'authenticated' ? user.id : status === 'unauthenticated' && error === null ? null : undefined);
    };
    follow();
    // Passive: the store lives as long as the core, and never keeps the session query watched
    // (while the provider is mounted, it is watched anyway).
    core.watch(follow);
    stores.set(core, (store = created));
  }
  return store;
}
