/**
 * The English default strings of ChangePassword: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * changePasswordStrings['changePassword.title'];
 * ```
 */
export const changePasswordStrings = {
  // ───────────── ChangePassword ─────────────
  'changePassword.title': 'Change password',
  'changePassword.currentPassword': 'Current password',
  'changePassword.newPassword': 'New password',
  'changePassword.confirmPassword': 'Repeat new password',
  'changePassword.submit': 'Change password',
  'changePassword.pending': 'Saving…',
  'changePassword.success': 'Your password has been changed. Other devices have been signed out.',
};
