import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AdminUser } from '../contract/index.js';
import type * as ServerModule from '../server/index.js';
import type { AuthStore, PasswordHasher, PasswordPolicy, UserAdmin, UserAdminOptions, UserRecord } from '../server/index.js';
import type * as RuntimeModule from '../server/runtime.js';
import { CliError, usageError } from './CliError.js';
import type { CliIo } from './CliIo.js';
import { formatHelp } from './formatHelp.js';
import { importOptional, missingPackageError } from './importOptional.js';
import type { OptionSpec, OptionValue } from './parseOptions.js';
import { parseOptions } from './parseOptions.js';
import { generatePassword, readPasswordFromStdin } from './readSecretInput.js';
import type { CliCommand } from './runCli.js';

const DB: OptionSpec = {
  name: 'db',
  env: 'LATCHKEY_DB',
  kind: 'string',
  placeholder: 'file',
  description: 'SQLite database file of the server.',
  defaultText: './latchkey.db',
};
const JSON_OUT: OptionSpec = { name: 'json', kind: 'boolean', description: 'Print JSON instead of text.' };
const MIN_LENGTH: OptionSpec = {
  name: 'password-min-length',
  env: 'LATCHKEY_PASSWORD_MIN_LENGTH',
  kind: 'int',
  min: 8,
  max: 4096,
  description: 'Shortest accepted password (use the same value as the server).',
  defaultText: '12',
};
const MAX_LENGTH: OptionSpec = {
  name: 'password-max-length',
  env: 'LATCHKEY_PASSWORD_MAX_LENGTH',
  kind: 'int',
  min: 64,
  max: 4096,
  description: 'Longest accepted password (use the same value as the server).',
  defaultText: '128',
};
const GENERATE: OptionSpec = {
  name: 'generate-password',
  kind: 'boolean',
  description: 'Do not read stdin: generate a password and print it once (for scripts whose stdin stays open).',
};
const APP_URL: OptionSpec = {
  name: 'app-url',
  env: 'LATCHKEY_APP_URL',
  kind: 'url',
  description: 'Public URL of the app the link opens.',
  defaultText: 'http://<LATCHKEY_HOST or 127.0.0.1>:<LATCHKEY_PORT or 8787>',
};
const RESET_PATH: OptionSpec = {
  name: 'reset-path',
  env: 'LATCHKEY_RESET_PATH',
  kind: 'string',
  placeholder: 'path',
  description: 'App path of the reset page.',
  defaultText: '/reset-password',
};

interface Subcommand {
  readonly name: string;
  readonly args: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly positionals: { readonly min: number; readonly max: number };
  run(context: Context): Promise<number>;
}

interface Context {
  readonly io: CliIo;
  readonly values: Readonly<Record<string, OptionValue | undefined>>;
  readonly positionals: readonly string[];
  readonly store: AuthStore;
  readonly server: typeof ServerModule;
  /** The server's input checks only (username, email, roles), for this command's own messages. */
  readonly runtime: typeof RuntimeModule;
  readonly dbPath: string;
  /** The server's user administration on this database (reset links: see reset-link). */
  admin(options?: Partial<Pick<UserAdminOptions, 'appUrl' | 'resetPasswordPath' | 'password'>>): UserAdmin;
}

/** Only `reset-link` makes links (it passes its own app URL); `add` always passes a password. */
const NO_LINKS_APP_URL = 'http://127.0.0.1:8787';

/** Loads argon2 on the first hash, so the commands that never hash work without it. */
function lazyHasher(create: () => PasswordHasher): PasswordHasher {
  let hasher: PasswordHasher | undefined;
  const get = () => (hasher ??= create());
  return {
    get params() {
      return get().params;
    },
    hash: (password) => get().hash(password),
    verify: (phc, password) => get().verify(phc, password),
    dummyVerify: (password) => get().dummyVerify(password),
    needsRehash: (phc) => get().needsRehash(phc),
  };
}

function jsonOut(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function parseRoles(raw: readonly string[], runtime: Context['runtime'], where: string): string[] {
  const roles = [...new Set(raw.flatMap((item) => item.split(',')).map((role) => role.trim()).filter((role) => role !== ''))];
  const problems = runtime.rolesProblem(roles);
  if (problems) {
    const bad = roles[Number(Object.keys(problems)[0]?.split('.')[1] ?? 0)] ?? '';
    throw usageError(`invalid role ${JSON.stringify(bad)} in ${where}: use letters, digits, "_", ".", ":" or "-" (at most 100 characters)`);
  }
  return roles;
}

function policyFor(context: Context): PasswordPolicy {
  const min = context.values['password-min-length'] as number | undefined;
  const max = context.values['password-max-length'] as number | undefined;
  try {
    return context.server.createPasswordPolicy({ ...(min === undefined ? {} : { minLength: min }), ...(max === undefined ? {} : { maxLength: max }) });
  } catch (error) {
    throw usageError(`invalid password policy: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The password from stdin (piped) or a generated one; `generated` tells which. */
async function choosePassword(context: Context, username: string): Promise<{ password: string; generated: boolean; policy: PasswordPolicy }> {
  const piped = context.values['generate-password'] ? null : await readPasswordFromStdin(context.io);
  const policy = policyFor(context);
  if (piped === null) return { password: generatePassword(), generated: true, policy };
  const problem = policy.check(piped, username);
  if (problem) throw new CliError(`the password from stdin was refused: ${problem}`);
  return { password: piped, generated: false, policy };
}

function describe(user: AdminUser): string {
  return `"${user.username}"${user.roles.length > 0 ? ` (roles: ${user.roles.join(', ')})` : ''}`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function warnIfNoAdmin(context: Context, admin: UserAdmin): Promise<void> {
  const { users } = await admin.listUsers({ offset: 0, limit: 100_000 });
  if (!users.some((user) => user.roles.includes('admin') && !user.disabled)) {
    context.io.stderr.write('latchkey: note: no enabled user has the role admin any more (add one with: latchkey users add <name> --roles admin)\n');
  }
}

function sessionsEnded(count: number): string {
  return `${String(count)} session${count === 1 ? '' : 's'} ended`;
}

function generatedLine(password: string): string {
  return `Generated password (shown only now, store it safely): ${password}`;
}

/**
 * A subcommand on one existing user (the first argument: username, email or id): finds the user, applies `change`,
 * prints its JSON (--json) or its text, and warns when that may have left no enabled admin.
 */
function onUser(spec: {
  name: string;
  args?: string;
  summary: string;
  /** Besides --db and --json. */
  options?: readonly OptionSpec[];
  positionals?: Subcommand['positionals'];
  change(context: Context, user: AdminUser, admin: UserAdmin): Promise<{ json: unknown; text: string; endsAdmin?: boolean }>;
}): Subcommand {
  return {
    name: spec.name,
    args: spec.args ?? '<username>',
    summary: spec.summary,
    options: [DB, ...(spec.options ?? []), JSON_OUT],
    positionals: spec.positionals ?? { min: 1, max: 1 },
    async run(context) {
      const admin = context.admin();
      const who = context.positionals[0] as string;
      const user = await admin.findUser(who);
      if (!user) throw new CliError(`no user ${JSON.stringify(who)} in ${context.dbPath} (see: latchkey users list)`);
      const { json, text, endsAdmin } = await spec.change(context, user, admin);
      if (context.values.json) jsonOut(context.io, json);
      else context.io.stdout.write(`${text}\n`);
      if (endsAdmin && user.roles.includes('admin')) await warnIfNoAdmin(context, admin);
      return 0;
    },
  };
}

const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'add',
    args: '<username>',
    summary:
      'Create a user. The password is read from stdin when it is piped (one line), otherwise a strong one is generated and printed once.',
    options: [
      DB,
      { name: 'email', kind: 'string', placeholder: 'address', description: 'Email address (used for sign-in, reset mail).' },
      { name: 'name', kind: 'string', placeholder: 'text', description: 'Display name.' },
      { name: 'roles', kind: 'list', placeholder: 'role,role', description: 'Roles, e.g. admin.' },
      GENERATE,
      MIN_LENGTH,
      MAX_LENGTH,
      JSON_OUT,
    ],
    positionals: { min: 1, max: 1 },
    async run(context) {
      const { io, values, runtime } = context;
      const username = context.positionals[0] as string;
      const usernameProblem = runtime.usernameProblem(username);
      if (usernameProblem) throw usageError(`invalid username ${JSON.stringify(username)}: ${usernameProblem}`);
      const email = values.email as string | undefined;
      if (email !== undefined) {
        const emailProblem = runtime.emailProblem(email);
        if (emailProblem) throw usageError(`invalid value for --email: ${JSON.stringify(email)}: ${emailProblem}`);
      }
      const roles = parseRoles((values.roles as string[] | undefined) ?? [], runtime, '--roles');
      const { password, generated, policy } = await choosePassword(context, username);
      // The policy options apply to a piped password only; a generated one (24 characters) never had to meet them.
      const admin = context.admin(generated ? {} : { password: policy });
      let user: AdminUser;
      try {
        ({ user } = await admin.addUser({ username, email: email ?? null, name: (values.name as string | undefined) ?? null, roles, password }));
      } catch (error) {
        if (error instanceof context.server.UserAdminError && error.code === 'conflict') {
          throw new CliError(
            error.field === 'username' ? `the username ${JSON.stringify(username)} is taken` : `the email address ${JSON.stringify(email)} is in use by another user`,
          );
        }
        throw error;
      }
      if (values.json) {
        jsonOut(io, { user, ...(generated ? { password } : {}) });
      } else {
        io.stdout.write(`Created user ${describe(user)}.\n`);
        if (generated) io.stdout.write(`${generatedLine(password)}\n`);
      }
      return 0;
    },
  },
  {
    name: 'list',
    args: '',
    summary: 'List users (username, email, name, roles, status, last sign-in).',
    options: [DB, { name: 'query', kind: 'string', placeholder: 'text', description: 'Only users whose username, email or name contains this text.' }, JSON_OUT],
    positionals: { min: 0, max: 0 },
    async run({ io, values, admin }) {
      const query = values.query as string | undefined;
      const { users: list } = await admin().listUsers({ ...(query === undefined ? {} : { query: query.toLowerCase() }), offset: 0, limit: 100_000 });
      if (values.json) {
        jsonOut(io, list);
        return 0;
      }
      if (list.length === 0) {
        io.stdout.write('No users yet. Create one with: latchkey users add <username> --roles admin\n');
        return 0;
      }
      const rows = [
        ['USERNAME', 'EMAIL', 'NAME', 'ROLES', 'STATUS', 'LAST SIGN-IN'],
        ...list.map((user) => [
          user.username,
          user.email ?? '-',
          user.name ?? '-',
          user.roles.join(',') || '-',
          user.disabled ? 'disabled' : 'active',
          user.lastLoginAt ? user.lastLoginAt.slice(0, 16).replace('T', ' ') : 'never',
        ]),
      ];
      io.stdout.write(`${table(rows)}\n${String(list.length)} user${list.length === 1 ? '' : 's'}\n`);
      return 0;
    },
  },
  onUser({
    name: 'set-roles',
    args: '<username> <roles>',
    summary: 'Replace the roles of a user (comma separated; "" removes all). Takes effect on their next request.',
    positionals: { min: 2, max: 100 },
    async change(context, user, admin) {
      const roles = parseRoles(context.positionals.slice(1), context.runtime, 'the roles argument');
      const updated = await admin.setRoles(user.id, roles);
      return {
        json: { user: updated },
        text: `Roles of "${updated.username}": ${roles.length > 0 ? roles.join(', ') : '(none)'}`,
        endsAdmin: !roles.includes('admin'),
      };
    },
  }),
  onUser({
    name: 'disable',
    summary: 'Disable a user: their sessions end now and sign-in fails like a wrong password.',
    async change({ store, runtime }, user) {
      // On the store, not admin.setDisabled: this prints how many sessions ended, which UserAdmin does not report.
      const updated = runtime.toAdminUser((await store.updateUser(user.id, { disabled: true, updatedAt: Date.now() })) as UserRecord);
      const ended = await store.deleteUserSessions(user.id);
      return { json: { user: updated, sessionsEnded: ended }, text: `Disabled "${updated.username}" (${sessionsEnded(ended)}).`, endsAdmin: true };
    },
  }),
  onUser({
    name: 'enable',
    summary: 'Enable a disabled user again.',
    async change(_context, user, admin) {
      const updated = await admin.setDisabled(user.id, false);
      return { json: { user: updated }, text: `Enabled "${updated.username}".` };
    },
  }),
  onUser({
    name: 'delete',
    summary: 'Delete a user with their sessions and tokens. This cannot be undone.',
    async change(_context, user, admin) {
      await admin.deleteUser(user.id);
      return { json: { deleted: user.username, id: user.id }, text: `Deleted "${user.username}".`, endsAdmin: true };
    },
  }),
  onUser({
    name: 'set-password',
    summary: 'Set a new password (from stdin when piped, else generated and printed once) and end all sessions of the user.',
    options: [GENERATE, MIN_LENGTH, MAX_LENGTH],
    async change(context, user) {
      const { store, server } = context;
      const { password, generated } = await choosePassword(context, user.username);
      // On the store, not admin.setPassword: this prints how many sessions ended and also cancels open reset links.
      await store.updateUser(user.id, { passwordHash: await server.createPasswordHasher().hash(password), updatedAt: Date.now() });
      const ended = await store.deleteUserSessions(user.id);
      await store.deleteOneTimeTokens(user.id, 'password_reset');
      return {
        json: { username: user.username, sessionsEnded: ended, ...(generated ? { password } : {}) },
        text: `New password set for "${user.username}" (${sessionsEnded(ended)}).${generated ? `\n${generatedLine(password)}` : ''}`,
      };
    },
  }),
  onUser({
    name: 'reset-link',
    summary: 'Print a one-time password reset link for a user (valid 30 minutes; a newer link cancels older ones).',
    options: [APP_URL, RESET_PATH],
    async change({ io, values, admin }, user) {
      const host = io.env.LATCHKEY_HOST && !['0.0.0.0', '::'].includes(io.env.LATCHKEY_HOST) ? io.env.LATCHKEY_HOST : '127.0.0.1';
      const appUrl = new URL((values['app-url'] as string | undefined) ?? `http://${host}:${io.env.LATCHKEY_PORT ?? '8787'}`);
      const path = values['reset-path'] as string | undefined;
      if (path !== undefined && (!path.startsWith('/') || path.startsWith('//'))) {
        throw usageError(`invalid value for --reset-path: ${JSON.stringify(path)} must start with one "/"`);
      }
      // The server's own defaults (reset path, one-time token lifetime) and link shape.
      const link = await admin({ appUrl: appUrl.toString(), ...(path === undefined ? {} : { resetPasswordPath: path }) }).resetLink(user.id);
      return { json: link, text: `Password reset link for "${user.username}" (works once, until ${link.expiresAt}):\n${link.url}` };
    },
  }),
];

function usersHelp(): string {
  const width = Math.max(...SUBCOMMANDS.map((sub) => `${sub.name} ${sub.args}`.length));
  return [
    'Usage: latchkey users <subcommand> [arguments] [options]',
    '',
    'Manage the users of a latchkey SQLite database (the way to create the first admin). Works while the',
    'server runs. Users are named by username or email.',
    '',
    'Subcommands:',
    ...SUBCOMMANDS.map((sub) => `  ${`${sub.name} ${sub.args}`.padEnd(width)}  ${sub.summary}`),
    '',
    'Common options:',
    '  --db <file>   SQLite database file (env LATCHKEY_DB; default ./latchkey.db)',
    '  --json        Print JSON instead of text.',
    '',
    'Examples:',
    '  latchkey users add ada --email ada@example.com --roles admin        (prints a generated password)',
    "  printf '%s\\n' \"$PASSWORD\" | latchkey users add bob               (password from stdin)",
    '  latchkey users set-roles bob editor,viewer',
    '  latchkey users reset-link bob --app-url https://app.example.com',
    '',
    'Run "latchkey users <subcommand> --help" for its options.',
    '',
  ].join('\n');
}

/**
 * `latchkey users add|list|set-roles|disable|enable|delete|set-password|reset-link` on the server's
 * SQLite database.
 *
 * @example
 * ```ts
 * await usersCommand.run(['add', 'ada', '--roles', 'admin', '--db', 'auth.db'], io);
 * ```
 */
export const usersCommand: CliCommand = {
  name: 'users',
  summary: 'Manage users: add, list, set-roles, disable, enable, delete, set-password, reset-link.',
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(usersHelp());
      return name === undefined ? 2 : 0;
    }
    const sub = SUBCOMMANDS.find((candidate) => candidate.name === name);
    if (!sub) throw usageError(`unknown users subcommand ${JSON.stringify(name)} (one of: ${SUBCOMMANDS.map((s) => s.name).join(', ')})`);
    const { values, positionals, help } = parseOptions(rest, sub.options, io.env);
    if (help) {
      io.stdout.write(
        formatHelp({ usage: `latchkey users ${sub.name}${sub.args ? ` ${sub.args}` : ''} [options]`, summary: sub.summary, options: sub.options }),
      );
      return 0;
    }
    if (positionals.length < sub.positionals.min) throw usageError(`users ${sub.name}: missing argument ${sub.args}`);
    if (positionals.length > sub.positionals.max) {
      throw usageError(`users ${sub.name}: unexpected argument ${JSON.stringify(positionals[sub.positionals.max])} (usage: latchkey users ${sub.name} ${sub.args})`);
    }
    const db = (values.db as string | undefined) ?? 'latchkey.db';
    const dbPath = resolve(io.cwd, db);
    if (sub.name !== 'add' && !existsSync(dbPath)) {
      throw new CliError(`the database ${dbPath} does not exist (check --db or LATCHKEY_DB; "latchkey users add" creates it)`);
    }
    const [server, runtime] = await importOptional(
      () => Promise.all([import('../server/index.js'), import('../server/runtime.js')]),
      `users ${sub.name}`,
    );
    let store: AuthStore;
    try {
      store = server.createSqliteStore({ filename: dbPath });
    } catch (error) {
      throw missingPackageError(error, `users ${sub.name}`) ?? new CliError(`cannot open the database ${dbPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const passwordHasher = lazyHasher(() => server.createPasswordHasher());
      const admin: Context['admin'] = (options) => server.createUserAdmin({ store, appUrl: NO_LINKS_APP_URL, passwordHasher, ...options });
      return await sub.run({ io, values, positionals, store, server, runtime, dbPath, admin });
    } finally {
      await store.close();
    }
  },
};
