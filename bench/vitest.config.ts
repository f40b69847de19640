import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vite.config.js';

/** `npm run bench` runs the request and render counts here, in jsdom with msw, outside `npm test`. */
export default mergeConfig(
  { ...base, test: {} },
  defineConfig({
    test: {
      name: 'bench',
      environment: 'jsdom',
      include: ['bench/requests/**/*.bench.tsx'],
      setupFiles: ['test/setup/dom.ts'],
      reporters: ['dot'],
    },
  }),
);
