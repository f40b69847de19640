import * as z from 'zod/mini';

/**
 * Every error code a backend may answer with, and the HTTP status it goes with.
 * Backends may add codes of their own; clients treat unknown codes like `internal`
 * for display but keep the code.
 *
 * @example
 * ```ts
 * import { ERROR_STATUS } from 'latchkey/contract';
 * ERROR_STATUS.rate_limited; // 429
 * ```
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  registration_closed: 403,
  invite_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  weak_password: 422,
  invalid_token: 400,
  rate_limited: 429,
  internal: 500,
} as const;

/**
 * A known error code of contract version 1.
 *
 * @example
 * ```ts
 * const code: ErrorCode = 'invalid_credentials';
 * ```
 */
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The known error codes as a list, in the order of {@link ERROR_STATUS}.
 *
 * @example
 * ```ts
 * ERROR_CODES.includes('conflict'); // true
 * ```
 */
export const ERROR_CODES = /* @__PURE__ */ Object.keys(ERROR_STATUS) as ErrorCode[];

/**
 * Tells whether a string is one of the known error codes.
 *
 * @example
 * ```ts
 * isErrorCode('rate_limited'); // true
 * isErrorCode('teapot'); // false
 * ```
 */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_STATUS, code);
}

/**
 * The body of every error response:
 * `{"error": {"code": "...", "message": "...", "fields": {"field": "message"}}}`.
 *
 * @example
 * ```ts
 * ErrorEnvelopeSchema.parse({ error: { code: 'conflict', message: 'Taken', fields: { username: 'Taken' } } });
 * ```
 */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string().check(z.minLength(1), z.maxLength(100)),
    message: z.string().check(z.maxLength(2000)),
    // An object of strings, checked by hand rather than with `z.record` (about 0.6 KB gzip of zod
    // in every client bundle, for the one record on the session path).
    fields: z.optional(
      z.custom<Record<string, string>>(
        (fields) =>
          typeof fields === 'object' &&
          fields !== null &&
          !Array.isArray(fields) &&
          Object.values(fields).every((text) => typeof text === 'string' && text.length <= 2000),
        { message: 'expected an object of strings of at most 2000 characters' },
      ),
    ),
  }),
});

/**
 * The parsed error body.
 *
 * @example
 * ```ts
 * const body: ErrorEnvelope = { error: { code: 'forbidden', message: 'Not allowed' } };
 * ```
 */
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
