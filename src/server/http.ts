import type { ErrorCode } from '../contract/index.js';
import { ERROR_STATUS } from '../contract/index.js';
import type { RawRequest } from './RawExchange.js';

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  invalid_request: 'The request is not valid.',
  invalid_credentials: 'The username or password is incorrect.',
  unauthenticated: 'You are not signed in, or your session has ended.',
  forbidden: 'You are not allowed to do this.',
  csrf_failed: 'The request could not be verified (CSRF). Reload the page and try again.',
  registration_closed: 'Registration is closed.',
  invite_required: 'An invite is required to register.',
  not_found: 'Not found.',
  conflict: 'This conflicts with existing data.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Send the request body as application/json.',
  weak_password: 'Choose a stronger password.',
  invalid_token: 'This link is invalid or has expired. Request a new one.',
  rate_limited: 'Too many attempts. Try again later.',
  internal: 'Something went wrong on our side. Try again later.',
};

/**
 * An error answer of the contract: `{"error": {code, message, fields?}}` with the code's status.
 * Thrown inside the handler and turned into a response at the edge.
 *
 * @example
 * ```ts
 * throw new ApiError('conflict', undefined, { username: 'This username is taken.' });
 * ```
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>, headers: Record<string, string> = {}) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = fields;
    this.headers = headers;
  }

  /** The JSON body. */
  toBody(): { error: { code: string; message: string; fields?: Record<string, string> } } {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/**
 * Parses a `Cookie` header into a map (first occurrence of a name wins; malformed parts skipped).
 *
 * @example
 * ```ts
 * parseCookies('a=1; b=2').get('b'); // '2'
 * ```
 */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/**
 * Serializes a `Set-Cookie` value with the reference attributes: `Path=/; HttpOnly; SameSite=Lax`,
 * `Secure` when asked, `Max-Age` for persistent cookies (0 deletes).
 *
 * @example
 * ```ts
 * serializeCookie('lk_session', id, { secure: false }); // 'lk_session=...; Path=/; HttpOnly; SameSite=Lax'
 * ```
 */
export function serializeCookie(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  let cookie = `${name}=${value}; Path=/; HttpOnly; SameSite=Lax`;
  if (options.secure) cookie += '; Secure';
  if (options.maxAgeSeconds !== undefined) cookie += `; Max-Age=${String(Math.max(0, Math.floor(options.maxAgeSeconds)))}`;
  return cookie;
}

/**
 * Reads a request body up to `limit` bytes, stopping (413) as soon as it is exceeded, and parses
 * it as JSON. 415 without `Content-Type: application/json`; 400 for empty, non-UTF-8, malformed
 * JSON, or strings with NUL characters or lone surrogates.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(request, 64 * 1024);
 * ```
 */
export async function readJsonBody(request: RawRequest, limit: number): Promise<unknown> {
  const declared = request.header('content-length');
  if (declared !== null && Number(declared) > limit) throw new ApiError('payload_too_large', `The request body is larger than ${String(limit)} bytes.`);
  const type = (request.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body instanceof Uint8Array) {
    size = request.body.byteLength;
    if (size > limit) throw new ApiError('payload_too_large', `The request body is larger than ${String(limit)} bytes.`);
    chunks.push(request.body);
  } else if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw new ApiError('payload_too_large', `The request body is larger than ${String(limit)} bytes.`);
      }
      chunks.push(value);
    }
  }
  if (size === 0) {
    if (type !== '' && type !== 'application/json') throw new ApiError('unsupported_media_type');
    throw new ApiError('invalid_request', 'A JSON request body is required.', { body: 'Required' });
  }
  if (type !== 'application/json') throw new ApiError('unsupported_media_type');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('invalid_request', 'The request body is not valid UTF-8.', { body: 'Not valid UTF-8' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.slice(0, 200) : 'Malformed JSON';
    throw new ApiError('invalid_request', 'The request body is not valid JSON.', { body: detail });
  }
  const bad = findBadString(value, '');
  if (bad !== null) throw new ApiError('invalid_request', 'The request contains characters that are not allowed.', { [bad.path || 'body']: bad.reason });
  return value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAX_DEPTH = 32;

/** Walks the parsed JSON without recursion; finds NUL characters, lone surrogates, and nesting deeper than 32. */
function findBadString(root: unknown, rootPath: string): { path: string; reason: string } | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootPath, depth: 0 }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { path, reason: 'Must not contain NUL characters' };
      if (LONE_SURROGATE.test(value)) return { path, reason: 'Must be well-formed Unicode' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return { path, reason: `Nested deeper than ${String(MAX_DEPTH)} levels` };
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000') || LONE_SURROGATE.test(key)) return { path: path || 'body', reason: 'Field names must be well-formed text without NUL characters' };
      stack.push({ value: child, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}
