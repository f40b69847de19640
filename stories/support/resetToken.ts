import type { StoryBackend } from './storyBackend.js';
import { storyBackend } from './storyBackend.js';

/**
 * Asks the story's mock backend for a password reset (a real `POST password/forgot`) and returns
 * the token from the mail it put in its outbox: the token a user would find in the link.
 *
 * @example
 * ```ts
 * const token = await mailedResetToken(context, 'grace@example.com');
 * ```
 */
export async function mailedResetToken(context: object, email: string): Promise<string> {
  const { backend, client }: StoryBackend = storyBackend(context);
  await client.forgotPassword({ identifier: email });
  const token = backend.outbox.last(email, 'password-reset')?.token;
  if (!token) throw new Error(`mailedResetToken: the mock backend sent no reset mail to ${email}`);
  return token;
}

/**
 * Puts `?token=…` into the address bar, as when the user opens the reset link from the mail
 * (`ResetPassword` reads it from there and removes it).
 *
 * @example
 * ```ts
 * openResetLink(await mailedResetToken(context, 'grace@example.com'));
 * ```
 */
export function openResetLink(token: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('token', token);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
