/**
 * Size budgets (gzip, react and react-dom always external), held in CI by `npm test` and printed
 * by `npm run bench`. Peer dependencies are external unless a check bundles them on purpose.
 *
 * Reading of issue 6: "react-query external" rows count latchkey's own code, so zod (a dependency
 * every app bundle shares with its own schemas) is external there too; only row 2 bundles both
 * react-query and zod, to show what an app that uses neither pays in all.
 */
const bundleReactQuery = (config) => ({
  ...config,
  external: (config.external ?? []).filter((name) => name !== '@tanstack/react-query'),
});
const zodExternal = (config) => ({ ...config, external: [...(config.external ?? []), 'zod', 'zod/mini'] });

export default [
  {
    name: 'AuthProvider + useAuth + RequireAuth (react-query and zod external)',
    path: 'bench/size/session.js',
    gzip: true,
    limit: '5 kB',
    modifyEsbuildConfig: zodExternal,
  },
  {
    name: 'AuthProvider + useAuth + RequireAuth (react-query and zod bundled)',
    path: 'bench/size/session.js',
    gzip: true,
    limit: '20 kB',
    modifyEsbuildConfig: bundleReactQuery,
  },
  {
    name: 'LoginForm + AuthStatusHeader + hooks + styles.css (react-query and zod external)',
    path: 'bench/size/login.js',
    gzip: true,
    limit: '15 kB',
    modifyEsbuildConfig: zodExternal,
  },
  {
    name: 'every widget + hooks + styles.css (react-query and zod external)',
    path: 'bench/size/everything.js',
    gzip: true,
    limit: '25 kB',
    modifyEsbuildConfig: zodExternal,
  },
  {
    // No budget in issue 6: reported, and held by the size ratchet (test/build/size.test.ts).
    name: 'the whole package: widgets, hooks, createAuthClient with bearer tokens, utilities + styles.css (react-query and zod external)',
    path: 'bench/size/all.js',
    gzip: true,
    modifyEsbuildConfig: zodExternal,
  },
];
