/**
 * `latchkey/contract`: the zod schemas and TypeScript types of every request and response of the
 * latchkey auth contract, version 1. No React, no DOM: usable in any backend or client.
 *
 * @packageDocumentation
 */
export { CONTRACT_VERSION, HEADERS } from './headers.js';
export { ERROR_CODES, ERROR_STATUS, ErrorEnvelopeSchema, isErrorCode } from './errors.js';
export type { ErrorCode, ErrorEnvelope } from './errors.js';
export { ENDPOINTS, endpointPath } from './endpoints.js';
export type { EndpointName, EndpointSpec } from './endpoints.js';
export {
  AcceptedSchema,
  AdminCreateUserRequestSchema,
  AdminCreateUserResultSchema,
  AdminUpdateUserRequestSchema,
  AdminUserListSchema,
  AdminUserResultSchema,
  AdminUserSchema,
  AuthConfigSchema,
  AuthResultSchema,
  ChangePasswordRequestSchema,
  CreateInviteRequestSchema,
  ForgotPasswordRequestSchema,
  ForgotUsernameRequestSchema,
  InviteListSchema,
  InviteResultSchema,
  InviteSchema,
  LoginRequestSchema,
  ProfileSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  RegisterResultSchema,
  ResetLinkSchema,
  ResetPasswordRequestSchema,
  SessionResponseSchema,
  SessionSchema,
  TokensSchema,
  UpdateProfileRequestSchema,
  UserResultSchema,
  UserSchema,
  VerifyEmailRequestSchema,
  responseSchemas,
  sessionSchema,
} from './schemas.js';
export type {
  AdminCreateUserRequest,
  AdminCreateUserResult,
  AdminUpdateUserRequest,
  AdminUser,
  AdminUserList,
  AdminUserResult,
  AuthConfig,
  AuthResult,
  ChangePasswordRequest,
  CreateInviteRequest,
  ForgotPasswordRequest,
  ForgotUsernameRequest,
  Invite,
  InviteList,
  InviteResult,
  LoginRequest,
  RefreshRequest,
  RegisterNext,
  RegisterRequest,
  RegisterResult,
  ResetLink,
  ResetPasswordRequest,
  Session,
  SessionResponse,
  Tokens,
  Transport,
  UpdateProfileRequest,
  User,
  VerifyEmailRequest,
} from './schemas.js';
