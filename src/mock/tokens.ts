/**
 * A random, URL-safe token with `bytes` bytes (default 32 = 256 bits) from the platform CSPRNG.
 *
 * @example
 * ```ts
 * randomToken().length; // 43
 * ```
 */
export function randomToken(bytes = 32): string {
  const data = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(data);
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Compares two strings without an early exit on the first difference.
 *
 * @example
 * ```ts
 * safeEqual('a', 'a'); // true
 * ```
 */
export function safeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
