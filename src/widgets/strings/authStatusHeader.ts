/**
 * The English default strings of AuthStatusHeader: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * authStatusHeaderStrings['header.loading'];
 * ```
 */
export const authStatusHeaderStrings = {
  // ───────────── AuthStatusHeader ─────────────
  'header.loading': 'Loading account…',
  'header.signIn': 'Sign in',
  'header.menu': 'Account menu for {name}',
  'header.roles': 'Roles: {roles}',
  'header.account': 'Account settings',
  'header.signOut': 'Sign out',
};
