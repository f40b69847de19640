import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from './builtCli.js';
import { ROOT, runLatchkey } from './runLatchkey.js';

const doc = readFileSync(join(ROOT, 'docs', 'server.md'), 'utf8');
beforeAll(() => builtCli(), 120_000);

describe('docs/server.md stays in step with the CLI', () => {
  it('documents every flag and environment variable of latchkey serve --help', async () => {
    const { stdout } = await runLatchkey(['serve', '--help']);
    const flags = [...stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1] as string).filter((flag) => flag !== '--help');
    const variables = [...stdout.matchAll(/\benv\s+(LATCHKEY_[A-Z_]+)/g)].map((match) => match[1] as string);
    expect(flags.length).toBeGreaterThan(30);
    expect(variables.length).toBe(flags.length);
    for (const flag of flags) expect(doc, flag).toContain(`\`${flag}`);
    for (const variable of variables) expect(doc, variable).toContain(`\`${variable}\``);
  });

  it('documents every users subcommand', async () => {
    const { stdout } = await runLatchkey(['users', '--help']);
    const section = stdout.slice(stdout.indexOf('Subcommands:'), stdout.indexOf('Common options:'));
    const subcommands = [...section.matchAll(/^ {2}([a-z-]+) (?:<|\s)/gm)].map((match) => match[1] as string);
    expect(subcommands).toEqual(['add', 'list', 'set-roles', 'disable', 'enable', 'delete', 'set-password', 'reset-link']);
    for (const sub of subcommands) expect(doc, sub).toMatch(new RegExp(`latchkey users ${sub}|\\b${sub} <username>`));
  });
});
