import { usageError } from './CliError.js';

/**
 * One command-line option: its long flag (`--name`), an optional environment variable that sets
 * it when the flag is absent, the kind of value it takes, and the text `--help` shows.
 *
 * Kinds: `string`; `boolean` (`--flag`, `--no-flag`, env `1/0/true/false/yes/no/on/off`);
 * `int` (bounded by `min`/`max`); `enum` (one of `values`); `list` (comma separated, the flag may
 * repeat); `url` (absolute, protocol in `protocols`); `duration` (`90s`, `15m`, `12h`, `30d`, or
 * bare seconds; parsed to milliseconds).
 *
 * @example
 * ```ts
 * const port: OptionSpec = { name: 'port', env: 'LATCHKEY_PORT', kind: 'int', min: 0, max: 65535, description: 'TCP port' };
 * ```
 */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly env?: string;
  readonly kind: 'string' | 'boolean' | 'int' | 'enum' | 'list' | 'url' | 'duration';
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly protocols?: readonly string[];
  readonly placeholder?: string;
  readonly description: string;
  /** Shown in `--help` as `(default: ...)`; the command applies the default itself. */
  readonly defaultText?: string;
}

/**
 * A parsed option value: strings, numbers (`int`, and `duration` in milliseconds), booleans and
 * string lists.
 *
 * @example
 * ```ts
 * const value: OptionValue = ['admin', 'editor'];
 * ```
 */
export type OptionValue = string | number | boolean | string[];

/**
 * What {@link parseOptions} found: the values by option name (flag first, then environment), where
 * each came from, and the positional arguments in order.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseOptions(['--port', '0', 'extra'], specs, {});
 * ```
 */
export interface ParsedOptions {
  readonly values: Readonly<Record<string, OptionValue | undefined>>;
  readonly sources: Readonly<Record<string, 'flag' | 'env'>>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses `argv` (after the command words) against `specs`, filling unset options from `env`.
 * Accepts `--name value`, `--name=value`, `--no-name` for booleans, `-h`/`--help`, and `--` to end
 * options. Every mistake throws a usage error (exit code 2) naming the flag or variable and what
 * was wrong, with a "did you mean" hint for misspelt flags.
 *
 * @example
 * ```ts
 * const parsed = parseOptions(['--port=8080'], [{ name: 'port', kind: 'int', min: 0, max: 65535, description: 'port' }], process.env);
 * parsed.values.port; // 8080
 * ```
 */
export function parseOptions(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedOptions {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short as string, spec]));
  const values: Record<string, OptionValue | undefined> = {};
  const sources: Record<string, 'flag' | 'env'> = {};
  const positionals: string[] = [];
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let negated = false;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = byName.get(name);
      if (!spec && name.startsWith('no-')) {
        const positive = byName.get(name.slice(3));
        if (positive?.kind === 'boolean') {
          spec = positive;
          negated = true;
        }
      }
      if (!spec) throw usageError(`unknown option --${name}${suggest(name, specs)}`);
    } else {
      spec = byShort.get(arg.slice(1));
      if (!spec) throw usageError(`unknown option ${arg}${suggest(arg.replace(/^-+/, ''), specs)}`);
    }
    const flag = `--${spec.name}`;
    if (spec.kind === 'boolean') {
      if (inline !== undefined) {
        if (negated) throw usageError(`${arg}: --no-${spec.name} takes no value`);
        values[spec.name] = parseBoolean(inline, `${flag}`);
      } else {
        values[spec.name] = !negated;
      }
      sources[spec.name] = 'flag';
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw usageError(`${flag} needs a value${spec.placeholder ? ` (${spec.placeholder})` : ''}`);
      }
      raw = next;
      i++;
    }
    const value = parseValue(spec, raw, flag);
    if (spec.kind === 'list' && sources[spec.name] === 'flag') {
      values[spec.name] = [...(values[spec.name] as string[]), ...(value as string[])];
    } else {
      values[spec.name] = value;
    }
    sources[spec.name] = 'flag';
  }

  for (const spec of specs) {
    if (values[spec.name] !== undefined || !spec.env) continue;
    const raw = env[spec.env];
    if (raw === undefined || (raw === '' && spec.kind !== 'boolean')) continue;
    const where = `${spec.env} (environment variable)`;
    values[spec.name] = spec.kind === 'boolean' ? parseBoolean(raw, where) : parseValue(spec, raw, where);
    sources[spec.name] = 'env';
  }
  return { values, sources, positionals, help };
}

function parseBoolean(raw: string, where: string): boolean {
  const value = raw.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw usageError(`invalid value for ${where}: ${JSON.stringify(raw)} is not a boolean (use true or false)`);
}

function parseValue(spec: OptionSpec, raw: string, where: string): OptionValue {
  const fail = (why: string) => usageError(`invalid value for ${where}: ${JSON.stringify(raw)} ${why}`);
  switch (spec.kind) {
    case 'string':
      if (raw.trim() === '') throw fail('is empty');
      return raw;
    case 'int': {
      const min = spec.min ?? Number.MIN_SAFE_INTEGER;
      const max = spec.max ?? Number.MAX_SAFE_INTEGER;
      if (!/^-?\d+$/.test(raw.trim())) throw fail(`is not a whole number${rangeText(spec)}`);
      const value = Number(raw.trim());
      if (value < min || value > max) throw fail(`is out of range${rangeText(spec)}`);
      return value;
    }
    case 'enum': {
      const allowed = spec.values ?? [];
      if (!allowed.includes(raw)) throw fail(`is not one of ${allowed.join(', ')}`);
      return raw;
    }
    case 'list':
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'url': {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw fail('is not an absolute URL');
      }
      const protocols = spec.protocols ?? ['http:', 'https:'];
      if (!protocols.includes(url.protocol)) throw fail(`must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return raw;
    }
    case 'duration': {
      const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(raw.trim());
      if (!match) throw fail('is not a duration (examples: 90s, 15m, 12h, 30d)');
      const ms = Math.round(Number(match[1]) * (DURATION_UNITS[match[2] ?? 's'] as number));
      const min = spec.min ?? 1;
      if (ms < min || (spec.max !== undefined && ms > spec.max)) throw fail(`is out of range${rangeText(spec, true)}`);
      return ms;
    }
    default:
      throw fail('cannot be parsed');
  }
}

function rangeText(spec: OptionSpec, duration = false): string {
  const show = (n: number) => (duration ? formatDuration(n) : String(n));
  if (spec.min !== undefined && spec.max !== undefined) return ` (expected ${show(spec.min)} to ${show(spec.max)})`;
  if (spec.min !== undefined) return ` (expected at least ${show(spec.min)})`;
  if (spec.max !== undefined) return ` (expected at most ${show(spec.max)})`;
  return '';
}

/**
 * Formats milliseconds the way `duration` options accept them (`15m`, `12h`, `90s`).
 *
 * @example
 * ```ts
 * formatDuration(900_000); // '15m'
 * ```
 */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = DURATION_UNITS[unit] as number;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

function suggest(name: string, specs: readonly OptionSpec[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const spec of specs) {
    const distance = levenshtein(name, spec.name);
    if (distance < bestDistance) {
      best = spec.name;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? ` (did you mean --${best}?)` : ' (see --help)';
}

/** Edit distance where swapping two neighbouring letters counts as one edit (`--prot` → `--port`). */
function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}
