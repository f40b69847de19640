import type * as z from 'zod/mini';

/** How many mismatches a message lists before it says "and N more". */
const SHOWN_ISSUES = 3;

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : value === undefined ? 'nothing' : typeof value;

/**
 * Describes why a value did not match a schema, naming the first mismatching paths (dotted, array
 * indexes as numbers: `session.user.roles.1`), the rule that failed (the expected type, `too
 * small`, `invalid value`, or a custom check's own message) and the kind of value found, never the
 * value itself (it may be huge, or secret):
 * `session.user.id: expected string, got number; session.expiresAt: not a valid ISO 8601 date-time`.
 *
 * @internal
 * @example
 * ```ts
 * const result = z.safeParse(SessionResponseSchema, body, { reportInput: true });
 * if (!result.success) console.log(formatIssues(result.error.issues));
 * ```
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return (
    issues
      .slice(0, SHOWN_ISSUES)
      .map(
        (issue) =>
          `${issue.path.join('.') || 'the top level'}: ${
            issue.code === 'custom'
              ? issue.message
              : // Parsed with `reportInput`, so each issue carries the value it is about (absent: nothing there).
                `${issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.code.replaceAll('_', ' ')}, got ${kindOf(issue.input)}`
          }`,
      )
      .join('; ') + (issues.length > SHOWN_ISSUES ? ` (and ${issues.length - SHOWN_ISSUES} more)` : '')
  );
}
