'use client';
import { useContext, useMemo } from 'react';
import { defaultMessages } from '../widgets/messages.js';
import type { Messages } from '../widgets/messages.js';
import { AuthMessagesContext, useAuthCore } from './AuthContext.js';

/**
 * The strings widgets show: the provider's `messages` merged over the English defaults. A widget
 * spreads its own `messages` prop on top.
 *
 * @example
 * ```tsx
 * function Title() {
 *   const messages = useMessages();
 *   return <h1>{messages['login.title']}</h1>;
 * }
 * ```
 */
export function useMessages(): Messages {
  useAuthCore('useMessages');
  const overrides = useContext(AuthMessagesContext);
  return useMemo(() => (overrides === undefined ? defaultMessages : { ...defaultMessages, ...overrides }), [overrides]);
}
