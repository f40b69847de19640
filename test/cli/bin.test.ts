import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from './builtCli.js';
import { ROOT, runLatchkey } from './runLatchkey.js';

const dir = mkdtempSync(join(tmpdir(), 'latchkey-cli-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let built = '';
beforeAll(async () => {
  built = await builtCli();
}, 120_000);

describe('bin/latchkey.js on plain Node', () => {
  it('runs the built CLI', async () => {
    const result = await runLatchkey(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: latchkey <command>/);
  });

  it('says how to build when dist/ is missing', async () => {
    const bare = join(dir, 'unbuilt');
    mkdirSync(join(bare, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'bin', 'latchkey.js'), join(bare, 'bin', 'latchkey.js'));
    const result = await runLatchkey(['--help'], { bin: join(bare, 'bin', 'latchkey.js') });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('latchkey: the CLI is not built (dist/cli.js is missing). In a checkout, run: npm run build\n');
  });

  for (const missing of ['better-sqlite3', '@node-rs/argon2']) {
    it(`names the optional peer to install when ${missing} is missing, and --help still works`, async () => {
      // An installed copy of the package whose node_modules lacks one optional peer.
      const target = join(dir, `without-${missing.replace('/', '-')}`);
      cpSync(built, target, { recursive: true });
      const modules = join(target, 'node_modules');
      mkdirSync(join(modules, '@node-rs'), { recursive: true });
      for (const name of readdirSync(join(ROOT, 'node_modules'))) {
        if (name === '@node-rs' || name.startsWith('.') || name === missing) continue;
        symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
      }
      for (const name of readdirSync(join(ROOT, 'node_modules', '@node-rs'))) {
        if (`@node-rs/${name}` === missing) continue;
        symlinkSync(join(ROOT, 'node_modules', '@node-rs', name), join(modules, '@node-rs', name));
      }
      const bin = join(target, 'bin', 'latchkey.js');
      const help = await runLatchkey(['serve', '--help'], { bin });
      expect(help.code).toBe(0);
      const result = await runLatchkey(['users', 'add', 'ada', '--db', join(target, 'auth.db')], { bin });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^latchkey: "users add" needs the package "${missing}" \\(.+\\), which is not installed\\.\\n`));
      expect(result.stderr).toContain(`Install it next to latchkey:  npm install ${missing}`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });
  }
});
