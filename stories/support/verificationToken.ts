import type { StoryBackend } from './storyBackend.js';
import { storyBackend } from './storyBackend.js';

/** Someone who registers in a story (not a seed user): a fresh account waiting for its confirmation mail. */
export const NEWCOMER = {
  username: 'margaret',
  email: 'margaret@example.com',
  password: 'apollo guidance computer',
} as const;

/**
 * Registers {@link NEWCOMER} with the story's mock backend (a real `POST register`; the story must
 * set `mockEmailVerification: true`) and returns the token from the confirmation mail it put in
 * its outbox: the token a user would find in the link.
 *
 * @example
 * ```ts
 * const token = await mailedVerificationToken(context);
 * ```
 */
export async function mailedVerificationToken(context: object): Promise<string> {
  const { backend, client }: StoryBackend = storyBackend(context);
  await client.register({ username: NEWCOMER.username, email: NEWCOMER.email, password: NEWCOMER.password });
  const token = backend.outbox.last(NEWCOMER.email, 'verify-email')?.token;
  if (!token) {
    throw new Error(`mailedVerificationToken: the mock backend sent no confirmation mail to ${NEWCOMER.email} (is mockEmailVerification on?)`);
  }
  return token;
}
