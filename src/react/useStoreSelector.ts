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
 * Shallow equality of two values: identical, or two plain objects (or two arrays) with the same
 * own keys holding identical values. Anything else (a `Date`, a `Map`, a class instance) is equal
 * only to itself.
 *
 * @internal
 * @example
 * ```ts
 * shallowEqual({ a: 1 }, { a: 1 }); // true
 * shallowEqual(new Date(0), new Date(1)); // false
 * ```
 */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  const proto: unknown = a == null ? a : Object.getPrototypeOf(a);
  if ((proto !== Object.prototype && proto !== Array.prototype) || b == null || Object.getPrototypeOf(b) !== proto) return false;
  const keys = Object.keys(a as object);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * One component's memo of its selection: the same snapshot and selector give the same selection,
 * and a new selection shallow-equal to the last one is replaced by the last one.
 */
function createSelect<S, T>(): (snapshot: S, selector: (snapshot: S) => T) => T {
  let lastSnapshot: S | undefined;
  let lastSelector: ((snapshot: S) => T) | undefined;
  let selection: T | undefined;
  return (snapshot, selector) => {
    if (snapshot !== lastSnapshot || selector !== lastSelector) {
      const next = selector(snapshot);
      if (!shallowEqual(selection, next)) selection = next;
      lastSnapshot = snapshot;
      lastSelector = selector;
    }
    return selection as T;
  };
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
export function useStoreSelector<S, T>(store: ExternalStore<S>, selector: (snapshot: S) => T, serverSnapshot = store.getSnapshot): T {
  const [select] = useState(createSelect<S, T>);
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getSnapshot(), selector),
    () => select(serverSnapshot(), selector),
  );
}
