/**
 * The react-query keys latchkey uses, all under `['latchkey', baseUrl]`, so an app sharing its
 * `QueryClient` can read, invalidate or prefetch them (and never collides with them).
 *
 * - `session`: the one source of truth for the session (`Session | null`).
 * - `config`: `GET config` (public, kept across sign-out).
 * - `adminUsers(query)`, `adminInvites`: per-user data, removed on sign-out and user switch.
 *
 * @example
 * ```ts
 * const keys = authQueryKeys('/api/auth');
 * queryClient.getQueryData(keys.session); // Session | null | undefined
 * ```
 */
export function authQueryKeys(baseUrl: string) {
  const all = ['latchkey', baseUrl] as const;
  return {
    all,
    session: [...all, 'session'] as const,
    config: [...all, 'config'] as const,
    admin: [...all, 'admin'] as const,
    adminUsers: (query: AdminUsersQuery = {}) => [...all, 'admin', 'users', query] as const,
    adminInvites: [...all, 'admin', 'invites'] as const,
  };
}

/**
 * The keys of one provider, as returned by {@link authQueryKeys}.
 *
 * @example
 * ```ts
 * const keys: AuthQueryKeys = authQueryKeys('/api/auth');
 * ```
 */
export type AuthQueryKeys = ReturnType<typeof authQueryKeys>;

/**
 * Search and paging of `GET admin/users`.
 *
 * @example
 * ```ts
 * const page: AdminUsersQuery = { query: 'ada', offset: 0, limit: 20 };
 * ```
 */
export interface AdminUsersQuery {
  query?: string;
  offset?: number;
  limit?: number;
}
