import { prefixed } from './prefixed.js';

/**
 * The English default strings of ResetPassword: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * resetPasswordStrings['resetPassword.title'];
 * ```
 */
export const resetPasswordStrings = /* @__PURE__ */ prefixed('resetPassword.', {
  // ───────────── ResetPassword ─────────────
  title: 'Choose a new password',
  password: 'New password',
  confirmPassword: 'Repeat new password',
  submit: 'Save new password',
  pending: 'Saving…',
  success: 'Your password has been changed. You can now sign in with it.',
  invalidToken: 'This reset link is invalid, has expired or was already used.',
  missingToken: 'This page needs the link from the password reset email.',
  requestNew: 'Request a new link',
  signIn: 'Sign in',
});
