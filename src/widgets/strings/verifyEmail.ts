/**
 * The English default strings of VerifyEmail: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * verifyEmailStrings['verifyEmail.title'];
 * ```
 */
export const verifyEmailStrings = {
  // ───────────── VerifyEmail ─────────────
  'verifyEmail.title': 'Confirm your email address',
  'verifyEmail.intro': 'Confirm that this address is yours to finish creating your account.',
  'verifyEmail.submit': 'Confirm my email address',
  'verifyEmail.pending': 'Confirming…',
  'verifyEmail.success': 'Your email address is confirmed and you are signed in.',
  'verifyEmail.invalidToken': 'This confirmation link is invalid, has expired or was already used.',
  'verifyEmail.missingToken': 'This page needs the link from the confirmation email.',
  'verifyEmail.signIn': 'Go to sign in',
};
