/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Library entries: each becomes `dist/<name>.js`, with declarations under `dist/types`. */
const entries = {
  index: here('./src/index.ts'),
  contract: here('./src/contract/index.ts'),
  mock: here('./src/mock/index.ts'),
  server: here('./src/server/index.ts'),
  conformance: here('./src/conformance/index.ts'),
  cli: here('./src/cli/index.ts'),
};

/** Tests, stories and examples import the package by its public names, resolved to the sources. */
const alias = [
  { find: /^latchkey$/, replacement: here('./src/index.ts') },
  { find: /^latchkey\/contract$/, replacement: here('./src/contract/index.ts') },
  { find: /^latchkey\/mock$/, replacement: here('./src/mock/index.ts') },
  { find: /^latchkey\/server$/, replacement: here('./src/server/index.ts') },
  { find: /^latchkey\/conformance$/, replacement: here('./src/conformance/index.ts') },
  { find: /^latchkey\/styles\.css$/, replacement: here('./src/styles/latchkey.css') },
];

/** Emits the default theme as `dist/styles.css` (the `latchkey/styles.css` export); no JS imports it. */
function emitStyles(): Plugin {
  return {
    name: 'latchkey:styles',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(here('./src/styles/latchkey.css'), 'utf8') });
    },
  };
}

export default defineConfig({
  plugins: [react(), emitStyles()],
  resolve: { alias },
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      // Ship only our own code: every bare import (react, zod, msw, node:*, ...) stays an import.
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id),
      // One file per source module: with `sideEffects` limited to CSS, an app's bundler drops every
      // module it does not import (top-level zod schemas and components are never pulled in by accident).
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/server/**', 'test/integration/**', 'test/conformance/**', 'test/e2e/**', 'test/build/**', 'test/cli/**', 'test/bench/**'],
          setupFiles: ['test/setup/dom.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/server/**/*.test.ts',
            'test/integration/**/*.test.{ts,tsx}',
            'test/conformance/**/*.test.ts',
            'test/build/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/bench/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // User journeys in Debian's Chromium against the reference server and the built multipage example.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Every story (render + play + a11y) as a test in Debian's Chromium; never downloads a browser.
        extends: true,
        plugins: [storybookTest({ configDir: here('./.storybook') })],
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: '/usr/bin/chromium',
                args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
