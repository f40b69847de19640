import { prefixed } from './prefixed.js';

/**
 * The English default strings of ForgotUsername: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * forgotUsernameStrings['forgotUsername.title'];
 * ```
 */
export const forgotUsernameStrings = /* @__PURE__ */ prefixed('forgotUsername.', {
  // ───────────── ForgotUsername ─────────────
  title: 'Find your username',
  intro: 'Enter your email address and we will send you your username.',
  email: 'Email',
  submit: 'Send my username',
  pending: 'Sending…',
  success: 'If an account uses this email address, we have sent its username there.',
  back: 'Back to sign in',
});
