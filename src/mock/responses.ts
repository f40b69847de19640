import { ERROR_STATUS, HEADERS } from '../contract/index.js';
import type { ErrorCode } from '../contract/index.js';

/**
 * The English message the mock sends with each error code.
 *
 * @example
 * ```ts
 * MOCK_ERROR_MESSAGES.invalid_credentials; // 'The username or password is incorrect.'
 * ```
 */
export const MOCK_ERROR_MESSAGES: Record<ErrorCode, string> = {
  invalid_request: 'The request is not valid.',
  invalid_credentials: 'The username or password is incorrect.',
  unauthenticated: 'You are not signed in, or your session has ended.',
  forbidden: 'You are not allowed to do this.',
  csrf_failed: 'The request could not be verified. Reload the page and try again.',
  registration_closed: 'Registration is closed.',
  invite_required: 'An invite is required to register.',
  not_found: 'Not found.',
  conflict: 'This conflicts with existing data.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'The request body must be JSON (Content-Type: application/json).',
  weak_password: 'Choose a stronger password.',
  invalid_token: 'This link is invalid or has expired.',
  rate_limited: 'Too many attempts. Try again later.',
  internal: 'Something went wrong.',
};

// Set-Cookie is a forbidden response header in browsers: `new Response()` silently drops it there.
// Cookies therefore also travel next to the response, and the msw glue / browserFetch read them here.
const responseCookies = new WeakMap<Response, readonly string[]>();

/**
 * The `Set-Cookie` values the mock attached to one of its responses (works in browsers too,
 * where the header itself is dropped by `Response`).
 *
 * @example
 * ```ts
 * const cookies = mockResponseCookies(await backend.fetch(request));
 * ```
 */
export function mockResponseCookies(response: Response): readonly string[] {
  return responseCookies.get(response) ?? [];
}

/**
 * Builds a mock response: JSON body (or none), `Cache-Control: no-store` always, plus the given
 * headers and cookies.
 *
 * @example
 * ```ts
 * respond(200, { session: null });
 * ```
 */
export function respond(status: number, body: unknown, options: { headers?: Record<string, string>; cookies?: readonly string[] } = {}): Response {
  const headers = new Headers(options.headers);
  headers.set('Cache-Control', 'no-store');
  const hasBody = body !== undefined && status !== 204 && status !== 304;
  if (hasBody) headers.set('Content-Type', 'application/json; charset=utf-8');
  for (const cookie of options.cookies ?? []) headers.append('Set-Cookie', cookie);
  const response = new Response(hasBody ? JSON.stringify(body) : null, { status, headers });
  if (options.cookies && options.cookies.length > 0) responseCookies.set(response, [...options.cookies]);
  return response;
}

/**
 * An error of the contract: thrown by route code, turned into `{"error": {...}}` with the code's status.
 *
 * @example
 * ```ts
 * throw new MockHttpError('conflict', { fields: { username: 'This username is taken.' } });
 * ```
 */
export class MockHttpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, options: { message?: string; fields?: Record<string, string>; retryAfter?: number; status?: number } = {}) {
    super(options.message ?? MOCK_ERROR_MESSAGES[code]);
    this.name = 'MockHttpError';
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }

  /**
   * The error as a contract response.
   *
   * @example
   * ```ts
   * new MockHttpError('not_found').toResponse().status; // 404
   * ```
   */
  toResponse(cookies: readonly string[] = []): Response {
    const headers: Record<string, string> = {};
    if (this.retryAfter !== undefined) headers[HEADERS.retryAfter] = String(this.retryAfter);
    const error: { code: string; message: string; fields?: Record<string, string> } = { code: this.code, message: this.message };
    if (this.fields && Object.keys(this.fields).length > 0) error.fields = this.fields;
    return respond(this.status, { error }, { headers, cookies });
  }
}
