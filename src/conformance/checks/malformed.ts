import type { Browser } from '../Browser.js';
import type { Exchange } from '../Exchange.js';
import { ErrorEnvelopeSchema } from '../../contract/index.js';
import { fail } from '../Suite.js';
import { stackTraceIn } from './stackTrace.js';

interface MalformedCase {
  readonly name: string;
  readonly body: string;
  /** `schema`: 400 invalid_request with `fields`; `json`: 400 invalid_request; `any`: any non-5xx answer. */
  readonly expect: 'schema' | 'json' | 'any';
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  return 42;
}

function withNul(value: unknown): unknown {
  if (typeof value === 'string') return `${value.slice(0, 4)}\u0000${value.slice(4)}`;
  return value;
}

/**
 * Sends malformed bodies to one endpoint and fails unless each gets the documented refusal:
 * malformed JSON and non-object JSON → 400 `invalid_request`; wrong types, missing required
 * fields and an extra field → 400 `invalid_request` with `fields`; NUL bytes in strings → any
 * answer but a 5xx. Never a 5xx, never a stack trace.
 *
 * @example
 * ```ts
 * await malformedBodies(browser, 'POST', 'login', { identifier: 'x', password: 'y' }, true);
 * ```
 */
export async function malformedBodies(
  browser: Browser,
  method: string,
  path: string,
  valid: Record<string, unknown>,
  hasRequiredFields: boolean,
): Promise<void> {
  const cases: MalformedCase[] = [
    { name: 'malformed JSON', body: '{"identifier": "x", ', expect: 'json' },
    { name: 'a JSON array instead of an object', body: '[]', expect: 'json' },
    { name: 'wrong types', body: JSON.stringify(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, wrongType(v)]))), expect: 'schema' },
    { name: 'an extra field', body: JSON.stringify({ ...valid, conformanceExtraField: 1 }), expect: 'schema' },
    { name: 'NUL bytes in strings', body: JSON.stringify(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, withNul(v)]))), expect: 'any' },
  ];
  if (hasRequiredFields) cases.splice(3, 0, { name: 'missing required fields', body: '{}', expect: 'schema' });
  const problems: string[] = [];
  let first: Exchange | undefined;
  for (const c of cases) {
    const x = await browser.request(method, path, { body: c.body, contentType: 'application/json' });
    const envelope = ErrorEnvelopeSchema.safeParse(x.json);
    let problem: string | null = null;
    if (x.status >= 500) problem = `${c.name} → ${x.status} (a server error)`;
    else if (stackTraceIn(x.text)) problem = `${c.name} → ${x.status} with a stack trace in the body`;
    else if (c.expect === 'any') {
      if (x.status >= 400 && !envelope.success) problem = `${c.name} → ${x.status} without an error envelope`;
    } else if (x.status !== 400 || !envelope.success || envelope.data.error.code !== 'invalid_request') {
      problem = `${c.name} → ${x.status}${envelope.success ? ` ${envelope.data.error.code}` : ''}, expected 400 invalid_request`;
    } else if (c.expect === 'schema' && Object.keys(envelope.data.error.fields ?? {}).length === 0) {
      problem = `${c.name} → 400 invalid_request without "fields" naming what was wrong`;
    }
    if (problem) {
      problems.push(problem);
      first ??= x;
    }
  }
  if (problems.length > 0) {
    fail(`${problems.length} of ${cases.length} malformed bodies got the wrong answer: ${problems.join('; ')}`, {
      exchange: first,
      requires:
        'malformed JSON, wrong types, missing or extra fields → 400 invalid_request (with "fields" for schema failures); never 5xx, never a stack trace',
    });
  }
}
