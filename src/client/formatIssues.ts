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

function describeIssue(issue: z.core.$ZodIssue): string {
  // Parsed with `reportInput`, so each issue carries the value it is about (absent: nothing there).
  const value = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${kindOf(value)}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const length = issue.origin === 'string' || issue.origin === 'array';
      return `${length ? (big ? 'longer' : 'shorter') : big ? 'greater' : 'less'} than ${String(big ? issue.maximum : issue.minimum)}`;
    }
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    case 'invalid_value':
      return `expected ${issue.values.map((allowed) => JSON.stringify(allowed)).join(' or ')}, got ${value === undefined ? 'nothing' : `another ${kindOf(value)}`}`;
    case 'custom':
      return issue.message;
    default:
      // Unions, record keys and elements, unknown keys: the code says which rule failed.
      return `is not valid (${issue.code})`;
  }
}

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
