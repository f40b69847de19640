// The reference server for integration tests: createAuthHandler on a temporary SQLite file,
// listening on 127.0.0.1 (an ephemeral port), with a cookie-jar fetch for Node clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthHandler, createDevOutbox, createPasswordHasher, createSqliteStore, listen } from 'latchkey/server';
import type { AuthHandler, AuthHandlerOptions, AuthLogEntry, AuthStore, DevOutbox, Mailer, RunningServer } from 'latchkey/server';

/** Cheap argon2id parameters so tests do not spend their time hashing (the defaults are tested in test/server). */
const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export interface RealServer {
  /** `http://127.0.0.1:<port>/api/auth` */
  readonly baseUrl: string;
  readonly origin: string;
  readonly handler: AuthHandler;
  readonly store: AuthStore;
  readonly outbox: DevOutbox;
  readonly logs: AuthLogEntry[];
  close(): Promise<void>;
}

export async function startRealServer(
  options: { transport: 'cookie' | 'bearer'; mailer?: Mailer } & Partial<Omit<AuthHandlerOptions, 'store' | 'appUrl'>>,
): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-integration-'));
  const store = createSqliteStore({ filename: join(dir, 'auth.db') });
  const outbox = createDevOutbox({ log: false });
  const logs: AuthLogEntry[] = [];
  let handler: AuthHandler | null = null;
  // The app URL (links in mail) is only known once the port is: listen first, then build the handler.
  const running: RunningServer = await listen((request, info) => (handler as AuthHandler)(request, info), { port: 0, host: '127.0.0.1' });
  handler = createAuthHandler({
    passwordHasher: hasher,
    logger: (entry) => logs.push(entry),
    ...options,
    store,
    appUrl: running.url,
    mailer: options.mailer ?? outbox,
  });
  const ready = handler;
  return {
    baseUrl: `${running.url}/api/auth`,
    origin: running.url,
    handler: ready,
    store,
    outbox,
    logs,
    async close() {
      await running.close();
      await ready.idle();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A `fetch` with a cookie jar, standing in for the browser: stores every `Set-Cookie` of the
 * answers (dropping expired ones) and sends the cookies back. One jar is one browser.
 */
export function cookieJarFetch(): typeof fetch & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const jarFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=').map((part) => part.trim());
        if (key.toLowerCase() === 'max-age') return Number(raw) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(raw) <= Date.now();
        return false;
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  return Object.assign(jarFetch as typeof fetch, { cookies });
}
