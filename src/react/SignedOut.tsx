'use client';
import type { ReactNode } from 'react';
import { useAuth } from './useAuth.js';

/**
 * Renders its children only once the session check says nobody is signed in (never while loading).
 *
 * @example
 * ```tsx
 * <SignedOut><a href="/login">Sign in</a></SignedOut>
 * ```
 */
export function SignedOut({ children }: { children?: ReactNode }): ReactNode {
  const signedOut = useAuth((auth) => auth.status === 'unauthenticated');
  return signedOut ? children : null;
}
