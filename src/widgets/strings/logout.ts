import { prefixed } from './prefixed.js';

/**
 * The English default strings of LogoutButton: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * logoutStrings['logout.label'];
 * ```
 */
export const logoutStrings = /* @__PURE__ */ prefixed('logout.', {
  // ───────────── LogoutButton ─────────────
  label: 'Sign out',
  pending: 'Signing out…',
});
