import type * as z from 'zod/mini';

/** How many mismatches a message lists before it says "and N more". */
const SHOWN_ISSUES = 3;

/**
 * Writes a path into a JSON value the way people read it: `session.user.roles[0]`
 * (`the top level` for the value itself).
 *
 * @internal
 * @example
 * ```ts
 * formatPath(['session', 'user', 'roles', 0]); // 'session.user.roles[0]'
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? 'the top level'
    : path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('');
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : value === undefined ? 'nothing' : typeof value;

/** One issue in words: the rule's own message for a custom check, else the rule that failed (the expected type, `too small`, `invalid value`, ...) and the kind of value found. */
const describeIssue = (issue: z.core.$ZodIssue): string =>
  issue.code === 'custom'
    ? issue.message
    : // Parsed with `reportInput`, so each issue carries the value it is about (absent: nothing there).
      `${issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.code.replace('_', ' ')}, got ${kindOf(issue.input)}`;

/**
 * Describes why a value did not match a schema, naming the first mismatching paths and the types
 * involved, never the values themselves (they may be huge, or secret):
 * `session.user.id: expected string, got number; session.expiresAt: not a valid datetime`.
 *
 * @internal
 * @example
 * ```ts
 * const result = z.safeParse(SessionResponseSchema, body, { reportInput: true });
 * if (!result.success) console.log(formatIssues(result.error.issues));
 * ```
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`);
  return shown.join('; ') + (issues.length > SHOWN_ISSUES ? ` (and ${issues.length - SHOWN_ISSUES} more)` : '');
}
