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
import { ROUTES } from './routes.js';
import type { EndpointName } from './routes.js';

export { endpointPath } from './routes.js';
export type { EndpointName } from './routes.js';

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
 * Every endpoint of contract version 1, keyed by name: its route (method, path, status, auth,
 * feature) with its request and response schemas. The mock backend, the reference server and the
 * conformance suite are driven by this table; the client by its routes alone.
 *
 * @example
 * ```ts
 * for (const [name, spec] of Object.entries(ENDPOINTS)) console.log(name, spec.method, spec.path);
 * ```
 */
export const ENDPOINTS = {
  config: { ...ROUTES.config, request: null, response: AuthConfigSchema },
  session: { ...ROUTES.session, request: null, response: SessionResponseSchema },
  login: { ...ROUTES.login, request: LoginRequestSchema, response: AuthResultSchema },
  logout: { ...ROUTES.logout, request: null, response: null },
  refresh: { ...ROUTES.refresh, request: RefreshRequestSchema, response: AuthResultSchema },
  register: { ...ROUTES.register, request: RegisterRequestSchema, response: RegisterResultSchema },
  verifyEmail: { ...ROUTES.verifyEmail, request: VerifyEmailRequestSchema, response: AuthResultSchema },
  forgotPassword: { ...ROUTES.forgotPassword, request: ForgotPasswordRequestSchema, response: AcceptedSchema },
  resetPassword: { ...ROUTES.resetPassword, request: ResetPasswordRequestSchema, response: null },
  changePassword: { ...ROUTES.changePassword, request: ChangePasswordRequestSchema, response: AuthResultSchema },
  forgotUsername: { ...ROUTES.forgotUsername, request: ForgotUsernameRequestSchema, response: AcceptedSchema },
  updateProfile: { ...ROUTES.updateProfile, request: UpdateProfileRequestSchema, response: UserResultSchema },
  verify: { ...ROUTES.verify, request: null, response: null },
  adminListUsers: { ...ROUTES.adminListUsers, request: null, response: AdminUserListSchema },
  adminCreateUser: { ...ROUTES.adminCreateUser, request: AdminCreateUserRequestSchema, response: AdminCreateUserResultSchema },
  adminUpdateUser: { ...ROUTES.adminUpdateUser, request: AdminUpdateUserRequestSchema, response: AdminUserResultSchema },
  adminDeleteUser: { ...ROUTES.adminDeleteUser, request: null, response: null },
  adminResetLink: { ...ROUTES.adminResetLink, request: null, response: ResetLinkSchema },
  adminListInvites: { ...ROUTES.adminListInvites, request: null, response: InviteListSchema },
  adminCreateInvite: { ...ROUTES.adminCreateInvite, request: CreateInviteRequestSchema, response: InviteResultSchema },
  adminDeleteInvite: { ...ROUTES.adminDeleteInvite, request: null, response: null },
} as const satisfies Record<EndpointName, EndpointSpec>;
