import { useContext, useMemo } from 'react';
import { AuthMessagesContext, useAuthCore } from '../react/AuthContext.js';
import type { Messages } from './messages.js';

/**
 * The dictionary a widget uses: its own defaults (only the slices of {@link defaultMessages} it
 * shows, so a bundle carries only those strings), the provider's `messages` spread over them
 * (as `useMessages()` does over the whole dictionary), and the widget's `messages` prop on top.
 * Internal helper of the widgets.
 *
 * @example
 * ```tsx
 * const LOGIN_STRINGS = { ...commonStrings, ...loginStrings };
 * const messages = useWidgetMessages(LOGIN_STRINGS, props.messages);
 * <h2>{messages['login.title']}</h2>;
 * ```
 */
export function useWidgetMessages<T extends Partial<Messages>>(defaults: T, overrides: Partial<Messages> | undefined): T {
  useAuthCore('useMessages');
  const provider = useContext(AuthMessagesContext);
  return useMemo(() => mergeMessages({ ...defaults, ...provider }, overrides ?? {}), [defaults, provider, overrides]);
}

/**
 * Merges overrides over a dictionary, ignoring keys whose value is `undefined`.
 *
 * @example
 * ```ts
 * mergeMessages(defaultMessages, { 'login.submit': 'Log in' })['login.submit']; // 'Log in'
 * ```
 */
export function mergeMessages<T extends Partial<Messages>>(base: T, overrides: Partial<Messages>): T {
  const merged: Partial<Messages> = { ...base };
  for (const key of Object.keys(overrides) as Array<keyof Messages>) {
    const value = overrides[key];
    if (typeof value === 'string') merged[key] = value;
  }
  return merged as T;
}
