import type * as Nodemailer from 'nodemailer';
import type { Mailer } from './Mailer.js';
import { optionalRequire } from './optionalRequire.js';

/**
 * Options of {@link createSmtpMailer}.
 *
 * @example
 * ```ts
 * const options: SmtpMailerOptions = { url: 'smtps://user:pass@smtp.example.com:465', from: 'App <no-reply@example.com>' };
 * ```
 */
export interface SmtpMailerOptions {
  /** An SMTP URL: `smtp://host:port`, `smtps://user:pass@host:465`; query options as nodemailer reads them. */
  url: string;
  /** Default sender. Default `latchkey <no-reply@localhost>`. */
  from?: string;
}

/**
 * A {@link Mailer} that delivers over SMTP through nodemailer.
 *
 * @example
 * ```ts
 * const mailer = createSmtpMailer({ url: process.env.SMTP_URL!, from: 'Acme <no-reply@acme.test>' });
 * const handler = createAuthHandler({ store, mailer, appUrl: 'https://acme.test' });
 * ```
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  let parsed: URL;
  try {
    parsed = new URL(options.url);
  } catch {
    throw new TypeError('createSmtpMailer: options.url is not a URL (expected smtp://host:port or smtps://user:pass@host:465)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new TypeError(`createSmtpMailer: options.url must use smtp: or smtps:, got ${parsed.protocol}`);
  }
  const { createTransport } = optionalRequire<typeof Nodemailer>('nodemailer', 'createSmtpMailer');
  const transport = createTransport(options.url);
  const from = options.from ?? 'latchkey <no-reply@localhost>';
  return {
    async send(message) {
      await transport.sendMail({
        from: message.from ?? from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
      });
    },
    close() {
      transport.close();
    },
  };
}
