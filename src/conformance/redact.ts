/** JSON keys whose values are secrets and never reach a report. */
const SECRET_KEY = /password|token|secret/i;
const EXCERPT_CHARS = 600;

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && (typeof inner === 'string' || typeof inner === 'number') ? '[redacted]' : redactValue(inner);
    }
    return out;
  }
  return value;
}

/**
 * Shortens a body for a report and hides secrets: JSON values under keys like `password`,
 * `newPassword`, `token`, `accessToken`, `csrfToken` become `"[redacted]"`; in non-JSON text,
 * `password=...` and `"password":"..."` pairs are hidden too. Long bodies are cut with a note of
 * their full size.
 *
 * @example
 * ```ts
 * redactBody('{"identifier":"ada","password":"hunter2hunter2"}'); // '{"identifier":"ada","password":"[redacted]"}'
 * ```
 */
export function redactBody(text: string): string {
  let out: string;
  try {
    out = JSON.stringify(redactValue(JSON.parse(text)));
  } catch {
    out = text.replace(/((?:password|token|secret)[\w]*"?\s*[=:]\s*"?)([^"&,}\s]*)/gi, '$1[redacted]');
  }
  if (out.length > EXCERPT_CHARS) {
    const bytes = new TextEncoder().encode(text).length;
    return `${out.slice(0, EXCERPT_CHARS)}… (${bytes} bytes in all)`;
  }
  return out;
}

/**
 * Hides credentials in a header value: `Authorization` keeps only its scheme, `Cookie` and
 * `Set-Cookie` keep cookie names and attributes but not values, `X-CSRF-Token` is hidden.
 *
 * @example
 * ```ts
 * redactHeader('authorization', 'Bearer abc'); // 'Bearer [redacted]'
 * ```
 */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization') return value.replace(/^(\S+)\s+.*$/, '$1 [redacted]');
  if (lower === 'cookie') return value.replace(/=([^;]*)/g, '=[redacted]');
  if (lower === 'set-cookie') return value.replace(/^([^=;]+)=([^;]*)/, '$1=[redacted]');
  if (lower === 'x-csrf-token') return '[redacted]';
  return value;
}
