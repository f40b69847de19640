/**
 * The default (English) dictionary: every string a latchkey widget shows. Keys are flat
 * (`area.name`); values are plain strings, some with `{placeholders}` that
 * {@link formatMessage} fills. Server error codes map to `error.<code>`, so errors are translated
 * too. Override any subset with `messages` on `AuthProvider` or on a single widget.
 *
 * @example
 * ```tsx
 * import { defaultMessages } from 'latchkey';
 * <AuthProvider messages={{ 'login.submit': 'Log in' }}>…</AuthProvider>;
 * defaultMessages['login.title']; // 'Sign in'
 * ```
 */
export const defaultMessages = {
  // ───────────── shared form parts ─────────────
  'field.required': 'Please fill in this field.',
  'field.optional': '(optional)',
  'field.invalidEmail': 'Enter an email address like name@example.com.',
  'field.passwordTooShort': 'Use at least {min} characters.',
  'field.passwordTooLong': 'Use at most {max} characters.',
  'field.passwordMismatch': 'The two passwords do not match.',
  'field.usernameTaken': 'This username is already taken.',
  'field.emailTaken': 'This email address is already in use.',
  'field.currentPasswordWrong': 'Your current password is not correct.',
  'field.inviteInvalid': 'This invite code is not valid.',
  'field.weakPassword': 'This password is too easy to guess. Choose a longer or less common one.',
  'password.show': 'Show password',
  'password.policy': 'Use {min} to {max} characters. A few words in a row make a strong passphrase.',
  'password.policyCount': '{count} of at least {min} characters',
  'password.hide': 'Hide password',
  'form.errorSummary': 'Please correct the marked fields.',
  'form.rateLimited': 'Too many attempts. You can try again in {time}.',
  'form.rateLimitedDone': 'You can try again now.',
  'form.pending': 'Please wait…',
  'duration.second': '1 second',
  'duration.seconds': '{seconds} seconds',
  'duration.minutes': '{minutes} min {seconds} s',

  // ───────────── errors by code (server codes and client failures) ─────────────
  'error.invalid_request': 'Some of the information is not valid. Please check the form.',
  'error.invalid_credentials': 'The sign-in details are not correct.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.csrf_failed': 'The request was refused for security reasons. Reload the page and try again.',
  'error.conflict': 'This conflicts with an existing entry.',
  'error.not_found': 'This could not be found.',
  'error.invalid_token': 'This link is invalid or has expired.',
  'error.weak_password': 'This password is too easy to guess. Choose a longer or less common one.',
  'error.registration_closed': 'Registration is closed.',
  'error.invite_required': 'An invite code is required to create an account.',
  'error.rate_limited': 'Too many attempts. Please wait a moment.',
  'error.payload_too_large': 'The request is too large.',
  'error.unsupported_media_type': 'The request was sent in a format the server does not accept.',
  'error.internal': 'Something went wrong on the server. Please try again later.',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Please try again.',
  'error.aborted': 'The request was cancelled.',
  'error.contract_mismatch': 'The server sent an answer this app does not understand. Please try again later.',
  'error.unknown': 'Something went wrong. Please try again.',

  // ───────────── LoginForm ─────────────
  'login.title': 'Sign in',
  'login.identifier': 'Username or email',
  'login.password': 'Password',
  'login.remember': 'Keep me signed in',
  'login.submit': 'Sign in',
  'login.pending': 'Signing in…',
  'login.forgotPassword': 'Forgot your password?',
  'login.forgotUsername': 'Forgot your username?',
  'login.register': 'Create an account',
  'login.success': 'You are signed in.',

  // ───────────── AuthStatusHeader ─────────────
  'header.loading': 'Loading account…',
  'header.signIn': 'Sign in',
  'header.menu': 'Account menu for {name}',
  'header.roles': 'Roles: {roles}',
  'header.account': 'Account settings',
  'header.signOut': 'Sign out',

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

  // ───────────── ForgotPassword ─────────────
  'forgotPassword.title': 'Reset your password',
  'forgotPassword.intro': 'Enter your username or email and we will send you a link to choose a new password.',
  'forgotPassword.identifier': 'Username or email',
  'forgotPassword.submit': 'Send reset link',
  'forgotPassword.pending': 'Sending…',
  'forgotPassword.success': 'If an account matches what you entered, we have sent a link to its email address. The link is valid for 30 minutes.',
  'forgotPassword.back': 'Back to sign in',

  // ───────────── ForgotUsername ─────────────
  'forgotUsername.title': 'Find your username',
  'forgotUsername.intro': 'Enter your email address and we will send you your username.',
  'forgotUsername.email': 'Email',
  'forgotUsername.submit': 'Send my username',
  'forgotUsername.pending': 'Sending…',
  'forgotUsername.success': 'If an account uses this email address, we have sent its username there.',
  'forgotUsername.back': 'Back to sign in',

  // ───────────── ResetPassword ─────────────
  'resetPassword.title': 'Choose a new password',
  'resetPassword.password': 'New password',
  'resetPassword.confirmPassword': 'Repeat new password',
  'resetPassword.submit': 'Save new password',
  'resetPassword.pending': 'Saving…',
  'resetPassword.success': 'Your password has been changed. You can now sign in with it.',
  'resetPassword.invalidToken': 'This reset link is invalid, has expired or was already used.',
  'resetPassword.missingToken': 'This page needs the link from the password reset email.',
  'resetPassword.requestNew': 'Request a new link',
  'resetPassword.signIn': 'Sign in',

  // ───────────── VerifyEmail ─────────────
  'verifyEmail.title': 'Confirm your email address',
  'verifyEmail.intro': 'Confirm that this address is yours to finish creating your account.',
  'verifyEmail.submit': 'Confirm my email address',
  'verifyEmail.pending': 'Confirming…',
  'verifyEmail.success': 'Your email address is confirmed and you are signed in.',
  'verifyEmail.invalidToken': 'This confirmation link is invalid, has expired or was already used.',
  'verifyEmail.missingToken': 'This page needs the link from the confirmation email.',
  'verifyEmail.signIn': 'Go to sign in',

  // ───────────── ChangePassword ─────────────
  'changePassword.title': 'Change password',
  'changePassword.currentPassword': 'Current password',
  'changePassword.newPassword': 'New password',
  'changePassword.confirmPassword': 'Repeat new password',
  'changePassword.submit': 'Change password',
  'changePassword.pending': 'Saving…',
  'changePassword.success': 'Your password has been changed. Other devices have been signed out.',

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

  // ───────────── LogoutButton ─────────────
  'logout.label': 'Sign out',
  'logout.pending': 'Signing out…',

  // ───────────── SessionExpiryWarning ─────────────
  'expiry.title': 'Your session is about to end',
  'expiry.body': 'For your security you will be signed out in {time}.',
  'expiry.stay': 'Stay signed in',
  'expiry.signOut': 'Sign out',

  // ───────────── UserAdmin ─────────────
  'adminUsers.title': 'Users',
  'adminUsers.search': 'Search users',
  'adminUsers.searchSubmit': 'Search',
  'adminUsers.loading': 'Loading users…',
  'adminUsers.empty': 'No users found.',
  'adminUsers.total': '{count} users',
  'adminUsers.username': 'Username',
  'adminUsers.email': 'Email',
  'adminUsers.name': 'Name',
  'adminUsers.roles': 'Roles',
  'adminUsers.rolesHint': 'Separate roles with commas.',
  'adminUsers.status': 'Status',
  'adminUsers.actions': 'Actions',
  'adminUsers.active': 'Active',
  'adminUsers.disabled': 'Disabled',
  'adminUsers.noRoles': 'none',
  'adminUsers.previous': 'Previous page',
  'adminUsers.next': 'Next page',
  'adminUsers.page': 'Page {page} of {pages}',
  'adminUsers.create': 'Add a user',
  'adminUsers.createSubmit': 'Add user',
  'adminUsers.password': 'Initial password',
  'adminUsers.passwordHint': 'Leave empty to get a one-time link the new user opens to choose a password.',
  'adminUsers.selfConflict': 'You cannot disable, demote or delete your own account.',
  'adminUsers.created': 'User {username} was added.',
  'adminUsers.createdLink': 'User {username} was added. Hand over this one-time link so they can choose a password:',
  'adminUsers.editRoles': 'Edit roles of {username}',
  'adminUsers.editRolesShort': 'Edit roles',
  'adminUsers.saveRoles': 'Save roles',
  'adminUsers.rolesSaved': 'Roles of {username} were saved.',
  'adminUsers.disable': 'Disable',
  'adminUsers.enable': 'Enable',
  'adminUsers.disabledDone': '{username} was disabled.',
  'adminUsers.enabledDone': '{username} was enabled.',
  'adminUsers.delete': 'Delete',
  'adminUsers.confirmDelete': 'Delete {username}? This cannot be undone.',
  'adminUsers.confirmDeleteSubmit': 'Delete user',
  'adminUsers.deleted': '{username} was deleted.',
  'adminUsers.resetLink': 'Reset link',
  'adminUsers.resetLinkDone': 'Password reset link for {username}, valid until {expiresAt}:',
  'adminUsers.cancel': 'Cancel',
  'adminUsers.actionsFor': 'Actions for {username}',

  // ───────────── InviteAdmin ─────────────
  'adminInvites.title': 'Invites',
  'adminInvites.loading': 'Loading invites…',
  'adminInvites.empty': 'No invites yet.',
  'adminInvites.email': 'Email (optional)',
  'adminInvites.emailHint': 'Only this address can use the invite.',
  'adminInvites.roles': 'Roles',
  'adminInvites.rolesHint': 'Separate roles with commas.',
  'adminInvites.expiresInHours': 'Valid for (hours)',
  'adminInvites.create': 'Create invite',
  'adminInvites.pending': 'Creating…',
  'adminInvites.created': 'Invite created. Code: {code}',
  'adminInvites.code': 'Code',
  'adminInvites.for': 'For',
  'adminInvites.anyone': 'anyone',
  'adminInvites.expires': 'Expires',
  'adminInvites.state': 'State',
  'adminInvites.used': 'Used',
  'adminInvites.open': 'Open',
  'adminInvites.expired': 'Expired',
  'adminInvites.delete': 'Revoke',
  'adminInvites.deleteLabel': 'Revoke invite {code}',
  'adminInvites.confirmDelete': 'Revoke invite {code}? It can no longer be used.',
  'adminInvites.confirmDeleteSubmit': 'Revoke invite',
  'adminInvites.deleted': 'Invite {code} was revoked.',
  'adminInvites.cancel': 'Cancel',
  'adminInvites.expiresInvalid': 'Enter a whole number of hours from 1 to 2160.',
};

/**
 * The shape of a complete dictionary: every key of {@link defaultMessages}, each a string.
 * A translation is typed `Messages`, so the compiler reports missing keys.
 *
 * @example
 * ```ts
 * import type { Messages } from 'latchkey';
 * const fr: Partial<Messages> = { 'login.submit': 'Se connecter' };
 * ```
 */
export type Messages = typeof defaultMessages;

/**
 * One key of the dictionary.
 *
 * @example
 * ```ts
 * const key: MessageKey = 'login.title';
 * ```
 */
export type MessageKey = keyof Messages;
