import type { TokenStorage } from '../client/AuthClient.js';
import type { Tokens } from '../contract/index.js';

/**
 * Bearer-mode token storage that keeps the tokens in a variable only: nothing survives a reload,
 * and no other script can read them from `localStorage`. This is the client's default.
 *
 * @example
 * ```ts
 * import { createAuthClient, memoryTokenStorage } from 'latchkey';
 * const client = createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: memoryTokenStorage() });
 * ```
 */
export function memoryTokenStorage(): TokenStorage {
  let tokens: Tokens | null = null;
  return {
    get: () => tokens && { ...tokens },
    set: (next) => {
      tokens = { ...next };
    },
    clear: () => {
      tokens = null;
    },
  };
}
