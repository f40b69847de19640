// Spawns the `latchkey` command (from the sources, through tsx) the way a user runs it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/latchkey.ts', import.meta.url));

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
  /** The command to run instead of the source CLI (e.g. the built bin). */
  command?: readonly string[];
  cwd?: string;
}

function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  return { ...env, ...extra };
}

function spawnLatchkey(args: readonly string[], options: RunOptions): ChildProcess {
  const command = options.command ?? ['--import', 'tsx', FIXTURE];
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(options.input ?? '');
  return child;
}

/** Runs `latchkey <args>` to completion. */
export function runLatchkey(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawnLatchkey(args, options);
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
export function startServe(args: readonly string[], options: RunOptions = {}): Promise<ServeProcess> {
  const child = spawnLatchkey(['serve', ...args], options);
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
