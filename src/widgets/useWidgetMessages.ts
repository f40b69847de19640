import { useMemo } from 'react';
import { useMessages } from '../react/index.js';
import type { Messages } from './messages.js';

/**
 * The dictionary a widget uses: its own `messages` prop merged over the provider's messages,
 * which are merged over {@link defaultMessages}. Internal helper of the widgets.
 *
 * @example
 * ```tsx
 * const messages = useWidgetMessages(props.messages);
 * <h2>{messages['login.title']}</h2>;
 * ```
 */
export function useWidgetMessages(overrides: Partial<Messages> | undefined): Messages {
  const base = useMessages();
  return useMemo(() => (overrides === undefined ? base : mergeMessages(base, overrides)), [base, overrides]);
}

/**
 * Merges overrides over a dictionary, ignoring keys whose value is `undefined`.
 *
 * @example
 * ```ts
 * mergeMessages(defaultMessages, { 'login.submit': 'Log in' })['login.submit']; // 'Log in'
 * ```
 */
export function mergeMessages(base: Messages, overrides: Partial<Messages>): Messages {
  const merged: Messages = { ...base };
  for (const key of Object.keys(overrides) as Array<keyof Messages>) {
    const value = overrides[key];
    if (typeof value === 'string') merged[key] = value;
  }
  return merged;
}
