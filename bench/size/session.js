// The headless minimum: provider, session hook and guard.
export { AuthProvider, useAuth, RequireAuth } from '../../dist/index.js';
