// examples/server/express.ts really runs: mounted on an ephemeral loopback port, it answers the
// contract under /api/auth (bodies included) and its own route reads the session through verify.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../examples/server/express.js';

let server: Server;
let close: () => Promise<void>;
let base: string;

beforeAll(async () => {
  const example = createApp({ db: ':memory:', appUrl: 'http://127.0.0.1' });
  close = example.close;
  server = await new Promise<Server>((done) => {
    const listening: Server = example.app.listen(0, '127.0.0.1', () => done(listening));
  });
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await close();
});

it('answers GET config under /api/auth', async () => {
  const response = await fetch(`${base}/api/auth/config`);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toMatchObject({ contract: 1, transport: 'cookie', registration: 'open' });
});

it('registers through the mount (a JSON body) and the app route then knows the user', async () => {
  expect((await fetch(`${base}/api/me`)).status).toBe(401);

  const first = await fetch(`${base}/api/auth/session`);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const cookies = () => jar.map((cookie) => cookie.split(';')[0]).join('; ');
  const jar = first.headers.getSetCookie();
  const registered = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken, Cookie: cookies() },
    body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: 'plum kettle orbit 7 lanterns' }),
  });
  expect(registered.status).toBe(201);
  jar.push(...registered.headers.getSetCookie());

  const me = await fetch(`${base}/api/me`, { headers: { Cookie: cookies() } });
  expect(me.status).toBe(200);
  expect(await me.json()).toEqual({ username: 'ada', roles: [] });
});
