/**
 * The baseline the reference server is measured against: Express 5 + express-session with its
 * SQLite store (better-sqlite3-session-store), doing the same check as latchkey's `GET session`
 * and `GET verify`: find the session by its cookie, load the user, answer. Started as a child
 * process by bench/run.ts; prints `{"port": n, "cookie": "..."}` once ready.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import session from 'express-session';
// @ts-expect-error: the package ships no types
import makeSqliteStore from 'better-sqlite3-session-store';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-express-'));
const db = new Database(join(dir, 'baseline.sqlite'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT, email TEXT, name TEXT, roles TEXT)');
db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?)').run('u1', 'ada', 'ada@example.com', 'Ada', '["admin"]');
const findUser = db.prepare('SELECT * FROM users WHERE id = ?');

const SqliteStore = makeSqliteStore(session);
const app = express();
app.use(
  session({
    store: new SqliteStore({ client: db, expired: { clear: true, intervalMs: 900_000 } }),
    secret: 'bench-only-secret',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', maxAge: 3_600_000 },
  }),
);

type Row = { id: string; username: string; email: string | null; name: string | null; roles: string };
declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

app.post('/login', (req, res) => {
  req.session.userId = 'u1';
  res.status(204).end();
});
app.get('/session', (req, res) => {
  res.set('Cache-Control', 'no-store');
  const row = req.session.userId ? (findUser.get(req.session.userId) as Row | undefined) : undefined;
  if (!row) return res.json({ session: null });
  res.json({ session: { user: { ...row, roles: JSON.parse(row.roles) as string[] }, expiresAt: req.session.cookie.expires?.toISOString() ?? null } });
});
app.get('/verify', (req, res) => {
  const row = req.session.userId ? (findUser.get(req.session.userId) as Row | undefined) : undefined;
  if (!row) return res.status(401).end();
  res.set({ 'X-Auth-User-Id': row.id, 'X-Auth-Username': row.username, 'X-Auth-Roles': (JSON.parse(row.roles) as string[]).join(',') });
  res.status(204).end();
});

const server = app.listen(0, '127.0.0.1', async () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const response = await fetch(`http://127.0.0.1:${port}/login`, { method: 'POST' });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  process.stdout.write(`${JSON.stringify({ port, cookie })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
