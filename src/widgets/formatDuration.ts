import { formatMessage } from './formatMessage.js';
import type { Messages } from './messages.js';

/**
 * Formats a number of seconds for people, with the dictionary's `duration.*` messages:
 * `1 second`, `42 seconds`, `14 min 5 s`.
 *
 * @example
 * ```ts
 * formatDuration(75, defaultMessages); // '1 min 15 s'
 * ```
 */
export function formatDuration(totalSeconds: number, messages: Pick<Messages, 'duration.second' | 'duration.seconds' | 'duration.minutes'>): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) {
    return seconds === 1 ? messages['duration.second'] : formatMessage(messages['duration.seconds'], { seconds });
  }
  return formatMessage(messages['duration.minutes'], { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}
