/**
 * One plain-text mail (with an optional HTML part).
 *
 * @example
 * ```ts
 * const message: MailMessage = { to: 'ada@example.com', subject: 'Reset your password', text: 'Open https://...' };
 * ```
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Overrides the mailer's default sender. */
  from?: string;
}

/**
 * Sends mail. The reference server never awaits it inside a request: mail goes out in the
 * background and a failure is logged, not shown to the person who asked.
 *
 * @example
 * ```ts
 * const mailer: Mailer = { async send(message) { await myProvider.post(message); } };
 * ```
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
