// The e2e harness: builds examples/multipage, serves it with the reference server on a temporary
// SQLite file on 127.0.0.1 (an ephemeral port), and drives Debian's Chromium with playwright-core.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { Transport } from 'latchkey';
import { createAuthHandler, createDevOutbox, createSqliteStore, createUserAdmin, listen } from 'latchkey/server';
import type { AuthHandlerOptions, DevOutbox } from 'latchkey/server';
import { expect } from 'vitest';
import { createStaticHandler } from '../../src/cli/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** Screenshots of each journey's final state (gitignored). */
export const SCREENSHOTS = join(root, 'test-results', 'e2e');

/**
 * Builds `examples/<name>` into a temporary directory (never touching its own dist/, which
 * `npm start` may be serving), with extra environment variables (`VITE_*`). Returns the directory.
 */
export async function buildExample(name: string, env: Record<string, string> = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `latchkey-e2e-${name}-`));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(root, 'examples', name, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`building examples/${name} failed with exit ${String(code)}:\n${errors}`))));
  });
  return outDir;
}

/** The multipage example built for one transport. */
export function buildApp(transport: Transport): Promise<string> {
  return buildExample('multipage', { VITE_LATCHKEY_TRANSPORT: transport });
}

export interface TestServer {
  url: string;
  outbox: DevOutbox;
  /** Creates a user directly in the store (no HTTP), with the given password. */
  addUser(input: { username: string; password: string; roles?: string[]; email?: string; name?: string }): Promise<void>;
  close(): Promise<void>;
}

/** The reference server on a fresh SQLite file, serving `appDir` on the same origin. */
export async function startServer(
  appDir: string,
  options: Partial<Pick<AuthHandlerOptions, 'transport' | 'throttle' | 'session'>> = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-e2e-db-'));
  const store = createSqliteStore({ filename: join(dir, 'auth.sqlite') });
  const outbox = createDevOutbox({ log: false });
  const files = await createStaticHandler({ root: appDir });
  let app: ((request: Request, info?: { clientAddress?: string }) => Promise<Response>) | null = null;
  const running = await listen((request, info) => (app as NonNullable<typeof app>)(request, info), { host: '127.0.0.1', port: 0 });
  const auth = createAuthHandler({
    store,
    appUrl: running.url,
    mailer: outbox,
    links: { resetPassword: '/reset', login: '/login' },
    logger: () => undefined,
    // Every request comes from 127.0.0.1: a per-address limit the whole suite stays under.
    throttle: { address: { max: 10_000, windowMs: 60_000 }, ...options.throttle },
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.session ? { session: options.session } : {}),
  });
  app = (request, info) => (new URL(request.url).pathname.startsWith('/api/auth') ? auth(request, info) : files(request));
  const admin = createUserAdmin({ store, appUrl: running.url });
  return {
    url: running.url,
    outbox,
    async addUser({ username, password, roles = [], email = `${username}@example.com`, name = username }) {
      await admin.addUser({ username, password, roles, email, name });
    },
    async close() {
      await running.close();
      await auth.idle();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; never downloads a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const AXE = require.resolve('axe-core/axe.min.js');

/** Runs axe-core on the page as it is now; fails with the violations listed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`);
  });
  expect(violations, `axe on ${label} (${page.url()})`).toEqual([]);
}

/** Saves the journey's final state as `test-results/e2e/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The first link in the newest mail to `to`, waiting briefly for the background send. */
export async function mailTo(outbox: DevOutbox, to: string, after = 0): Promise<{ text: string; link: string | null }> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const messages = outbox.messages.filter((message) => message.to.toLowerCase() === to.toLowerCase());
    const message = messages.length > after ? messages[messages.length - 1] : undefined;
    if (message) return { text: message.text, link: /https?:\/\/\S+/.exec(message.text)?.[0] ?? null };
    if (Date.now() > deadline) throw new Error(`no mail to ${to} arrived within 5 s`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
