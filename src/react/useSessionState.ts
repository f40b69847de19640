'use client';
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import { useAuthCore } from './AuthContext.js';
import { MISSING, sessionStateOf } from './createSessionStateStore.js';

/**
 * Per-user UI state, like Streamlit's `st.session_state`: a value by `key` that survives
 * rerenders, remounts and route changes (it lives in the provider, not the component), is shared
 * by every component using the same key, and is wiped on sign-out and when another user signs in.
 * Until a value is set, each component sees its own `initial`.
 *
 * @example
 * ```tsx
 * function Filters() {
 *   const [tab, setTab] = useSessionState('orders.tab', 'open');
 *   return <button onClick={() => setTab('closed')}>{tab}</button>;
 * }
 * ```
 */
export function useSessionState<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const core = useAuthCore('useSessionState');
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError(`useSessionState: key must be a non-empty string, got ${JSON.stringify(key)}`);
  }
  const store = sessionStateOf(core);
  const [fallback] = useState(initial);
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const stored = useSyncExternalStore(
    subscribe,
    () => store.get(key),
    () => store.get(key),
  );
  const setValue = useCallback((action: SetStateAction<T>) => store.update(key, action, fallback), [store, key, fallback]);
  return [stored === MISSING ? fallback : (stored as T), setValue];
}
