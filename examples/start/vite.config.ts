import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The start page `npm start` serves until examples/multipage exists. It imports `latchkey` by its
// package name; in this repository that name resolves to the sources.
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
  build: { outDir: here('dist'), emptyOutDir: true, target: 'es2022' },
});
