// Mounting the latchkey reference handler in an Express 5 app, next to the app's own routes.
// Run it: `npx tsx examples/server/express.ts` (from the repository root), then
// `curl http://127.0.0.1:3000/api/auth/config`.
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import express from 'express';
import type { Express } from 'express';
import { createAuthHandler, createDevOutbox, createSqliteStore, toNodeListener } from 'latchkey/server';

export interface ExampleApp {
  app: Express;
  /** Closes the database (call after the HTTP server has stopped). */
  close(): Promise<void>;
}

export function createApp({ db = 'express-example.db', appUrl = 'http://127.0.0.1:3000' }: { db?: string; appUrl?: string } = {}): ExampleApp {
  const store = createSqliteStore({ filename: db });
  // The development outbox prints reset links on stdout; use createSmtpMailer in production.
  const auth = createAuthHandler({ store, appUrl, mailer: createDevOutbox() });

  const app = express();
  // On the full path and before any body parser (the handler reads and limits the body itself).
  const authListener = toNodeListener(auth);
  app.all('/api/auth/{*path}', (req, res) => authListener(req, res));

  app.use(express.json());
  // One of the app's own routes: who is asking? `GET verify` answers 204 + X-Auth-* headers or 401.
  app.get('/api/me', async (req, res) => {
    const verify = await auth(new Request(new URL('/api/auth/verify', appUrl), { headers: { cookie: req.headers.cookie ?? '' } }));
    if (verify.status !== 204) {
      res.status(401).json({ error: 'sign in first' });
      return;
    }
    res.json({ username: verify.headers.get('X-Auth-Username'), roles: verify.headers.get('X-Auth-Roles')?.split(',').filter(Boolean) ?? [] });
  });

  return { app, close: () => store.close() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  const { app, close } = createApp({ appUrl: `http://127.0.0.1:${String(port)}` });
  const server: Server = app.listen(port, '127.0.0.1', () => console.log(`Express + latchkey on http://127.0.0.1:${String(port)}/api/auth/config`));
  process.once('SIGINT', () => server.close(() => void close()));
}
