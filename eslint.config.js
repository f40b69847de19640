import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const zodImportBan = {
  name: 'zod',
  importNames: ['z'],
  message: "Use `import * as z from 'zod/mini'`: the named `z` import keeps all of zod in users' bundles.",
};

const reactImportBan = {
  paths: [
    zodImportBan,
    { name: 'react', message: 'This folder is framework-free: no React here.' },
    { name: 'react-dom', message: 'This folder is framework-free: no React here.' },
    { name: '@tanstack/react-query', message: 'This folder is framework-free: no React here.' },
  ],
  patterns: [{ group: ['react/*', 'react-dom/*'], message: 'This folder is framework-free: no React here.' }],
};

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'node_modules', 'public', 'examples/**/dist', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Server text must render as text: dangerouslySetInnerHTML is banned.',
        },
        {
          selector: "Property[key.name='dangerouslySetInnerHTML']",
          message: 'Server text must render as text: dangerouslySetInnerHTML is banned.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [zodImportBan],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/contract/**', 'src/client/**', 'src/session/**', 'src/server/**', 'src/conformance/**', 'src/mock/**'],
    rules: { 'no-restricted-imports': ['error', reactImportBan] },
  },
);
