// lib/auth.ts: the reference handler, created once per server process (module scope).
import { createAuthHandler, createSmtpMailer, createSqliteStore } from 'latchkey/server';

export const auth = createAuthHandler({
  store: createSqliteStore({ filename: process.env.LATCHKEY_DB ?? 'latchkey.db' }),
  appUrl: process.env.APP_URL ?? 'http://localhost:3000', // links in mail; the origin allowed to post
  ...(process.env.SMTP_URL ? { mailer: createSmtpMailer({ url: process.env.SMTP_URL }) } : {}),
});
