/**
 * The English default strings of the field checks and field errors only some forms show (email
 * format, new-password policy and repeat, taken username or email, wrong current password, bad
 * invite, weak password): one slice of {@link defaultMessages}, imported on its own so the
 * sign-in form and the header do not bundle them. Internal to the widgets.
 *
 * @example
 * ```ts
 * fieldStrings['field.invalidEmail'];
 * ```
 */
export const fieldStrings = {
  // ───────────── field checks and server field errors (forms beyond sign-in) ─────────────
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
  'password.policy': 'Use {min} to {max} characters. A few words in a row make a strong passphrase.',
  'password.policyCount': '{count} of at least {min} characters',
};

/**
 * The field strings of the forms beyond sign-in.
 *
 * @example
 * ```ts
 * const fields: FieldMessages = fieldStrings;
 * ```
 */
export type FieldMessages = typeof fieldStrings;
