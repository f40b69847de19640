/**
 * Reads a `Retry-After` header: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`), as whole seconds from `now` (never negative); `null` when
 * absent or unreadable.
 *
 * @internal
 * @example
 * ```ts
 * parseRetryAfter('120'); // 120
 * parseRetryAfter(new Date(Date.now() + 30_000).toUTCString()); // about 30
 * ```
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed);
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (!Number.isFinite(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
