import { resolve } from 'node:path';
import { CliError, usageError } from './CliError.js';
import type { CliIo } from './CliIo.js';
import { createOutboxEndpoint, OUTBOX_PATH } from './createOutboxEndpoint.js';
import { createStaticHandler } from './createStaticHandler.js';
import { formatHelp } from './formatHelp.js';
import { importOptional, missingPackageError } from './importOptional.js';
import { packageVersion } from './packageVersion.js';
import type { OptionSpec } from './parseOptions.js';
import { formatDuration, parseOptions } from './parseOptions.js';
import { createTextLogger } from './createTextLogger.js';
import type { CliCommand } from './runCli.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Every option of `latchkey serve`, in `--help` order: flag, environment variable, kind of value,
 * description and default (docs/server.md has the same table).
 *
 * @example
 * ```ts
 * const variables = SERVE_OPTIONS.map((option) => option.env); // ['LATCHKEY_PORT', 'LATCHKEY_HOST', ...]
 * ```
 */
export const SERVE_OPTIONS: readonly OptionSpec[] = [
  { name: 'port', short: 'p', env: 'LATCHKEY_PORT', kind: 'int', min: 0, max: 65535, description: 'TCP port to listen on (0: any free port).', defaultText: '8787' },
  {
    name: 'host',
    env: 'LATCHKEY_HOST',
    kind: 'string',
    placeholder: 'address',
    description: 'Address to listen on. Use 0.0.0.0 (or ::) to accept connections from other machines.',
    defaultText: '127.0.0.1',
  },
  {
    name: 'db',
    env: 'LATCHKEY_DB',
    kind: 'string',
    placeholder: 'file',
    description: 'SQLite database file, created and migrated on first start (":memory:" for a throwaway one).',
    defaultText: './latchkey.db',
  },
  {
    name: 'app-url',
    env: 'LATCHKEY_APP_URL',
    kind: 'url',
    description: 'Public URL of the app. Links in mail are built from it (never from the Host header) and its origin may send requests.',
    defaultText: 'http://<host>:<port>',
  },
  { name: 'base-path', env: 'LATCHKEY_BASE_PATH', kind: 'string', placeholder: 'path', description: 'Path the auth API answers under.', defaultText: '/api/auth' },
  { name: 'static', env: 'LATCHKEY_STATIC', kind: 'string', placeholder: 'dir', description: 'Also serve this directory (a built single-page app) on the same origin; unknown page paths get its index.html.' },
  { name: 'spa-fallback', env: 'LATCHKEY_SPA_FALLBACK', kind: 'boolean', description: 'With --static: answer unknown page paths with index.html (--no-spa-fallback: 404).', defaultText: 'true' },
  { name: 'transport', env: 'LATCHKEY_TRANSPORT', kind: 'enum', values: ['cookie', 'bearer'], description: 'How sessions travel: HttpOnly cookie + CSRF token, or bearer tokens.', defaultText: 'cookie' },
  { name: 'registration', env: 'LATCHKEY_REGISTRATION', kind: 'enum', values: ['open', 'invite', 'closed'], description: 'Who may register.', defaultText: 'open' },
  {
    name: 'preauthorized',
    env: 'LATCHKEY_PREAUTHORIZED',
    kind: 'list',
    placeholder: 'emails,@domains',
    description: 'With --registration invite: emails (ada@example.com) and domains (@example.com) that may register without an invite code.',
  },
  {
    name: 'smtp-url',
    env: 'LATCHKEY_SMTP_URL',
    kind: 'url',
    protocols: ['smtp:', 'smtps:'],
    description: 'Send mail over SMTP (smtp://host:587, smtps://user:pass@host:465). Without it, mail goes to the development outbox: printed on stdout, not sent.',
  },
  { name: 'mail-from', env: 'LATCHKEY_MAIL_FROM', kind: 'string', placeholder: 'address', description: 'Sender of mail, e.g. "Acme <no-reply@acme.example>".', defaultText: 'latchkey <no-reply@localhost>' },
  { name: 'mail', env: 'LATCHKEY_MAIL', kind: 'boolean', description: 'Send mail at all (--no-mail: password reset and username reminders are turned off).', defaultText: 'true' },
  { name: 'app-name', env: 'LATCHKEY_APP_NAME', kind: 'string', placeholder: 'name', description: 'Name used in mail subjects.', defaultText: 'latchkey' },
  { name: 'reset-path', env: 'LATCHKEY_RESET_PATH', kind: 'string', placeholder: 'path', description: 'App path that mailed reset links open (token in ?token=).', defaultText: '/reset-password' },
  { name: 'verify-email-path', env: 'LATCHKEY_VERIFY_EMAIL_PATH', kind: 'string', placeholder: 'path', description: 'App path that mailed email-verification links open.', defaultText: '/verify-email' },
  { name: 'register-path', env: 'LATCHKEY_REGISTER_PATH', kind: 'string', placeholder: 'path', description: 'App path that mailed invites open (code in ?invite=).', defaultText: '/register' },
  { name: 'login-path', env: 'LATCHKEY_LOGIN_PATH', kind: 'string', placeholder: 'path', description: 'App path of the sign-in page, used in mail.', defaultText: '/login' },
  { name: 'password-reset', env: 'LATCHKEY_PASSWORD_RESET', kind: 'boolean', description: 'Offer "forgot password" (needs mail).', defaultText: 'true when mail is on' },
  { name: 'username-recovery', env: 'LATCHKEY_USERNAME_RECOVERY', kind: 'boolean', description: 'Offer "forgot username" (needs mail).', defaultText: 'true when mail is on' },
  { name: 'email-verification', env: 'LATCHKEY_EMAIL_VERIFICATION', kind: 'boolean', description: 'New accounts confirm their email address before signing in (needs mail).', defaultText: 'false' },
  { name: 'profile', env: 'LATCHKEY_PROFILE', kind: 'boolean', description: 'Let users edit their name and email (PATCH user).', defaultText: 'true' },
  { name: 'admin', env: 'LATCHKEY_ADMIN', kind: 'boolean', description: 'Offer the admin endpoints to users with the role admin.', defaultText: 'true' },
  { name: 'password-min-length', env: 'LATCHKEY_PASSWORD_MIN_LENGTH', kind: 'int', min: 8, max: 4096, description: 'Shortest accepted password, in characters.', defaultText: '12' },
  { name: 'password-max-length', env: 'LATCHKEY_PASSWORD_MAX_LENGTH', kind: 'int', min: 64, max: 4096, description: 'Longest accepted password, in characters.', defaultText: '128' },
  { name: 'session-idle', env: 'LATCHKEY_SESSION_IDLE', kind: 'duration', min: MINUTE, description: 'A session ends after this long without activity.', defaultText: '30m' },
  { name: 'session-absolute', env: 'LATCHKEY_SESSION_ABSOLUTE', kind: 'duration', min: MINUTE, description: 'A session ends this long after sign-in, active or not.', defaultText: '12h' },
  { name: 'remember-idle', env: 'LATCHKEY_REMEMBER_IDLE', kind: 'duration', min: MINUTE, description: 'Idle timeout of "stay signed in" sessions.', defaultText: '7d' },
  { name: 'remember-absolute', env: 'LATCHKEY_REMEMBER_ABSOLUTE', kind: 'duration', min: MINUTE, description: 'Absolute lifetime of "stay signed in" sessions.', defaultText: '30d' },
  { name: 'access-token-ttl', env: 'LATCHKEY_ACCESS_TOKEN_TTL', kind: 'duration', min: 10_000, max: DAY, description: 'Bearer transport: access token lifetime.', defaultText: '15m' },
  {
    name: 'trust-proxy',
    env: 'LATCHKEY_TRUST_PROXY',
    kind: 'int',
    min: 0,
    max: 10,
    placeholder: 'hops',
    description: 'Number of reverse proxies in front whose X-Forwarded-For / -Proto / -Host headers are believed (0: ignore them).',
    defaultText: '0',
  },
  { name: 'allowed-origins', env: 'LATCHKEY_ALLOWED_ORIGINS', kind: 'list', placeholder: 'origins', description: 'Other origins (https://admin.example.com) allowed to call the API with credentials.' },
  {
    name: 'secure-cookies',
    env: 'LATCHKEY_SECURE_COOKIES',
    kind: 'enum',
    values: ['auto', 'always', 'never'],
    description: 'Secure flag and __Host- prefix on cookies: auto = when the request came over https (see --trust-proxy).',
    defaultText: 'auto',
  },
  { name: 'secret', env: 'LATCHKEY_SECRET', kind: 'string', placeholder: 'key', description: 'HMAC key for CSRF tokens. Default: a random key generated once and kept in the database.' },
  {
    name: 'outbox-endpoint',
    env: 'LATCHKEY_OUTBOX_ENDPOINT',
    kind: 'boolean',
    description: `Development and CI only: answer GET ${OUTBOX_PATH}?to=<address> with the development outbox (for latchkey check --outbox-url). It hands out reset tokens; never in production.`,
    defaultText: 'false',
  },
  { name: 'log', env: 'LATCHKEY_LOG', kind: 'enum', values: ['json', 'text', 'off'], description: 'Log format of auth events on stdout (never contains passwords or tokens).', defaultText: 'json' },
];

const HELP = formatHelp({
  usage: 'latchkey serve [options]',
  summary:
    'Runs the latchkey reference auth server: the whole auth API under --base-path on a SQLite database,\n' +
    'optionally with a static app (--static) on the same origin, so one URL serves app and API.\n' +
    'Every option can also be set through the environment variable shown; a flag wins over the variable.',
  options: SERVE_OPTIONS,
  sections: [
    {
      title: 'Examples',
      lines: [
        'latchkey serve --db ./data/auth.db --static ./dist',
        'LATCHKEY_PORT=9000 LATCHKEY_REGISTRATION=invite latchkey serve',
        'latchkey serve --host 0.0.0.0 --app-url https://app.example.com --trust-proxy 1 --smtp-url smtps://user:pass@smtp.example.com:465',
      ],
    },
    { title: 'Stopping', lines: ['Ctrl-C (SIGINT) or SIGTERM: stops accepting connections, lets mail in flight finish, closes the database.'] },
  ],
});

/**
 * Splits `--preauthorized` entries into emails and domains (`@example.com` or `example.com`); a
 * usage error names the first entry that is neither, and where it came from.
 *
 * @example
 * ```ts
 * splitPreauthorized(['ada@example.com', '@acme.example'], '--preauthorized'); // { emails: ['ada@example.com'], domains: ['acme.example'] }
 * ```
 */
export function splitPreauthorized(entries: readonly string[], where: string): { emails: string[]; domains: string[] } {
  const emails: string[] = [];
  const domains: string[] = [];
  for (const entry of entries) {
    if (/^@?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(entry)) domains.push(entry.replace(/^@/, ''));
    else if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(entry)) emails.push(entry);
    else throw usageError(`invalid value for ${where}: ${JSON.stringify(entry)} is neither an email address nor a domain (@example.com)`);
  }
  return { emails, domains };
}

function where(sources: Readonly<Record<string, 'flag' | 'env'>>, spec: string): string {
  const option = SERVE_OPTIONS.find((candidate) => candidate.name === spec);
  return sources[spec] === 'env' && option?.env ? `${option.env} (environment variable)` : `--${spec}`;
}

function checkPath(value: string | undefined, label: string): string | undefined {
  if (value === undefined) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || /[\s?#]/.test(value)) {
    throw usageError(`invalid value for ${label}: ${JSON.stringify(value)} must be a path starting with one "/" (no spaces, ? or #)`);
  }
  return value;
}

function stopSignal(io: CliIo): { signal: AbortSignal; dispose(): void } {
  if (io.signal) return { signal: io.signal, dispose: () => undefined };
  const controller = new AbortController();
  let stops = 0;
  const onSignal = () => {
    stops += 1;
    if (stops > 1) {
      io.stderr.write('latchkey: stopping at once.\n');
      process.exit(130);
    }
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * `latchkey serve`: the reference server on SQLite, with the auth API under `--base-path` and an
 * optional static app on the same origin; stops cleanly on Ctrl-C.
 *
 * @example
 * ```ts
 * await serveCommand.run(['--port', '0', '--db', ':memory:'], io);
 * ```
 */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the reference auth server (SQLite), optionally serving a static app on the same origin.',
  async run(argv, io) {
    const { values, sources, positionals, help } = parseOptions(argv, SERVE_OPTIONS, io.env);
    if (help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw usageError(`serve takes no arguments, got ${JSON.stringify(positionals[0])} (options start with --)`);

    const port = (values.port as number | undefined) ?? 8787;
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const db = (values.db as string | undefined) ?? 'latchkey.db';
    const dbPath = db === ':memory:' ? db : resolve(io.cwd, db);
    const basePath = checkPath(values['base-path'] as string | undefined, where(sources, 'base-path'))?.replace(/\/+$/, '') ?? '/api/auth';
    const mailOn = (values.mail as boolean | undefined) ?? true;
    const smtpUrl = values['smtp-url'] as string | undefined;
    if (!mailOn && smtpUrl) throw usageError(`--no-mail and ${where(sources, 'smtp-url')} contradict each other`);
    const minLength = values['password-min-length'] as number | undefined;
    const maxLength = values['password-max-length'] as number | undefined;
    if ((minLength ?? 12) > (maxLength ?? 128)) {
      throw usageError(`the password minimum length (${String(minLength ?? 12)}) is above the maximum (${String(maxLength ?? 128)}); check --password-min-length and --password-max-length`);
    }
    for (const feature of ['password-reset', 'username-recovery', 'email-verification'] as const) {
      if (values[feature] === true && !mailOn) throw usageError(`${where(sources, feature)} needs mail; it cannot be on with --no-mail`);
    }
    const outboxEndpoint = (values['outbox-endpoint'] as boolean | undefined) ?? false;
    if (outboxEndpoint && (!mailOn || smtpUrl)) {
      throw usageError(`${where(sources, 'outbox-endpoint')} needs the development outbox; it cannot be used with ${smtpUrl ? where(sources, 'smtp-url') : '--no-mail'}`);
    }
    const preauthorized = splitPreauthorized((values.preauthorized as string[] | undefined) ?? [], where(sources, 'preauthorized'));
    const allowedOrigins = ((values['allowed-origins'] as string[] | undefined) ?? []).map((origin) => {
      let url: URL | null;
      try {
        url = new URL(origin);
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || origin === '*') {
        throw usageError(`invalid value for ${where(sources, 'allowed-origins')}: ${JSON.stringify(origin)} is not an origin such as https://app.example.com`);
      }
      return url.origin;
    });
    const links = {
      resetPassword: checkPath(values['reset-path'] as string | undefined, where(sources, 'reset-path')),
      verifyEmail: checkPath(values['verify-email-path'] as string | undefined, where(sources, 'verify-email-path')),
      login: checkPath(values['login-path'] as string | undefined, where(sources, 'login-path')),
      register: checkPath(values['register-path'] as string | undefined, where(sources, 'register-path')),
    };
    const staticDir = values.static as string | undefined;
    const files = staticDir
      ? await createStaticHandler({ root: resolve(io.cwd, staticDir), spaFallback: (values['spa-fallback'] as boolean | undefined) ?? true }).catch(
          (error: unknown) => {
            throw usageError(`invalid value for ${where(sources, 'static')}: ${error instanceof Error ? error.message : String(error)}`);
          },
        )
      : null;

    const server = await importOptional(() => import('../server/index.js'), 'serve');
    const logFormat = (values.log as string | undefined) ?? 'json';
    const logger =
      logFormat === 'off'
        ? () => undefined
        : logFormat === 'text'
          ? createTextLogger((line) => io.stdout.write(`${line}\n`))
          : server.createJsonLogger((line) => io.stdout.write(`${line}\n`));

    let store: ReturnType<typeof server.createSqliteStore>;
    try {
      store = server.createSqliteStore({ filename: dbPath });
    } catch (error) {
      throw missingPackageError(error, 'serve') ?? new CliError(`cannot open the database ${where(sources, 'db')} ${JSON.stringify(db)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const smtp = mailOn && smtpUrl ? server.createSmtpMailer({ url: smtpUrl, ...(values['mail-from'] ? { from: values['mail-from'] as string } : {}) }) : null;
    const outbox = mailOn && !smtp ? server.createDevOutbox({ log: (text) => io.stdout.write(`${text}\n`) }) : null;
    const mailer = smtp ?? outbox ?? undefined;
    const outboxHandler = outboxEndpoint && outbox ? createOutboxEndpoint(outbox) : null;

    let running: Awaited<ReturnType<typeof server.listen>> | null = null;
    let app: ((request: Request, info?: { clientAddress?: string }) => Promise<Response>) | null = null;
    const stop = stopSignal(io);
    try {
      let handlerReady: () => void = () => undefined;
      const ready = new Promise<void>((done) => (handlerReady = done));
      try {
        running = await server.listen(
          async (request, info) => {
            await ready;
            return (app as NonNullable<typeof app>)(request, info);
          },
          { port, host, maxBodyBytes: 64 * 1024 },
        );
      } catch (error) {
        throw listenError(error, host, port, sources);
      }
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      const appUrl = (values['app-url'] as string | undefined) ?? `http://${shownHost}:${String(running.port)}`;
      let auth: ReturnType<typeof server.createAuthHandler>;
      try {
        auth = server.createAuthHandler({
          store,
          appUrl,
          basePath,
          transport: (values.transport as 'cookie' | 'bearer' | undefined) ?? 'cookie',
          registration: (values.registration as 'open' | 'invite' | 'closed' | undefined) ?? 'open',
          preauthorized,
          ...(mailer ? { mailer } : {}),
          features: {
            ...(values['password-reset'] === undefined ? {} : { passwordReset: values['password-reset'] as boolean }),
            ...(values['username-recovery'] === undefined ? {} : { usernameRecovery: values['username-recovery'] as boolean }),
            ...(values['email-verification'] === undefined ? {} : { emailVerification: values['email-verification'] as boolean }),
            ...(values.profile === undefined ? {} : { profile: values.profile as boolean }),
            ...(values.admin === undefined ? {} : { admin: values.admin as boolean }),
          },
          password: { ...(minLength === undefined ? {} : { minLength }), ...(maxLength === undefined ? {} : { maxLength }) },
          ...(values['app-name'] ? { appName: values['app-name'] as string } : {}),
          links: Object.fromEntries(Object.entries(links).filter(([, value]) => value !== undefined)),
          logger,
          session: {
            ...(values['session-idle'] === undefined ? {} : { idleTimeoutMs: values['session-idle'] as number }),
            ...(values['session-absolute'] === undefined ? {} : { absoluteTimeoutMs: values['session-absolute'] as number }),
            ...(values['remember-idle'] === undefined ? {} : { rememberIdleTimeoutMs: values['remember-idle'] as number }),
            ...(values['remember-absolute'] === undefined ? {} : { rememberAbsoluteTimeoutMs: values['remember-absolute'] as number }),
          },
          ...(values['access-token-ttl'] === undefined ? {} : { accessTokenTtlMs: values['access-token-ttl'] as number }),
          trustProxy: (values['trust-proxy'] as number | undefined) ?? 0,
          allowedOrigins,
          secure: { auto: 'auto' as const, always: true, never: false }[(values['secure-cookies'] as 'auto' | 'always' | 'never' | undefined) ?? 'auto'],
          ...(values.secret ? { secret: values.secret as string } : {}),
        });
      } catch (error) {
        throw usageError(`invalid configuration: ${error instanceof Error ? error.message.replace(/^createAuthHandler: /, '') : String(error)}`);
      }
      const authHandler = auth;
      const inAuth = (pathname: string) => pathname === basePath || pathname.startsWith(`${basePath}/`);
      app = (request, info) => {
        const { pathname } = new URL(request.url);
        if (outboxHandler && pathname === OUTBOX_PATH) return outboxHandler(request);
        if (files && !inAuth(pathname)) return files(request);
        return authHandler(request, info);
      };
      handlerReady();

      const url = running.url.replace(/^http:\/\/(0\.0\.0\.0|\[::\])/, 'http://localhost');
      const mailText = !mailer ? 'off' : smtp ? `SMTP (${new URL(smtpUrl as string).host})` : 'development outbox: mail is printed here, not sent';
      io.stdout.write(
        [
          `latchkey ${packageVersion()} serving ${files ? 'app + auth API' : 'auth API'}`,
          `  database  ${db === ':memory:' ? ':memory: (lost on exit)' : dbPath}`,
          `  auth API  ${url}${basePath} (${(values.transport as string | undefined) ?? 'cookie'} transport, registration ${(values.registration as string | undefined) ?? 'open'})`,
          ...(files ? [`  app       ${resolve(io.cwd, staticDir as string)}`] : []),
          `  mail      ${mailText}`,
          ...(outboxHandler ? [`  outbox    ${url}${OUTBOX_PATH} (development only: it hands out reset tokens)`] : []),
          `  sessions  idle ${formatDuration((values['session-idle'] as number | undefined) ?? 30 * MINUTE)}, absolute ${formatDuration((values['session-absolute'] as number | undefined) ?? 12 * 60 * MINUTE)}`,
          '',
          `  Open ${files ? url : `${url}${basePath}/config`}    (Ctrl-C stops)`,
          '',
        ].join('\n'),
      );

      if ((await store.countUsers()) === 0) {
        io.stdout.write(`  No users yet. Create the first admin with:  latchkey users add <username> --roles admin --db ${JSON.stringify(db)}\n\n`);
      }
      const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
      if (outboxHandler && !loopback) {
        io.stderr.write(`latchkey: warning: --outbox-endpoint on ${host} lets anyone who can reach this port read password reset links; use it on loopback only\n`);
      } else if (outbox && !loopback) {
        io.stderr.write('latchkey: warning: mail goes to the development outbox (printed above, not sent); set --smtp-url for real use\n');
      }

      if (!stop.signal.aborted) await new Promise<void>((done) => stop.signal.addEventListener('abort', () => done(), { once: true }));
      io.stdout.write('latchkey: stopping…\n');
      await running.close();
      running = null;
      await authHandler.idle();
      return 0;
    } finally {
      stop.dispose();
      if (running) await running.close().catch(() => undefined);
      smtp?.close();
      await store.close().catch(() => undefined);
    }
  },
};

function listenError(error: unknown, host: string, port: number, sources: Readonly<Record<string, 'flag' | 'env'>>): CliError {
  const code = (error as { code?: unknown } | null)?.code;
  const portWhere = where(sources, 'port');
  const hostWhere = where(sources, 'host');
  if (code === 'EADDRINUSE') return new CliError(`port ${String(port)} on ${host} is already in use; choose another with ${portWhere === '--port' ? '--port' : portWhere}`);
  if (code === 'EACCES') return new CliError(`not allowed to listen on port ${String(port)} (ports below 1024 need privileges); choose another with --port`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return usageError(`invalid value for ${hostWhere}: ${JSON.stringify(host)} is not an address of this machine`);
  }
  return new CliError(`cannot listen on ${host}:${String(port)}: ${error instanceof Error ? error.message : String(error)}`);
}
