'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AdminUserList } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import type { AdminUsersQuery } from './authQueryKeys.js';
import { retryTransient } from './retryTransient.js';
import { useAuth } from './useAuth.js';
import { adminListUsersOperation, adminUsersQuery } from '../client/operations.js';

/**
 * Lists users for administrators (`GET admin/users`, role `admin`), with search and paging. The
 * previous page stays visible while the next one loads. Runs only while signed in; a non-admin
 * gets a `forbidden` error. Removed from the cache on sign-out.
 *
 * @example
 * ```tsx
 * const users = useAdminUsers({ query: search, offset: page * 20, limit: 20 });
 * users.data?.users.map((user) => <li key={user.id}>{user.username}</li>);
 * ```
 */
export function useAdminUsers(query: AdminUsersQuery = {}): UseQueryResult<AdminUserList, AuthError> {
  const core = useAuthCore('useAdminUsers');
  const signedIn = useAuth((auth) => auth.status === 'authenticated');
  const params: AdminUsersQuery = {
    ...(query.query === undefined ? {} : { query: query.query }),
    ...(query.offset === undefined ? {} : { offset: query.offset }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  };
  return useQuery<AdminUserList, AuthError>(
    {
      queryKey: core.keys.adminUsers(params),
      queryFn: ({ signal }) => core.client.send(adminListUsersOperation, { query: adminUsersQuery(params), signal }),
      enabled: signedIn,
      placeholderData: keepPreviousData,
      retry: retryTransient,
    },
    core.queryClient,
  );
}
