import { prefixed } from './prefixed.js';

/**
 * The English default strings of ChangePassword: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * changePasswordStrings['changePassword.title'];
 * ```
 */
export const changePasswordStrings = /* @__PURE__ */ prefixed('changePassword.', {
  // ───────────── ChangePassword ─────────────
  title: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Repeat new password',
  submit: 'Change password',
  pending: 'Saving…',
  success: 'Your password has been changed. Other devices have been signed out.',
});
