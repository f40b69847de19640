#!/usr/bin/env node
// `npm start`: the whole project on one URL, on a fresh clone, with nothing but `npm install`.
//
// 1. Builds what is missing or stale: the library (dist/, for the CLI) and the demo app
//    (examples/multipage).
// 2. On first run creates .latchkey/demo.sqlite with an `admin` (role admin) and a regular `user`,
//    and prints their generated passwords once.
// 3. Runs `latchkey serve` on that database with the development outbox (reset links are printed
//    here) and serves the app from the same origin. Ctrl-C stops it.
//
// Environment: LATCHKEY_PORT (default 8787), LATCHKEY_HOST (default 127.0.0.1), LATCHKEY_DB
// (default .latchkey/demo.sqlite), and every other LATCHKEY_* variable of `latchkey serve --help`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** Newest modification time of any file under `paths` (skipping dist and node_modules). */
function newest(paths) {
  let latest = 0;
  const walk = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'dist' && name !== 'node_modules') walk(join(path, name));
    } else {
      latest = Math.max(latest, info.mtimeMs);
    }
  };
  for (const path of paths) walk(path);
  return latest;
}

function stale(output, inputs) {
  return !existsSync(output) || statSync(output).mtimeMs < newest(inputs);
}

function run(label, args) {
  process.stdout.write(`${label}\n`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`npm start: ${label.replace(/…$/, '')} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(1);
  }
}

const libraryInputs = [join(root, 'src'), join(root, 'vite.config.ts'), join(root, 'package.json')];
if (stale(join(root, 'dist', 'cli.js'), libraryInputs) || !existsSync(join(root, 'dist', 'types', 'index.d.ts'))) {
  // The same two steps as `npm run build`: vite empties dist/, so the declarations are rebuilt too.
  run('Building the latchkey library…', [vite, 'build', '--logLevel', 'error']);
  run('Writing its type declarations…', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')]);
}

const appDir = join(root, 'examples', 'multipage');
const appDist = join(appDir, 'dist');
if (stale(join(appDist, 'index.html'), [appDir, join(root, 'src')])) {
  run('Building the demo app (examples/multipage)…', [vite, 'build', '--logLevel', 'error', '--config', join(appDir, 'vite.config.ts')]);
}

const { runCli } = await import(pathToFileURL(join(root, 'dist', 'cli.js')).href);

const env = process.env;
const db = resolve(root, env.LATCHKEY_DB ?? join('.latchkey', 'demo.sqlite'));
mkdirSync(dirname(db), { recursive: true });

/** Runs a CLI command in this process with empty stdin (so passwords are generated). */
async function cli(args, capture = false) {
  let out = '';
  const io = {
    env,
    cwd: root,
    stdin: Readable.from([]),
    stdout: { write: (chunk) => (capture ? (out += chunk) : process.stdout.write(chunk)) },
    stderr: process.stderr,
  };
  const code = await runCli(args, io);
  if (code !== 0) {
    process.stderr.write(`npm start: "latchkey ${args.join(' ')}" failed (exit ${code}).\n`);
    process.exit(code);
  }
  return out;
}

if (!existsSync(db)) {
  const admin = JSON.parse(
    await cli(['users', 'add', 'admin', '--db', db, '--roles', 'admin', '--name', 'Ada Admin', '--email', 'admin@example.com', '--json'], true),
  );
  const user = JSON.parse(await cli(['users', 'add', 'user', '--db', db, '--name', 'Uma User', '--email', 'user@example.com', '--json'], true));
  const line = '─'.repeat(64);
  process.stdout.write(
    [
      line,
      `Created ${relative(root, db)} with two accounts. Their passwords are shown ONCE:`,
      `  admin (role admin)   password: ${admin.password}`,
      `  user                 password: ${user.password}`,
      `Lost them? Run: node bin/latchkey.js users set-password admin --db ${relative(root, db)}`,
      line,
      '',
    ].join('\n'),
  );
}

process.exitCode = await runCli(['serve', '--db', db, '--static', appDist, '--log', env.LATCHKEY_LOG ?? 'text'], {
  env,
  cwd: root,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
