/**
 * Options of {@link sanitizeReturnTo}.
 *
 * @example
 * ```ts
 * const options: SanitizeReturnToOptions = { fallback: '/home', origin: 'https://app.example.com' };
 * ```
 */
export interface SanitizeReturnToOptions {
  /** What to return when the value is missing or unsafe. Default `'/'`. */
  fallback?: string;
  /** The app's origin. Default: `location.origin` (in a browser). */
  origin?: string;
}

/** Longer values are refused outright (no real app path is this long). */
const MAX_LENGTH = 2048;
/** Stands in for the origin where there is none (server rendering without `origin`). */
const PLACEHOLDER_ORIGIN = 'https://latchkey.invalid';

// Any whitespace (`\s` includes U+2028, U+2029 and U+FEFF), control or zero-width character, raw:
// browsers strip or ignore some of them (` //evil.com`, `java\tscript:`), so a value carrying one is
// refused rather than cleaned up; and any backslash, which browsers read as a slash (`/\evil.com`).
// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\s\\\0-\x1f\x7f-\x9f\u200b-\u200f\u2060]/;
// After percent-decoding (once, twice, three times: routers and servers differ in how often they
// decode before redirecting), a value must not carry a control character (`/%09/evil.com`) nor
// begin with two slashes or a backslash (`/%2F/evil.com`, `/%252F%252Fevil.com`).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\0-\x1f\x7f]/;
const LEADING_SLASHES = /^[\\/][\\/]|^\\/;
const DECODE_ROUNDS = 3;

function unsafeWhenDecoded(value: string): boolean {
  let current = value;
  for (let round = 0; round < DECODE_ROUNDS; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // Malformed as given (`/%E0%A4%A`): refuse. Malformed only after a decode (`100%25` → `100%`):
      // a literal percent sign, nothing more to decode.
      return round === 0;
    }
    if (decoded === current) return false;
    if (CONTROL.test(decoded) || LEADING_SLASHES.test(decoded)) return true;
    current = decoded;
  }
  return /%[0-9a-f]{2}/i.test(current); // still encoded after three rounds: nobody needs that
}

// A scheme other than `http://` or `https://` (with the slashes: `https:evil.com` is a trick the URL
// parser resolves as a same-origin path).
const OTHER_SCHEME = /^(?!https?:\/\/)[a-z][a-z0-9+.-]*:/i;

function currentOrigin(): string | null {
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  const origin = location?.origin;
  return typeof origin === 'string' && origin !== 'null' && origin.length > 0 ? origin : null;
}

/**
 * Makes a `returnTo` value (from a query string, a form, storage) safe to navigate to after sign-in:
 * it is resolved against the app's origin and kept only when it stays on that origin over http(s).
 * Returns the path, query and fragment (`/a?b=1#c`), or `fallback` for anything else:
 * other origins (`https://evil.com`, `//evil.com`, `/\evil.com`, `http://app@evil.com`), other
 * schemes (`javascript:`, `data:`, `https:evil.com`), whitespace or control characters (raw or
 * percent-encoded), values that begin with `//` or `\` once percent-decoded (up to three times:
 * `/%252F%252Fevil.com`), non-strings and values over 2048 characters.
 *
 * @example
 * ```ts
 * sanitizeReturnTo('/account?tab=security#mfa'); // '/account?tab=security#mfa'
 * sanitizeReturnTo('https://evil.com/phish');   // '/'
 * sanitizeReturnTo(new URLSearchParams(location.search).get('returnTo'), { fallback: '/home' });
 * ```
 */
export function sanitizeReturnTo(value: unknown, options: SanitizeReturnToOptions = {}): string {
  const fallback = options.fallback ?? '/';
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (RAW_UNSAFE.test(value) || unsafeWhenDecoded(value)) return fallback;
  // Protocol-relative (`//evil.com`) is another host.
  if (value.startsWith('//') || OTHER_SCHEME.test(value)) return fallback;

  const origin = options.origin ?? currentOrigin() ?? PLACEHOLDER_ORIGIN;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    throw new TypeError(`sanitizeReturnTo: options.origin "${origin}" is not an absolute URL`);
  }
  let url: URL;
  try {
    url = new URL(value, `${base.origin}/`);
  } catch {
    return fallback;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback;
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  // An http(s) path always begins with `/`, but a normalized one may begin with `//`
  // (`/.//evil.com`), which reads as another host.
  const target = `${url.pathname}${url.search}${url.hash}`;
  return target.startsWith('//') ? fallback : target;
}
