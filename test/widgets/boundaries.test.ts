import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['../../src/widgets/**/*.ts', '../../src/widgets/**/*.tsx'], { query: '?raw', import: 'default', eager: true });

describe('widget boundaries', () => {
  it('found the widget sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('no widget calls fetch or builds requests itself: they only compose the hooks', () => {
    for (const [file, source] of Object.entries(sources)) {
      expect(source, file).not.toMatch(/\bfetch\s*\(/);
      expect(source, file).not.toMatch(/XMLHttpRequest|new\s+Request\s*\(/);
      expect(source, file).not.toMatch(/from '\.\.\/client\/(?!AuthError\.js)/);
    }
  });

  it('no widget renders HTML from strings', () => {
    for (const [file, source] of Object.entries(sources)) {
      expect(source, file).not.toContain('dangerouslySetInnerHTML');
      expect(source, file).not.toMatch(/\.innerHTML\s*=/);
    }
  });

  it('no password input gets a maxLength (a pasted passphrase is never cut)', () => {
    for (const [file, source] of Object.entries(sources)) expect(source, file).not.toMatch(/maxLength=/);
  });
});
