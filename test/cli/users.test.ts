import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser } from 'latchkey/contract';
import { builtCli } from './builtCli.js';
import { runLatchkey } from './runLatchkey.js';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-cli-users-'));
const db = join(dir, 'auth.db');
beforeAll(() => builtCli(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const users = (...args: string[]) => runLatchkey(['users', ...args, '--db', db]);

async function list(): Promise<AdminUser[]> {
  const result = await users('list', '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as AdminUser[];
}

// One database through the whole life of two users, in order.
describe.sequential('latchkey users on a SQLite database', () => {
  let generated = '';

  it('add: creates the database, generates a password when stdin is empty and prints it once', async () => {
    const result = await users('add', 'ada', '--email', 'Ada@Example.com', '--name', 'Ada Lovelace', '--roles', 'admin,editor');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Created user "ada" \(roles: admin, editor\)\.$/m);
    const match = /Generated password \(shown only now, store it safely\): (\S+)$/m.exec(result.stdout);
    expect(match).not.toBeNull();
    generated = match?.[1] ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(20);
    const [ada] = await list();
    expect(ada).toMatchObject({ username: 'ada', email: 'Ada@Example.com', name: 'Ada Lovelace', roles: ['admin', 'editor'], disabled: false, lastLoginAt: null });
    // The password is in no listing.
    expect(JSON.stringify(await list())).not.toContain(generated);
  });

  it('add: reads the password from stdin when piped (only the trailing newline is dropped)', async () => {
    const result = await runLatchkey(['users', 'add', 'bob', '--db', db], { input: '  a passphrase with spaces  \n' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Created user "bob".\n');
  });

  it('add: a piped password the policy refuses creates nobody and says why', async () => {
    const short = await runLatchkey(['users', 'add', 'carol', '--db', db], { input: 'short\n' });
    expect(short).toMatchObject({ code: 1, stderr: expect.stringMatching(/the password from stdin was refused: Use at least 12 characters/) });
    const sameAsName = await runLatchkey(['users', 'add', 'carol-the-admin', '--db', db], { input: 'carol-the-admin\n' });
    expect(sameAsName.code).toBe(1);
    expect(sameAsName.stderr).toMatch(/must not be your username/);
    const twoLines = await runLatchkey(['users', 'add', 'carol', '--db', db], { input: 'first line password\nsecond line\n' });
    expect(twoLines.code).toBe(2);
    expect(twoLines.stderr).toMatch(/expected one line \(the password\), got several lines/);
    expect((await list()).map((user) => user.username)).toEqual(['ada', 'bob']);
  });

  it('add: a taken username or email is refused with exit 1', async () => {
    const taken = await users('add', 'ADA');
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringMatching(/the username "ADA" is taken/) });
    const email = await users('add', 'ada2', '--email', 'ada@example.com');
    expect(email).toMatchObject({ code: 1, stderr: expect.stringMatching(/the email address "ada@example.com" is in use/) });
  });

  it('add --generate-password: never reads stdin, so a script whose stdin stays open does not hang', async () => {
    const child = spawn(process.execPath, [join(await builtCli(), 'bin', 'latchkey.js'), 'users', 'add', 'erin', '--generate-password', '--db', db], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Created user "erin"\.\nGenerated password \(shown only now, store it safely\): \S{24}\n$/);
    expect((await users('delete', 'erin')).code).toBe(0);
  });

  it('add --json: prints the user and the generated password as JSON', async () => {
    const result = await users('add', 'dave', '--json');
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as { user: AdminUser; password: string };
    expect(body.user).toMatchObject({ username: 'dave', roles: [], disabled: false });
    expect(body.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('list: a readable table with roles and status', async () => {
    const result = await users('list');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^USERNAME\s+EMAIL\s+NAME\s+ROLES\s+STATUS\s+LAST SIGN-IN$/);
    expect(lines[1]).toMatch(/^ada\s+Ada@Example\.com\s+Ada Lovelace\s+admin,editor\s+active\s+never$/);
    expect(lines.at(-1)).toBe('3 users');
    const filtered = await users('list', '--query', 'LOVE', '--json');
    expect((JSON.parse(filtered.stdout) as AdminUser[]).map((user) => user.username)).toEqual(['ada']);
  });

  it('set-roles: replaces the roles; by username or email; "" removes all', async () => {
    const set = await users('set-roles', 'bob', 'editor,viewer');
    expect(set).toMatchObject({ code: 0, stdout: 'Roles of "bob": editor, viewer\n' });
    const byEmail = await users('set-roles', 'ADA@example.com', 'admin');
    expect(byEmail.code).toBe(0);
    expect((await list()).map((user) => [user.username, user.roles])).toEqual([
      ['ada', ['admin']],
      ['bob', ['editor', 'viewer']],
      ['dave', []],
    ]);
    const none = await users('set-roles', 'bob', '');
    expect(none.stdout).toBe('Roles of "bob": (none)\n');
    const missing = await users('set-roles', 'nobody', 'admin');
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/no user "nobody" in .*auth\.db \(see: latchkey users list\)/) });
  });

  it('removing the last admin works (the CLI is the way back in) but warns', async () => {
    const result = await users('set-roles', 'ada', 'editor');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no enabled user has the role admin any more/);
    await users('set-roles', 'ada', 'admin');
  });

  it('disable and enable', async () => {
    const disabled = await users('disable', 'bob');
    expect(disabled).toMatchObject({ code: 0, stdout: 'Disabled "bob" (0 sessions ended).\n' });
    expect((await list()).find((user) => user.username === 'bob')?.disabled).toBe(true);
    expect((await users('list')).stdout).toMatch(/^bob\s+.*disabled/m);
    const enabled = await users('enable', 'bob');
    expect(enabled).toMatchObject({ code: 0, stdout: 'Enabled "bob".\n' });
    expect((await list()).find((user) => user.username === 'bob')?.disabled).toBe(false);
  });

  it('reset-link: a one-time link on the configured app URL, valid 30 minutes', async () => {
    const before = Date.now();
    const result = await users('reset-link', 'bob', '--app-url', 'https://app.example.com/portal/', '--json');
    expect(result.code, result.stderr).toBe(0);
    const { url, expiresAt } = JSON.parse(result.stdout) as { url: string; expiresAt: string };
    const link = new URL(url);
    expect(link.origin + link.pathname).toBe('https://app.example.com/portal/reset-password');
    expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ttl = Date.parse(expiresAt) - before;
    expect(ttl).toBeGreaterThan(29 * 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    const text = await runLatchkey(['users', 'reset-link', 'bob', '--db', db], { env: { LATCHKEY_APP_URL: 'https://env.example.com' } });
    expect(text.stdout).toMatch(/^https:\/\/env\.example\.com\/reset-password\?token=\S+$/m);
  });

  it('set-password: generated when stdin is empty, printed once', async () => {
    const result = await users('set-password', 'dave');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^New password set for "dave" \(0 sessions ended\)\.\nGenerated password \(shown only now, store it safely\): \S{24}\n$/);
  });

  it('delete: the user is gone', async () => {
    const result = await users('delete', 'dave');
    expect(result).toMatchObject({ code: 0, stdout: 'Deleted "dave".\n' });
    expect((await list()).map((user) => user.username)).toEqual(['ada', 'bob']);
    const again = await users('delete', 'dave');
    expect(again.code).toBe(1);
  });

  it('commands other than add refuse a database file that does not exist (a typo in --db)', async () => {
    const result = await runLatchkey(['users', 'list', '--db', join(dir, 'typo.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the database .*typo\.db does not exist \(check --db or LATCHKEY_DB/);
    const env = await runLatchkey(['users', 'list', '--json'], { env: { LATCHKEY_DB: db } });
    expect(env.code).toBe(0);
    expect(JSON.parse(env.stdout)).toHaveLength(2);
  });
});
