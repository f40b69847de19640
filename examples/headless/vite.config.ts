import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Inside the latchkey repository the package names resolve to the library's sources (so
// `vite dev` picks up library changes at once). In your own app, `npm i latchkey` and delete `alias`.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^latchkey$/, replacement: here('../../src/index.ts') },
      { find: /^latchkey\/styles\.css$/, replacement: here('../../src/styles/latchkey.css') },
    ],
  },
  publicDir: false,
  // `vite dev`: the auth API is the reference server (`npx latchkey serve`, port 8787).
  server: { proxy: { '/api/auth': 'http://127.0.0.1:8787' } },
  build: { outDir: here('dist'), emptyOutDir: true, target: 'es2022' },
});
