import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, outboxFromUrl, runConformance } from 'latchkey/conformance';
import { createAuthHandler, createDevOutbox, createMemoryStore, createPasswordHasher, createSqliteStore, listen } from 'latchkey/server';
import type { AuthStore, RunningServer } from 'latchkey/server';
import { createOutboxEndpoint, OUTBOX_PATH } from '../../src/cli/createOutboxEndpoint.js';
import { failedIds } from './backends.js';

const ADMIN = { identifier: 'root', password: 'root admin passphrase 1' };
const dir = mkdtempSync(join(tmpdir(), 'latchkey-conformance-'));
const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** The reference server as shipped (default hashing), an admin in its store, its dev outbox behind the test-only endpoint. */
async function startReference(
  transport: 'cookie' | 'bearer',
  store: AuthStore,
  features: { emailVerification?: boolean } = {},
  registration: 'open' | 'invite' | 'closed' = 'open',
) {
  const hasher = createPasswordHasher();
  const now = Date.now();
  await store.createUser({
    id: 'admin-1',
    username: ADMIN.identifier,
    usernameKey: ADMIN.identifier,
    email: 'root@example.test',
    emailKey: 'root@example.test',
    name: 'Root',
    roles: ['admin'],
    passwordHash: await hasher.hash(ADMIN.password),
    disabled: false,
    emailVerified: true,
    profile: null,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  });
  const outbox = createDevOutbox({ log: false });
  const handler = createAuthHandler({ store, transport, features, registration, mailer: outbox, passwordHasher: hasher, appUrl: 'http://app.example.test', logger: () => {} });
  const outboxEndpoint = createOutboxEndpoint(outbox);
  const server = await listen((request, info) => (new URL(request.url).pathname === OUTBOX_PATH ? outboxEndpoint(request) : handler(request, info)));
  running.push(server);
  return { baseUrl: `${server.url}/api/auth`, outboxUrl: `${server.url}${OUTBOX_PATH}` };
}

describe('the conformance suite against the reference server over HTTP', () => {
  it('passes every check in cookie mode (SQLite store, outbox read through the test-only endpoint)', async () => {
    const { baseUrl, outboxUrl } = await startReference('cookie', createSqliteStore({ filename: join(dir, 'cookie.db') }));
    const result = await runConformance({ baseUrl, transport: 'cookie', admin: ADMIN, readOutbox: outboxFromUrl(outboxUrl), timing: false });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    // Only what cannot be checked black-box (the expiry clock), and the timing check, which tests
    // leave off (it is statistical; test/conformance/faults.test.ts proves it catches a real gap).
    const open = result.groups.flatMap((g) => g.checks).filter((c) => c.status === 'not_checked').map((c) => c.id);
    expect(open.sort()).toEqual(['login.timing-parity', 'password/reset.expired-token']);
    console.info(`reference server, cookie: ${result.summary.passed} passed in ${result.durationMs} ms`);
  }, 90_000);

  it('passes every check in bearer mode (memory store)', async () => {
    const { baseUrl, outboxUrl } = await startReference('bearer', createMemoryStore());
    const result = await runConformance({ baseUrl, transport: 'bearer', admin: ADMIN, readOutbox: outboxFromUrl(outboxUrl), timing: false });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    expect(result.groups.find((g) => g.name === 'refresh')?.checks.every((c) => c.status === 'pass')).toBe(true);
    console.info(`reference server, bearer: ${result.summary.passed} passed in ${result.durationMs} ms`);
  }, 90_000);

  it('in invite mode, creates users through the admin and registers with an invite', async () => {
    const { baseUrl, outboxUrl } = await startReference('bearer', createMemoryStore(), {}, 'invite');
    const result = await runConformance({ baseUrl, admin: ADMIN, readOutbox: outboxFromUrl(outboxUrl), only: ['register', 'password/change', 'logout'] });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    const statuses = Object.fromEntries(result.groups.flatMap((g) => g.checks).map((c) => [c.id, c.status]));
    expect(statuses).toMatchObject({ 'register.mode': 'pass', 'register.with-invite': 'pass', 'password/change.success-revokes-others': 'pass', 'logout.replay': 'pass' });
  }, 90_000);

  it('passes the registration, verification and reset checks with email verification on', async () => {
    const { baseUrl, outboxUrl } = await startReference('cookie', createMemoryStore(), { emailVerification: true });
    const result = await runConformance({ baseUrl, readOutbox: outboxFromUrl(outboxUrl), only: ['register', 'email/verify', 'password/reset'] });
    expect(failedIds(result), formatReport(result)).toEqual([]);
    const statuses = Object.fromEntries(result.groups.flatMap((g) => g.checks).map((c) => [c.id, c.status]));
    expect(statuses).toMatchObject({
      'register.email-taken-parity': 'pass',
      'register.policy-no-truncation': 'pass',
      'email/verify.unknown-token': 'pass',
      'password/reset.wrong-purpose-token': 'pass',
    });
  }, 90_000);
});
