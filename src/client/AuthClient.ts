import type * as z from 'zod/mini';
import type {
  AdminCreateUserRequest,
  AdminCreateUserResult,
  AdminUpdateUserRequest,
  AdminUserList,
  AuthConfig,
  AuthResult,
  ChangePasswordRequest,
  CreateInviteRequest,
  ForgotPasswordRequest,
  ForgotUsernameRequest,
  Invite,
  LoginRequest,
  RegisterRequest,
  RegisterResult,
  ResetLink,
  ResetPasswordRequest,
  Session,
  Tokens,
  Transport,
  UpdateProfileRequest,
  User,
  AdminUser,
  VerifyEmailRequest,
} from '../contract/index.js';
import type { AuthConnection } from './AuthConnection.js';

/**
 * Where bearer-mode tokens are kept. The default keeps them in memory only (lost on reload,
 * never readable by other scripts through storage); `persistentTokenStorage()` opts into
 * `localStorage` for remember-me.
 *
 * @example
 * ```ts
 * const storage: TokenStorage = { get: () => null, set: () => {}, clear: () => {} };
 * ```
 */
export interface TokenStorage {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  clear(): void;
}

/**
 * What happened to the session, as the client saw it. The React layer and the cross-tab channel
 * listen to this; it never carries a token.
 *
 * - `signed-in`: a response carried a session (login, register, refresh, change, verify email).
 * - `signed-out`: logout, or the backend said the session is gone (401 `unauthenticated` with no
 *   working refresh).
 * - `session`: a `GET session` answer (session or `null`).
 *
 * @example
 * ```ts
 * client.subscribe((event) => { if (event.type === 'signed-out') console.log('bye'); });
 * ```
 */
export type AuthClientEvent<TUser extends User = User> =
  | { type: 'signed-in'; session: Session<TUser> }
  | { type: 'signed-out'; reason: 'logout' | 'expired' | 'revoked' }
  | { type: 'session'; session: Session<TUser> | null };

/**
 * Options of {@link createAuthClient}.
 *
 * @example
 * ```ts
 * const options: AuthClientOptions = { baseUrl: '/api/auth', transport: 'cookie', timeoutMs: 10_000 };
 * ```
 */
export interface AuthClientOptions<TUser extends User = User> {
  /** Base URL of the auth API, absolute or relative to the page (`/api/auth`). */
  baseUrl: string;
  /** Defaults to `'cookie'`. Must match the backend's `GET config` transport. */
  transport?: Transport;
  /** Custom fetch (tests, SSR, a cookie jar). Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Per-request timeout in milliseconds. Default 15 000. */
  timeoutMs?: number;
  /**
   * An extended user schema (`z.extend(UserSchema, {...})`) so users come back typed and checked.
   * A `zod/mini` or a classic `zod` schema; its output must include the contract's user fields.
   */
  userSchema?: z.core.$ZodType<TUser>;
  /** Bearer mode: where tokens live. Default: memory only. */
  tokenStorage?: TokenStorage;
}

/**
 * The framework-free auth client: its {@link AuthConnection} plus one method per contract endpoint. Every response is parsed with
 * the contract schemas; anything else rejects with an {@link AuthError}. Every method takes an
 * optional `AbortSignal`.
 *
 * @example
 * ```ts
 * const client = createAuthClient({ baseUrl: '/api/auth' });
 * const { session } = await client.login({ identifier: 'ada', password: 'correct horse battery' });
 * ```
 */
export interface AuthClient<TUser extends User = User> extends AuthConnection<TUser> {
  getConfig(signal?: AbortSignal): Promise<AuthConfig>;
  login(body: LoginRequest, signal?: AbortSignal): Promise<AuthResult<TUser>>;
  register(body: RegisterRequest, signal?: AbortSignal): Promise<RegisterResult<TUser>>;
  verifyEmail(body: VerifyEmailRequest, signal?: AbortSignal): Promise<AuthResult<TUser>>;
  forgotPassword(body: ForgotPasswordRequest, signal?: AbortSignal): Promise<void>;
  resetPassword(body: ResetPasswordRequest, signal?: AbortSignal): Promise<void>;
  changePassword(body: ChangePasswordRequest, signal?: AbortSignal): Promise<AuthResult<TUser>>;
  forgotUsername(body: ForgotUsernameRequest, signal?: AbortSignal): Promise<void>;
  updateProfile(body: UpdateProfileRequest, signal?: AbortSignal): Promise<{ user: TUser }>;
  admin: {
    listUsers(query?: { query?: string; offset?: number; limit?: number }, signal?: AbortSignal): Promise<AdminUserList>;
    createUser(body: AdminCreateUserRequest, signal?: AbortSignal): Promise<AdminCreateUserResult>;
    updateUser(id: string, body: AdminUpdateUserRequest, signal?: AbortSignal): Promise<{ user: AdminUser }>;
    deleteUser(id: string, signal?: AbortSignal): Promise<void>;
    createResetLink(id: string, signal?: AbortSignal): Promise<ResetLink>;
    listInvites(signal?: AbortSignal): Promise<{ invites: Invite[] }>;
    createInvite(body: CreateInviteRequest, signal?: AbortSignal): Promise<{ invite: Invite }>;
    deleteInvite(code: string, signal?: AbortSignal): Promise<void>;
  };
}
