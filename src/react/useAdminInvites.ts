'use client';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { Invite } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { retryTransient } from './retryTransient.js';
import { useAuth } from './useAuth.js';
import { adminListInvitesOperation } from '../client/operations.js';

/**
 * Lists invite codes for administrators (`GET admin/invites`, role `admin`). Runs only while
 * signed in; removed from the cache on sign-out.
 *
 * @example
 * ```tsx
 * const invites = useAdminInvites();
 * invites.data?.invites.map((invite) => <li key={invite.code}>{invite.code}</li>);
 * ```
 */
export function useAdminInvites(): UseQueryResult<{ invites: Invite[] }, AuthError> {
  const core = useAuthCore('useAdminInvites');
  const signedIn = useAuth((auth) => auth.status === 'authenticated');
  return useQuery<{ invites: Invite[] }, AuthError>(
    {
      queryKey: core.keys.adminInvites,
      queryFn: ({ signal }) => core.client.send(adminListInvitesOperation, { signal }),
      enabled: signedIn,
      retry: retryTransient,
    },
    core.queryClient,
  );
}
