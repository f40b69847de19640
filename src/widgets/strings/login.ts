/**
 * The English default strings of LoginForm: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * loginStrings['login.title'];
 * ```
 */
export const loginStrings = {
  // ───────────── LoginForm ─────────────
  'login.title': 'Sign in',
  'login.identifier': 'Username or email',
  'login.password': 'Password',
  'login.remember': 'Keep me signed in',
  'login.submit': 'Sign in',
  'login.pending': 'Signing in…',
  'login.forgotPassword': 'Forgot your password?',
  'login.forgotUsername': 'Forgot your username?',
  'login.register': 'Create an account',
  'login.success': 'You are signed in.',
};
