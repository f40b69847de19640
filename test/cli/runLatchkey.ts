// Spawns the `latchkey` command the way a user runs it: `node bin/latchkey.js ...` on the built CLI
// (see builtCli.ts), with a clean environment.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCli } from './builtCli.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra environment (the rest is a clean env: no LATCHKEY_* from the outside). */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed; without it stdin is empty (closed at once). */
  input?: string;
  /** The bin to run (default: the freshly built `bin/latchkey.js`). */
  bin?: string;
  cwd?: string;
}

function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  return { ...env, ...extra };
}

async function spawnLatchkey(args: readonly string[], options: RunOptions): Promise<ChildProcess> {
  const bin = options.bin ?? join(await builtCli(), 'bin', 'latchkey.js');
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A command that fails at once (a usage error) may exit before its stdin is written: the EPIPE
  // that follows is not the test's business, the exit code and output are.
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(options.input ?? '');
  return child;
}

/** Runs `latchkey <args>` to completion. */
export async function runLatchkey(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const child = await spawnLatchkey(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServeProcess {
  /** The one URL `serve` printed (`Open http://...`), without a trailing path. */
  readonly origin: string;
  output(): string;
  /** Sends SIGINT and waits for the exit. */
  stop(): Promise<RunResult>;
}

/** Starts `latchkey serve <args>` and resolves once it prints the URL to open. */
export async function startServe(args: readonly string[], options: RunOptions = {}): Promise<ServeProcess> {
  const child = await spawnLatchkey(['serve', ...args], options);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<RunResult>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`latchkey serve did not start within 20 s:\n${stdout}\n${stderr}`));
    }, 20_000);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /Open (http:\/\/[^\s/]+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({
          origin: match[1] as string,
          output: () => stdout,
          async stop() {
            child.kill('SIGINT');
            return exited;
          },
        });
      }
    });
    void exited.then((result) => {
      clearTimeout(timer);
      reject(new Error(`latchkey serve exited with ${String(result.code)} before starting:\n${result.stdout}\n${result.stderr}`));
    });
  });
}
