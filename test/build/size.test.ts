/**
 * Size budgets and ratchet. `.size-limit.js` holds issue 6's budgets (and one entry without a
 * budget, the whole package). `bench/size/ratchet.json` holds each entry's ceiling: its budget
 * once the budget is met, else its last measured size plus 0.5 % (the slack covers a different
 * zlib on another machine, not a real change), so a change can neither break a met budget nor
 * quietly make a bundle bigger. When an entry shrinks, lower its ratchet. `npm test` builds right
 * before the tests; run alone, this file builds first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ratchet = JSON.parse(readFileSync(join(root, 'bench/size/ratchet.json'), 'utf8')) as Record<string, number>;
let measured: { name: string; size: number; sizeLimit: number; passed: boolean }[];

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/styles.css'))) {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  // size-limit exits 1 while a budget is over; its JSON report is complete either way.
  const result = spawnSync('npx', ['size-limit', '--json'], { cwd: root, encoding: 'utf8' });
  measured = JSON.parse(result.stdout) as typeof measured;
}, 180_000);

describe('bundle sizes (gzip)', () => {
  it('measures exactly the entries the ratchet lists', () => {
    expect(measured.map((entry) => entry.name).sort()).toEqual(Object.keys(ratchet).sort());
  });

  it.each(Object.entries(ratchet))('%s stays at or under %i bytes', (name, limit) => {
    const entry = measured.find((candidate) => candidate.name === name);
    expect(entry?.size, `${name}: a bundle grew past its ratchet (bench/size/ratchet.json)`).toBeLessThanOrEqual(limit);
  });
});
