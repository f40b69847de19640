import { createAuthClient, persistentTokenStorage } from 'latchkey';

// Cookie transport by default (the reference server's default). Build with
// VITE_LATCHKEY_TRANSPORT=bearer for a server started with `--transport bearer`: the tokens are
// then kept in localStorage so a reload or a second tab stays signed in.
export const authClient =
  import.meta.env.VITE_LATCHKEY_TRANSPORT === 'bearer'
    ? createAuthClient({ baseUrl: '/api/auth', transport: 'bearer', tokenStorage: persistentTokenStorage() })
    : createAuthClient({ baseUrl: '/api/auth' });
