import { formatPath } from './formatIssues.js';

/**
 * What {@link parseJsonBody} made of a body.
 *
 * @internal
 * @example
 * ```ts
 * const parsed: JsonBodyResult = { ok: true, value: { session: null } };
 * ```
 */
export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Nesting deeper than any contract answer is refused before a schema walks it. */
const MAX_DEPTH = 32;

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9!#$&^_.+-]+\+)?json\s*(?:;|$)/i;


/**
 * Parses a response body that must be a JSON object: checks the content type, refuses empty,
 * non-JSON and truncated bodies, nesting deeper than 32 levels, and any `__proto__` key (which
 * `JSON.parse` keeps as a plain own key, but which must never reach code that copies objects).
 * Problems come back as text that names what is wrong, never the body itself.
 *
 * @internal
 * @example
 * ```ts
 * const parsed = parseJsonBody('application/json', '{"session":null}');
 * if (parsed.ok) console.log(parsed.value);
 * ```
 */
export function parseJsonBody(contentType: string | null, text: string): JsonBodyResult {
  const fail = (problem: string): JsonBodyResult => ({ ok: false, problem });
  if (!text.trim()) return fail('the body is empty');
  if (!JSON_MEDIA_TYPE.test(contentType?.trim() ?? '')) {
    return fail(`the content type is ${contentType === null ? 'none' : JSON.stringify(contentType.slice(0, 100))}, not application/json`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('the body is not valid JSON');
  }
  // Recursion stops at MAX_DEPTH, so hostile nesting cannot overflow the stack.
  const walk = (node: unknown, path: (string | number)[]): string | undefined => {
    if (typeof node !== 'object' || node === null) return undefined;
    if (path.length > MAX_DEPTH) return `the body is nested deeper than ${MAX_DEPTH} levels`;
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return `the body has a forbidden "__proto__" key at ${formatPath(path)}`;
      const problem = walk((node as Record<string, unknown>)[key], [...path, Array.isArray(node) ? Number(key) : key]);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
  const problem = walk(value, []);
  return problem === undefined ? { ok: true, value } : fail(problem);
}
