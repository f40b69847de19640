import * as z from 'zod/mini';
import { csrfToken } from './fields.js';
import { sessionSchema, TokensSchema, UserSchema } from './user.js';
import type { Session, Tokens, User } from './user.js';

/**
 * Why a registration did not sign the user in straight away.
 *
 * @example
 * ```ts
 * const next: RegisterNext = 'verify_email';
 * ```
 */
export type RegisterNext = 'verify_email' | 'await_approval';

/**
 * `GET session` answer schema for a given user schema.
 *
 * @internal
 * @example
 * ```ts
 * sessionResponseSchema(UserSchema).parse({ session: null, csrfToken: 'x' });
 * ```
 */
export function sessionResponseSchema<U extends z.ZodMiniType<User>>(user: U) {
  return z.object({ session: z.nullable(sessionSchema(user)), csrfToken });
}

/**
 * `POST login` / `refresh` / `password/change` / `email/verify` answer schema for a given user schema.
 *
 * @internal
 * @example
 * ```ts
 * authResultSchema(UserSchema).parse({ session: { user, expiresAt: null } });
 * ```
 */
export function authResultSchema<U extends z.ZodMiniType<User>>(user: U) {
  return z.object({ session: sessionSchema(user), tokens: z.optional(TokensSchema), csrfToken });
}

/**
 * `POST register` answer schema for a given user schema.
 *
 * @internal
 * @example
 * ```ts
 * registerResultSchema(UserSchema).parse({ session: null, next: 'verify_email' });
 * ```
 */
export function registerResultSchema<U extends z.ZodMiniType<User>>(user: U) {
  return z.object({
    session: z.nullable(sessionSchema(user)),
    tokens: z.optional(TokensSchema),
    csrfToken,
    next: z.optional(z.enum(['verify_email', 'await_approval'])),
  });
}

/**
 * `PATCH user` answer schema for a given user schema.
 *
 * @internal
 * @example
 * ```ts
 * userResultSchema(UserSchema).parse({ user });
 * ```
 */
export function userResultSchema<U extends z.ZodMiniType<User>>(user: U) {
  return z.object({ user });
}

/**
 * Response schemas, built for a given user schema so an app's extended user is checked too.
 *
 * @example
 * ```ts
 * const { session } = responseSchemas(UserSchema);
 * session.parse({ session: null, csrfToken: 'x' });
 * ```
 */
export function responseSchemas<U extends z.ZodMiniType<User>>(user: U) {
  return {
    /** `GET session` */
    session: sessionResponseSchema(user),
    /** `POST login`, `POST refresh`, `POST password/change`, `POST email/verify` */
    authResult: authResultSchema(user),
    /** `POST register` */
    register: registerResultSchema(user),
    /** `PATCH user` */
    user: userResultSchema(user),
  };
}

// The defaults for the contract's own user. `@__PURE__`: a bundle that never reads one of them
// (zod kept external) drops it, instead of building every schema at load time.

/**
 * `GET session` → `{"session": Session | null, "csrfToken"?: string}`.
 *
 * @example
 * ```ts
 * SessionResponseSchema.parse({ session: null });
 * ```
 */
export const SessionResponseSchema = /* @__PURE__ */ sessionResponseSchema(UserSchema);
/**
 * The answer of `GET session`.
 *
 * @example
 * ```ts
 * const signedIn = (r: SessionResponse) => r.session !== null;
 * ```
 */
export type SessionResponse<TUser extends User = User> = { session: Session<TUser> | null; csrfToken?: string | undefined };

/**
 * `POST login` / `refresh` / `password/change` / `email/verify` → `{"session", "tokens"?, "csrfToken"?}`.
 *
 * @example
 * ```ts
 * AuthResultSchema.parse({ session: { user, expiresAt: null } });
 * ```
 */
export const AuthResultSchema = /* @__PURE__ */ authResultSchema(UserSchema);
/**
 * A response that carries a new session.
 *
 * @example
 * ```ts
 * const user = (r: AuthResult) => r.session.user;
 * ```
 */
export type AuthResult<TUser extends User = User> = {
  session: Session<TUser>;
  tokens?: Tokens | undefined;
  csrfToken?: string | undefined;
};

/**
 * `POST register` → 201 `{"session": Session | null, "tokens"?, "csrfToken"?, "next"?}`.
 *
 * @example
 * ```ts
 * RegisterResultSchema.parse({ session: null, next: 'verify_email' });
 * ```
 */
export const RegisterResultSchema = /* @__PURE__ */ registerResultSchema(UserSchema);
/**
 * The answer of `POST register`.
 *
 * @example
 * ```ts
 * const needsMail = (r: RegisterResult) => r.next === 'verify_email';
 * ```
 */
export type RegisterResult<TUser extends User = User> = {
  session: Session<TUser> | null;
  tokens?: Tokens | undefined;
  csrfToken?: string | undefined;
  next?: RegisterNext | undefined;
};

/**
 * `PATCH user` → `{"user": User}`.
 *
 * @example
 * ```ts
 * UserResultSchema.parse({ user });
 * ```
 */
export const UserResultSchema = /* @__PURE__ */ userResultSchema(UserSchema);

/**
 * `202 {}` of `password/forgot` and `username/forgot`: nothing to read, on purpose.
 *
 * @example
 * ```ts
 * AcceptedSchema.parse({});
 * ```
 */
export const AcceptedSchema = /* @__PURE__ */ z.object({});
