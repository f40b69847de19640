/**
 * Every request and response schema of the contract, gathered from the files that define them
 * (one concern each, so a bundle that needs the session schemas never carries the request or
 * admin schemas).
 *
 * @packageDocumentation
 */
export { AuthConfigSchema } from './config.js';
export type { AuthConfig, Transport } from './config.js';
export { SessionSchema, TokensSchema, UserSchema, sessionSchema } from './user.js';
export type { Session, Tokens, User } from './user.js';
export {
  AcceptedSchema,
  AuthResultSchema,
  RegisterResultSchema,
  SessionResponseSchema,
  UserResultSchema,
  responseSchemas,
} from './responses.js';
export type { AuthResult, RegisterNext, RegisterResult, SessionResponse } from './responses.js';
export {
  ChangePasswordRequestSchema,
  ForgotPasswordRequestSchema,
  ForgotUsernameRequestSchema,
  LoginRequestSchema,
  ProfileSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  ResetPasswordRequestSchema,
  UpdateProfileRequestSchema,
  VerifyEmailRequestSchema,
} from './requests.js';
export type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  ForgotUsernameRequest,
  LoginRequest,
  RefreshRequest,
  RegisterRequest,
  ResetPasswordRequest,
  UpdateProfileRequest,
  VerifyEmailRequest,
} from './requests.js';
export {
  AdminCreateUserRequestSchema,
  AdminCreateUserResultSchema,
  AdminUpdateUserRequestSchema,
  AdminUserListSchema,
  AdminUserResultSchema,
  AdminUserSchema,
  CreateInviteRequestSchema,
  InviteListSchema,
  InviteResultSchema,
  InviteSchema,
  ResetLinkSchema,
} from './admin.js';
export type {
  AdminCreateUserRequest,
  AdminCreateUserResult,
  AdminUpdateUserRequest,
  AdminUser,
  AdminUserList,
  AdminUserResult,
  CreateInviteRequest,
  Invite,
  InviteList,
  InviteResult,
  ResetLink,
} from './admin.js';
