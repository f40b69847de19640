'use client';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AuthConfig } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { retryTransient } from './retryTransient.js';
import { configOperation } from '../client/operations.js';

/** The backend's configuration rarely changes; it is read once and kept for five minutes. */
const CONFIG_STALE_MS = 5 * 60_000;

/**
 * The backend's `GET config`: transport, registration mode (`open`, `invite`, `closed`), enabled
 * features and password policy. Widgets adapt to it. Shared by every reader (one request).
 *
 * @example
 * ```tsx
 * const config = useAuthConfig();
 * if (config.data?.registration === 'closed') return null;
 * if (config.data?.features.passwordReset) return <a href="/forgot">Forgot your password?</a>;
 * ```
 */
export function useAuthConfig(): UseQueryResult<AuthConfig, AuthError> {
  const core = useAuthCore('useAuthConfig');
  return useQuery<AuthConfig, AuthError>(
    {
      queryKey: core.keys.config,
      queryFn: ({ signal }) => core.client.send(configOperation, { signal }),
      staleTime: CONFIG_STALE_MS,
      retry: retryTransient,
    },
    core.queryClient,
  );
}
