/**
 * A sliding-window failure counter: after `limit` failures for one key within `windowMs`, the
 * key is blocked until the oldest of them leaves the window.
 *
 * @example
 * ```ts
 * const t = new Throttle({ limit: 5, windowMs: 15 * 60_000 });
 * t.fail('ada', Date.now());
 * t.retryAfter('ada', Date.now()); // null until the 5th failure, then seconds to wait
 * ```
 */
export class Throttle {
  readonly limit: number;
  readonly windowMs: number;
  readonly #failures = new Map<string, number[]>();

  constructor(options: { limit: number; windowMs: number }) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new TypeError(`Throttle: limit must be a positive integer (got ${options.limit})`);
    if (!(options.windowMs > 0)) throw new TypeError(`Throttle: windowMs must be positive (got ${options.windowMs})`);
    this.limit = options.limit;
    this.windowMs = options.windowMs;
  }

  /**
   * Seconds until `key` may try again, or `null` when it is not blocked.
   *
   * @example
   * ```ts
   * throttle.retryAfter('ada', now); // null
   * ```
   */
  retryAfter(key: string, now: number): number | null {
    const recent = this.#recent(key, now);
    if (recent.length < this.limit) return null;
    const oldest = recent[recent.length - this.limit] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  /**
   * Records one failure for `key`.
   *
   * @example
   * ```ts
   * throttle.fail('ada', now);
   * ```
   */
  fail(key: string, now: number): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#failures.set(key, recent);
  }

  /**
   * Forgets every failure of `key` (after a successful sign-in or a password reset).
   *
   * @example
   * ```ts
   * throttle.clear('ada');
   * ```
   */
  clear(key: string): void {
    this.#failures.delete(key);
  }

  /**
   * Forgets everything.
   *
   * @example
   * ```ts
   * throttle.reset();
   * ```
   */
  reset(): void {
    this.#failures.clear();
  }

  #recent(key: string, now: number): number[] {
    const list = (this.#failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (list.length === 0) this.#failures.delete(key);
    return list;
  }
}

/**
 * How identifiers are compared for throttling and lookup: trimmed and lower-cased, so `Ada `,
 * `ADA` and `ada` share one counter.
 *
 * @example
 * ```ts
 * normalizeIdentifier('  Ada@Example.com '); // 'ada@example.com'
 * ```
 */
export function normalizeIdentifier(identifier: string): string {
  return identifier.trim().toLowerCase();
}
