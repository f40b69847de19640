import { prefixed } from './prefixed.js';

/**
 * The English default strings of VerifyEmail: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * verifyEmailStrings['verifyEmail.title'];
 * ```
 */
export const verifyEmailStrings = /* @__PURE__ */ prefixed('verifyEmail.', {
  // ───────────── VerifyEmail ─────────────
  title: 'Confirm your email address',
  intro: 'Confirm that this address is yours to finish creating your account.',
  submit: 'Confirm my email address',
  pending: 'Confirming…',
  success: 'Your email address is confirmed and you are signed in.',
  invalidToken: 'This confirmation link is invalid, has expired or was already used.',
  missingToken: 'This page needs the link from the confirmation email.',
  signIn: 'Go to sign in',
});
