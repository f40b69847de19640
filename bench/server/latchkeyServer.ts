/**
 * The reference server as measured by bench/run.ts: `createAuthHandler` on the default SQLite
 * store, cookie transport, behind the package's own Node adapter. Registers one user through the
 * contract, then prints `{"port": n, "cookie": "..."}` once ready.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthHandler, createSqliteStore, listen } from 'latchkey/server';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-server-'));
const store = createSqliteStore({ filename: join(dir, 'latchkey.sqlite') });
const handler = createAuthHandler({
  store,
  appUrl: 'http://127.0.0.1',
  transport: 'cookie',
  registration: 'open',
  logger: () => {},
});
const running = await listen(handler, { port: 0 });

/** Collects `name=value` pairs from Set-Cookie headers. */
function cookies(response: Response, jar: Map<string, string>): Map<string, string> {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const index = pair?.indexOf('=') ?? -1;
    if (pair && index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return jar;
}
const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

const jar = new Map<string, string>();
const first = await fetch(`${running.url}/api/auth/session`);
cookies(first, jar);
const { csrfToken } = (await first.json()) as { csrfToken: string };
const registered = await fetch(`${running.url}/api/auth/register`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: header(jar), origin: running.url },
  body: JSON.stringify({ username: 'ada', email: 'ada@example.com', name: 'Ada', password: 'a bench passphrase of some length' }),
});
if (registered.status !== 201) throw new Error(`bench: register answered ${registered.status}: ${await registered.text()}`);
cookies(registered, jar);
process.stdout.write(`${JSON.stringify({ port: running.port, cookie: header(jar) })}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
