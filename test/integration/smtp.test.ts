import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthClient, isAuthError } from 'latchkey';
import { createSmtpMailer } from 'latchkey/server';
import { cookieJarFetch, startRealServer } from './realServer.js';
import type { RealServer } from './realServer.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP receiver on a loopback ephemeral port (no TLS, no auth: the test network is loopback). */
async function startSmtpReceiver(): Promise<{ port: number; mail: Received[]; next(): Promise<Received>; close(): Promise<void> }> {
  const mail: Received[] = [];
  const waiting: Array<(message: Received) => void> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
        };
        mail.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    port,
    mail,
    next: () =>
      new Promise<Received>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no mail arrived within 10 s')), 10_000);
        waiting.push((message) => {
          clearTimeout(timer);
          resolve(message);
        });
      }),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The text part of a (possibly quoted-printable) message, soft line breaks undone. */
function bodyText(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

let server: RealServer | null = null;
let receiver: Awaited<ReturnType<typeof startSmtpReceiver>> | null = null;
let mailer: ReturnType<typeof createSmtpMailer> | null = null;
afterEach(async () => {
  await server?.close();
  mailer?.close();
  await receiver?.close();
  server = null;
  mailer = null;
  receiver = null;
});

describe('the SMTP mailer against a real SMTP receiver on loopback', () => {
  it('forgot password: the reset mail arrives over SMTP and its link resets the password once', async () => {
    receiver = await startSmtpReceiver();
    mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${String(receiver.port)}`, from: 'Latchkey Test <no-reply@latchkey.test>' });
    server = await startRealServer({ transport: 'bearer', mailer, appName: 'Acme' });
    const client = createAuthClient({ baseUrl: server.baseUrl, transport: 'bearer' });
    await client.register({ username: 'erin', email: 'erin@example.com', password: 'old orchard lantern 55' });
    await client.logout();

    const arrival = receiver.next();
    await client.forgotPassword({ identifier: 'ERIN@example.com' });
    const message = await arrival;
    expect(message.from).toBe('no-reply@latchkey.test');
    expect(message.to).toEqual(['erin@example.com']);
    expect(message.raw).toMatch(/^Subject: .*Acme/m);
    const link = /https?:\/\/\S+/.exec(bodyText(message.raw))?.[0] ?? '';
    expect(link.startsWith(`${server.origin}/reset-password?token=`)).toBe(true);
    const token = new URL(link).searchParams.get('token') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await client.resetPassword({ token, password: 'new meadow compass 88' });
    expect((await client.login({ identifier: 'erin', password: 'new meadow compass 88' })).session.user.username).toBe('erin');
    const again = await client.resetPassword({ token, password: 'third try passphrase' }).catch((error: unknown) => error);
    expect(isAuthError(again) && again.code).toBe('invalid_token');

    // Neither the token nor a password is in the server's logs.
    const logs = JSON.stringify(server.logs);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('new meadow compass 88');
    expect(logs).not.toContain('old orchard lantern 55');
  });

  it('forgot username: the reminder names the user; an unknown address sends nothing but answers the same', async () => {
    receiver = await startSmtpReceiver();
    mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${String(receiver.port)}` });
    server = await startRealServer({ transport: 'cookie', mailer });
    const client = createAuthClient({ baseUrl: server.baseUrl, transport: 'cookie', fetch: cookieJarFetch() });
    await client.register({ username: 'frank', email: 'frank@example.com', password: 'frank keeps bees 1984' });
    await client.logout();
    const arrival = receiver.next();
    await client.forgotUsername({ email: 'nobody@example.com' });
    await client.forgotUsername({ email: 'frank@example.com' });
    const message = await arrival;
    expect(message.to).toEqual(['frank@example.com']);
    expect(bodyText(message.raw)).toContain('frank');
    await server.handler.idle();
    expect(receiver.mail).toHaveLength(1);
  });
});
