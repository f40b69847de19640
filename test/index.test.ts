import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as latchkey from 'latchkey';
import * as client from '../src/client/index.js';
import * as react from '../src/react/index.js';
import * as session from '../src/session/index.js';
import * as widgets from '../src/widgets/index.js';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
/** The names a folder index exports as types (`export type { A, B } from ...`). */
function typeNames(file: string): string[] {
  const source = readFileSync(resolve(root, file), 'utf8');
  return [...source.matchAll(/export\s+type\s+\{([^}]*)\}\s+from/g)].flatMap((match) =>
    (match[1] ?? '').split(',').map((name) => name.trim()).filter(Boolean),
  );
}

describe('the latchkey entry', () => {
  it('exports every value each folder index exports, and nothing else', () => {
    const expected = new Set([...Object.keys(client), ...Object.keys(session), ...Object.keys(react), ...Object.keys(widgets), 'CONTRACT_VERSION']);
    expect(new Set(Object.keys(latchkey))).toEqual(expected);
  });

  it('lists every type each folder index exports', () => {
    const entry = new Set(typeNames('src/index.ts'));
    for (const folder of ['client', 'session', 'react', 'widgets']) {
      for (const name of typeNames(`src/${folder}/index.ts`)) expect(entry.has(name), `${folder}: ${name}`).toBe(true);
    }
  });

  const listedIn = (file: string) => new Set([...readFileSync(resolve(root, file), 'utf8').matchAll(/^\s+(\w+),$/gm)].map((match) => match[1]));

  it("is counted whole by the size bench's 'whole package' entry, except the opt-in German dictionary", () => {
    const listed = listedIn('bench/size/all.js');
    const expected = Object.keys(latchkey).filter((name) => name !== 'messagesDe');
    expect(expected.filter((name) => !listed.has(name)), 'add these to bench/size/all.js').toEqual([]);
  });

  it("has every widget and every hook in the size bench's 'every widget + hooks' entry (issue 6 row 4)", () => {
    const listed = listedIn('bench/size/everything.js');
    const expected = [...Object.keys(react), ...Object.keys(widgets)].filter((name) => name !== 'messagesDe');
    expect(expected.filter((name) => !listed.has(name)), 'add these to bench/size/everything.js').toEqual([]);
    expect([...listed].filter((name) => name !== undefined && !expected.includes(name)), 'only widgets and hooks belong there').toEqual([]);
  });
});
