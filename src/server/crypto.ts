import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * A fresh random secret: `bytes` bytes (default 32, i.e. 256 bits) from the CSPRNG, base64url.
 * Used for session ids, access / refresh tokens, one-time tokens and invite codes.
 *
 * @example
 * ```ts
 * const sessionId = randomToken(); // 43 characters, 256 bits
 * ```
 */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 of a token, hex. Tokens are only ever stored in this form.
 *
 * @example
 * ```ts
 * const key = hashToken(sessionId);
 * ```
 */
export function hashToken(token: string): string {
  // One-shot hash (no Hash object per call); the string is hashed as UTF-8.
  return hash('sha256', token, 'hex');
}

/**
 * HMAC-SHA-256 of `value` under `key` (a string used as UTF-8 bytes, or a secret `KeyObject`
 * prepared once, which skips re-importing the key on every call), base64url.
 *
 * @example
 * ```ts
 * const csrfToken = hmac(secret, csrfCookieValue);
 * ```
 */
export function hmac(key: string | KeyObject, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

/**
 * Compares two strings in time that does not depend on where they differ.
 *
 * @example
 * ```ts
 * safeEqual(headerToken, expectedToken);
 * ```
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    // Still spend a comparison so the length mismatch does not return measurably sooner.
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
