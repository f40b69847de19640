import { createJsonLogger } from 'latchkey/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mailedToken, makeServer, OTHER_PASSWORD, PASSWORD, seedUser } from './helpers.js';

const THIRD_PASSWORD = 'violet harbor compass 19';

describe('27: logs never contain a password, token or cookie value', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(['cookie', 'bearer'] as const)('collects all log output of a full flow (%s) and finds none of the secrets in it', async (transport) => {
    const lines: string[] = [];
    const consoleLines: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map(String).join(' '));
      });
    }
    const server = makeServer({ transport, logger: createJsonLogger((line) => lines.push(line)), features: { emailVerification: true } });
    await seedUser(server, 'root', { roles: ['admin'] });
    const secrets: string[] = [PASSWORD, OTHER_PASSWORD, THIRD_PASSWORD, 'typo-password-in-username-field'];
    const keep = (value: string | null | undefined) => {
      if (value) secrets.push(value);
    };
    const client = server.client();
    // Register + verify email.
    await client.post('register', { username: 'ada', email: 'ada@example.com', password: PASSWORD });
    await server.handler.idle();
    const verifyToken = mailedToken(server.outbox, 'ada@example.com');
    keep(verifyToken);
    const verified = await client.post('email/verify', { token: verifyToken });
    keep(client.csrf);
    keep(client.accessToken);
    keep(client.refreshToken);
    for (const cookie of verified.headers.getSetCookie()) keep(cookie.split(';')[0]!.split('=')[1]);
    // Failures, a password typed into the username field, lockout.
    for (let i = 0; i < 6; i += 1) await server.client().login('ada', `wrong-${String(i)}-${PASSWORD}`);
    for (let i = 0; i < 6; i += 1) secrets.push(`wrong-${String(i)}-${PASSWORD}`);
    await server.client().login('typo-password-in-username-field', PASSWORD);
    // Change password, refresh (bearer), forgot + reset, username reminder.
    await client.post('password/change', { currentPassword: PASSWORD, newPassword: OTHER_PASSWORD });
    keep(client.csrf);
    keep(client.accessToken);
    keep(client.refreshToken);
    if (transport === 'bearer') {
      const old = client.refreshToken;
      await client.post('refresh', { refreshToken: client.refreshToken });
      keep(client.accessToken);
      keep(client.refreshToken);
      await server.client().post('refresh', { refreshToken: old }); // reuse → revocation is logged
    }
    await client.post('password/forgot', { identifier: 'ada@example.com' });
    await server.handler.idle();
    const resetToken = mailedToken(server.outbox, 'ada@example.com');
    keep(resetToken);
    await client.post('username/forgot', { email: 'ada@example.com' });
    await server.handler.idle();
    await server.client().post('password/reset', { token: resetToken, password: THIRD_PASSWORD });
    const signedIn = server.client();
    const login = await signedIn.login('ada', THIRD_PASSWORD);
    for (const cookie of login.headers.getSetCookie()) keep(cookie.split(';')[0]!.split('=')[1]);
    keep(signedIn.accessToken);
    keep(signedIn.refreshToken);
    await signedIn.post('logout');
    // Admin: reset link, invite.
    const admin = server.client();
    await admin.login('root', PASSWORD);
    keep(admin.accessToken);
    const link = await admin.post('admin/users/id-root/reset-link');
    keep(new URL((link.body as { url: string }).url).searchParams.get('token'));
    const invite = await admin.post('admin/invites', {});
    keep((invite.body as { invite: { code: string } }).invite.code);
    await server.handler.idle();

    const everything = [...lines, ...consoleLines].join('\n');
    expect(lines.length).toBeGreaterThan(15);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const events = lines.map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toEqual(expect.arrayContaining(['login.failure', 'login.locked', 'login.success', 'password.changed', 'password.reset_requested', 'password.reset_completed']));
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(everything.includes(secret), `log output contains a secret: ${secret.slice(0, 4)}…`).toBe(false);
    }
    expect(everything).not.toContain('typo-password');
  });
});
