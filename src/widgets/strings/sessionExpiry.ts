import { prefixed } from './prefixed.js';

/**
 * The English default strings of SessionExpiryWarning: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * sessionExpiryStrings['expiry.title'];
 * ```
 */
export const sessionExpiryStrings = /* @__PURE__ */ prefixed('expiry.', {
  // ───────────── SessionExpiryWarning ─────────────
  title: 'Your session is about to end',
  body: 'For your security you will be signed out in {time}.',
  stay: 'Stay signed in',
  signOut: 'Sign out',
});
