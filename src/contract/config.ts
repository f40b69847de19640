import * as z from 'zod/mini';

/** @internal */
const transport = z.enum(['cookie', 'bearer']);

/**
 * How the session travels: an HttpOnly cookie (with a CSRF header), or bearer tokens.
 *
 * @example
 * ```ts
 * const t: Transport = 'cookie';
 * ```
 */
export type Transport = z.infer<typeof transport>;

/**
 * `GET config`: what the backend offers. Widgets adapt to it (hide links to disabled features,
 * show the invite field, show the password policy).
 *
 * @example
 * ```ts
 * AuthConfigSchema.parse({
 *   contract: 1, transport: 'cookie', registration: 'open',
 *   features: { passwordReset: true, usernameRecovery: true, profile: true, admin: false },
 *   password: { minLength: 12, maxLength: 128 },
 * });
 * ```
 */
export const AuthConfigSchema = z.object({
  contract: z.literal(1),
  transport,
  registration: z.enum(['open', 'invite', 'closed']),
  features: z.object({
    passwordReset: z.boolean(),
    usernameRecovery: z.boolean(),
    profile: z.boolean(),
    admin: z.boolean(),
    emailVerification: z.optional(z.boolean()),
  }),
  password: z.object({
    minLength: z.int().check(z.minimum(1), z.maximum(4096)),
    maxLength: z.int().check(z.minimum(1), z.maximum(4096)),
  }),
});

/**
 * The answer of `GET config`.
 *
 * @example
 * ```ts
 * const canRegister = (c: AuthConfig) => c.registration !== 'closed';
 * ```
 */
export type AuthConfig = z.infer<typeof AuthConfigSchema>;
