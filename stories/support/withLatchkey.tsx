import type { Decorator } from '@storybook/react-vite';
import { useLayoutEffect } from 'react';
// The theme as text, so the "Styles" toolbar can switch it off (the unstyled mode).
import themeCss from '../../src/styles/latchkey.css?inline';
import type { ReactNode } from 'react';
import { AuthProvider, messagesDe } from 'latchkey';
import type { Messages } from 'latchkey';
import { storyBackend } from './storyBackend.js';

/** Dictionaries offered by the "Locale" toolbar. */
export const LOCALES: Record<string, Partial<Messages> | undefined> = { en: undefined, de: messagesDe };

/**
 * Puts the theme on `<html>` too, so portals (the expiry dialog) follow it, and adds or removes
 * the default stylesheet.
 */
function ThemeRoot({ theme, styled }: { theme: string; styled: boolean }) {
  useLayoutEffect(() => {
    document.documentElement.setAttribute('data-lk-theme', theme);
  }, [theme]);
  useLayoutEffect(() => {
    if (!styled) return undefined;
    const style = document.createElement('style');
    style.dataset['latchkeyTheme'] = '';
    style.textContent = themeCss;
    document.head.append(style);
    return () => style.remove();
  }, [styled]);
  return null;
}

/**
 * Wraps a story in the theme frame (`data-lk-theme` from the "Theme" toolbar) and an
 * `AuthProvider` bound to the story's fresh mock backend and QueryClient, with the messages of
 * the "Locale" toolbar.
 *
 * @example
 * ```ts
 * const preview: Preview = { decorators: [withLatchkey] };
 * ```
 */
export const withLatchkey: Decorator = (Story, context) => {
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const locale = typeof context.globals['locale'] === 'string' ? context.globals['locale'] : 'en';
  const styled = context.globals['styles'] !== 'unstyled';
  const messages = LOCALES[locale];
  const { id, client, queryClient, settings } = storyBackend(context);
  let story: ReactNode = <Story />;
  if (!settings.noProvider) {
    story = (
      <AuthProvider
        key={id}
        client={client}
        queryClient={queryClient}
        {...(messages ? { messages } : {})}
        {...(settings.provider?.expiryWarningMs === undefined ? {} : { expiryWarningMs: settings.provider.expiryWarningMs })}
        loginPath={settings.provider?.loginPath ?? '/login'}
        navigate={() => undefined}
      >
        {story}
      </AuthProvider>
    );
  }
  return (
    <div data-lk-theme={theme} lang={locale} className="lk-story-frame" data-view-mode={context.viewMode} data-styled={styled}>
      <ThemeRoot theme={theme} styled={styled} />
      {story}
    </div>
  );
};
