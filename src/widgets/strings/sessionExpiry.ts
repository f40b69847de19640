/**
 * The English default strings of SessionExpiryWarning: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * sessionExpiryStrings['expiry.title'];
 * ```
 */
export const sessionExpiryStrings = {
  // ───────────── SessionExpiryWarning ─────────────
  'expiry.title': 'Your session is about to end',
  'expiry.body': 'For your security you will be signed out in {time}.',
  'expiry.stay': 'Stay signed in',
  'expiry.signOut': 'Sign out',
};
