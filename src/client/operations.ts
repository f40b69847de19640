import type * as z from 'zod/mini';
import {
  AcceptedSchema,
  AdminCreateUserResultSchema,
  AdminUserListSchema,
  AdminUserResultSchema,
  AuthConfigSchema,
  InviteListSchema,
  InviteResultSchema,
  ResetLinkSchema,
} from '../contract/schemas.js';
import { authResultSchema, registerResultSchema, userResultSchema } from '../contract/responses.js';
import type {
  AdminCreateUserRequest,
  AdminCreateUserResult,
  AdminUpdateUserRequest,
  AdminUser,
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
  UpdateProfileRequest,
  User,
  VerifyEmailRequest,
} from '../contract/index.js';
import type { Operation } from './AuthConnection.js';
import { AuthError } from './AuthError.js';

// One descriptor per contract endpoint, each its own constant: a bundle keeps only the ones its
// hooks send (`useLogin` pulls in `loginOperation` and nothing of the admin endpoints). Method,
// path and status match the contract's `ROUTES` table (a test holds them to it).

// Schemas are reached through arrow functions, never through a call at load time, so a descriptor
// nobody imports (and the schemas only it uses) is dropped from the bundle.

/** The body of a 202: a JSON object (`{}`), nothing in it the client uses. */
type Accepted = Record<string, unknown>;
const accepted = (): z.ZodMiniType<Accepted> => AcceptedSchema;

/**
 * `GET config`.
 *
 * @internal
 * @example
 * ```ts
 * const config = await connection.send(configOperation);
 * ```
 */
export const configOperation: Operation<never, AuthConfig> = { method: 'GET', path: 'config', status: 200, anonymous: true, schema: () => AuthConfigSchema };

/**
 * `POST login`: the answer signs in.
 *
 * @internal
 * @example
 * ```ts
 * const { session } = await connection.send(loginOperation, { body: { identifier: 'ada', password } });
 * ```
 */
export const loginOperation: Operation<LoginRequest, AuthResult> = { method: 'POST', path: 'login', status: 200, anonymous: true, signsIn: true, schema: authResultSchema };

/**
 * `POST register`: signs in when the answer carries a session.
 *
 * @internal
 * @example
 * ```ts
 * const result = await connection.send(registerOperation, { body: { username: 'ada', password } });
 * ```
 */
export const registerOperation: Operation<RegisterRequest, RegisterResult> = {
  method: 'POST',
  path: 'register',
  status: 201,
  anonymous: true,
  signsIn: true,
  schema: registerResultSchema,
};

/**
 * `POST email/verify`: the answer signs in.
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(verifyEmailOperation, { body: { token } });
 * ```
 */
export const verifyEmailOperation: Operation<VerifyEmailRequest, AuthResult> = {
  method: 'POST',
  path: 'email/verify',
  status: 200,
  anonymous: true,
  signsIn: true,
  schema: authResultSchema,
};

/**
 * `POST password/forgot` (202 for any well-formed input).
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(forgotPasswordOperation, { body: { email: 'ada@example.com' } });
 * ```
 */
export const forgotPasswordOperation: Operation<ForgotPasswordRequest, Accepted> = { method: 'POST', path: 'password/forgot', status: 202, anonymous: true, schema: accepted };

/**
 * `POST password/reset` (204).
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(resetPasswordOperation, { body: { token, password } });
 * ```
 */
export const resetPasswordOperation: Operation<ResetPasswordRequest, void> = { method: 'POST', path: 'password/reset', status: 204, anonymous: true };

/**
 * `POST password/change`: the answer carries the new session.
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(changePasswordOperation, { body: { currentPassword, newPassword } });
 * ```
 */
export const changePasswordOperation: Operation<ChangePasswordRequest, AuthResult> = {
  method: 'POST',
  path: 'password/change',
  status: 200,
  signsIn: true,
  schema: authResultSchema,
};

/**
 * `POST username/forgot` (202 for any well-formed input).
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(forgotUsernameOperation, { body: { email: 'ada@example.com' } });
 * ```
 */
export const forgotUsernameOperation: Operation<ForgotUsernameRequest, Accepted> = { method: 'POST', path: 'username/forgot', status: 202, anonymous: true, schema: accepted };

/**
 * `PATCH user`.
 *
 * @internal
 * @example
 * ```ts
 * const { user } = await connection.send(updateProfileOperation, { body: { name: 'Ada' } });
 * ```
 */
export const updateProfileOperation: Operation<UpdateProfileRequest, { user: User }> = { method: 'PATCH', path: 'user', status: 200, schema: userResultSchema };

/**
 * `GET admin/users` (pass `query` from {@link adminUsersQuery}).
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(adminListUsersOperation, { query: adminUsersQuery({ limit: 20 }) });
 * ```
 */
export const adminListUsersOperation: Operation<never, AdminUserList> = { method: 'GET', path: 'admin/users', status: 200, schema: () => AdminUserListSchema };

/**
 * `POST admin/users`.
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(adminCreateUserOperation, { body: { username: 'grace', roles: [] } });
 * ```
 */
export const adminCreateUserOperation: Operation<AdminCreateUserRequest, AdminCreateUserResult> = {
  method: 'POST',
  path: 'admin/users',
  status: 201,
  schema: () => AdminCreateUserResultSchema,
};

/**
 * `PATCH admin/users/:id`.
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(adminUpdateUserOperation, { params: { id }, body: { disabled: true } });
 * ```
 */
export const adminUpdateUserOperation: Operation<AdminUpdateUserRequest, { user: AdminUser }> = {
  method: 'PATCH',
  path: 'admin/users/:id',
  status: 200,
  schema: () => AdminUserResultSchema,
};

/**
 * `DELETE admin/users/:id`.
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(adminDeleteUserOperation, { params: { id } });
 * ```
 */
export const adminDeleteUserOperation: Operation<never, void> = { method: 'DELETE', path: 'admin/users/:id', status: 204 };

/**
 * `POST admin/users/:id/reset-link`.
 *
 * @internal
 * @example
 * ```ts
 * const { url } = await connection.send(adminResetLinkOperation, { params: { id } });
 * ```
 */
export const adminResetLinkOperation: Operation<never, ResetLink> = {
  method: 'POST',
  path: 'admin/users/:id/reset-link',
  status: 200,
  schema: () => ResetLinkSchema,
};

/**
 * `GET admin/invites`.
 *
 * @internal
 * @example
 * ```ts
 * const { invites } = await connection.send(adminListInvitesOperation);
 * ```
 */
export const adminListInvitesOperation: Operation<never, { invites: Invite[] }> = { method: 'GET', path: 'admin/invites', status: 200, schema: () => InviteListSchema };

/**
 * `POST admin/invites`.
 *
 * @internal
 * @example
 * ```ts
 * const { invite } = await connection.send(adminCreateInviteOperation, { body: { roles: [] } });
 * ```
 */
export const adminCreateInviteOperation: Operation<CreateInviteRequest, { invite: Invite }> = {
  method: 'POST',
  path: 'admin/invites',
  status: 201,
  schema: () => InviteResultSchema,
};

/**
 * `DELETE admin/invites/:code`.
 *
 * @internal
 * @example
 * ```ts
 * await connection.send(adminDeleteInviteOperation, { params: { code } });
 * ```
 */
export const adminDeleteInviteOperation: Operation<never, void> = { method: 'DELETE', path: 'admin/invites/:code', status: 204 };

/**
 * Turns the admin user-list filter into the query string `GET admin/users` takes, refusing values
 * the contract does not allow (with an error that names the field).
 *
 * @internal
 * @example
 * ```ts
 * adminUsersQuery({ query: 'ada', limit: 20 }).toString(); // 'query=ada&limit=20'
 * ```
 */
export function adminUsersQuery(query: { query?: string; offset?: number; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  const endpoint = 'GET admin/users';
  const problem = (text: string) => new AuthError({ code: 'invalid_request', endpoint, message: `${endpoint}: ${text}` });
  if (query.query !== undefined) {
    if (typeof query.query !== 'string' || query.query.length > 320) throw problem('query.query must be a string of at most 320 characters');
    if (query.query.length > 0) params.set('query', query.query);
  }
  for (const key of ['offset', 'limit'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw problem(`query.${key} must be an integer >= 0, got ${String(value)}`);
    params.set(key, String(value));
  }
  return params;
}
