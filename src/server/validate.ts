import * as z from 'zod/mini';
import { ApiError } from './http.js';

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `Must be at least 12 characters`, `Must have at most 3 items`, `Must be at least 0`. */
function limit(bound: 'at least' | 'at most', origin: string, value: number | bigint): string {
  if (origin === 'string') return `Must be ${bound} ${String(value)} characters`;
  return origin === 'array' ? `Must have ${bound} ${String(value)} items` : `Must be ${bound} ${String(value)}`;
}

function describe(issue: Issue, root: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(root, issue.path) === undefined ? 'Required' : `Expected ${issue.expected}`;
    case 'too_small':
      return limit('at least', issue.origin, issue.minimum);
    case 'too_big':
      return limit('at most', issue.origin, issue.maximum);
    case 'invalid_value':
      return `Must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'Has an unsupported type';
    default:
      return issue.message === 'Invalid input' ? 'Is not valid' : issue.message;
  }
}

/**
 * Validates `value` with a contract request schema; on failure throws 400 `invalid_request` whose
 * `fields` map each dotted path (`profile.age`, or `body` for the whole body) to what is wrong.
 *
 * @example
 * ```ts
 * const body = validateBody(LoginRequestSchema, await readJsonBody(request, limit));
 * ```
 */
export function validateBody<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].map(String).join('.')] = 'Unknown field';
      continue;
    }
    const path = issue.path.map(String).join('.') || 'body';
    fields[path] ??= describe(issue, value);
  }
  throw new ApiError('invalid_request', 'The request body does not match the contract.', fields);
}
