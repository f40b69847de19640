import { COMMON_PASSWORDS } from './commonPasswords.js';

/**
 * Password policy options (NIST SP 800-63B): length only, no composition rules.
 *
 * @example
 * ```ts
 * const policy: PasswordPolicyOptions = { minLength: 14, maxLength: 256, commonPasswords: ['acme2026!'] };
 * ```
 */
export interface PasswordPolicyOptions {
  /** Minimum length in Unicode code points. Default 12, never below 8. */
  minLength?: number;
  /** Maximum length in code points. Default 128, never below 64. */
  maxLength?: number;
  /** Extra passwords to refuse (compared lower-cased), on top of the shipped list. */
  commonPasswords?: Iterable<string>;
}

/**
 * A resolved password policy: `check` answers `null` when acceptable, else the reason to show.
 *
 * @example
 * ```ts
 * const reason = policy.check('hunter2', 'ada'); // 'Use at least 12 characters.'
 * ```
 */
export interface PasswordPolicy {
  readonly minLength: number;
  readonly maxLength: number;
  check(password: string, username?: string | null): string | null;
}

/**
 * Builds the password policy; throws a `RangeError` for bounds outside the rules above.
 *
 * @example
 * ```ts
 * const policy = createPasswordPolicy({ minLength: 12 });
 * policy.check('correct horse battery staple'); // 'This password is too common...'
 * ```
 */
export function createPasswordPolicy(options: PasswordPolicyOptions = {}): PasswordPolicy {
  const minLength = options.minLength ?? 12;
  const maxLength = options.maxLength ?? 128;
  if (!Number.isInteger(minLength) || minLength < 8) throw new RangeError(`password.minLength must be an integer ≥ 8, got ${String(minLength)}`);
  if (!Number.isInteger(maxLength) || maxLength < 64 || maxLength > 4096) {
    throw new RangeError(`password.maxLength must be an integer from 64 to 4096, got ${String(maxLength)}`);
  }
  if (maxLength < minLength) throw new RangeError(`password.maxLength (${String(maxLength)}) is below password.minLength (${String(minLength)})`);
  const extra = new Set(Array.from(options.commonPasswords ?? [], (word) => word.toLowerCase()));
  return {
    minLength,
    maxLength,
    check(password, username) {
      const length = [...password].length;
      if (length < minLength) return `Use at least ${String(minLength)} characters.`;
      if (length > maxLength) return `Use at most ${String(maxLength)} characters.`;
      const lower = password.toLowerCase();
      if (COMMON_PASSWORDS.has(lower) || extra.has(lower)) return 'This password is too common; choose another one.';
      if (username && lower.trim() === username.toLowerCase().trim()) return 'The password must not be your username.';
      return null;
    },
  };
}
