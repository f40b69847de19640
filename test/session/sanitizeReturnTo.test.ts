import { describe, expect, it } from 'vitest';
import { sanitizeReturnTo } from 'latchkey';

const origin = 'https://app.example.com';

// security.md case 4, then more of the same family. Every one must fall back.
const hostile: unknown[] = [
  'https://evil.com',
  '//evil.com',
  '/\\evil.com',
  '/%09/evil.com',
  ' //evil.com',
  'https:evil.com',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://app@evil.com',
  // more
  'https://app.example.com@evil.com/',
  'https://evil.com/https://app.example.com/',
  'HTTPS://EVIL.COM/',
  '\\\\evil.com',
  '\\/evil.com',
  '/\\/evil.com',
  '\t//evil.com',
  '\n//evil.com',
  '/\t/evil.com',
  'java\tscript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'blob:https://app.example.com/0b1e6a2c',
  'ftp://app.example.com/file',
  'https://app.example.com.evil.com/',
  'https://app.example.com:8443/admin',
  'http://app.example.com/',
  'https://user:pass@app.example.com/account',
  '/%2F/evil.com',
  '/%5Cevil.com',
  '%2F%2Fevil.com',
  '/%0d%0aSet-Cookie:x=1',
  '/.//evil.com',
  '/%252F%252Fevil.com',
  '/%255Cevil.com',
  '/%2509/evil.com',
  '%5C%5Cevil.com',
  '/%E0%A4%A',
  '/a/..//evil.com',
  '\u3000//evil.com',
  '/\u2028/evil.com',
  '',
  `/${'a'.repeat(3000)}`,
  null,
  undefined,
  42,
  { toString: () => '/account' },
  ['/account'],
];

describe('sanitizeReturnTo', () => {
  it.each(hostile.map((value) => [JSON.stringify(value) ?? String(value), value]))('falls back for %s', (_label, value) => {
    expect(sanitizeReturnTo(value, { origin })).toBe('/');
    expect(sanitizeReturnTo(value, { origin, fallback: '/home' })).toBe('/home');
  });

  it('tried more than 15 payloads, every one blocked', () => {
    const blocked = hostile.filter((value) => sanitizeReturnTo(value, { origin, fallback: '#fallback' }) === '#fallback');
    expect(hostile.length).toBeGreaterThanOrEqual(15);
    expect(blocked).toHaveLength(hostile.length);
  });

  it.each([
    ['/a?b=1#c', '/a?b=1#c'],
    ['/account', '/account'],
    ['/account/security?tab=mfa', '/account/security?tab=mfa'],
    ['https://app.example.com/admin/users?page=2', '/admin/users?page=2'],
    ['/a/b/../c', '/a/c'],
    ['dashboard', '/dashboard'],
    ['/search?q=%2F%2Fevil.com', '/search?q=%2F%2Fevil.com'],
    ['/caf%C3%A9', '/caf%C3%A9'],
    ['/search?q=100%25', '/search?q=100%25'],
    ['/files/my%20report', '/files/my%20report'],
  ])('keeps the same-origin path %s as %s', (value, expected) => {
    expect(sanitizeReturnTo(value, { origin })).toBe(expected);
  });

  it('uses the current page origin by default', () => {
    expect(location.origin).toBe('http://localhost:3000');
    expect(sanitizeReturnTo('http://localhost:3000/x?y=1')).toBe('/x?y=1');
    expect(sanitizeReturnTo('https://app.example.com/x')).toBe('/');
    expect(sanitizeReturnTo('/a?b=1#c')).toBe('/a?b=1#c');
  });

  it('names a bad origin option', () => {
    expect(() => sanitizeReturnTo('/a', { origin: 'not a url' })).toThrow(/options\.origin "not a url"/);
  });
});
