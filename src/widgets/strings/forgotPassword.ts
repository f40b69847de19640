/**
 * The English default strings of ForgotPassword: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * forgotPasswordStrings['forgotPassword.title'];
 * ```
 */
export const forgotPasswordStrings = {
  // ───────────── ForgotPassword ─────────────
  'forgotPassword.title': 'Reset your password',
  'forgotPassword.intro': 'Enter your username or email and we will send you a link to choose a new password.',
  'forgotPassword.identifier': 'Username or email',
  'forgotPassword.submit': 'Send reset link',
  'forgotPassword.pending': 'Sending…',
  'forgotPassword.success': 'If an account matches what you entered, we have sent a link to its email address. The link is valid for 30 minutes.',
  'forgotPassword.back': 'Back to sign in',
};
