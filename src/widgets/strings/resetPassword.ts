/**
 * The English default strings of ResetPassword: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * resetPasswordStrings['resetPassword.title'];
 * ```
 */
export const resetPasswordStrings = {
  // ───────────── ResetPassword ─────────────
  'resetPassword.title': 'Choose a new password',
  'resetPassword.password': 'New password',
  'resetPassword.confirmPassword': 'Repeat new password',
  'resetPassword.submit': 'Save new password',
  'resetPassword.pending': 'Saving…',
  'resetPassword.success': 'Your password has been changed. You can now sign in with it.',
  'resetPassword.invalidToken': 'This reset link is invalid, has expired or was already used.',
  'resetPassword.missingToken': 'This page needs the link from the password reset email.',
  'resetPassword.requestNew': 'Request a new link',
  'resetPassword.signIn': 'Sign in',
};
