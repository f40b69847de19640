import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../src/conformance/', import.meta.url));
const contract = fileURLToPath(new URL('../../src/contract/index.js', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('src/conformance is a black box', () => {
  it('imports only the contract, zod/mini and its own files (no server, mock, client, React, node: modules)', () => {
    const offenders: string[] = [];
    let seen = 0;
    for (const file of sources(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)) {
        const target = match[1] ?? '';
        seen += 1;
        const resolved = target.startsWith('.') ? resolve(dirname(file), target) : null;
        const ok = target === 'zod/mini' || resolved === contract || (resolved !== null && resolved.startsWith(root));
        if (!ok) offenders.push(`${file.slice(root.length)} → ${target}`);
      }
    }
    expect(seen).toBeGreaterThan(30);
    expect(offenders).toEqual([]);
  });
});
