import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest runs from the package root (jsdom gives import.meta.url no file: scheme).
const root = process.cwd();
const FRAMEWORK_FREE = ['src/contract', 'src/client', 'src/session'];
const REACT_MODULES = /^(?:react|react-dom|@tanstack\/react-query|scheduler)(?:\/.*)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file names: static imports and re-exports, dynamic import(), require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1] ?? '');
  return found;
}

describe('framework-free folders', () => {
  const files = FRAMEWORK_FREE.flatMap((dir) => sourceFiles(join(root, dir)));

  it('has files to check in each folder', () => {
    for (const dir of FRAMEWORK_FREE) expect(files.some((file) => relative(root, file).startsWith(dir))).toBe(true);
  });

  it('the import scanner sees every kind of import', () => {
    expect(specifiers(`import React from 'react';\nimport type { FC } from "react";\nexport { x } from 'react-dom/client';\nconst m = await import('react');\nrequire('@tanstack/react-query');\nimport 'react';`)).toEqual([
      'react',
      'react',
      'react-dom/client',
      'react',
      'react',
      '@tanstack/react-query',
    ]);
  });

  it.each(FRAMEWORK_FREE)('nothing in %s imports React, react-dom or react-query', (dir) => {
    const offenders = files
      .filter((file) => relative(root, file).startsWith(dir))
      .flatMap((file) => specifiers(readFileSync(file, 'utf8')).filter((s) => REACT_MODULES.test(s)).map((s) => `${relative(root, file)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('nothing there imports from the React folders of this package either', () => {
    const offenders = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => /(?:^|\/)(?:react|widgets)(?:\/|$)/.test(s) && s.startsWith('.'))
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
