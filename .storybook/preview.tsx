import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { createElement } from 'react';
import type { ComponentType } from 'react';
import { configure } from 'storybook/test';
import { DEFAULT_MOCK_ARGS, mockArgTypes, splitMockArgs } from '../stories/support/mockArgs.js';
import { installStoryBackend } from '../stories/support/storyBackend.js';
import { withLatchkey } from '../stories/support/withLatchkey.js';
import { DocsPage } from './DocsPage.js';
import './preview.css';

// findBy* / waitFor wait up to 4 s (default 1 s): the stories also run as tests on busy CI machines.
configure({ asyncUtilTimeout: 4000 });

const preview: Preview = {
  // msw-storybook-addon: starts the service worker (public/mockServiceWorker.js) once and resets
  // its handlers before every story; `installStoryBackend` then installs a fresh mock backend.
  loaders: [mswLoader()],
  beforeEach: installStoryBackend,
  decorators: [withLatchkey],
  // Stories' args carry the mock backend's controls too; the widget only gets its own props.
  render: (args, context) => {
    const [, props] = splitMockArgs(args);
    return createElement(context.component as ComponentType<Record<string, unknown>>, props);
  },
  args: DEFAULT_MOCK_ARGS,
  argTypes: mockArgTypes,
  globalTypes: {
    theme: {
      description: 'Theme of the widgets (data-lk-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    styles: {
      description: 'The default theme (latchkey/styles.css), or the unstyled semantic HTML',
      toolbar: {
        title: 'Styles',
        icon: 'paintbrush',
        items: [
          { value: 'theme', title: 'Default theme (latchkey/styles.css)' },
          { value: 'unstyled', title: 'Unstyled (no CSS import)' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of every string (messages)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'de', title: 'Deutsch', right: 'de' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', styles: 'theme', locale: 'en' },
  parameters: {
    // Any axe violation fails the story, in the a11y panel and in `vitest --project storybook`.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'fullscreen',
    docs: { page: DocsPage, source: { type: 'dynamic' } },
  },
  tags: ['autodocs'],
};

export default preview;
