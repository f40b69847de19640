import * as z from 'zod/mini';
import { id, isoDate, longText, roles, secret, shortText } from './fields.js';

/**
 * A signed-in user. Extra properties are allowed (and kept), so a backend may add its own; an
 * app that wants them typed passes its own schema built with `z.extend(UserSchema, {...})` to
 * `createAuthClient({ userSchema })`.
 *
 * @example
 * ```ts
 * UserSchema.parse({ id: '1', username: 'ada', email: null, name: 'Ada', roles: ['admin'] });
 * ```
 */
export const UserSchema = z.looseObject({
  id,
  username: z.string().check(z.minLength(1), z.maxLength(256)),
  email: z.nullable(shortText),
  name: z.nullable(longText),
  roles,
});

/**
 * The user type of the contract (without app-specific extensions).
 *
 * @example
 * ```ts
 * const greet = (user: User) => `Hello ${user.name ?? user.username}`;
 * ```
 */
export type User = z.infer<typeof UserSchema>;

/**
 * Builds the session schema for a given user schema.
 *
 * @example
 * ```ts
 * const MySession = sessionSchema(z.extend(UserSchema, { plan: z.string() }));
 * ```
 */
export function sessionSchema<U extends z.ZodMiniType<User>>(user: U) {
  return z.object({ user, expiresAt: z.nullable(isoDate) });
}

/**
 * A live session: the user and when it ends (`null`: no fixed end known to the client).
 *
 * @example
 * ```ts
 * SessionSchema.parse({ user, expiresAt: '2026-01-01T00:00:00.000Z' });
 * ```
 */
export const SessionSchema = /* @__PURE__ */ sessionSchema(UserSchema);

/**
 * A session whose user has type `TUser`.
 *
 * @example
 * ```ts
 * const s: Session = { user, expiresAt: null };
 * ```
 */
export type Session<TUser extends User = User> = { user: TUser; expiresAt: string | null };

/**
 * Bearer-mode tokens. Only ever in a response body or an `Authorization` header, never in a URL.
 *
 * @example
 * ```ts
 * TokensSchema.parse({ accessToken: 'a', refreshToken: 'r', expiresAt: '2026-01-01T00:00:00Z' });
 * ```
 */
export const TokensSchema = /* @__PURE__ */ (() =>
  z.object({
    accessToken: secret,
    refreshToken: z.nullable(secret),
    expiresAt: isoDate,
  }))();

/**
 * Bearer-mode tokens.
 *
 * @example
 * ```ts
 * const t: Tokens = { accessToken: 'a', refreshToken: null, expiresAt: new Date().toISOString() };
 * ```
 */
export type Tokens = z.infer<typeof TokensSchema>;
