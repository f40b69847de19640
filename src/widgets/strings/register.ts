/**
 * The English default strings of RegisterForm: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * registerStrings['register.title'];
 * ```
 */
export const registerStrings = {
  // ───────────── RegisterForm ─────────────
  'register.title': 'Create an account',
  'register.username': 'Username',
  'register.email': 'Email',
  'register.name': 'Name',
  'register.password': 'Password',
  'register.confirmPassword': 'Repeat password',
  'register.invite': 'Invite code',
  'register.submit': 'Create account',
  'register.pending': 'Creating account…',
  'register.closed': 'Registration is closed. Ask an administrator for an account.',
  'register.success': 'Your account is ready and you are signed in.',
  'register.verifyEmail': 'Almost done: check your email and follow the link to confirm your address.',
  'register.awaitApproval': 'Thank you. An administrator will review your account; you can sign in once it is approved.',
  'register.signIn': 'Already have an account? Sign in',
};
