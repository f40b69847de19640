/**
 * Matches a request path below the base URL (no leading "/") against an `ENDPOINTS` path such as
 * `admin/users/:id`: the decoded `:name` values, or `null` when it is another path (a parameter
 * never matches an empty segment). Throws `URIError` when a value is not valid percent-encoding.
 * Shared by the mock and the reference server (internal; not part of `latchkey/contract`).
 *
 * @example
 * ```ts
 * matchEndpointPath('admin/users/:id', 'admin/users/u%201'); // { id: 'u 1' }
 * matchEndpointPath('admin/users/:id', 'admin/invites/x'); // null
 * ```
 *
 * @internal
 */
export function matchEndpointPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (got.length !== want.length) return null;
  if (!want.every((part, i) => (part.startsWith(':') ? got[i] !== '' : got[i] === part))) return null;
  const params: Record<string, string> = {};
  want.forEach((part, i) => {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[i] ?? '');
  });
  return params;
}
