/**
 * `npm run build` produces a `dist/` that a plain Vite app and plain Node can import by the
 * package's public names. The package is linked into a throwaway app's node_modules, the app is
 * built with Vite's own API (no project config), and the Node entries are imported by a child
 * process. `npm test` builds right before the tests; run alone, this file builds first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; import: string }>;
  bin: Record<string, string>;
};
let app: string;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/types/index.d.ts'))) {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  app = mkdtempSync(join(tmpdir(), 'latchkey-dist-app-'));
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(root, join(app, 'node_modules/latchkey'), 'dir');
  // The app's own copies of the peers, as an app that ran `npm install latchkey react ...` has.
  mkdirSync(join(app, 'node_modules/@tanstack'));
  for (const peer of ['react', 'react-dom', 'scheduler', '@tanstack/react-query', '@tanstack/query-core']) {
    symlinkSync(join(root, 'node_modules', peer), join(app, 'node_modules', peer), 'dir');
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'throwaway', private: true, type: 'module' }));
}, 180_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the built package', () => {
  it('has every file its exports map and bin name, declarations included', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : [target.types, target.import];
      for (const file of files) expect(existsSync(join(root, file)), `${subpath} → ${file}`).toBe(true);
    }
    for (const file of Object.values(pkg.bin)) expect(existsSync(join(root, file))).toBe(true);
  });

  it('builds into a plain Vite app that imports latchkey, latchkey/styles.css and latchkey/contract', async () => {
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
    );
    writeFileSync(
      join(app, 'main.js'),
      [
        "import { createElement } from 'react';",
        "import { createRoot } from 'react-dom/client';",
        "import { AuthProvider, AuthStatusHeader, LoginForm } from 'latchkey';",
        "import { ENDPOINTS } from 'latchkey/contract';",
        "import 'latchkey/styles.css';",
        "createRoot(document.getElementById('root')).render(",
        "  createElement(AuthProvider, { baseUrl: '/api/auth' }, createElement(AuthStatusHeader), createElement(LoginForm)),",
        ');',
        'console.log(ENDPOINTS.login.path);',
      ].join('\n'),
    );
    await build({
      root: app,
      configFile: false,
      logLevel: 'silent',
      resolve: { preserveSymlinks: false },
      build: { outDir: join(app, 'dist'), emptyOutDir: true },
    });
    const assets = readdirSync(join(app, 'dist/assets'));
    const js = assets.filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(app, 'dist/assets', file), 'utf8')).join('\n');
    const css = assets.filter((file) => file.endsWith('.css')).map((file) => readFileSync(join(app, 'dist/assets', file), 'utf8')).join('\n');
    expect(js).toContain('Username or email'); // LoginForm's default label made it into the bundle
    expect(js).toContain('password/forgot'); // the contract's endpoint table
    expect(css).toContain('--lk-'); // the theme's custom properties
    // The mock backend (msw) is not pulled into an app that does not import it.
    expect(js).not.toContain('createMockBackend');
  }, 120_000);

  it('runs in plain Node: server-renders a widget, and loads the contract, mock, server and conformance entries', () => {
    const script = [
      "import { createElement } from 'react';",
      "import { renderToString } from 'react-dom/server';",
      "import { AuthProvider, LoginForm, sanitizeReturnTo } from 'latchkey';",
      "import { AuthConfigSchema } from 'latchkey/contract';",
      "import { createMockBackend } from 'latchkey/mock';",
      "import { createAuthHandler, createMemoryStore } from 'latchkey/server';",
      "import { runConformance } from 'latchkey/conformance';",
      "const html = renderToString(createElement(AuthProvider, { baseUrl: 'http://localhost/api/auth', initialSession: null }, createElement(LoginForm)));",
      "const handler = createAuthHandler({ store: createMemoryStore(), appUrl: 'http://localhost' });",
      "const config = await (await handler(new Request('http://localhost/api/auth/config'))).json();",
      "const mock = await (await createMockBackend({ baseUrl: 'http://localhost/api/auth' }).fetch('http://localhost/api/auth/config')).json();",
      'console.log(JSON.stringify({',
      "  form: html.includes('<form') && html.includes('method=\"post\"'),",
      '  server: AuthConfigSchema.safeParse(config).success,',
      '  mock: AuthConfigSchema.safeParse(mock).success,',
      "  returnTo: sanitizeReturnTo('//evil.example', { origin: 'http://localhost' }),",
      "  conformance: typeof runConformance === 'function',",
      '}));',
    ].join('\n');
    writeFileSync(join(app, 'node-check.mjs'), script);
    const out = execFileSync(process.execPath, [join(app, 'node-check.mjs')], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop() ?? '{}')).toEqual({ form: true, server: true, mock: true, returnTo: '/', conformance: true });
  }, 60_000);

  it('runs its CLI from the bin entry', () => {
    const out = execFileSync(process.execPath, [join(root, pkg.bin.latchkey ?? 'bin/latchkey.js'), '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
