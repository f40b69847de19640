import * as z from 'zod/mini';
import { isoDate, longText, password, roles, shortText } from './fields.js';
import { UserSchema } from './user.js';


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

