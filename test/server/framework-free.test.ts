import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('src/server', () => {
  it('imports no React and no DOM-only code; every public export is listed explicitly in index.ts', async () => {
    const dir = new URL('../../src/server/', import.meta.url);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/from ['"](react|react-dom|@tanstack\/react-query)(\/[^'"]*)?['"]/);
    }
    const index = readFileSync(new URL('index.ts', dir), 'utf8');
    expect(index).not.toMatch(/export \*/);
    const server = await import('latchkey/server');
    expect(Object.keys(server).sort()).toEqual(
      [
        'COMMON_PASSWORDS',
        'DEFAULT_HASHING',
        'SQLITE_SCHEMA_VERSION',
        'Semaphore',
        'StoreConflictError',
        'UserAdminError',
        'createAuthHandler',
        'createDevOutbox',
        'createJsonLogger',
        'createMemoryStore',
        'createPasswordHasher',
        'createPasswordPolicy',
        'createSmtpMailer',
        'createSqliteStore',
        'createUserAdmin',
        'hashToken',
        'listen',
        'randomToken',
        'toNodeListener',
      ].sort(),
    );
  });
});
