import * as z from 'zod/mini';

// The building blocks the contract's schemas share (internal: not exported from `latchkey/contract`).
// Size limits keep a hostile or broken backend from handing the client absurd values
// (a 10 MB "username"), and a hostile client from handing the server absurd input.

/** @internal @example `id.parse('u1')` */
export const id = z.string().check(z.minLength(1), z.maxLength(256));
/** @internal @example `shortText.parse('ada@example.com')` */
export const shortText = z.string().check(z.maxLength(320));
/** @internal @example `longText.parse('Ada Lovelace')` */
export const longText = z.string().check(z.maxLength(1000));
/** @internal @example `secret.parse('a-token')` */
export const secret = z.string().check(z.minLength(1), z.maxLength(8192));
/** Passwords are never trimmed or truncated; the server's policy decides their length. @internal @example `password.parse('pw')` */
export const password = z.string().check(z.minLength(1), z.maxLength(4096));
/** @internal @example `isoDate.parse('2026-01-01T00:00:00Z')` */
export const isoDate = z.iso.datetime({ offset: true });
/** @internal @example `roles.parse(['admin'])` */
export const roles = z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100));
/** The CSRF token an answer may carry (cookie transport). @internal @example `csrfToken.parse(undefined)` */
export const csrfToken = z.optional(z.string().check(z.minLength(1), z.maxLength(512)));
