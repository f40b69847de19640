import * as z from 'zod/mini';

// Size limits keep a hostile or broken backend from handing the client absurd values
// (a 10 MB "username"), and a hostile client from handing the server absurd input.
const id = z.string().check(z.minLength(1), z.maxLength(256));
const shortText = z.string().check(z.maxLength(320));
const longText = z.string().check(z.maxLength(1000));
const secret = z.string().check(z.minLength(1), z.maxLength(8192));
/** Passwords are never trimmed or truncated; the server's policy decides their length. */
const password = z.string().check(z.minLength(1), z.maxLength(4096));
const isoDate = z.iso.datetime({ offset: true });
const role = z.string().check(z.minLength(1), z.maxLength(100));
const roles = z.array(role).check(z.maxLength(100));
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
export const SessionSchema = sessionSchema(UserSchema);

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
export const TokensSchema = z.object({
  accessToken: secret,
  refreshToken: z.nullable(secret),
  expiresAt: isoDate,
});

/**
 * Bearer-mode tokens.
 *
 * @example
 * ```ts
 * const t: Tokens = { accessToken: 'a', refreshToken: null, expiresAt: new Date().toISOString() };
 * ```
 */
export type Tokens = z.infer<typeof TokensSchema>;

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

/**
 * Why a registration did not sign the user in straight away.
 *
 * @example
 * ```ts
 * const next: RegisterNext = 'verify_email';
 * ```
 */
export type RegisterNext = 'verify_email' | 'await_approval';

const csrfToken = z.optional(z.string().check(z.minLength(1), z.maxLength(512)));

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
  const session = sessionSchema(user);
  return {
    /** `GET session` */
    session: z.object({ session: z.nullable(session), csrfToken }),
    /** `POST login`, `POST refresh`, `POST password/change`, `POST email/verify` */
    authResult: z.object({ session, tokens: z.optional(TokensSchema), csrfToken }),
    /** `POST register` */
    register: z.object({
      session: z.nullable(session),
      tokens: z.optional(TokensSchema),
      csrfToken,
      next: z.optional(z.enum(['verify_email', 'await_approval'])),
    }),
    /** `PATCH user` */
    user: z.object({ user }),
  };
}

const defaults = responseSchemas(UserSchema);

/**
 * `GET session` → `{"session": Session | null, "csrfToken"?: string}`.
 *
 * @example
 * ```ts
 * SessionResponseSchema.parse({ session: null });
 * ```
 */
export const SessionResponseSchema = defaults.session;
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
export const AuthResultSchema = defaults.authResult;
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
export const RegisterResultSchema = defaults.register;
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
export const UserResultSchema = defaults.user;

/**
 * `202 {}` of `password/forgot` and `username/forgot`: nothing to read, on purpose.
 *
 * @example
 * ```ts
 * AcceptedSchema.parse({});
 * ```
 */
export const AcceptedSchema = z.object({});

// ───────────────────────────── requests ─────────────────────────────

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

// ───────────────────────────── admin (features.admin, role `admin`) ─────────────────────────────

/**
 * A user as an administrator sees it.
 *
 * @example
 * ```ts
 * AdminUserSchema.parse({ ...user, disabled: false, createdAt: '2026-01-01T00:00:00Z', lastLoginAt: null });
 * ```
 */
export const AdminUserSchema = z.extend(UserSchema, {
  disabled: z.boolean(),
  createdAt: isoDate,
  lastLoginAt: z.nullable(isoDate),
});
/** @example `const locked = (u: AdminUser) => u.disabled;` */
export type AdminUser = z.infer<typeof AdminUserSchema>;

/**
 * `GET admin/users?query=&offset=&limit=` → `{"users": AdminUser[], "total": number}`.
 *
 * @example
 * ```ts
 * AdminUserListSchema.parse({ users: [], total: 0 });
 * ```
 */
export const AdminUserListSchema = z.object({
  users: z.array(AdminUserSchema).check(z.maxLength(1000)),
  total: z.int().check(z.minimum(0)),
});
/** @example `const count = (l: AdminUserList) => l.total;` */
export type AdminUserList = z.infer<typeof AdminUserListSchema>;

/**
 * `POST admin/users` body. Without `password` the answer carries a one-time `resetUrl` the admin
 * hands to the new user.
 *
 * @example
 * ```ts
 * AdminCreateUserRequestSchema.parse({ username: 'bob', email: 'bob@example.com', roles: ['editor'] });
 * ```
 */
export const AdminCreateUserRequestSchema = z.strictObject({
  username: z.string().check(z.minLength(1), z.maxLength(256)),
  email: z.optional(z.nullable(z.string().check(z.minLength(3), z.maxLength(320)))),
  name: z.optional(z.nullable(longText)),
  roles: z.optional(roles),
  password: z.optional(password),
});
/** @example `const body: AdminCreateUserRequest = { username: 'bob' };` */
export type AdminCreateUserRequest = z.infer<typeof AdminCreateUserRequestSchema>;

/**
 * `POST admin/users` → 201 `{"user": AdminUser, "resetUrl"?: string}`.
 *
 * @example
 * ```ts
 * AdminCreateUserResultSchema.parse({ user: adminUser, resetUrl: 'https://app/reset?token=t' });
 * ```
 */
export const AdminCreateUserResultSchema = z.object({
  user: AdminUserSchema,
  resetUrl: z.optional(z.string().check(z.maxLength(4096))),
});
/** @example `const link = (r: AdminCreateUserResult) => r.resetUrl;` */
export type AdminCreateUserResult = z.infer<typeof AdminCreateUserResultSchema>;

/**
 * `PATCH admin/users/:id` body.
 *
 * @example
 * ```ts
 * AdminUpdateUserRequestSchema.parse({ roles: ['admin'], disabled: false });
 * ```
 */
export const AdminUpdateUserRequestSchema = z.strictObject({
  name: z.optional(z.nullable(longText)),
  email: z.optional(z.nullable(z.string().check(z.minLength(3), z.maxLength(320)))),
  roles: z.optional(roles),
  disabled: z.optional(z.boolean()),
});
/** @example `const body: AdminUpdateUserRequest = { disabled: true };` */
export type AdminUpdateUserRequest = z.infer<typeof AdminUpdateUserRequestSchema>;

/**
 * `PATCH admin/users/:id` → `{"user": AdminUser}`.
 *
 * @example
 * ```ts
 * AdminUserResultSchema.parse({ user: adminUser });
 * ```
 */
export const AdminUserResultSchema = z.object({ user: AdminUserSchema });
/** @example `const u = (r: AdminUserResult) => r.user;` */
export type AdminUserResult = z.infer<typeof AdminUserResultSchema>;

/**
 * `POST admin/users/:id/reset-link` → `{"url", "expiresAt"}`: a password reset link to hand over.
 *
 * @example
 * ```ts
 * ResetLinkSchema.parse({ url: 'https://app/reset?token=t', expiresAt: '2026-01-01T00:30:00Z' });
 * ```
 */
export const ResetLinkSchema = z.object({ url: z.string().check(z.maxLength(4096)), expiresAt: isoDate });
/** @example `const open = (l: ResetLink) => l.url;` */
export type ResetLink = z.infer<typeof ResetLinkSchema>;

/**
 * An invite code for invite-only registration, optionally bound to one email and carrying roles.
 *
 * @example
 * ```ts
 * InviteSchema.parse({ code: 'abc', email: null, roles: [], expiresAt: '2026-01-08T00:00:00Z', usedAt: null });
 * ```
 */
export const InviteSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(512)),
  email: z.nullable(shortText),
  roles,
  expiresAt: isoDate,
  usedAt: z.nullable(isoDate),
});
/** @example `const open = (i: Invite) => i.usedAt === null;` */
export type Invite = z.infer<typeof InviteSchema>;

/**
 * `POST admin/invites` body.
 *
 * @example
 * ```ts
 * CreateInviteRequestSchema.parse({ email: 'new@example.com', expiresInHours: 72 });
 * ```
 */
export const CreateInviteRequestSchema = z.strictObject({
  email: z.optional(z.nullable(z.string().check(z.minLength(3), z.maxLength(320)))),
  roles: z.optional(roles),
  expiresInHours: z.optional(z.int().check(z.minimum(1), z.maximum(24 * 90))),
});
/** @example `const body: CreateInviteRequest = { expiresInHours: 24 };` */
export type CreateInviteRequest = z.infer<typeof CreateInviteRequestSchema>;

/**
 * `POST admin/invites` → 201 `{"invite"}`.
 *
 * @example
 * ```ts
 * InviteResultSchema.parse({ invite });
 * ```
 */
export const InviteResultSchema = z.object({ invite: InviteSchema });
/** @example `const code = (r: InviteResult) => r.invite.code;` */
export type InviteResult = z.infer<typeof InviteResultSchema>;

/**
 * `GET admin/invites` → `{"invites": Invite[]}`.
 *
 * @example
 * ```ts
 * InviteListSchema.parse({ invites: [] });
 * ```
 */
export const InviteListSchema = z.object({ invites: z.array(InviteSchema).check(z.maxLength(1000)) });
/** @example `const n = (l: InviteList) => l.invites.length;` */
export type InviteList = z.infer<typeof InviteListSchema>;
