import type { MailMessage, Mailer } from './Mailer.js';

/**
 * Options of {@link createDevOutbox}.
 *
 * @example
 * ```ts
 * const options: DevOutboxOptions = { log: false };
 * ```
 */
export interface DevOutboxOptions {
  /** Where each message is printed: `true` (default) = the console, `false` = nowhere, or a function. */
  log?: boolean | ((text: string) => void);
}

/**
 * A development {@link Mailer}: keeps every message and prints it, so the links in reset and
 * verification mail can be followed without a mail server. Not for production (it prints links
 * that carry one-time tokens).
 *
 * @example
 * ```ts
 * const outbox = createDevOutbox({ log: false });
 * const handler = createAuthHandler({ store, mailer: outbox, appUrl: 'http://localhost:5173' });
 * // ... after POST password/forgot:
 * outbox.last('ada@example.com')?.text;
 * ```
 */
export interface DevOutbox extends Mailer {
  /** Every message sent, oldest first. */
  readonly messages: readonly MailMessage[];
  /** The newest message to `to` (compared case-insensitively), or the newest of all without `to`. */
  last(to?: string): MailMessage | undefined;
  /** Forgets every message. */
  clear(): void;
}

/**
 * Creates a {@link DevOutbox}.
 *
 * @example
 * ```ts
 * const outbox = createDevOutbox();
 * await outbox.send({ to: 'a@b.test', subject: 'Hi', text: 'Hello' });
 * outbox.messages.length; // 1
 * ```
 */
export function createDevOutbox(options: DevOutboxOptions = {}): DevOutbox {
  const messages: MailMessage[] = [];
  const log = options.log ?? true;
  const print = log === true ? (text: string) => console.log(text) : log === false ? null : log;
  return {
    messages,
    async send(message) {
      messages.push({ ...message });
      print?.(`[latchkey outbox] to: ${message.to}\n[latchkey outbox] subject: ${message.subject}\n${message.text}\n[latchkey outbox] end`);
    },
    last(to) {
      const wanted = to?.toLowerCase();
      for (let index = messages.length - 1; index >= 0; index -= 1) {
        const message = messages[index] as MailMessage;
        if (wanted === undefined || message.to.toLowerCase() === wanted) return message;
      }
      return undefined;
    },
    clear() {
      messages.length = 0;
    },
  };
}
