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

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9!#$&^_.+-]+\+)?json\s*(?:;|$)/i;

/** Thrown by the reviver to stop at a `__proto__` key. */
const PROTO = new Error('__proto__');

/**
 * Reads an answer's text as JSON, if its content type says JSON and it parses. A `__proto__` key
 * anywhere is refused: later spreads of the value must not be able to swap an object's prototype.
 * JSON.parse itself walks the value (its reviver sees every key), so hostile nesting costs no
 * recursion of ours.
 *
 * @internal
 * @example
 * ```ts
 * const result = parseJsonBody('application/json', '{"session":null}');
 * if (result.ok) console.log(result.value);
 * ```
 */
export function parseJsonBody(contentType: string | null, text: string): JsonBodyResult {
  let problem = 'the body is empty';
  if (text.trim()) {
    if (!JSON_MEDIA_TYPE.test(contentType?.trim() ?? '')) {
      problem = `the content type is ${contentType === null ? 'none' : JSON.stringify(contentType.slice(0, 100))}, not application/json`;
    } else {
      try {
        return {
          ok: true,
          value: JSON.parse(text, (key, value: unknown) => {
            if (key === '__proto__') throw PROTO;
            return value;
          }),
        };
      } catch (error) {
        problem = error === PROTO ? 'the body has a forbidden "__proto__" key' : 'the body is not valid JSON';
      }
    }
  }
  return { ok: false, problem };
}
