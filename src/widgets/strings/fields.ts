import { prefixed } from './prefixed.js';

/**
 * The English default strings only the forms beyond sign-in show: field checks and field errors
 * (email format, new-password policy and repeat, taken username or email, wrong current password,
 * bad invite, weak password) and the error codes the sign-in endpoint never sends (`conflict`,
 * `invalid_token`, `weak_password`, `registration_closed`, `invite_required`). One slice of
 * {@link defaultMessages}, imported on its own so the sign-in form and the header do not bundle
 * them (were such a code to reach the sign-in form, it shows the server's text, or the provider's
 * translation when the provider's `messages` has one). Internal to the widgets.
 *
 * @example
 * ```ts
 * fieldStrings['field.invalidEmail'];
 * ```
 */
export const fieldStrings = {
  // ───────────── field checks and server field errors (forms beyond sign-in) ─────────────
  ...prefixed('field.', {
    optional: '(optional)',
    invalidEmail: 'Enter an email address like name@example.com.',
    passwordTooShort: 'Use at least {min} characters.',
    passwordTooLong: 'Use at most {max} characters.',
    passwordMismatch: 'The two passwords do not match.',
    usernameTaken: 'This username is already taken.',
    emailTaken: 'This email address is already in use.',
    currentPasswordWrong: 'Your current password is not correct.',
    inviteInvalid: 'This invite code is not valid.',
    weakPassword: 'This password is too easy to guess. Choose a longer or less common one.',
  }),
  ...prefixed('password.', {
    policy: 'Use {min} to {max} characters. A few words in a row make a strong passphrase.',
    policyCount: '{count} of at least {min} characters',
  }),

  // ───────────── errors by code that sign-in never meets (its endpoint does not send them) ─────────────
  ...prefixed('error.', {
    conflict: 'This conflicts with an existing entry.',
    invalid_token: 'This link is invalid or has expired.',
    weak_password: 'This password is too easy to guess. Choose a longer or less common one.',
    registration_closed: 'Registration is closed.',
    invite_required: 'An invite code is required to create an account.',
  }),
};

/**
 * The strings of the forms beyond sign-in.
 *
 * @example
 * ```ts
 * const fields: FieldMessages = fieldStrings;
 * ```
 */
export type FieldMessages = typeof fieldStrings;
