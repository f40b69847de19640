/**
 * `npm run bench`: one run, one table. Sizes and tree-shaking (from the built dist), request and
 * render counts (jsdom + msw), the reference server against an Express + express-session baseline
 * on loopback, and the median argon2id verify time. Figures are printed and written to
 * bench/.results/latest.json; docs/performance.md explains them. Nothing here is a pass/fail test:
 * the deterministic budgets (sizes, request counts) are held by `npm test`.
 *
 * Options: `--skip-server` (no load test), `--only server` (only the load test, no build),
 * `--seconds N` (per load run, at most 10; default 5).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createPasswordHasher, DEFAULT_HASHING } from 'latchkey/server';
import { measure } from './server/load.js';
import type { LoadResult } from './server/load.js';

const args = process.argv.slice(2);
const skipServer = args.includes('--skip-server');
const onlyArg = args.indexOf('--only');
const onlyServer = onlyArg >= 0 && args[onlyArg + 1] === 'server';
const secondsArg = args.indexOf('--seconds');
const seconds = secondsArg >= 0 ? Math.min(10, Math.max(1, Number(args[secondsArg + 1]) || 5)) : 5;
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
mkdirSync('bench/.results', { recursive: true });

/** Runs a command and returns its stdout; `mayFail` for size-limit, which exits 1 over budget. */
function run(command: string, commandArgs: string[], mayFail = false): string {
  const out = spawnSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (out.status !== 0 && !(mayFail && out.stdout.trim().startsWith('['))) throw new Error(`bench: ${command} ${commandArgs.join(' ')} failed:\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}
const row = (label: string, value: string, note = '') => console.log(`| ${label.padEnd(72)} | ${value.padStart(14)} | ${note}`);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;

if (onlyServer) {
  await serverThroughput();
  finish();
}

// ───────────── sizes ─────────────
console.log('\n## Sizes (gzip, react and react-dom external; budgets from .size-limit.js)\n');
run('npx', ['vite', 'build', '--logLevel', 'error']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
const sizes = JSON.parse(run('npx', ['size-limit', '--json'], true)) as { name: string; size: number; sizeLimit?: number; passed: boolean }[];
for (const size of sizes) row(size.name, kb(size.size), size.sizeLimit === undefined ? 'no budget (held by the ratchet)' : `budget ${kb(size.sizeLimit)} ${size.passed ? 'ok' : 'OVER'}`);
results.sizes = sizes;

/** Gzip size of an entry bundled by esbuild (minified ESM, gzip -9), with the given externals. */
async function gzipOf(entry: string, external: string[]): Promise<number> {
  const out = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: 'esm', outdir: 'bench/.results/tmp', external });
  return out.outputFiles.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0);
}
const reactExternal = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
const extra = {
  'LoginForm + AuthStatusHeader + hooks + styles.css, zod bundled (react-query external)': await gzipOf('bench/size/login.js', [...reactExternal, '@tanstack/react-query']),
  'every widget + hooks + styles.css, zod bundled (react-query external)': await gzipOf('bench/size/everything.js', [...reactExternal, '@tanstack/react-query']),
  'messagesDe (the German dictionary) on its own': await gzipOf('bench/size/locale-de.js', reactExternal),
};
for (const [label, bytes] of Object.entries(extra)) row(label, kb(bytes), 'for reference, no budget');
results.sizesForReference = extra;

// Tree-shaking proof: a bundle importing only useAuth must contain no widget code.
const onlyUseAuth = await build({
  entryPoints: ['bench/size/only-useAuth.js'],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  metafile: true,
  external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'zod', 'zod/mini'],
});
const inputs = Object.keys(Object.values(onlyUseAuth.metafile.outputs)[0]?.inputs ?? {});
const widgetInputs = inputs.filter((input) => input.includes('/widgets/') || input.endsWith('.css'));
const onlyUseAuthBytes = gzipSync(onlyUseAuth.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
row('import { useAuth } only: widget modules in the bundle', String(widgetInputs.length), widgetInputs.length === 0 ? 'ok (none)' : widgetInputs.join(', '));
row('import { useAuth } only: size (react-query and zod external)', kb(onlyUseAuthBytes));
results.treeShaking = { widgetModules: widgetInputs, bytesGzip: onlyUseAuthBytes };

// What row 1 (AuthProvider + useAuth + RequireAuth) is made of: each part's share, measured as
// the gzip bytes the bundle loses when that one module is swapped for a do-nothing stand-in with
// the same exports (the code that calls it stays, so each figure is a floor).
const sessionExternal = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'zod', 'zod/mini'];
const STAND_INS: Record<string, Record<string, string>> = {
  'cross-tab channel (BroadcastChannel + storage-event fallback)': {
    'session/createSessionChannel.js': 'export function createSessionChannel(){return{post(){},subscribe(){return()=>{}},close(){}}}',
  },
  'expiry timer (clean sign-out at expiresAt)': { 'session/scheduleExpiry.js': 'export function scheduleExpiry(){return()=>{}}' },
  'guard: roles, redirect with a safe returnTo, no loops': {
    'react/useRequireAuth.js': 'export function useRequireAuth(){return{status:"allowed",user:null}}',
  },
  'selector rerender guard (useAuth(selector) compares shallowly)': {
    'react/useStoreSelector.js':
      'import{useSyncExternalStore as u}from"react";export function useStoreSelector(s,f,g){return f(u(s.subscribe,s.getSnapshot,g))}',
  },
  'contract schemas of the session path (user, session, error envelope)': {
    'contract/fields.js': 'import*as z from"zod/mini";export const id=z.any(),shortText=id,longText=id,secret=id,password=id,isoDate=id,roles=id,csrfToken=id;',
    'contract/user.js':
      'import*as z from"zod/mini";export const UserSchema=z.any(),TokensSchema=UserSchema,SessionSchema=UserSchema;export function sessionSchema(){return UserSchema}',
    'contract/responses.js':
      'import*as z from"zod/mini";export const AcceptedSchema=z.any(),AuthResultSchema=AcceptedSchema,RegisterResultSchema=AcceptedSchema,SessionResponseSchema=AcceptedSchema,UserResultSchema=AcceptedSchema;export function sessionResponseSchema(){return AcceptedSchema}export{sessionResponseSchema as authResultSchema,sessionResponseSchema as registerResultSchema,sessionResponseSchema as responseSchemas,sessionResponseSchema as userResultSchema}',
    'contract/errors.js': 'import*as z from"zod/mini";export const ErrorEnvelopeSchema=z.any(),ERROR_STATUS={},ERROR_CODES=[];export function isErrorCode(){return false}',
  },
  'readable schema-issue texts (path, expected and found)': { 'client/formatIssues.js': 'export function formatIssues(){return""}' },
  'body checks (content type, empty, JSON, __proto__)': {
    'client/parseJsonBody.js': 'export function parseJsonBody(c,t){try{return{ok:true,value:JSON.parse(t)}}catch{return{ok:false,problem:""}}}',
  },
  'Retry-After parsing (seconds or HTTP date)': { 'client/parseRetryAfter.js': 'export function parseRetryAfter(){return null}' },
  'secret redaction in error texts': { 'client/redactSecrets.js': 'export function redactSecrets(t){return t}' },
};
async function sessionGzip(standIns: Record<string, string> = {}): Promise<number> {
  const out = await build({
    entryPoints: ['bench/size/session.js'],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    external: sessionExternal,
    plugins: [
      {
        name: 'stand-ins',
        setup(b) {
          b.onLoad({ filter: /dist[\\/].*\.js$/ }, (loaded) => {
            const path = loaded.path.replaceAll('\\', '/');
            const hit = Object.keys(standIns).find((suffix) => path.endsWith(`/dist/${suffix}`));
            return hit === undefined ? undefined : { contents: standIns[hit], loader: 'js' };
          });
        },
      },
    ],
  });
  return gzipSync(out.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}
console.log('\n## What row 1 is made of (gzip bytes each part adds; esbuild ESM, react-query and zod external)\n');
const whole = await sessionGzip();
row('AuthProvider + useAuth + RequireAuth, whole', `${whole} B`);
const parts: Record<string, number> = {};
for (const [label, standIns] of Object.entries(STAND_INS)) {
  parts[label] = whole - (await sessionGzip(standIns));
  row(`  ${label}`, `${parts[label]} B`);
}
results.sessionParts = { whole, parts };

// ───────────── requests and renders ─────────────
console.log('\n## Requests and renders (jsdom + msw against createMockBackend)\n');
run('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts']);
const counts = JSON.parse(readFileSync('bench/.results/requests.json', 'utf8')) as Record<string, number>;
for (const [label, value] of Object.entries(counts)) row(label, String(value));
results.requests = counts;

// ───────────── argon2id ─────────────
console.log('\n## Password hashing\n');
const hasher = createPasswordHasher(DEFAULT_HASHING);
const stored = await hasher.hash('a bench passphrase of some length');
const times: number[] = [];
for (let i = 0; i < 21; i += 1) {
  const start = performance.now();
  await hasher.verify(stored, 'a bench passphrase of some length');
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
row(`argon2id verify, m=${DEFAULT_HASHING.memoryCost} KiB t=${DEFAULT_HASHING.timeCost} p=${DEFAULT_HASHING.parallelism} (median of 21)`, `${median.toFixed(1)} ms`);
results.argon2 = { params: DEFAULT_HASHING, medianVerifyMs: median };

// ───────────── server throughput ─────────────
interface Started {
  child: ChildProcess;
  port: number;
  cookie: string;
}
function start(script: string): Promise<Started> {
  // Node itself with tsx's loader (no npx wrapper), so the signal reaches the server process.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.json' },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: ${script} did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`bench: ${script} exited with ${String(code)}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const { port, cookie } = JSON.parse(line) as { port: number; cookie: string };
      resolve({ child, port, cookie });
    });
  });
}
async function stop(started: Started): Promise<void> {
  started.child.removeAllListeners('exit');
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  started.child.kill('SIGKILL');
}

async function serverThroughput(): Promise<void> {
  console.log(`\n## Server on loopback (autocannon, 10 connections, ${seconds} s per run)\n`);
  const server: Record<string, Record<string, LoadResult>> = {};
  const sides = [
    ['latchkey', 'bench/server/latchkeyServer.ts', { session: '/api/auth/session', verify: '/api/auth/verify' }],
    ['express-session', 'bench/server/expressBaseline.ts', { session: '/session', verify: '/verify' }],
  ] as const;
  // Both servers run side by side and each endpoint is measured on both back to back, so a burst
  // of other work on a shared machine hits the two figures of one ratio alike.
  const started: Started[] = [];
  try {
    for (const [, script] of sides) started.push(await start(script));
    for (const endpoint of ['session', 'verify'] as const) {
      for (const [index, [name, , paths]] of sides.entries()) {
        const { port, cookie, child } = started[index]!;
        const url = `http://127.0.0.1:${port}${paths[endpoint]}`;
        await measure(url, { cookie }, 1); // warm-up
        const result = await measure(url, { cookie }, seconds, 10, child.pid);
        (server[name] ??= {})[endpoint] = result;
        const cpu = result.cpuMicrosPerRequest === null ? '' : `, server CPU ${result.cpuMicrosPerRequest} us/request`;
        row(`${name} GET ${endpoint}`, `${result.requestsPerSecond} req/s`, `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, non-2xx ${result.non2xx}, errors ${result.errors}${cpu}`);
      }
    }
  } finally {
    for (const each of started) await stop(each);
  }
  for (const endpoint of ['session', 'verify']) {
    const ours = server.latchkey?.[endpoint];
    const theirs = server['express-session']?.[endpoint];
    const cpu = ours?.cpuMicrosPerRequest && theirs?.cpuMicrosPerRequest ? `; CPU per request ${(theirs.cpuMicrosPerRequest / ours.cpuMicrosPerRequest).toFixed(2)}x less` : '';
    row(`ratio latchkey / express-session, GET ${endpoint}`, `${((ours?.requestsPerSecond ?? 0) / (theirs?.requestsPerSecond ?? 1)).toFixed(2)}x`, `goal >= 2x${cpu}`);
  }
  results.server = server;
}
if (!skipServer) await serverThroughput();
finish();

function finish(): never {
  // A server-only run keeps the full run's figures in latest.json.
  const file = onlyServer ? 'bench/.results/server.json' : 'bench/.results/latest.json';
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
  process.exit(0);
}
