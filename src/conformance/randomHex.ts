/**
 * `bytes` random bytes from the Web Crypto CSPRNG, as lower-case hex (no `node:crypto`, so the
 * suite runs wherever `fetch` and `crypto` exist).
 *
 * @example
 * ```ts
 * randomHex(4); // e.g. '9f86d081'
 * ```
 */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}
