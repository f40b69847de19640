import type * as z from 'zod/mini';
import {
  AcceptedSchema,
  AdminCreateUserRequestSchema,
  AdminCreateUserResultSchema,
  AdminUpdateUserRequestSchema,
  AdminUserListSchema,
  AdminUserResultSchema,
  AuthConfigSchema,
  AuthResultSchema,
  ChangePasswordRequestSchema,
  CreateInviteRequestSchema,
  ForgotPasswordRequestSchema,
  ForgotUsernameRequestSchema,
  InviteListSchema,
  InviteResultSchema,
  LoginRequestSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  RegisterResultSchema,
  ResetLinkSchema,
  ResetPasswordRequestSchema,
  SessionResponseSchema,
  UpdateProfileRequestSchema,
  UserResultSchema,
  VerifyEmailRequestSchema,
} from './schemas.js';

/**
 * One endpoint of the contract: method, path under the base URL (`:id` / `:code` are path
 * parameters), request body schema (`null`: no body), success status, response body schema
 * (`null`: no body), whether a session is required (`auth`), and which `config.features` flag
 * enables it (`feature`; absent: always offered).
 *
 * @example
 * ```ts
 * const { method, path, status } = ENDPOINTS.login; // 'POST', 'login', 200
 * ```
 */
export interface EndpointSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly request: z.ZodMiniType | null;
  readonly status: number;
  readonly response: z.ZodMiniType | null;
  readonly auth: 'none' | 'session' | 'admin';
  readonly feature?: 'passwordReset' | 'usernameRecovery' | 'profile' | 'admin' | 'emailVerification';
  readonly transport?: 'bearer';
}

/**
 * Every endpoint of contract version 1, keyed by name. The client, the mock backend, the
 * reference server and the conformance suite are all driven by this one table.
 *
 * @example
 * ```ts
 * for (const [name, spec] of Object.entries(ENDPOINTS)) console.log(name, spec.method, spec.path);
 * ```
 */
export const ENDPOINTS = {
  config: { method: 'GET', path: 'config', request: null, status: 200, response: AuthConfigSchema, auth: 'none' },
  session: { method: 'GET', path: 'session', request: null, status: 200, response: SessionResponseSchema, auth: 'none' },
  login: { method: 'POST', path: 'login', request: LoginRequestSchema, status: 200, response: AuthResultSchema, auth: 'none' },
  logout: { method: 'POST', path: 'logout', request: null, status: 204, response: null, auth: 'none' },
  refresh: {
    method: 'POST',
    path: 'refresh',
    request: RefreshRequestSchema,
    status: 200,
    response: AuthResultSchema,
    auth: 'none',
    transport: 'bearer',
  },
  register: { method: 'POST', path: 'register', request: RegisterRequestSchema, status: 201, response: RegisterResultSchema, auth: 'none' },
  verifyEmail: {
    method: 'POST',
    path: 'email/verify',
    request: VerifyEmailRequestSchema,
    status: 200,
    response: AuthResultSchema,
    auth: 'none',
    feature: 'emailVerification',
  },
  forgotPassword: {
    method: 'POST',
    path: 'password/forgot',
    request: ForgotPasswordRequestSchema,
    status: 202,
    response: AcceptedSchema,
    auth: 'none',
    feature: 'passwordReset',
  },
  resetPassword: {
    method: 'POST',
    path: 'password/reset',
    request: ResetPasswordRequestSchema,
    status: 204,
    response: null,
    auth: 'none',
    feature: 'passwordReset',
  },
  changePassword: {
    method: 'POST',
    path: 'password/change',
    request: ChangePasswordRequestSchema,
    status: 200,
    response: AuthResultSchema,
    auth: 'session',
  },
  forgotUsername: {
    method: 'POST',
    path: 'username/forgot',
    request: ForgotUsernameRequestSchema,
    status: 202,
    response: AcceptedSchema,
    auth: 'none',
    feature: 'usernameRecovery',
  },
  updateProfile: {
    method: 'PATCH',
    path: 'user',
    request: UpdateProfileRequestSchema,
    status: 200,
    response: UserResultSchema,
    auth: 'session',
    feature: 'profile',
  },
  verify: { method: 'GET', path: 'verify', request: null, status: 204, response: null, auth: 'session' },
  adminListUsers: { method: 'GET', path: 'admin/users', request: null, status: 200, response: AdminUserListSchema, auth: 'admin', feature: 'admin' },
  adminCreateUser: {
    method: 'POST',
    path: 'admin/users',
    request: AdminCreateUserRequestSchema,
    status: 201,
    response: AdminCreateUserResultSchema,
    auth: 'admin',
    feature: 'admin',
  },
  adminUpdateUser: {
    method: 'PATCH',
    path: 'admin/users/:id',
    request: AdminUpdateUserRequestSchema,
    status: 200,
    response: AdminUserResultSchema,
    auth: 'admin',
    feature: 'admin',
  },
  adminDeleteUser: { method: 'DELETE', path: 'admin/users/:id', request: null, status: 204, response: null, auth: 'admin', feature: 'admin' },
  adminResetLink: {
    method: 'POST',
    path: 'admin/users/:id/reset-link',
    request: null,
    status: 200,
    response: ResetLinkSchema,
    auth: 'admin',
    feature: 'admin',
  },
  adminListInvites: { method: 'GET', path: 'admin/invites', request: null, status: 200, response: InviteListSchema, auth: 'admin', feature: 'admin' },
  adminCreateInvite: {
    method: 'POST',
    path: 'admin/invites',
    request: CreateInviteRequestSchema,
    status: 201,
    response: InviteResultSchema,
    auth: 'admin',
    feature: 'admin',
  },
  adminDeleteInvite: { method: 'DELETE', path: 'admin/invites/:code', request: null, status: 204, response: null, auth: 'admin', feature: 'admin' },
} as const satisfies Record<string, EndpointSpec>;

/**
 * The name of a contract endpoint.
 *
 * @example
 * ```ts
 * const name: EndpointName = 'login';
 * ```
 */
export type EndpointName = keyof typeof ENDPOINTS;

/**
 * Fills the `:params` of an endpoint path (URL-encoding each value).
 *
 * @example
 * ```ts
 * endpointPath('adminUpdateUser', { id: 'u 1' }); // 'admin/users/u%201'
 * ```
 */
export function endpointPath(name: EndpointName, params: Record<string, string> = {}): string {
  return ENDPOINTS[name].path.replace(/:([a-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`endpointPath(${name}): missing path parameter "${key}"`);
    return encodeURIComponent(value);
  });
}
