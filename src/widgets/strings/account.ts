/**
 * The English default strings of AccountForm: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * accountStrings['account.title'];
 * ```
 */
export const accountStrings = {
  // ───────────── AccountForm ─────────────
  'account.title': 'Your account',
  'account.username': 'Username',
  'account.name': 'Name',
  'account.email': 'Email',
  'account.currentPassword': 'Current password',
  'account.currentPasswordHint': 'Needed to change your email address.',
  'account.submit': 'Save changes',
  'account.pending': 'Saving…',
  'account.success': 'Your changes have been saved.',
  'account.noChanges': 'Nothing has changed.',
  'account.signedOut': 'Sign in to see your account.',
};
