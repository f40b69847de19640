/**
 * `latchkey/server`: the reference backend of the latchkey contract as a Fetch-API handler, with
 * SQLite and in-memory stores, argon2id hashing, SMTP and development mailers, and a Node adapter.
 * Node only; no React.
 *
 * @packageDocumentation
 */
export { createAuthHandler } from './createAuthHandler.js';
export type { AuthHandler, AuthHandlerOptions, AuthRequestInfo, ThrottleRule } from './AuthHandlerOptions.js';
export { StoreConflictError } from './AuthStore.js';
export type {
  AccessTokenRecord,
  AuthStore,
  CounterRecord,
  InviteRecord,
  OneTimeTokenPurpose,
  OneTimeTokenRecord,
  RefreshTokenRecord,
  RefreshTokenRedemption,
  SessionRecord,
  UserListQuery,
  UserPatch,
  UserRecord,
} from './AuthStore.js';
export { createUserAdmin, UserAdminError } from './createUserAdmin.js';
export type { UserAdmin, UserAdminOptions } from './createUserAdmin.js';
export { createMemoryStore } from './createMemoryStore.js';
export { createSqliteStore, SQLITE_SCHEMA_VERSION } from './createSqliteStore.js';
export type { SqliteStoreOptions } from './createSqliteStore.js';
export { createPasswordHasher, DEFAULT_HASHING } from './createPasswordHasher.js';
export type { HashingOptions, PasswordHasher } from './createPasswordHasher.js';
export { createPasswordPolicy } from './passwordPolicy.js';
export type { PasswordPolicy, PasswordPolicyOptions } from './passwordPolicy.js';
export { COMMON_PASSWORDS } from './commonPasswords.js';
export type { MailMessage, Mailer } from './Mailer.js';
export { createSmtpMailer } from './createSmtpMailer.js';
export type { SmtpMailerOptions } from './createSmtpMailer.js';
export { createDevOutbox } from './createDevOutbox.js';
export type { DevOutbox, DevOutboxOptions } from './createDevOutbox.js';
export { createJsonLogger } from './logger.js';
export type { AuthLogEntry, AuthLogEvent, AuthLogger } from './logger.js';
export { listen, toNodeListener } from './nodeAdapter.js';
export type { FetchHandler, NodeListenerOptions, RunningServer } from './nodeAdapter.js';
export { hashToken, randomToken } from './crypto.js';
export { Semaphore } from './Semaphore.js';
