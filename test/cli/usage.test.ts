import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from './builtCli.js';
import { ROOT, runLatchkey } from './runLatchkey.js';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-cli-usage-'));
const db = join(dir, 'auth.db');
beforeAll(() => builtCli(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('latchkey --help', () => {
  it('lists the commands and exits 0; without a command it shows the same and exits 2', async () => {
    const help = await runLatchkey(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: latchkey <command>/);
    for (const command of ['serve', 'users', 'check']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    const bare = await runLatchkey([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runLatchkey(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('serve --help documents every flag with its environment variable', async () => {
    const { code, stdout } = await runLatchkey(['serve', '--help']);
    expect(code).toBe(0);
    const flags: Array<[string, string]> = [
      ['port', 'LATCHKEY_PORT'],
      ['host', 'LATCHKEY_HOST'],
      ['db', 'LATCHKEY_DB'],
      ['app-url', 'LATCHKEY_APP_URL'],
      ['base-path', 'LATCHKEY_BASE_PATH'],
      ['static', 'LATCHKEY_STATIC'],
      ['transport', 'LATCHKEY_TRANSPORT'],
      ['registration', 'LATCHKEY_REGISTRATION'],
      ['preauthorized', 'LATCHKEY_PREAUTHORIZED'],
      ['smtp-url', 'LATCHKEY_SMTP_URL'],
      ['mail-from', 'LATCHKEY_MAIL_FROM'],
      ['password-min-length', 'LATCHKEY_PASSWORD_MIN_LENGTH'],
      ['session-idle', 'LATCHKEY_SESSION_IDLE'],
      ['trust-proxy', 'LATCHKEY_TRUST_PROXY'],
      ['allowed-origins', 'LATCHKEY_ALLOWED_ORIGINS'],
      ['secure-cookies', 'LATCHKEY_SECURE_COOKIES'],
      ['outbox-endpoint', 'LATCHKEY_OUTBOX_ENDPOINT'],
      ['log', 'LATCHKEY_LOG'],
    ];
    for (const [flag, env] of flags) {
      expect(stdout).toContain(`--${flag}`);
      expect(stdout).toContain(env);
    }
    expect(stdout).toMatch(/One\s+of: cookie,\s+bearer/);
    expect(stdout).toMatch(/One\s+of: open,\s+invite,\s+closed/);
  });

  it('users --help lists the subcommands, and each subcommand has its own help', async () => {
    const { code, stdout } = await runLatchkey(['users', '--help']);
    expect(code).toBe(0);
    for (const sub of ['add', 'list', 'set-roles', 'disable', 'enable', 'delete', 'set-password', 'reset-link']) {
      expect(stdout).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
    }
    const add = await runLatchkey(['users', 'add', '--help']);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Usage: latchkey users add <username>/);
    expect(add.stdout).toMatch(/stdin/);
    expect(add.stdout).toContain('--roles');
  });

  it('check --help comes from the conformance suite', async () => {
    const { code, stdout } = await runLatchkey(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: latchkey check <baseUrl>/);
  });
});

describe.concurrent('bad input gets one clear line naming what and where, and exit code 2', () => {
  const cases: Array<{ args: string[]; env?: Record<string, string>; message: RegExp }> = [
    { args: ['serve', '--prot', '8080'], message: /unknown option --prot \(did you mean --port\?\)/ },
    { args: ['serve', '--regstration', 'open'], message: /unknown option --regstration \(did you mean --registration\?\)/ },
    { args: ['serve', '--port', 'http'], message: /invalid value for --port: "http" is not a whole number \(expected 0 to 65535\)/ },
    { args: ['serve', '--port=70000'], message: /invalid value for --port: "70000" is out of range \(expected 0 to 65535\)/ },
    { args: ['serve', '--port'], message: /--port needs a value/ },
    { args: ['serve'], env: { LATCHKEY_PORT: 'eighty' }, message: /invalid value for LATCHKEY_PORT \(environment variable\): "eighty" is not a whole number/ },
    {
      args: ['serve'],
      env: { LATCHKEY_TRANSPORT: 'pigeon' },
      message: /invalid value for LATCHKEY_TRANSPORT \(environment variable\): "pigeon" is not one of cookie, bearer/,
    },
    { args: ['serve', '--registration', 'sometimes'], message: /--registration: "sometimes" is not one of open, invite, closed/ },
    { args: ['serve', '--app-url', 'app.example.com'], message: /--app-url: "app.example.com" is not an absolute URL/ },
    { args: ['serve', '--smtp-url', 'http://mail.example.com'], message: /--smtp-url: "http:\/\/mail.example.com" must start with smtp:\/\/ or smtps:\/\// },
    { args: ['serve', '--session-idle', 'soon'], message: /--session-idle: "soon" is not a duration \(examples: 90s, 15m, 12h, 30d\)/ },
    { args: ['serve', '--password-min-length', '6'], message: /--password-min-length: "6" is out of range \(expected 8 to 4096\)/ },
    { args: ['serve', '--password-min-length', '200'], message: /minimum length \(200\) is above the maximum \(128\)/ },
    { args: ['serve', '--trust-proxy', 'yes'], message: /--trust-proxy: "yes" is not a whole number/ },
    { args: ['serve'], env: { LATCHKEY_SPA_FALLBACK: 'maybe' }, message: /LATCHKEY_SPA_FALLBACK \(environment variable\): "maybe" is not a boolean/ },
    { args: ['serve', '--preauthorized', 'ada@example.com,not an email'], message: /--preauthorized: "not an email" is neither an email address nor a domain/ },
    { args: ['serve', '--allowed-origins', '*'], message: /--allowed-origins: "\*" is not an origin/ },
    { args: ['serve', '--base-path', 'api'], message: /--base-path: "api" must be a path starting with one "\/"/ },
    { args: ['serve', '--static', '/nonexistent/latchkey-app'], message: /--static: static directory "\/nonexistent\/latchkey-app" does not exist/ },
    { args: ['serve', '--no-mail', '--smtp-url', 'smtp://localhost:25'], message: /--no-mail and --smtp-url contradict each other/ },
    { args: ['serve', '--outbox-endpoint', '--smtp-url', 'smtp://localhost:25'], message: /--outbox-endpoint needs the development outbox/ },
    { args: ['serve', 'now'], message: /serve takes no arguments, got "now"/ },
    { args: ['serv'], message: /unknown command "serv"/ },
    { args: ['--port', '1'], message: /options come after the command/ },
    { args: ['users', 'rename'], message: /unknown users subcommand "rename" \(one of: add, list/ },
    { args: ['users', 'add'], message: /users add: missing argument <username>/ },
    { args: ['users', 'disable', 'ada', 'bob'], message: /users disable: unexpected argument "bob"/ },
    { args: ['users', 'add', 'ada lovelace', '--db', db], message: /invalid username "ada lovelace": Use 1 to 64 letters/ },
    { args: ['users', 'add', 'ada', '--email', 'ada-at-example', '--db', db], message: /--email: "ada-at-example": Enter a valid email address/ },
    { args: ['users', 'add', 'ada', '--roles', 'admin,super user', '--db', db], message: /invalid role "super user" in --roles/ },
    { args: ['users', 'list', '--jsn'], message: /unknown option --jsn \(did you mean --json\?\)/ },
    { args: ['check'], message: /missing <baseUrl>/ },
  ];

  for (const { args, env, message } of cases) {
    it(`latchkey ${args.join(' ')}${env ? ` with ${Object.keys(env).join(', ')}` : ''}`, async () => {
      const result = await runLatchkey(args, env ? { env } : {});
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
    });
  }
});
