import { useState, useSyncExternalStore } from 'react';

/**
 * A minimal external store: what `useSyncExternalStore` needs.
 *
 * @internal
 * @example
 * ```ts
 * const store: ExternalStore<number> = { getSnapshot: () => 1, subscribe: () => () => {} };
 * ```
 */
export interface ExternalStore<S> {
  getSnapshot(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * Shallow equality of two values: identical, or plain objects/arrays with identical entries.
 *
 * @internal
 * @example
 * ```ts
 * shallowEqual({ a: 1 }, { a: 1 }); // true
 * ```
 */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const protoA: unknown = Object.getPrototypeOf(a);
  if (protoA !== Object.prototype && protoA !== Array.prototype && protoA !== null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(recordB, key) && Object.is(recordA[key], recordB[key]));
}

/**
 * Remembers one component's last selection: the same snapshot and selector always give the same
 * selection, and an equal selection from a new snapshot is replaced by the previous one.
 */
class SelectionCache<S, T> {
  #snapshot: S | undefined;
  #selector: ((snapshot: S) => T) | undefined;
  #selection: T | undefined;
  #filled = false;

  select(snapshot: S, selector: (snapshot: S) => T): T {
    if (this.#filled && this.#snapshot === snapshot && this.#selector === selector) return this.#selection as T;
    const next = selector(snapshot);
    const selection = this.#filled && shallowEqual(this.#selection, next) ? (this.#selection as T) : next;
    this.#snapshot = snapshot;
    this.#selector = selector;
    this.#selection = selection;
    this.#filled = true;
    return selection;
  }
}

/**
 * Subscribes to a slice of an external store: the component rerenders only when the selected
 * value changes (compared shallowly, so a selector may return a fresh object or array).
 *
 * @internal
 * @example
 * ```ts
 * const name = useStoreSelector(store, (s) => s.user?.name ?? null);
 * ```
 */
export function useStoreSelector<S, T>(store: ExternalStore<S>, selector: (snapshot: S) => T, serverSnapshot?: () => S): T {
  const [cache] = useState(() => new SelectionCache<S, T>());
  const getServer = serverSnapshot ?? store.getSnapshot;
  return useSyncExternalStore(
    store.subscribe,
    () => cache.select(store.getSnapshot(), selector),
    () => cache.select(getServer(), selector),
  );
}
