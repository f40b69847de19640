import { isAuthError } from '../client/AuthError.js';
import type { AuthError } from '../client/AuthError.js';
import type { CommonMessages } from './strings/common.js';
import type { FieldMessages } from './strings/fields.js';

/**
 * The text shown for a failed request: the dictionary's `error.<code>` when the code is known
 * (so it is translated), else the server's own message (shown as text, never as HTML), else
 * `error.unknown`.
 *
 * @example
 * ```ts
 * describeError(new AuthError({ code: 'timeout', message: 'x', endpoint: 'POST login' }), defaultMessages);
 * // 'The server took too long to answer. Please try again.'
 * ```
 */
export function describeError(error: unknown, messages: CommonMessages): string {
  // Anything but an AuthError reads `error.unknown` (always in the dictionary).
  const key = isAuthError(error) ? `error.${error.code}` : 'error.unknown';
  if (Object.hasOwn(messages, key)) return messages[key as keyof CommonMessages];
  return (error as AuthError).message.trim() || messages['error.unknown'];
}

/**
 * Which dictionary key translates a server field error: by `<code> <field>`, or by `<code>` for any field.
 *
 * @example
 * ```ts
 * const texts: FieldErrorTexts = { 'conflict username': 'field.usernameTaken' };
 * ```
 */
export type FieldErrorTexts = Readonly<Record<string, keyof FieldMessages>>;

/**
 * The server field errors with a translated text (taken username or email, wrong current password,
 * bad invite; weak password on any field). The forms beyond sign-in hand it to their controller;
 * the sign-in form does not carry it: its endpoint sends none of these codes.
 *
 * @example
 * ```ts
 * const form = useAuthForm(messages, ['username', 'email'], FIELD_ERRORS);
 * ```
 */
export const FIELD_ERRORS: FieldErrorTexts = {
  'conflict username': 'field.usernameTaken',
  'conflict email': 'field.emailTaken',
  'invalid_credentials currentPassword': 'field.currentPasswordWrong',
  'invite_required invite': 'field.inviteInvalid',
  weak_password: 'field.weakPassword',
};

/**
 * The text shown under one field for a server field error: a translated message for the cases
 * `texts` names ({@link FIELD_ERRORS}), the server's text otherwise. The translations come from the
 * `fieldStrings` slice, which only the forms that can meet these cases carry (the sign-in form never does).
 *
 * @example
 * ```ts
 * describeFieldError('conflict', 'username', 'taken', defaultMessages, FIELD_ERRORS); // 'This username is already taken.'
 * ```
 */
export function describeFieldError(
  code: string,
  field: string,
  serverText: string,
  messages: CommonMessages & Partial<FieldMessages>,
  texts?: FieldErrorTexts,
): string {
  const key = texts && (texts[`${code} ${field}`] ?? texts[code]);
  return (key && messages[key]) ?? (serverText.trim() === '' ? messages['error.unknown'] : serverText);
}
