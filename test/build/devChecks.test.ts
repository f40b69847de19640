/**
 * Checks of a developer's own input (options, props) are development-build checks: written
 * `if (process.env.NODE_ENV !== 'production')`, so that every production bundler drops them with
 * their texts, as React's own are. Checks of what the server, the network and the user send stay
 * in every build. This bundles the built `dist/` the way an app's bundler would, for production
 * and for development, and reads what each bundle still says.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const external = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'zod', 'zod/mini'];
let production = '';
let development = '';

async function bundle(mode: 'production' | 'development'): Promise<string> {
  const out = await build({
    stdin: { contents: "export { AuthProvider, useAuth, RequireAuth, createAuthClient, createSessionChannel, scheduleExpiry } from './dist/index.js';", resolveDir: root },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
  });
  return out.outputFiles[0]?.text ?? '';
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  [production, development] = await Promise.all([bundle('production'), bundle('development')]);
}, 180_000);

describe('development-only checks', () => {
  const developerChecks = [
    'baseUrl must be a non-empty string',
    'must not carry a query or fragment',
    'transport must be "cookie" or "bearer"',
    'timeoutMs must be a number of milliseconds',
    'must be a path on this site starting with',
    'must be a number of milliseconds >= 0',
    'pass either `client` or `baseUrl`',
    'createSessionChannel: name must be a non-empty string',
    'SessionChannel.post: expected',
    'scheduleExpiry: warnBeforeMs must be',
    'the bearer transport comes with createAuthClient',
  ];

  it.each(developerChecks)('a development bundle checks the developer\'s input: "%s"', (text) => {
    expect(development).toContain(text);
  });

  it.each(developerChecks)('a production bundle drops the check and its text: "%s"', (text) => {
    expect(production).not.toContain(text);
  });

  it.each([
    'response did not match the contract',
    'no answer within',
    'no answer from the server',
    'without a contract error body',
    'the body has a forbidden "__proto__" key',
    'the body is larger than 1 MiB',
    'is not a valid date',
    'must be used within <AuthProvider>',
  ])('a production bundle still checks what servers, networks and callers send: "%s"', (text) => {
    expect(production).toContain(text);
  });
});
