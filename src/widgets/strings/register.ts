import { prefixed } from './prefixed.js';

/**
 * The English default strings of RegisterForm: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * registerStrings['register.title'];
 * ```
 */
export const registerStrings = /* @__PURE__ */ prefixed('register.', {
  // ───────────── RegisterForm ─────────────
  title: 'Create an account',
  username: 'Username',
  email: 'Email',
  name: 'Name',
  password: 'Password',
  confirmPassword: 'Repeat password',
  invite: 'Invite code',
  submit: 'Create account',
  pending: 'Creating account…',
  closed: 'Registration is closed. Ask an administrator for an account.',
  success: 'Your account is ready and you are signed in.',
  verifyEmail: 'Almost done: check your email and follow the link to confirm your address.',
  awaitApproval: 'Thank you. An administrator will review your account; you can sign in once it is approved.',
  signIn: 'Already have an account? Sign in',
});
