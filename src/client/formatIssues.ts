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
  if (path.length === 0) return 'the top level';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value === undefined) return 'nothing';
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const part of path) {
    if (typeof current !== 'object' || current === null || typeof part === 'symbol') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${kindOf(valueAt(data, issue.path))}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `longer than ${String(issue.maximum)}`
        : `greater than ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `shorter than ${String(issue.minimum)}`
        : `less than ${String(issue.minimum)}`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}, got ${
        valueAt(data, issue.path) === undefined ? 'nothing' : `another ${kindOf(valueAt(data, issue.path))}`
      }`;
    case 'unrecognized_keys':
      return `unexpected ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'not_multiple_of':
      return `not a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
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
 * const result = SessionResponseSchema.safeParse(body);
 * if (!result.success) console.log(formatIssues(result.error.issues, body));
 * ```
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue, data)}`);
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}
