import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Vitest blanks CSS imports (even `?raw`), so the theme is read from disk (tests run from the repo root).
const css = readFileSync(resolve(process.cwd(), 'src/styles/latchkey.css'), 'utf8');

const sources = import.meta.glob<string>('../../src/widgets/*.tsx', { query: '?raw', import: 'default', eager: true });
const widgetSources = Object.values(sources);

describe('latchkey.css', () => {
  it('is built on --lk-* custom properties with light and dark themes (media query and attribute)', () => {
    expect(css).toMatch(/:root,\s*\[data-lk-theme='light'\]\s*\{/);
    expect(css).toMatch(/\[data-lk-theme='dark'\]\s*\{/);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root:not\(\[data-lk-theme='light'\]\)/);
    const tokens = (block: string) => new Set([...block.matchAll(/(--lk-color-[a-z-]+):/g)].map((match) => match[1]));
    const [light, dark] = css.split("[data-lk-theme='dark'] {");
    expect([...tokens(dark?.split('}')[0] ?? '')].sort()).toEqual([...tokens(light ?? '')].sort());
  });

  it('keeps focus visible, respects reduced motion and forced colours, styles the state attributes', () => {
    expect(css).toContain(':focus-visible');
    expect(css).toContain('@media (prefers-reduced-motion: reduce)');
    expect(css).toContain('@media (forced-colors: active)');
    for (const selector of ["[aria-invalid='true']", '[data-invalid]', "[aria-busy='true']", "[data-state='submitting']", ':disabled']) expect(css).toContain(selector);
  });

  it('uses zero-specificity selectors and no fixed pixel widths, so it reflows at 320 px and 200% zoom', () => {
    const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(rules).not.toMatch(/(?:^|[;{\s])(?:min-)?width:\s*\d{3,}px/m);
    expect(rules).not.toMatch(/font-size:\s*\d+px/);
    const selectors = [...rules.matchAll(/^([^@{}\n][^{}]*)\{/gm)].map((match) => (match[1] ?? '').trim()).filter((s) => s.includes('.lk-'));
    expect(selectors.length).toBeGreaterThan(40);
    for (const selector of selectors) expect(selector, selector).toMatch(/^:where\(/);
  });

  it('styles every lk- class the main widgets put on their parts', () => {
    const used = new Set(widgetSources.flatMap((source) => [...source.matchAll(/'(lk-[a-z-]+)'/g)].map((match) => match[1] ?? '')));
    // Per-widget hooks for an app's CSS; the theme styles the shared parts instead.
    const unstyledHooks = new Set([
      'lk-login',
      'lk-register',
      'lk-forgot-password',
      'lk-forgot-username',
      'lk-reset-password',
      'lk-change-password',
      'lk-account',
      'lk-logout',
      'lk-user-admin',
      'lk-invite-admin',
      'lk-verify-email',
      'lk-sign-in',
      'lk-user-name',
      'lk-optional',
    ]);
    expect(used.size).toBeGreaterThan(30);
    for (const name of used) {
      if (unstyledHooks.has(name)) continue;
      expect(css, name).toContain(`.${name}`);
    }
  });
});
