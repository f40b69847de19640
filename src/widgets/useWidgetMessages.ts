import { useContext, useMemo } from 'react';
import { AuthMessagesContext } from '../react/AuthContext.js';
import type { Messages } from './messages.js';

/**
 * The dictionary a widget uses: its own defaults (only the slices of {@link defaultMessages} it
 * shows, so a bundle carries only those strings), the provider's `messages` spread over them
 * (as `useMessages()` does over the whole dictionary), and the widget's `messages` prop on top.
 * Internal helper of the widgets. It does not check for the provider itself: every widget goes on
 * to a flow hook (`useLogin`, `useAuth`, ...) that reports a missing `<AuthProvider>` by name.
 *
 * @example
 * ```tsx
 * const LOGIN_STRINGS = { ...commonStrings, ...loginStrings };
 * const messages = useWidgetMessages(LOGIN_STRINGS, props.messages);
 * <h2>{messages['login.title']}</h2>;
 * ```
 */
export function useWidgetMessages<T extends Partial<Messages>>(defaults: T, overrides: Partial<Messages> | undefined): T {
  const provider = useContext(AuthMessagesContext);
  return useMemo(() => {
    const merged: Partial<Messages> = { ...defaults, ...provider };
    // The widget's overrides win, except keys given as `undefined`.
    for (const [key, value] of Object.entries(overrides ?? {})) if (typeof value === 'string') merged[key as keyof Messages] = value;
    return merged as T;
  }, [defaults, provider, overrides]);
}
