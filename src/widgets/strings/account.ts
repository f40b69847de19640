import { prefixed } from './prefixed.js';

/**
 * The English default strings of AccountForm: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * accountStrings['account.title'];
 * ```
 */
export const accountStrings = /* @__PURE__ */ prefixed('account.', {
  // ───────────── AccountForm ─────────────
  title: 'Your account',
  username: 'Username',
  name: 'Name',
  email: 'Email',
  currentPassword: 'Current password',
  currentPasswordHint: 'Needed to change your email address.',
  submit: 'Save changes',
  pending: 'Saving…',
  success: 'Your changes have been saved.',
  noChanges: 'Nothing has changed.',
  signedOut: 'Sign in to see your account.',
});
