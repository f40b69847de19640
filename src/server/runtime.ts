import type { AdminUser, ErrorCode, Session, User } from '../contract/index.js';
import type { AuthHandlerOptions, ThrottleRule } from './AuthHandlerOptions.js';
import type { AuthStore, InviteRecord, SessionRecord, UserRecord } from './AuthStore.js';
import { createPasswordHasher } from './createPasswordHasher.js';
import type { PasswordHasher } from './createPasswordHasher.js';
import { hashToken } from './crypto.js';
import { createJsonLogger } from './logger.js';
import type { AuthLogEntry, AuthLogEvent } from './logger.js';
import type { Mailer } from './Mailer.js';
import { createPasswordPolicy } from './passwordPolicy.js';
import type { PasswordPolicy } from './passwordPolicy.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Resolved options and shared services of one handler (internal). */
export interface Runtime {
  store: AuthStore;
  appUrl: URL;
  appOrigin: string;
  basePath: string;
  transport: 'cookie' | 'bearer';
  registration: 'open' | 'invite' | 'closed';
  preauthorized: { emails: Set<string>; domains: Set<string> };
  features: { passwordReset: boolean; usernameRecovery: boolean; profile: boolean; admin: boolean; emailVerification: boolean };
  policy: PasswordPolicy;
  hasher: PasswordHasher;
  mailer: Mailer | null;
  appName: string;
  links: { resetPassword: string; verifyEmail: string; login: string; register: string };
  now(): number;
  lifetimes: { idle: number; absolute: number; rememberIdle: number; rememberAbsolute: number; accessToken: number; oneTime: number };
  throttle: { identifier: ThrottleRule; address: ThrottleRule; mail: ThrottleRule };
  trustProxyHops: number;
  allowedOrigins: Set<string>;
  secure: 'auto' | boolean;
  secret: string | undefined;
  maxBodyBytes: number;
  /** Logs an entry; `null` / `undefined` fields are left out. */
  log(level: AuthLogEntry['level'], event: AuthLogEvent, fields?: Record<string, string | number | boolean | null | undefined>): void;
}

function positive(name: string, value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0 || result > max) {
    throw new RangeError(`createAuthHandler: ${name} must be a positive number of at most ${String(max)}, got ${String(result)}`);
  }
  return result;
}

function rule(name: string, value: ThrottleRule | undefined, fallback: ThrottleRule): ThrottleRule {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value.max) || value.max < 1) throw new RangeError(`createAuthHandler: throttle.${name}.max must be an integer ≥ 1`);
  return { max: value.max, windowMs: positive(`throttle.${name}.windowMs`, value.windowMs, fallback.windowMs) };
}

function appPath(name: string, value: string | undefined, fallback: string): string {
  const path = value ?? fallback;
  if (!path.startsWith('/') || path.startsWith('//')) throw new TypeError(`createAuthHandler: links.${name} must be a path starting with one "/", got ${JSON.stringify(path)}`);
  return path;
}

/** Validates options and resolves defaults; throws with the option's name on bad input. */
export function resolveRuntime(options: AuthHandlerOptions): Runtime {
  if (!options || typeof options !== 'object') throw new TypeError('createAuthHandler: options are required ({ store, appUrl })');
  if (!options.store) throw new TypeError('createAuthHandler: options.store is required (createSqliteStore or createMemoryStore)');
  let appUrl: URL;
  try {
    appUrl = new URL(options.appUrl);
  } catch {
    throw new TypeError(`createAuthHandler: options.appUrl must be an absolute URL such as https://app.example.com, got ${JSON.stringify(options.appUrl)}`);
  }
  if (appUrl.protocol !== 'http:' && appUrl.protocol !== 'https:') throw new TypeError('createAuthHandler: options.appUrl must be http: or https:');
  const basePath = (options.basePath ?? '/api/auth').replace(/\/+$/, '');
  if (!basePath.startsWith('/') && basePath !== '') throw new TypeError(`createAuthHandler: options.basePath must start with "/", got ${JSON.stringify(options.basePath)}`);
  const transport = options.transport ?? 'cookie';
  if (transport !== 'cookie' && transport !== 'bearer') throw new TypeError(`createAuthHandler: options.transport must be "cookie" or "bearer"`);
  const registration = options.registration ?? 'open';
  if (!['open', 'invite', 'closed'].includes(registration)) throw new TypeError('createAuthHandler: options.registration must be "open", "invite" or "closed"');
  const mailer = options.mailer ?? null;
  const features = {
    passwordReset: options.features?.passwordReset ?? mailer !== null,
    usernameRecovery: options.features?.usernameRecovery ?? mailer !== null,
    profile: options.features?.profile ?? true,
    admin: options.features?.admin ?? true,
    emailVerification: options.features?.emailVerification ?? false,
  };
  for (const name of ['passwordReset', 'usernameRecovery', 'emailVerification'] as const) {
    if (features[name] && !mailer) throw new TypeError(`createAuthHandler: features.${name} sends mail and needs options.mailer (createSmtpMailer or createDevOutbox)`);
  }
  const allowedOrigins = new Set<string>([appUrl.origin]);
  for (const origin of options.allowedOrigins ?? []) {
    if (origin === '*') throw new TypeError('createAuthHandler: allowedOrigins must list origins; "*" is never allowed with credentials');
    try {
      allowedOrigins.add(new URL(origin).origin);
    } catch {
      throw new TypeError(`createAuthHandler: allowedOrigins entry ${JSON.stringify(origin)} is not an origin such as https://app.example.com`);
    }
  }
  const trustProxy = options.trustProxy ?? false;
  const trustProxyHops = trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy;
  if (!Number.isInteger(trustProxyHops) || trustProxyHops < 0) throw new TypeError('createAuthHandler: trustProxy must be a boolean or a whole number of hops');
  const oneTime = positive('oneTimeTokenTtlMs', options.oneTimeTokenTtlMs, 30 * MINUTE, 30 * MINUTE);
  const logger = options.logger ?? createJsonLogger();
  const clock = options.clock ?? { now: () => Date.now() };
  return {
    store: options.store,
    appUrl,
    appOrigin: appUrl.origin,
    basePath,
    transport,
    registration,
    preauthorized: {
      emails: new Set((options.preauthorized?.emails ?? []).map(normalizeEmail)),
      domains: new Set((options.preauthorized?.domains ?? []).map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))),
    },
    features,
    policy: createPasswordPolicy(options.password),
    hasher: options.passwordHasher ?? createPasswordHasher(options.hashing),
    mailer,
    appName: options.appName ?? 'latchkey',
    links: {
      resetPassword: appPath('resetPassword', options.links?.resetPassword, '/reset-password'),
      verifyEmail: appPath('verifyEmail', options.links?.verifyEmail, '/verify-email'),
      login: appPath('login', options.links?.login, '/login'),
      register: appPath('register', options.links?.register, '/register'),
    },
    now: () => clock.now(),
    lifetimes: {
      idle: positive('session.idleTimeoutMs', options.session?.idleTimeoutMs, 30 * MINUTE),
      absolute: positive('session.absoluteTimeoutMs', options.session?.absoluteTimeoutMs, 12 * HOUR),
      rememberIdle: positive('session.rememberIdleTimeoutMs', options.session?.rememberIdleTimeoutMs, 7 * DAY),
      rememberAbsolute: positive('session.rememberAbsoluteTimeoutMs', options.session?.rememberAbsoluteTimeoutMs, 30 * DAY),
      accessToken: positive('accessTokenTtlMs', options.accessTokenTtlMs, 15 * MINUTE),
      oneTime,
    },
    throttle: {
      identifier: rule('identifier', options.throttle?.identifier, { max: 5, windowMs: 15 * MINUTE }),
      address: rule('address', options.throttle?.address, { max: 100, windowMs: 15 * MINUTE }),
      mail: rule('mail', options.throttle?.mail, { max: 5, windowMs: 15 * MINUTE }),
    },
    trustProxyHops,
    allowedOrigins,
    secure: options.secure ?? 'auto',
    secret: options.secret,
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 64 * 1024),
    log(level, event, fields = {}) {
      try {
        const kept = Object.fromEntries(Object.entries(fields).filter((entry) => entry[1] !== null && entry[1] !== undefined));
        logger({ time: new Date(clock.now()).toISOString(), level, event, ...kept });
      } catch {
        // A broken log sink must not break authentication.
      }
    },
  };
}

/** Trimmed, NFC, lower-cased: the key usernames and identifiers are compared and throttled by. */
export function normalizeIdentifier(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

/** Trimmed, lower-cased email. */
export function normalizeEmail(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

/** A short, non-reversible tag of an identifier for logs. */
export function identifierTag(value: string): string {
  return hashToken(`identifier:${normalizeIdentifier(value)}`).slice(0, 16);
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** 400 reason for a username, or null. */
export function usernameProblem(username: string): string | null {
  return USERNAME.test(username) ? null : 'Use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit';
}

/** 400 reason for an email, or null. */
export function emailProblem(email: string): string | null {
  return EMAIL.test(email.trim()) ? null : 'Enter a valid email address';
}

/** 400 fields for invalid roles, or null. */
export function rolesProblem(roles: readonly string[], field = 'roles'): Record<string, string> | null {
  const fields: Record<string, string> = {};
  roles.forEach((role, index) => {
    if (!ROLE.test(role)) fields[`${field}.${String(index)}`] = 'Use letters, digits, "_", ".", ":" or "-"';
  });
  return Object.keys(fields).length > 0 ? fields : null;
}

/** When a session ends: the earlier of its idle and absolute deadlines. */
export function sessionEnd(session: SessionRecord): number {
  return Math.min(session.lastSeenAt + session.idleTimeoutMs, session.absoluteExpiresAt);
}

/** The contract's user. */
export function toUser(user: UserRecord): User {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    name: user.name,
    roles: [...user.roles],
    emailVerified: user.emailVerified,
    ...(user.profile ? { profile: user.profile } : {}),
  };
}

/** The contract's admin view of a user. */
export function toAdminUser(user: UserRecord): AdminUser {
  return {
    ...toUser(user),
    disabled: user.disabled,
    createdAt: new Date(user.createdAt).toISOString(),
    lastLoginAt: user.lastLoginAt === null ? null : new Date(user.lastLoginAt).toISOString(),
  };
}

/** The contract's session. */
export function toSession(user: UserRecord, session: SessionRecord): Session {
  return { user: toUser(user), expiresAt: new Date(sessionEnd(session)).toISOString() };
}

/** The contract's invite. */
export function toInvite(invite: InviteRecord) {
  return {
    code: invite.code,
    email: invite.email,
    roles: [...invite.roles],
    expiresAt: new Date(invite.expiresAt).toISOString(),
    usedAt: invite.usedAt === null ? null : new Date(invite.usedAt).toISOString(),
  };
}

export type { ErrorCode };
