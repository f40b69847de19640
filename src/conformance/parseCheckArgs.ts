import type { ConformanceOptions } from './ConformanceOptions.js';
import { outboxFromUrl } from './outboxFromUrl.js';
import { CONFORMANCE_GROUPS } from './runConformance.js';

/**
 * The parsed `latchkey check` command line: the run's options plus how to print.
 *
 * @example
 * ```ts
 * const { options, json } = parseCheckArgs(['http://127.0.0.1:3000/api/auth', '--json']);
 * ```
 */
export interface CheckArgs {
  readonly options: ConformanceOptions;
  readonly json: boolean;
  readonly help: boolean;
}

/**
 * The `latchkey check --help` text.
 *
 * @example
 * ```ts
 * process.stdout.write(CHECK_USAGE);
 * ```
 */
export const CHECK_USAGE = `Usage: latchkey check <baseUrl> [options]

Checks a backend against the latchkey auth contract over HTTP (black box) and prints a report
grouped by endpoint. Exit code 0 when every check passed, 1 when one failed, 2 for a usage mistake.

Options:
  --transport cookie|bearer   Fail unless GET config says this transport.
  --user <name>               An existing user to sign in with (needed when registration is not
  --password <password>       open and no admin is given; env LATCHKEY_CHECK_PASSWORD).
  --admin-user <name>         An admin: admin checks, disabled-account parity, user creation when
  --admin-password <pw>       registration is closed (env LATCHKEY_CHECK_ADMIN_PASSWORD).
  --outbox-url <url>          A test-only outbox endpoint (GET <url>?to=<address>) to follow reset
                              and verification mails; without it those checks are "not checked".
  --only <group,...>          Run only these groups: ${CONFORMANCE_GROUPS.join(', ')}.
  --max-attempts <n>          Failed logins tried before a 429 is required (default 20).
  --no-timing                 Skip the statistical timing check.
  --origin <origin>           Send this Origin on every normal request (backends that require one).
  --timeout <ms>              Per-request timeout (default 10000).
  --json                      Print the result as JSON instead of the report.
  -h, --help                  Show this help.
`;

function need(argv: readonly string[], i: number, flag: string): string {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new TypeError(`${flag} needs a value`);
  return value;
}

function positiveInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new TypeError(`${flag}: ${JSON.stringify(value)} is not a positive whole number`);
  return Number(value);
}

/**
 * Parses the arguments of `latchkey check` (everything after `check`). Throws a `TypeError` that
 * names the bad flag or value; passwords may come from the environment instead of the command line.
 *
 * @example
 * ```ts
 * const args = parseCheckArgs(['http://127.0.0.1:3000/api/auth', '--only', 'login,csrf'], process.env);
 * const result = await runConformance(args.options);
 * ```
 */
export function parseCheckArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CheckArgs {
  let baseUrl: string | undefined;
  let json = false;
  let help = false;
  let user: string | undefined;
  let password = env.LATCHKEY_CHECK_PASSWORD;
  let adminUser: string | undefined;
  let adminPassword = env.LATCHKEY_CHECK_ADMIN_PASSWORD;
  const options: Partial<ConformanceOptions> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const raw = argv[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq === -1 ? raw : raw.slice(0, eq);
    const inline = eq === -1 ? undefined : raw.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = need(argv, i, flag);
      i += 1;
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '--json':
        json = true;
        break;
      case '--no-timing':
        options.timing = false;
        break;
      case '--transport': {
        const v = value();
        if (v !== 'cookie' && v !== 'bearer') throw new TypeError(`--transport: ${JSON.stringify(v)} is neither "cookie" nor "bearer"`);
        options.transport = v;
        break;
      }
      case '--user':
        user = value();
        break;
      case '--password':
        password = value();
        break;
      case '--admin-user':
        adminUser = value();
        break;
      case '--admin-password':
        adminPassword = value();
        break;
      case '--outbox-url': {
        const v = value();
        try {
          options.readOutbox = outboxFromUrl(v);
        } catch {
          throw new TypeError(`--outbox-url: ${JSON.stringify(v)} is not an absolute URL`);
        }
        break;
      }
      case '--only': {
        const groups = value()
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean);
        const unknown = groups.filter((g) => !(CONFORMANCE_GROUPS as readonly string[]).includes(g));
        if (unknown.length) throw new TypeError(`--only: unknown group(s) ${unknown.join(', ')} (groups: ${CONFORMANCE_GROUPS.join(', ')})`);
        options.only = groups;
        break;
      }
      case '--max-attempts':
        options.maxAttempts = positiveInt(value(), '--max-attempts');
        if (options.maxAttempts < 2) throw new TypeError('--max-attempts: must be at least 2');
        break;
      case '--origin':
        options.origin = value();
        break;
      case '--timeout':
        options.requestTimeoutMs = positiveInt(value(), '--timeout');
        break;
      default:
        if (raw.startsWith('-')) throw new TypeError(`unknown option ${raw}`);
        if (baseUrl !== undefined) throw new TypeError(`unexpected argument ${JSON.stringify(raw)} (the base URL is already ${baseUrl})`);
        baseUrl = raw;
    }
  }
  if (help) return { options: { baseUrl: baseUrl ?? '' }, json, help };
  if (baseUrl === undefined) throw new TypeError('missing <baseUrl> (e.g. latchkey check http://127.0.0.1:3000/api/auth)');
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new TypeError(`<baseUrl>: ${JSON.stringify(baseUrl)} is not an absolute http(s) URL`);
  if ((user === undefined) !== (password === undefined) && user !== undefined) throw new TypeError('--user needs --password (or LATCHKEY_CHECK_PASSWORD)');
  if (adminUser !== undefined && adminPassword === undefined) throw new TypeError('--admin-user needs --admin-password (or LATCHKEY_CHECK_ADMIN_PASSWORD)');
  if (user !== undefined && password !== undefined) options.user = { identifier: user, password };
  if (adminUser !== undefined && adminPassword !== undefined) options.admin = { identifier: adminUser, password: adminPassword };
  return { options: { ...options, baseUrl }, json, help };
}
