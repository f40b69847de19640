import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockBackend } from 'latchkey/mock';

describe('failures inside the mock', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('an unexpected error becomes 500 internal in the contract shape, without a stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const backend = createMockBackend({
      now: () => {
        throw new Error('the clock broke at /secret/path.ts:12');
      },
    });
    const session = await backend.fetch('/api/auth/session');
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const res = await backend.fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Cookie: session.headers.getSetCookie()[0]?.split(';')[0] ?? '' },
      body: JSON.stringify({ identifier: 'ada', password: 'whatever it is' }),
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong.' } });
    expect(text).not.toContain('secret');
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('HEAD answers like GET without a body', async () => {
    const backend = createMockBackend();
    const res = await backend.fetch('/api/auth/config', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.text()).toBe('');
  });

  it('OPTIONS (a preflight) answers 204', async () => {
    const backend = createMockBackend();
    expect((await backend.fetch('/api/auth/login', { method: 'OPTIONS' })).status).toBe(204);
  });
});

describe('package boundaries', () => {
  const root = join(__dirname, '..', '..', 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
    });

  it('only src/mock imports msw (msw stays an optional peer)', () => {
    const importers = files(root)
      .filter((file) => /from\s+['"]msw(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split(/[\\/]/)[0]);
    expect(importers.length).toBeGreaterThan(0);
    expect([...new Set(importers)]).toEqual(['mock']);
  });

  it('src/mock imports no React', () => {
    for (const file of files(join(root, 'mock'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s+['"](react|react-dom|@tanstack\/react-query)(\/[^'"]*)?['"]/);
    }
  });
});
