import { prefixed } from './prefixed.js';

/**
 * The English default strings of ForgotPassword: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * forgotPasswordStrings['forgotPassword.title'];
 * ```
 */
export const forgotPasswordStrings = /* @__PURE__ */ prefixed('forgotPassword.', {
  // ───────────── ForgotPassword ─────────────
  title: 'Reset your password',
  intro: 'Enter your username or email and we will send you a link to choose a new password.',
  identifier: 'Username or email',
  submit: 'Send reset link',
  pending: 'Sending…',
  success: 'If an account matches what you entered, we have sent a link to its email address. The link is valid for 30 minutes.',
  back: 'Back to sign in',
});
