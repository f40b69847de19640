/**
 * The English default strings of ForgotUsername: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * forgotUsernameStrings['forgotUsername.title'];
 * ```
 */
export const forgotUsernameStrings = {
  // ───────────── ForgotUsername ─────────────
  'forgotUsername.title': 'Find your username',
  'forgotUsername.intro': 'Enter your email address and we will send you your username.',
  'forgotUsername.email': 'Email',
  'forgotUsername.submit': 'Send my username',
  'forgotUsername.pending': 'Sending…',
  'forgotUsername.success': 'If an account uses this email address, we have sent its username there.',
  'forgotUsername.back': 'Back to sign in',
};
