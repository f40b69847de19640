import { randomHex } from './randomHex.js';
import type * as z from 'zod/mini';
import { ERROR_STATUS, ErrorEnvelopeSchema, isErrorCode } from '../contract/index.js';
import type { AuthConfig, Transport } from '../contract/index.js';
import { Browser, NoAnswerError } from './Browser.js';
import type { HttpSettings } from './Browser.js';
import type { ConformanceOptions, Credentials, OutboxMessage, ReadOutbox } from './ConformanceOptions.js';
import type { CheckResult, CheckStatus } from './ConformanceResult.js';
import type { Exchange, RequestRecord, ResponseRecord } from './Exchange.js';

/** Thrown inside a check to end it with a status other than `pass`. */
export class CheckSignal extends Error {
  readonly status: Exclude<CheckStatus, 'pass'>;
  readonly requires: string | undefined;
  readonly exchange: Exchange | undefined;
  readonly request: RequestRecord | undefined;
  constructor(status: Exclude<CheckStatus, 'pass'>, message: string, details: { requires?: string; exchange?: Exchange; request?: RequestRecord } = {}) {
    super(message);
    this.name = 'CheckSignal';
    this.status = status;
    this.requires = details.requires;
    this.exchange = details.exchange;
    this.request = details.request;
  }
}

/**
 * Ends the running check as failed.
 *
 * @example
 * ```ts
 * if (x.status !== 204) fail('logout did not answer 204', { exchange: x, requires: 'POST logout → 204' });
 * ```
 */
export function fail(message: string, details: { requires?: string; exchange?: Exchange } = {}): never {
  throw new CheckSignal('fail', message, details);
}

/**
 * Ends the running check as not applicable to this backend (the contract does not ask for it here).
 *
 * @example
 * ```ts
 * if (transport === 'cookie') notApplicable('refresh tokens exist only in bearer mode');
 * ```
 */
export function notApplicable(reason: string): never {
  throw new CheckSignal('not_applicable', reason);
}

/**
 * Ends the running check as not checked (it applies, but the suite cannot set it up).
 *
 * @example
 * ```ts
 * if (!readOutbox) notChecked('no outbox hook: the reset token cannot be read');
 * ```
 */
export function notChecked(reason: string): never {
  throw new CheckSignal('not_checked', reason);
}

/** A user the suite signs in with; `throwaway` users may be locked out, disabled or changed at will. */
export interface TestUser {
  id: string | null;
  username: string;
  email: string | null;
  password: string;
  readonly throwaway: boolean;
}

/** Options with their defaults filled in. */
export interface SuiteSettings {
  readonly baseUrl: string;
  readonly expectedTransport: Transport | null;
  readonly user: Credentials | null;
  readonly admin: Credentials | null;
  readonly readOutbox: ReadOutbox | null;
  readonly only: ReadonlySet<string> | null;
  readonly maxAttempts: number;
  readonly timing: boolean;
  readonly origin: string | null;
  readonly foreignOrigin: string;
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
  readonly onCheck: ((check: CheckResult) => void) | null;
}

/** Describes a zod failure in one line: the first few `path: message` pairs. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 4)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}

/** The shown form of a status + error code, e.g. `401 invalid_credentials`. */
export function describeAnswer(x: Exchange): string {
  const code = errorCode(x);
  return code ? `${x.status} ${code}` : `${x.status}`;
}

/** The error code of an answer, or `null` when the body is no error envelope. */
export function errorCode(x: Exchange): string | null {
  const parsed = ErrorEnvelopeSchema.safeParse(x.json);
  return parsed.success ? parsed.data.error.code : null;
}

/**
 * The state of one conformance run: settings, the backend's config, every exchange made, the
 * results so far, and the helpers checks use (browsers, throwaway users, assertions).
 *
 * @example
 * ```ts
 * await suite.check('login', 'success', 'a correct password signs in', async () => { ... });
 * ```
 */
export class Suite {
  readonly settings: SuiteSettings;
  config: AuthConfig | null = null;
  readonly exchanges: Exchange[] = [];
  readonly results: CheckResult[] = [];
  #current: Exchange[] | null = null;
  #userSerial = 0;
  #mainUser: TestUser | null = null;
  #mainUserProblem: string | null = null;

  constructor(options: ConformanceOptions) {
    if (typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
      throw new TypeError(`runConformance: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
    }
    const maxAttempts = options.maxAttempts ?? 20;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 2 || maxAttempts > 1000) {
      throw new TypeError(`runConformance: maxAttempts must be an integer from 2 to 1000, got ${String(options.maxAttempts)}`);
    }
    const timeoutMs = options.requestTimeoutMs ?? 10_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError(`runConformance: requestTimeoutMs must be a positive number, got ${String(options.requestTimeoutMs)}`);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('runConformance: no fetch available (Node 20+ has one; or pass options.fetch)');
    this.settings = {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      expectedTransport: options.transport ?? null,
      user: options.user ?? null,
      admin: options.admin ?? null,
      readOutbox: options.readOutbox ?? null,
      only: options.only && options.only.length > 0 ? new Set(options.only.map((g) => g.trim().replace(/^\/+|\/+$/g, ''))) : null,
      maxAttempts,
      timing: options.timing ?? true,
      origin: options.origin ?? null,
      foreignOrigin: options.foreignOrigin ?? 'https://conformance-foreign.example',
      timeoutMs,
      fetch: fetchImpl,
      onCheck: options.onCheck ?? null,
    };
  }

  /** The transport from `GET config` (cookie until config is read). */
  get transport(): Transport {
    return this.config?.transport ?? this.settings.expectedTransport ?? 'cookie';
  }

  /** True when the group is part of this run (`only`). */
  selected(group: string): boolean {
    return this.settings.only === null || this.settings.only.has(group);
  }

  /** A fresh simulated browser with an empty cookie jar and no tokens. */
  browser(): Browser {
    const http: HttpSettings = {
      baseUrl: this.settings.baseUrl,
      transport: this.transport,
      fetch: this.settings.fetch,
      timeoutMs: this.settings.timeoutMs,
      origin: this.settings.origin,
      record: (exchange) => {
        this.exchanges.push(exchange);
        this.#current?.push(exchange);
      },
    };
    return new Browser(http);
  }

  /** Runs one check (when its group is selected) and records its result. */
  async check(group: string, name: string, title: string, body: () => Promise<void>, force = false): Promise<CheckStatus | null> {
    if (!force && !this.selected(group)) return null;
    const started = performance.now();
    const made: Exchange[] = [];
    this.#current = made;
    let result: CheckResult;
    const base = { id: `${group}.${name}`, group, title };
    try {
      await body();
      result = { ...base, status: 'pass', durationMs: 0 };
    } catch (error) {
      if (error instanceof CheckSignal) {
        const exchange = error.status === 'fail' ? (error.exchange ?? made.at(-1)) : undefined;
        const throttled = exchange?.status === 429 && !/throttle|lockout|clears/.test(name);
        const request = error.request ?? exchange?.request;
        const response: ResponseRecord | undefined = exchange?.response;
        result = {
          ...base,
          status: error.status,
          message: throttled ? `${error.message} (a 429 here usually means the backend's per-address throttle was used up by earlier runs: restart the backend or wait for its window; see docs/conformance.md)` : error.message,
          ...(error.requires ? { requires: error.requires } : {}),
          ...(request ? { request } : {}),
          ...(response ? { response } : {}),
          durationMs: 0,
        };
      } else if (error instanceof NoAnswerError) {
        result = { ...base, status: 'fail', message: error.message, requires: 'every request gets an HTTP answer', request: error.request, durationMs: 0 };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        result = { ...base, status: 'fail', message: `the check could not complete: ${message}`, durationMs: 0 };
      }
    } finally {
      this.#current = null;
    }
    result = { ...result, durationMs: Math.round(performance.now() - started) };
    this.results.push(result);
    this.settings.onCheck?.(result);
    return result.status;
  }

  /** Records a check's verdict without running a body (used when a prerequisite is missing). */
  skip(group: string, name: string, title: string, status: 'not_applicable' | 'not_checked', reason: string): void {
    if (!this.selected(group)) return;
    const result: CheckResult = { id: `${group}.${name}`, group, title, status, message: reason, durationMs: 0 };
    this.results.push(result);
    this.settings.onCheck?.(result);
  }

  // ───────────────────────────── assertions ─────────────────────────────

  /** Fails unless the answer has one of the expected statuses. */
  expectStatus(x: Exchange, expected: number | readonly number[], requires: string): void {
    const list = typeof expected === 'number' ? [expected] : expected;
    if (!list.includes(x.status)) {
      fail(`${x.method} ${x.path} answered ${describeAnswer(x)}, expected ${list.join(' or ')}`, { exchange: x, requires });
    }
  }

  /** Fails unless the answer is an error envelope with this status and code. */
  expectError(x: Exchange, status: number, code: string, requires: string): { code: string; message: string; fields: Record<string, string> } {
    const parsed = ErrorEnvelopeSchema.safeParse(x.json);
    if (x.status !== status || !parsed.success || parsed.data.error.code !== code) {
      const got = parsed.success
        ? `${x.status} ${parsed.data.error.code}`
        : x.status < 400
          ? `${x.status} (the request was carried out)`
          : `${x.status} without an error envelope`;
      fail(`${x.method} ${x.path} answered ${got}, expected ${status} ${code}`, { exchange: x, requires });
    }
    return { code: parsed.data.error.code, message: parsed.data.error.message, fields: parsed.data.error.fields ?? {} };
  }

  /** Fails unless the body matches the schema; answers the parsed body. */
  expectBody<S extends z.ZodMiniType>(x: Exchange, schema: S, requires: string): z.infer<S> {
    const parsed = schema.safeParse(x.json);
    if (!parsed.success) {
      const why = x.json === undefined ? (x.text.trim() === '' ? 'an empty body' : 'a body that is not JSON') : describeIssues(parsed.error);
      fail(`${x.method} ${x.path} answered ${x.status} with a body that does not match the contract: ${why}`, { exchange: x, requires });
    }
    return parsed.data as z.infer<S>;
  }

  /** True when an error code is known and its status is the one the contract pairs it with. */
  static statusMatchesCode(status: number, code: string): boolean {
    if (!isErrorCode(code)) return true;
    if (code === 'invalid_request') return status === 400 || status === 422;
    return ERROR_STATUS[code] === status;
  }

  // ───────────────────────────── users ─────────────────────────────

  /** A random password within the policy (at least `length` code points when given). */
  password(length?: number): string {
    const policy = this.config?.password ?? { minLength: 12, maxLength: 128 };
    const wanted = Math.min(Math.max(length ?? 24, policy.minLength), policy.maxLength);
    let out = `Lk-${randomHex(24)}`;
    while (out.length < wanted) out += randomHex(16);
    return out.slice(0, wanted);
  }

  /** A fresh identifier nobody has registered (`lkc…@example.test` or a bare name). */
  unknownIdentifier(kind: 'email' | 'username' = 'username'): string {
    const name = `lkcx${randomHex(6)}`;
    return kind === 'email' ? `${name}@example.test` : name;
  }

  /** Why the suite cannot create throwaway users, or `null` when it can. */
  provisioningProblem(): string | null {
    const config = this.config;
    if (!config) return 'GET config could not be read';
    if (config.registration === 'open') {
      if (config.features.emailVerification && !this.settings.readOutbox) {
        return 'registration needs email verification and no outbox hook was given (readOutbox / --outbox-url)';
      }
      return null;
    }
    if (config.features.admin && this.settings.admin) return null;
    return `registration is ${config.registration} and no admin credentials were given (--admin-user / --admin-password)`;
  }

  /**
   * A brand-new user the suite may lock out, disable or change: registered when registration is
   * open (following the verification mail through the outbox when needed), else created by the
   * admin. Ends the check as not checked when neither is possible.
   */
  async newUser(options: { password?: string } = {}): Promise<TestUser> {
    const problem = this.provisioningProblem();
    if (problem) notChecked(`needs a throwaway user, but ${problem}`);
    const config = this.config as AuthConfig;
    this.#userSerial += 1;
    const username = `lkc${this.#userSerial}${randomHex(5)}`;
    const email = `${username}@example.test`;
    const password = options.password ?? this.password();
    if (config.registration === 'open') {
      const browser = this.browser();
      const x = await browser.post('register', { username, email, password, name: 'Conformance Test' });
      if (x.status !== 201) {
        notChecked(`could not register a throwaway user: POST register answered ${describeAnswer(x)} (see the register group)`);
      }
      const body = x.json as { session?: { user?: { id?: unknown } } | null; next?: unknown } | undefined;
      let id = typeof body?.session?.user?.id === 'string' ? body.session.user.id : null;
      if (!body?.session) {
        if (body?.next === 'verify_email') {
          const token = await this.mailToken(email, null);
          const verified = await browser.post('email/verify', { token });
          if (verified.status !== 200) notChecked(`could not verify the throwaway user's email: POST email/verify answered ${describeAnswer(verified)}`);
          const vb = verified.json as { session?: { user?: { id?: unknown } } } | undefined;
          id = typeof vb?.session?.user?.id === 'string' ? vb.session.user.id : null;
        } else if (body?.next === 'await_approval' && config.features.admin && this.settings.admin) {
          // Registrations wait for an administrator: approve (enable) the new account.
          const admin = await this.adminBrowser();
          const list = await admin.get(`admin/users?query=${encodeURIComponent(username)}`);
          const found = (list.json as { users?: Array<{ id?: unknown; username?: unknown }> } | undefined)?.users?.find((u) => u.username === username);
          if (typeof found?.id !== 'string') notChecked(`could not find the registered throwaway user through GET admin/users (answered ${describeAnswer(list)})`);
          const approve = await admin.request('PATCH', `admin/users/${encodeURIComponent(found.id)}`, { json: { disabled: false } });
          if (approve.status !== 200) notChecked(`could not approve the throwaway user: PATCH admin/users/:id answered ${describeAnswer(approve)}`);
          id = found.id;
        } else {
          notChecked(`registration did not sign the throwaway user in (next: ${JSON.stringify(body?.next ?? null)}${body?.next === 'await_approval' ? '; give an admin to approve it' : ''})`);
        }
      }
      return { id, username, email, password, throwaway: true };
    }
    const admin = await this.adminBrowser();
    const x = await admin.post('admin/users', { username, email, password, name: 'Conformance Test', roles: [] });
    if (x.status !== 201) notChecked(`could not create a throwaway user: POST admin/users answered ${describeAnswer(x)}`);
    const body = x.json as { user?: { id?: unknown } } | undefined;
    return { id: typeof body?.user?.id === 'string' ? body.user.id : null, username, email, password, throwaway: true };
  }

  /** The user for ordinary signed-in checks: the one given, else one throwaway user made once. */
  async mainUser(): Promise<TestUser> {
    if (this.#mainUser) return this.#mainUser;
    if (this.#mainUserProblem) notChecked(this.#mainUserProblem);
    const given = this.settings.user;
    if (given) {
      this.#mainUser = { id: null, username: given.identifier, email: null, password: given.password, throwaway: false };
      return this.#mainUser;
    }
    try {
      this.#mainUser = await this.newUser();
      return this.#mainUser;
    } catch (error) {
      if (error instanceof CheckSignal) {
        this.#mainUserProblem = `no user to sign in with: ${error.message} (or pass --user / --password)`;
        notChecked(this.#mainUserProblem);
      }
      throw error;
    }
  }

  /**
   * A user whose profile, email or mail a check may touch: the main user when it is a throwaway,
   * else a new throwaway user when one can be made, else (only then) the given user.
   */
  async mutableUser(): Promise<TestUser> {
    const main = await this.mainUser();
    if (main.throwaway || this.provisioningProblem() !== null) return main;
    return this.newUser();
  }

  /** A user for checks that change credentials: a throwaway one, never the given user. */
  async throwawayUser(): Promise<TestUser> {
    return this.newUser();
  }

  /** Signs a user in in a fresh browser; ends the check as not checked when login fails. */
  async signIn(user: TestUser, identifier?: string): Promise<{ browser: Browser; exchange: Exchange }> {
    const browser = this.browser();
    const x = await browser.post('login', { identifier: identifier ?? user.username, password: user.password });
    if (x.status !== 200) {
      notChecked(`could not sign the test user in: POST login answered ${describeAnswer(x)} (see the login group)`);
    }
    const body = x.json as { session?: { user?: { id?: unknown; email?: unknown } } } | undefined;
    if (user.id === null && typeof body?.session?.user?.id === 'string') user.id = body.session.user.id;
    if (user.email === null && typeof body?.session?.user?.email === 'string') user.email = body.session.user.email;
    return { browser, exchange: x };
  }

  /** A browser signed in as the given admin; not checked when there is none. */
  async adminBrowser(): Promise<Browser> {
    const admin = this.settings.admin;
    if (!admin) notChecked('no admin credentials were given (--admin-user / --admin-password)');
    const browser = this.browser();
    const x = await browser.post('login', { identifier: admin.identifier, password: admin.password });
    if (x.status !== 200) notChecked(`could not sign the admin in: POST login answered ${describeAnswer(x)}`);
    return browser;
  }

  // ───────────────────────────── mail ─────────────────────────────

  /** The latest outbox message to an address (polling briefly), or null. */
  async latestMail(to: string): Promise<OutboxMessage | null> {
    const read = this.settings.readOutbox;
    if (!read) return null;
    try {
      return await read(to);
    } catch (error) {
      notChecked(`the outbox hook failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Waits (up to 3 s) for a message to `to` that differs from `previous`, and answers its token.
   * Ends the check as not checked when there is no outbox hook or no mail arrives.
   */
  async mailToken(to: string, previous: OutboxMessage | null): Promise<string> {
    const read = this.settings.readOutbox;
    if (!read) notChecked('no outbox hook was given (readOutbox / --outbox-url), so the mailed token cannot be read');
    const deadline = Date.now() + 3_000;
    for (;;) {
      const message = await this.latestMail(to);
      if (message && (!previous || tokenOf(message) !== tokenOf(previous))) {
        const token = tokenOf(message);
        if (!token) notChecked(`the outbox message to ${to} carries no token or link the suite can read`);
        return token;
      }
      if (Date.now() > deadline) notChecked(`no mail to ${to} reached the outbox within 3 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Extracts the one-time token from an outbox message: `token`, else from `link` (the `token`
 * query or fragment parameter, else the last path segment), else from the first URL in `text`.
 *
 * @example
 * ```ts
 * tokenOf({ link: 'http://app.test/reset?token=abc' }); // 'abc'
 * ```
 */
export function tokenOf(message: OutboxMessage): string | null {
  if (typeof message.token === 'string' && message.token !== '') return message.token;
  const link = message.link ?? message.text?.match(/https?:\/\/[^\s"'<>]+/)?.[0];
  if (!link) return null;
  try {
    const url = new URL(link);
    const fromQuery = url.searchParams.get('token');
    if (fromQuery) return fromQuery;
    const fromHash = new URLSearchParams(url.hash.replace(/^#/, '')).get('token');
    if (fromHash) return fromHash;
    const last = url.pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : null;
  } catch {
    return null;
  }
}
