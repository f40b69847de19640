/**
 * What a mail written by the mock backend is about.
 *
 * @example
 * ```ts
 * const kind: MockMailKind = 'password-reset';
 * ```
 */
export type MockMailKind = 'password-reset' | 'username-reminder' | 'verify-email' | 'invite';

/**
 * One mail the mock backend "sent". `token` and `link` are set for mails that carry one
 * (password reset, email verification, invite).
 *
 * @example
 * ```ts
 * const mail: MockMail = { kind: 'username-reminder', to: 'ada@example.com', subject: 'Your username', text: 'ada' };
 * ```
 */
export interface MockMail {
  readonly kind: MockMailKind;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly link?: string;
  readonly token?: string;
}

/**
 * The mock backend's outbox: an array of every {@link MockMail}, oldest first, with helpers to
 * find the one a test or story needs. `filter`/`map` return plain arrays.
 *
 * @example
 * ```ts
 * const { outbox } = createMockBackend({ users: [ada] });
 * await fetch('/api/auth/password/forgot', { method: 'POST', ... });
 * const token = outbox.last('ada@example.com', 'password-reset')?.token;
 * ```
 */
export class MockOutbox extends Array<MockMail> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /**
   * The newest mail, optionally only among those to `to` (case-insensitive) and of `kind`.
   *
   * @example
   * ```ts
   * outbox.last('ada@example.com')?.subject;
   * ```
   */
  last(to?: string, kind?: MockMailKind): MockMail | undefined {
    const address = to?.trim().toLowerCase();
    for (let i = this.length - 1; i >= 0; i -= 1) {
      const mail = this[i];
      if (mail === undefined) continue;
      if (address !== undefined && mail.to.toLowerCase() !== address) continue;
      if (kind !== undefined && mail.kind !== kind) continue;
      return mail;
    }
    return undefined;
  }

  /**
   * Every mail of one kind, oldest first.
   *
   * @example
   * ```ts
   * outbox.ofKind('invite').length;
   * ```
   */
  ofKind(kind: MockMailKind): MockMail[] {
    return this.filter((mail) => mail.kind === kind);
  }

  /**
   * Empties the outbox.
   *
   * @example
   * ```ts
   * outbox.clear(); // outbox.length === 0
   * ```
   */
  clear(): void {
    this.length = 0;
  }
}
