import { createContext, useContext } from 'react';
import type { Messages } from '../widgets/messages.js';
import type { AuthCore } from './createAuthCore.js';

/**
 * Carries the provider's {@link AuthCore}; stable for the provider's lifetime.
 *
 * @internal
 * @example
 * ```tsx
 * <AuthCoreContext value={core}>{children}</AuthCoreContext>
 * ```
 */
export const AuthCoreContext = createContext<AuthCore | null>(null);

/**
 * Carries the provider's `messages` overrides (merged over the defaults by `useMessages`).
 *
 * @internal
 * @example
 * ```tsx
 * <AuthMessagesContext value={{ 'login.title': 'Welcome back' }}>{children}</AuthMessagesContext>
 * ```
 */
export const AuthMessagesContext = createContext<Partial<Messages> | undefined>(undefined);

/**
 * Carries the provider's `expiryWarningMs` (a number, so readers rerender only when it changes).
 *
 * @internal
 * @example
 * ```tsx
 * <AuthExpiryWarningContext value={60_000}>{children}</AuthExpiryWarningContext>
 * ```
 */
export const AuthExpiryWarningContext = createContext(120_000);

// Names for React DevTools, in development builds only.
if (process.env.NODE_ENV !== 'production') {
  AuthCoreContext.displayName = 'LatchkeyAuth';
  AuthMessagesContext.displayName = 'LatchkeyMessages';
}

/**
 * Reads the provider's core, or throws an error naming the hook and the missing provider.
 *
 * @internal
 * @example
 * ```ts
 * const core = useAuthCore('useLogin');
 * ```
 */
export function useAuthCore(hookName: string): AuthCore {
  const core = useContext(AuthCoreContext);
  if (!core) throw new Error(`${hookName} must be used within <AuthProvider>`);
  return core;
}
