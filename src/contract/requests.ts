import * as z from 'zod/mini';
import { longText, password, secret } from './fields.js';

/** One value of a profile field. */
const profileValue = z.union([z.string().check(z.maxLength(1000)), z.number(), z.boolean(), z.null()]);

/**
 * Free-form, app-defined profile data: a flat object of strings, numbers, booleans and nulls
 * (at most 50 keys). Sent with `POST register` as `profile`; backends that keep it return it
 * as `user.profile`.
 *
 * @example
 * ```ts
 * ProfileSchema.parse({ company: 'Acme', newsletter: true });
 * ```
 */
export const ProfileSchema = z.record(z.string().check(z.minLength(1), z.maxLength(64)), profileValue).check(
  z.refine((value) => Object.keys(value).length <= 50, 'at most 50 profile fields'),
);

/**
 * `POST login` body. `identifier` is a username or an email address.
 *
 * @example
 * ```ts
 * LoginRequestSchema.parse({ identifier: 'ada', password: 'correct horse battery staple' });
 * ```
 */
export const LoginRequestSchema = z.strictObject({
  identifier: z.string().check(z.minLength(1), z.maxLength(320)),
  password,
  remember: z.optional(z.boolean()),
});
/** @example `const body: LoginRequest = { identifier: 'ada', password: 'pw' };` */
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/**
 * `POST refresh` body (bearer mode).
 *
 * @example
 * ```ts
 * RefreshRequestSchema.parse({ refreshToken: 'r1' });
 * ```
 */
export const RefreshRequestSchema = z.strictObject({ refreshToken: secret });
/** @example `const body: RefreshRequest = { refreshToken: 'r1' };` */
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

/**
 * `POST register` body. `invite` is required when registration is `invite`; `profile` carries
 * app-defined extra fields.
 *
 * @example
 * ```ts
 * RegisterRequestSchema.parse({ username: 'ada', email: 'ada@example.com', password: 'a long passphrase' });
 * ```
 */
export const RegisterRequestSchema = z.strictObject({
  username: z.string().check(z.minLength(1), z.maxLength(256)),
  email: z.string().check(z.minLength(3), z.maxLength(320)),
  password,
  name: z.optional(longText),
  invite: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  profile: z.optional(ProfileSchema),
});
/** @example `const body: RegisterRequest = { username: 'ada', email: 'a@b.c', password: 'pw' };` */
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

/**
 * `POST password/forgot` body.
 *
 * @example
 * ```ts
 * ForgotPasswordRequestSchema.parse({ identifier: 'ada@example.com' });
 * ```
 */
export const ForgotPasswordRequestSchema = z.strictObject({
  identifier: z.string().check(z.minLength(1), z.maxLength(320)),
});
/** @example `const body: ForgotPasswordRequest = { identifier: 'ada' };` */
export type ForgotPasswordRequest = z.infer<typeof ForgotPasswordRequestSchema>;

/**
 * `POST password/reset` body.
 *
 * @example
 * ```ts
 * ResetPasswordRequestSchema.parse({ token: 't', password: 'a new long passphrase' });
 * ```
 */
export const ResetPasswordRequestSchema = z.strictObject({ token: secret, password });
/** @example `const body: ResetPasswordRequest = { token: 't', password: 'pw' };` */
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

/**
 * `POST password/change` body.
 *
 * @example
 * ```ts
 * ChangePasswordRequestSchema.parse({ currentPassword: 'old one', newPassword: 'a new long passphrase' });
 * ```
 */
export const ChangePasswordRequestSchema = z.strictObject({ currentPassword: password, newPassword: password });
/** @example `const body: ChangePasswordRequest = { currentPassword: 'a', newPassword: 'b' };` */
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

/**
 * `POST username/forgot` body.
 *
 * @example
 * ```ts
 * ForgotUsernameRequestSchema.parse({ email: 'ada@example.com' });
 * ```
 */
export const ForgotUsernameRequestSchema = z.strictObject({
  email: z.string().check(z.minLength(3), z.maxLength(320)),
});
/** @example `const body: ForgotUsernameRequest = { email: 'a@b.c' };` */
export type ForgotUsernameRequest = z.infer<typeof ForgotUsernameRequestSchema>;

/**
 * `PATCH user` body. Changing `email` needs `currentPassword`; `id`, `roles` and password fields
 * are refused (the object is strict).
 *
 * @example
 * ```ts
 * UpdateProfileRequestSchema.parse({ name: 'Ada Lovelace' });
 * ```
 */
export const UpdateProfileRequestSchema = z.strictObject({
  name: z.optional(z.nullable(longText)),
  email: z.optional(z.string().check(z.minLength(3), z.maxLength(320))),
  currentPassword: z.optional(password),
});
/** @example `const body: UpdateProfileRequest = { name: 'Ada' };` */
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequestSchema>;

/**
 * `POST email/verify` body (only when `features.emailVerification`).
 *
 * @example
 * ```ts
 * VerifyEmailRequestSchema.parse({ token: 't' });
 * ```
 */
export const VerifyEmailRequestSchema = z.strictObject({ token: secret });
/** @example `const body: VerifyEmailRequest = { token: 't' };` */
export type VerifyEmailRequest = z.infer<typeof VerifyEmailRequestSchema>;
