import type { KeyObject } from 'node:crypto';
import type { AuthResult, Tokens } from '../contract/index.js';
import type { AuthRequestInfo } from './AuthHandlerOptions.js';
import type { CounterRecord, OneTimeTokenPurpose, SessionRecord, UserRecord } from './AuthStore.js';
import { appLinkFrom } from './createUserAdmin.js';
import type { UserAdmin } from './createUserAdmin.js';
import { hashToken, hmac, randomToken, safeEqual } from './crypto.js';
import { ApiError, parseCookies, serializeCookie } from './http.js';
import type { MailMessage } from './Mailer.js';
import type { RawRequest } from './RawExchange.js';
import { sessionEnd, toSession } from './runtime.js';
import type { Runtime } from './runtime.js';

/** Requests closer together than this slide the idle deadline once (one store write, not one each). */
export const TOUCH_GRANULARITY_MS = 5_000;

/** The signed-in user of a request and their session. */
export interface Auth {
  user: UserRecord;
  session: SessionRecord;
}

/** Shared across requests of one handler: the CSRF key and background work. */
export interface Shared {
  /** The CSRF signing key, prepared once. */
  csrfKey(): Promise<KeyObject>;
  background(task: () => Promise<void>): void;
  admin: UserAdmin;
}

/**
 * One request in flight: its parsed parts, the cookies to set, and the session mechanics
 * every endpoint needs (internal).
 */
export class Call {
  readonly url: URL;
  readonly cookies: Map<string, string>;
  readonly secure: boolean;
  /** The client address, or `null` when the host told none (then only per-identifier throttles apply). */
  readonly address: string | null;
  readonly now: number;
  readonly setCookies: string[] = [];
  readonly names: { session: string; csrf: string };
  params: Record<string, string> = {};
  body: unknown = undefined;
  #auth: Promise<Auth | null> | null = null;
  /** A credential was presented but is not (or no longer) valid. */
  presentedInvalid = false;

  constructor(
    readonly rt: Runtime,
    readonly shared: Shared,
    readonly request: RawRequest,
    info: AuthRequestInfo | undefined,
  ) {
    this.url = new URL(request.url);
    this.cookies = parseCookies(request.header('cookie'));
    this.now = rt.now();
    const forwardedProto = this.forwarded('x-forwarded-proto');
    this.secure = rt.secure === 'auto' ? (forwardedProto ?? this.url.protocol.replace(':', '')) === 'https' : rt.secure;
    this.address = this.clientAddress(info?.clientAddress);
    this.names = this.secure ? { session: '__Host-lk_session', csrf: '__Host-lk_csrf' } : { session: 'lk_session', csrf: 'lk_csrf' };
  }

  /** A forwarded header's value as the trusted hop saw it, or undefined when proxies are not trusted. */
  forwarded(name: string): string | undefined {
    if (this.rt.trustProxyHops === 0) return undefined;
    const values = (this.request.header(name) ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (values.length === 0) return undefined;
    return values[Math.max(0, values.length - this.rt.trustProxyHops)];
  }

  private clientAddress(peer: string | undefined): string | null {
    return this.forwarded('x-forwarded-for') ?? peer ?? null;
  }

  /** The origin the browser sees this server at. */
  ownOrigin(): string {
    const host = this.forwarded('x-forwarded-host');
    if (host === undefined) return this.url.origin;
    return `${this.secure ? 'https' : 'http'}://${host}`;
  }

  // ───────────────────────────── CSRF ─────────────────────────────

  /** Rejects cross-site state changes and a missing or wrong `X-CSRF-Token` (cookie mode only). */
  async checkCsrf(): Promise<void> {
    if (this.rt.transport !== 'cookie') return;
    const fetchSite = this.request.header('sec-fetch-site');
    if (fetchSite === 'cross-site') throw new ApiError('csrf_failed', 'Cross-site requests are not allowed.');
    const origin = this.request.header('origin');
    if (origin !== null && origin !== this.ownOrigin() && !this.rt.allowedOrigins.has(origin)) {
      throw new ApiError('csrf_failed', 'Requests from this origin are not allowed.');
    }
    const header = this.request.header('x-csrf-token');
    const cookie = this.cookies.get(this.names.csrf);
    if (!header || !cookie || !safeEqual(header, hmac(await this.shared.csrfKey(), `csrf:${cookie}`))) {
      throw new ApiError('csrf_failed');
    }
  }

  /** The CSRF token for the current `lk_csrf` cookie, setting a new cookie when there is none. */
  async csrfToken(rotate = false, maxAgeSeconds?: number): Promise<string> {
    let cookie = this.cookies.get(this.names.csrf);
    if (rotate || !cookie || !/^[A-Za-z0-9_-]{43}$/.test(cookie)) {
      cookie = randomToken();
      this.cookies.set(this.names.csrf, cookie);
      this.setCookies.push(serializeCookie(this.names.csrf, cookie, { secure: this.secure, ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }) }));
    }
    return hmac(await this.shared.csrfKey(), `csrf:${cookie}`);
  }

  // ───────────────────────────── sessions ─────────────────────────────

  /** The signed-in user, or null (memoized per request). In cookie mode it slides the idle deadline. */
  auth(): Promise<Auth | null> {
    this.#auth ??= this.rt.transport === 'cookie' ? this.cookieAuth() : this.bearerAuth();
    return this.#auth;
  }

  /** The signed-in user, or 401 `unauthenticated`. */
  async requireAuth(): Promise<Auth> {
    const auth = await this.auth();
    if (!auth) throw new ApiError('unauthenticated');
    return auth;
  }

  private async liveSession(key: string): Promise<Auth | null> {
    const { store } = this.rt;
    const session = await store.getSession(key);
    if (!session) return null;
    if (sessionEnd(session) <= this.now) {
      await store.deleteSession(key);
      return null;
    }
    const user = await store.getUserById(session.userId);
    if (!user || user.disabled) {
      await store.deleteSession(key);
      return null;
    }
    return { user, session };
  }

  private async cookieAuth(): Promise<Auth | null> {
    const secret = this.cookies.get(this.names.session);
    if (!secret) return null;
    const auth = await this.liveSession(hashToken(secret));
    if (!auth) {
      this.presentedInvalid = true;
      this.clearSessionCookie();
      return null;
    }
    // Sliding the idle deadline is a write; a burst of requests within TOUCH_GRANULARITY_MS shares
    // one (the deadline then lags by at most that much, never extends past what activity earned).
    if (this.now - auth.session.lastSeenAt >= TOUCH_GRANULARITY_MS) {
      await this.rt.store.touchSession(auth.session.key, this.now);
      auth.session.lastSeenAt = this.now;
    }
    return auth;
  }

  /** The bearer token of the `Authorization` header, if any. */
  bearerToken(): string | null {
    const header = this.request.header('authorization');
    if (!header) return null;
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,8192})\s*$/i.exec(header);
    return match?.[1] ?? '';
  }

  private async bearerAuth(): Promise<Auth | null> {
    const token = this.bearerToken();
    if (token === null) return null;
    const record = token === '' ? null : await this.rt.store.getAccessToken(hashToken(token));
    const auth = record && record.expiresAt > this.now ? await this.liveSession(record.sessionKey) : null;
    if (!auth) this.presentedInvalid = true;
    return auth;
  }

  clearSessionCookie(): void {
    this.setCookies.push(serializeCookie(this.names.session, '', { secure: this.secure, maxAgeSeconds: 0 }));
  }

  /** Ends the session this request presented (if any). */
  async endPresentedSession(): Promise<void> {
    if (this.rt.transport === 'cookie') {
      const secret = this.cookies.get(this.names.session);
      if (secret) await this.rt.store.deleteSession(hashToken(secret));
      return;
    }
    const token = this.bearerToken();
    if (!token) return;
    const record = await this.rt.store.getAccessToken(hashToken(token));
    if (record) await this.rt.store.deleteSession(record.sessionKey);
  }

  /** Starts a brand-new session (new id; cookie mode: new CSRF token) and answers the AuthResult body. */
  async startSession(user: UserRecord, remember: boolean): Promise<AuthResult> {
    const { lifetimes, store } = this.rt;
    const idle = remember ? lifetimes.rememberIdle : lifetimes.idle;
    const absolute = remember ? lifetimes.rememberAbsolute : lifetimes.absolute;
    const secret = randomToken();
    const session: SessionRecord = {
      key: hashToken(secret),
      userId: user.id,
      createdAt: this.now,
      lastSeenAt: this.now,
      idleTimeoutMs: idle,
      absoluteExpiresAt: this.now + absolute,
      remember,
    };
    await store.createSession(session);
    if (this.rt.transport === 'cookie') {
      const maxAgeSeconds = remember ? absolute / 1000 : undefined;
      this.setCookies.push(
        serializeCookie(this.names.session, secret, { secure: this.secure, ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }) }),
      );
      const csrfToken = await this.csrfToken(true, maxAgeSeconds);
      return { session: toSession(user, session), csrfToken };
    }
    return { session: toSession(user, session), tokens: await this.issueTokens(session) };
  }

  /** Bearer mode: a new access token and a new refresh token for the session. */
  async issueTokens(session: SessionRecord): Promise<Tokens> {
    const accessToken = randomToken();
    const refreshToken = randomToken();
    const end = sessionEnd(session);
    const accessExpiresAt = Math.min(this.now + this.rt.lifetimes.accessToken, end);
    await this.rt.store.createAccessToken({ tokenHash: hashToken(accessToken), sessionKey: session.key, expiresAt: accessExpiresAt });
    await this.rt.store.createRefreshToken({ tokenHash: hashToken(refreshToken), sessionKey: session.key, expiresAt: session.absoluteExpiresAt, usedAt: null });
    return { accessToken, refreshToken, expiresAt: new Date(accessExpiresAt).toISOString() };
  }

  // ───────────────────────────── throttling ─────────────────────────────

  private async assertUnder(key: string, max: number): Promise<void> {
    const counter = await this.rt.store.getCounter(key, this.now);
    if (counter && counter.count >= max) this.rateLimited(counter);
  }

  private rateLimited(counter: CounterRecord): never {
    const seconds = Math.max(1, Math.ceil((counter.resetAt - this.now) / 1000));
    throw new ApiError('rate_limited', `Too many attempts. Try again in ${String(seconds)} seconds.`, undefined, { 'Retry-After': String(seconds) });
  }

  /**
   * Counts one attempt against the identifier BEFORE the password is checked and answers 429 when
   * it is over the limit, so parallel bursts cannot slip more than `max` verifies into a window.
   * A success clears the counter; a failure leaves the attempt counted.
   */
  async takeIdentifierAttempt(identifierKey: string, scope: 'identifier' | 'reauth' = 'identifier'): Promise<number> {
    const counter = await this.rt.store.hitCounter(`${scope}:${identifierKey}`, this.rt.throttle.identifier.windowMs, this.now);
    if (counter.count > this.rt.throttle.identifier.max) this.rateLimited(counter);
    return counter.count;
  }

  /** 429 when the client address is over its limit. */
  async assertAddressAllowed(): Promise<void> {
    // Without a known address every client would share one counter: skip rather than lock out everyone.
    if (this.address !== null) await this.assertUnder(`address:${this.address}`, this.rt.throttle.address.max);
  }

  /** Counts one failure against the address. */
  async hitAddress(): Promise<void> {
    if (this.address === null) return;
    await this.rt.store.hitCounter(`address:${this.address}`, this.rt.throttle.address.windowMs, this.now);
  }

  async clearIdentifier(...identifierKeys: Array<string | null>): Promise<void> {
    for (const key of identifierKeys) if (key) await this.rt.store.clearCounter(`identifier:${key}`);
  }

  // ───────────────────────────── mail ─────────────────────────────

  /** A link into the app built from `appUrl` (never from the request). */
  appLink(path: string, token?: string): string {
    return appLinkFrom(this.rt.appUrl, path, token);
  }

  /** Creates a one-time token (cancelling older ones of the same purpose) and answers it with its expiry. */
  async oneTimeToken(userId: string, purpose: OneTimeTokenPurpose): Promise<{ token: string; expiresAt: number }> {
    const token = randomToken();
    const expiresAt = this.now + this.rt.lifetimes.oneTime;
    await this.rt.store.replaceOneTimeToken({ tokenHash: hashToken(token), userId, purpose, createdAt: this.now, expiresAt });
    return { token, expiresAt };
  }

  /** Sends mail to a user unless their mail budget is used up (background; failures are logged). */
  async mailUser(user: UserRecord, message: Omit<MailMessage, 'to'>, to = user.email): Promise<boolean> {
    const { mailer, store, throttle } = this.rt;
    if (!mailer || !to) return false;
    const counter = await store.hitCounter(`mail:${user.id}`, throttle.mail.windowMs, this.now);
    if (counter.count > throttle.mail.max) return false;
    try {
      await mailer.send({ ...message, to });
      return true;
    } catch (error) {
      this.rt.log('error', 'mail.failed', { userId: user.id, reason: error instanceof Error ? error.name : 'unknown' });
      return false;
    }
  }

  /** Mails an email-verification link. */
  async sendVerification(user: UserRecord): Promise<void> {
    const { token, expiresAt } = await this.oneTimeToken(user.id, 'email_verification');
    const minutes = Math.round((expiresAt - this.now) / 60_000);
    const sent = await this.mailUser(user, {
      subject: `Confirm your email address for ${this.rt.appName}`,
      text: `Hello ${user.name ?? user.username},\n\nconfirm your email address by opening this link within ${String(minutes)} minutes:\n\n${this.appLink(this.rt.links.verifyEmail, token)}\n\nIf you did not create an account, ignore this mail.\n`,
    });
    if (sent) this.rt.log('info', 'email.verification_sent', { userId: user.id });
  }
}
