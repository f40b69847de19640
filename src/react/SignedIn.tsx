'use client';
import type { ReactNode } from 'react';
import { useAuth } from './useAuth.js';

/**
 * Renders its children only while a user is signed in (never while loading).
 *
 * @example
 * ```tsx
 * <SignedIn><AccountMenu /></SignedIn>
 * ```
 */
export function SignedIn({ children }: { children?: ReactNode }): ReactNode {
  const signedIn = useAuth((auth) => auth.status === 'authenticated');
  return signedIn ? children : null;
}
