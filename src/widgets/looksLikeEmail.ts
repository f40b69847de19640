/**
 * A deliberately loose email check for instant feedback (something@something, no spaces); the
 * backend has the final word. Internal helper.
 *
 * @example
 * ```ts
 * looksLikeEmail('ada@example.com'); // true
 * looksLikeEmail('ada'); // false
 * ```
 */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value);
}
