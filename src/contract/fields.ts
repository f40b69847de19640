import * as z from 'zod/mini';

// The building blocks the contract's schemas share (internal: not exported from `latchkey/contract`).
// Blocks the session path never uses are built in a `@__PURE__` call, so a bundle that does not use
// them drops them (zod's chained `.check()` calls cannot be marked pure one by one).
// Size limits keep a hostile or broken backend from handing the client absurd values
// (a 10 MB "username"), and a hostile client from handing the server absurd input.

/** @internal @example `id.parse('u1')` */
export const id = z.string().check(z.minLength(1), z.maxLength(256));
/** @internal @example `shortText.parse('ada@example.com')` */
export const shortText = z.string().check(z.maxLength(320));
/** @internal @example `longText.parse('Ada Lovelace')` */
export const longText = z.string().check(z.maxLength(1000));
/** @internal @example `secret.parse('a-token')` */
export const secret = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(8192)))();
/** Passwords are never trimmed or truncated; the server's policy decides their length. @internal @example `password.parse('pw')` */
export const password = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(4096)))();
// RFC 3339 date-time with seconds and a zone (`Z` or `+hh:mm`), the rule of zod's
// `z.iso.datetime({ offset: true })`: the pattern checks the fields, the calendar checks the day
// (31 February, 29 February outside leap years). zod's ISO builders would cost about 0.9 KB gzip
// in every client bundle that bundles zod.
const ISO_DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const isDateTime = (value: string) => {
  const [, year, month, day] = ISO_DATE_TIME.exec(value)?.map(Number) ?? [];
  // Month 0 becomes the year before and day 0 the month before: both fail the comparison.
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day);
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
};

/** @internal @example `isoDate.parse('2026-01-01T00:00:00Z')` */
export const isoDate = z.string().check(z.refine(isDateTime, { message: 'not a valid ISO 8601 date-time with a time zone' }));
/** @internal @example `roles.parse(['admin'])` */
export const roles = z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100));
/** The CSRF token an answer may carry (cookie transport). @internal @example `csrfToken.parse(undefined)` */
export const csrfToken = z.optional(z.string().check(z.minLength(1), z.maxLength(512)));
