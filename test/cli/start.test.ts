import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthResultSchema } from 'latchkey/contract';
import { ROOT } from './runLatchkey.js';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-start-'));
const db = join(dir, 'demo.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  url: string;
  output(): string;
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `npm start` as a user runs it (the script behind it), on a private database and a free port. */
function npmStart(): Promise<Started> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LATCHKEY_DB: db, LATCHKEY_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /Open (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ url, output: () => stdout, stop: () => (child.kill('SIGINT'), exited) });
    });
    void exited.then((result) => reject(new Error(`npm start exited (${String(result.code)}) before serving:\n${result.stdout}\n${result.stderr}`)));
  });
}

/** Signs in like a browser in cookie mode: a session read hands out the CSRF token and cookie a login needs. */
async function login(url: string, identifier: string, password: string): Promise<Response> {
  const session = await fetch(`${url}/api/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const cookie = session.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
    body: JSON.stringify({ identifier, password }),
  });
}

describe('npm start', () => {
  it('first run: seeds admin + user with passwords printed once, serves the app and the API on one URL, stops on Ctrl-C', async () => {
    const first = await npmStart();
    const output = first.output();
    const admin = /admin \(role admin\) +password: (\S+)/.exec(output)?.[1] ?? '';
    const user = /user +password: (\S+)/.exec(output)?.[1] ?? '';
    expect(admin).toMatch(/^\S{20,}$/);
    expect(user).toMatch(/^\S{20,}$/);
    expect(output).toMatch(/serving app \+ auth API/);
    expect(existsSync(db)).toBe(true);

    const page = await fetch(first.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const deepLink = await fetch(`${first.url}/reset-password?token=abc`, { headers: { accept: 'text/html' } });
    expect(deepLink.headers.get('content-type')).toBe('text/html; charset=utf-8');

    const signedIn = await login(first.url, 'admin', admin);
    expect(signedIn.status).toBe(200);
    expect(AuthResultSchema.parse(await signedIn.json()).session.user).toMatchObject({ username: 'admin', roles: ['admin'] });

    const stopped = await first.stop();
    expect(stopped.code).toBe(0);

    // Second run: same database, nothing seeded, no password printed.
    const second = await npmStart();
    expect(second.output()).not.toMatch(/password:/);
    expect(second.output()).not.toContain(admin);
    const regular = await login(second.url, 'user', user);
    expect(regular.status).toBe(200);
    expect(AuthResultSchema.parse(await regular.json()).session.user).toMatchObject({ username: 'user', roles: [] });
    expect((await second.stop()).code).toBe(0);
  }, 300_000);
});
