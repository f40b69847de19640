/**
 * Reads the comma-separated roles an admin typed: trimmed, empty entries dropped, each role once.
 *
 * @internal
 * @example
 * ```ts
 * parseRoles(' editor, admin,,editor '); // ['editor', 'admin']
 * ```
 */
export function parseRoles(text: string): string[] {
  return [...new Set(text.split(',').map((role) => role.trim()).filter((role) => role !== ''))];
}
