import { createAuthHandler, createMemoryStore, listen, toNodeListener } from 'latchkey/server';
import express from 'express';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fastHasher, PASSWORD } from './helpers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function serveExpress(app: express.Express): Promise<string> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${String(port)}`;
}

const handlerFor = () =>
  createAuthHandler({ store: createMemoryStore(), appUrl: 'http://app.test', transport: 'bearer', passwordHasher: fastHasher, logger: () => undefined });

describe('mounting the handler', () => {
  it('in Express under a mount path, before or after express.json()', async () => {
    for (const withJson of [false, true]) {
      const app = express();
      if (withJson) app.use(express.json());
      app.use('/api/auth', toNodeListener(handlerFor()));
      app.get('/hello', (_req, res) => {
        res.send('app route');
      });
      const url = await serveExpress(app);
      const register = await fetch(`${url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: PASSWORD }),
      });
      expect(register.status, await register.clone().text()).toBe(201);
      const { tokens } = (await register.json()) as { tokens: { accessToken: string } };
      const verify = await fetch(`${url}/api/auth/verify`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
      expect(verify.status).toBe(204);
      expect(await (await fetch(`${url}/hello`)).text()).toBe('app route');
    }
  });

  it('as a plain Fetch handler (no client address known): per-identifier throttling still applies, no global address lock-out', async () => {
    const handler = createAuthHandler({
      store: createMemoryStore(),
      appUrl: 'http://app.test',
      transport: 'bearer',
      passwordHasher: fastHasher,
      logger: () => undefined,
      throttle: { address: { max: 1, windowMs: 60_000 } },
    });
    const login = (identifier: string) =>
      handler(
        new Request('http://app.test/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifier, password: 'wrong password!' }),
        }),
      );
    for (let i = 0; i < 3; i += 1) expect((await login(`user${String(i)}`)).status).toBe(401);
    for (let i = 0; i < 5; i += 1) await login('same');
    expect((await login('same')).status).toBe(429);
  });

  it('listen() answers on an ephemeral loopback port and closes', async () => {
    const running = await listen(handlerFor());
    const answer = await fetch(`${running.url}/api/auth/config`);
    expect(answer.status).toBe(200);
    await running.close();
    await expect(fetch(`${running.url}/api/auth/config`)).rejects.toThrow();
  });
});
