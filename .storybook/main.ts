import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook for designers: every widget in every state, backed by `createMockBackend` through
 * msw-storybook-addon. `npx vitest run --project storybook` runs each story as a test in Chromium.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // msw's service worker (`npx msw init public --save=false`) is served from here.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;
