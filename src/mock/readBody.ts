import type * as z from 'zod/mini';
import { MockHttpError } from './responses.js';

/**
 * The largest request body the contract accepts: 64 KiB.
 *
 * @example
 * ```ts
 * MAX_BODY_BYTES; // 65536
 * ```
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request body the way the contract prescribes, in this order: more than 64 KiB → 413
 * `payload_too_large`; a body without `Content-Type: application/json` → 415
 * `unsupported_media_type`; malformed JSON → 400 `invalid_request`. Returns the parsed JSON, or
 * `undefined` when there is no body at all.
 *
 * @example
 * ```ts
 * const json = await readJsonBody(request);
 * ```
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new MockHttpError('payload_too_large');
  const bytes = await readLimited(request);
  if (bytes.byteLength === 0) return undefined;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new MockHttpError('unsupported_media_type');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new MockHttpError('invalid_request', { message: 'The request body is not valid UTF-8.', fields: { body: 'Not valid UTF-8.' } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MockHttpError('invalid_request', { message: 'The request body is not valid JSON.', fields: { body: 'Not valid JSON.' } });
  }
}

async function readLimited(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new MockHttpError('payload_too_large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Checks parsed JSON against a contract request schema; every problem becomes a 400
 * `invalid_request` with `fields` keyed by dotted path (`body` for the whole body). Strings with a
 * NUL character are refused too.
 *
 * @example
 * ```ts
 * const body = validateBody(ENDPOINTS.login.request, json); // LoginRequest
 * ```
 */
export function validateBody<S extends z.ZodMiniType>(schema: S, json: unknown): z.infer<S> {
  if (json === undefined) {
    throw new MockHttpError('invalid_request', { message: 'A JSON body is required.', fields: { body: 'Required.' } });
  }
  const result = schema.safeParse(json, { reportInput: true });
  if (!result.success) {
    // A null prototype: a hostile key such as `__proto__` becomes a plain entry.
    const fields = Object.create(null) as Record<string, string>;
    for (const issue of result.error.issues) {
      const base = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) fields[base ? `${base}.${key}` : key] ??= 'Unknown field.';
        continue;
      }
      fields[base || 'body'] ??= describeIssue(issue);
    }
    const names = Object.keys(fields).join(', ');
    throw new MockHttpError('invalid_request', { message: `The request is not valid: ${names}.`, fields });
  }
  const nul = findNul(result.data, '');
  if (nul !== null) {
    throw new MockHttpError('invalid_request', { message: `The request is not valid: ${nul || 'body'}.`, fields: { [nul || 'body']: 'Must not contain a NUL character.' } });
  }
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required.' : `Expected ${issue.expected}.`;
    case 'too_small':
      return issue.origin === 'string' ? `Must be at least ${String(issue.minimum)} characters.` : `Must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'string' ? `Must be at most ${String(issue.maximum)} characters.` : `Must be at most ${String(issue.maximum)}.`;
    case 'invalid_value':
      return `Must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    default:
      return issue.message === 'Invalid input' ? 'Invalid value.' : issue.message;
  }
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const hit = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
      const hit = findNul(child, path ? `${path}.${key}` : key);
      if (hit !== null) return hit;
    }
  }
  return null;
}
