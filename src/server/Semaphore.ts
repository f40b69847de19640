/**
 * A counting semaphore: at most `limit` holders at once, the rest wait in order.
 * Bounds how many password hashes run at the same time.
 *
 * @example
 * ```ts
 * const gate = new Semaphore(2);
 * const result = await gate.run(() => hash(password));
 * ```
 */
export class Semaphore {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Semaphore: limit must be an integer ≥ 1, got ${String(limit)}`);
    this.#limit = limit;
  }

  /** How many tasks hold the semaphore right now. */
  get active(): number {
    return this.#active;
  }

  /** How many tasks are waiting for it. */
  get pending(): number {
    return this.#waiting.length;
  }

  /** Runs `task` once a slot is free and releases the slot when it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.#limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#active += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}
