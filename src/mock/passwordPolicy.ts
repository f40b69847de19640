import type { AuthConfig } from '../contract/index.js';

/**
 * A small list of passwords that are long enough for the default policy and still guessed first
 * (lower-cased). A real backend uses a much longer list; the mock needs a faithful behaviour.
 *
 * @example
 * ```ts
 * COMMON_PASSWORDS.has('password1234'); // true
 * ```
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '111111111111',
  '000000000000',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiopasdf',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'correct horse battery staple',
  'changeme1234',
  'abcdefghijkl',
  'abc123abc123',
  'qwerty123456',
  'monkey123456',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'trustno1trustno1',
  'password',
  '12345678',
  'qwertyui',
]);

/**
 * Checks a new password against the policy of contract version 1: length in Unicode code points
 * between `minLength` and `maxLength`, not on the common-password list, not equal to the
 * username or email. No composition rules. Returns the problem as a sentence, or `null`.
 *
 * @example
 * ```ts
 * checkPassword('short', { minLength: 12, maxLength: 128 }, { username: 'ada' }); // 'Use at least 12 characters.'
 * ```
 */
export function checkPassword(
  password: string,
  policy: AuthConfig['password'],
  owner: { username?: string | null; email?: string | null },
): string | null {
  const length = [...password].length;
  if (length < policy.minLength) return `Use at least ${policy.minLength} characters.`;
  if (length > policy.maxLength) return `Use at most ${policy.maxLength} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'This password is too common. Choose a less predictable one.';
  if (owner.username && lower === owner.username.toLowerCase()) return 'The password must not be your username.';
  if (owner.email && lower === owner.email.toLowerCase()) return 'The password must not be your email address.';
  return null;
}
