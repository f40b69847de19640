// The drop-in case: login form and status header with the hooks and the default theme.
import '../../dist/styles.css';
export { AuthProvider, useAuth, RequireAuth, LoginForm, AuthStatusHeader } from '../../dist/index.js';
