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
  if (text.trim().length === 0) return { ok: false, problem: 'the body is empty' };
  if (contentType === null || !JSON_MEDIA_TYPE.test(contentType.trim())) {
    const shown = contentType === null ? 'none' : JSON.stringify(contentType.slice(0, 100));
    return { ok: false, problem: `the content type is ${shown}, not application/json` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the body is not valid JSON' };
  }
  // Walk iteratively (no recursion, so no stack overflow on hostile nesting).
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined || typeof item.value !== 'object' || item.value === null) continue;
    if (item.path.length > MAX_DEPTH) return { ok: false, problem: `the body is nested deeper than ${MAX_DEPTH} levels` };
    if (Array.isArray(item.value)) {
      item.value.forEach((child, index) => stack.push({ value: child, path: [...item.path, index] }));
      continue;
    }
    for (const key of Object.keys(item.value)) {
      if (key === '__proto__') return { ok: false, problem: `the body has a forbidden "__proto__" key at ${formatPath(item.path)}` };
      stack.push({ value: (item.value as Record<string, unknown>)[key], path: [...item.path, key] });
    }
  }
  return { ok: true, value };
}
