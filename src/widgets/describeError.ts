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

/** The server field errors with a translated text: `<code> <field>`, or `<code>` for any field. */
const FIELD_ERRORS: Readonly<Record<string, keyof FieldMessages>> = {
  'conflict username': 'field.usernameTaken',
  'conflict email': 'field.emailTaken',
  'invalid_credentials currentPassword': 'field.currentPasswordWrong',
  'invite_required invite': 'field.inviteInvalid',
  weak_password: 'field.weakPassword',
};

/**
 * The translated text of a server field error for the well-known cases (taken username or email,
 * wrong current password, bad invite; weak password on any field), or `undefined` (the form then
 * shows the server's own text). The forms beyond sign-in hand it to their controller; the sign-in
 * form does not carry it: its endpoint sends none of these codes. The translations come from the
 * `fieldStrings` slice, which only those forms carry.
 *
 * @example
 * ```ts
 * translateFieldError('conflict', 'username', defaultMessages); // 'This username is already taken.'
 * const form = useAuthForm(messages, ['username', 'email'], translateFieldError);
 * ```
 */
export function translateFieldError(code: string, field: string, messages: Partial<FieldMessages>): string | undefined {
  const key = FIELD_ERRORS[`${code} ${field}`] ?? FIELD_ERRORS[code];
  return key && messages[key];
}
