import type { AuthLogEntry, AuthLogger } from '../server/index.js';

/**
 * A human-readable auth logger for the console: `HH:MM:SS level event key=value ...`, one line per
 * entry. Like the JSON logger it only prints what the server put in the entry, which never holds a
 * password or a token.
 *
 * @example
 * ```ts
 * const logger = createTextLogger((line) => process.stdout.write(line + '\n'));
 * ```
 */
export function createTextLogger(write: (line: string) => void): AuthLogger {
  return (entry: AuthLogEntry) => {
    const { time, level, event, ...rest } = entry;
    const clock = time.slice(11, 19);
    const fields = Object.entries(rest)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : String(value)}`);
    write([clock, level.padEnd(5), event, ...fields].join(' '));
  };
}
