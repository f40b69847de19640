// Builds the CLI entry the way `npm run build` does (vite library build, every bare import
// external) into a private folder laid out like the package (bin/, dist/, package.json), so the
// tests run the real `bin/latchkey.js` on plain Node. One build per source state, shared by the
// test files through node_modules/.cache; the repository's own dist/ is never touched.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from './runLatchkey.js';

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

let pending: Promise<string> | null = null;

/** The folder holding `bin/latchkey.js`, `dist/cli.js` and `package.json`; built when stale. */
export function builtCli(): Promise<string> {
  pending ??= (async () => {
    const stamp = Math.floor(Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'bin')), newest(join(ROOT, 'package.json')))).toString(36);
    const target = join(ROOT, 'node_modules', '.cache', 'latchkey-cli-test', stamp);
    if (existsSync(join(target, 'dist', 'cli.js'))) return target;
    const staging = `${target}.${String(process.pid)}-${Math.random().toString(36).slice(2)}`;
    rmSync(staging, { recursive: true, force: true });
    await build({
      configFile: false,
      logLevel: 'error',
      root: ROOT,
      publicDir: false,
      build: {
        outDir: join(staging, 'dist'),
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: { entry: { cli: join(ROOT, 'src', 'cli', 'index.ts') }, formats: ['es'] },
        rolldownOptions: {
          external: (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id),
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    });
    mkdirSync(join(staging, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'latchkey.js'), join(staging, 'bin', 'latchkey.js'));
    copyFileSync(join(ROOT, 'package.json'), join(staging, 'package.json'));
    try {
      renameSync(staging, target);
    } catch {
      // Another test file built the same state first; use theirs.
      rmSync(staging, { recursive: true, force: true });
    }
    return target;
  })();
  return pending;
}
