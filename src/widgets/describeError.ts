import { isAuthError } from '../client/AuthError.js';
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
  if (!isAuthError(error)) return messages['error.unknown'];
  const key = `error.${error.code}`;
  if (Object.hasOwn(messages, key)) return messages[key as keyof CommonMessages];
  const text = error.message.trim();
  return text === '' ? messages['error.unknown'] : text;
}

/** The server field errors with a translated text: `<code> <field>` (any field for `weak_password`). */
const FIELD_ERRORS: Readonly<Record<string, keyof FieldMessages>> = {
  'conflict username': 'field.usernameTaken',
  'conflict email': 'field.emailTaken',
  'invalid_credentials currentPassword': 'field.currentPasswordWrong',
  'invite_required invite': 'field.inviteInvalid',
};

/**
 * The text shown under one field for a server field error: a translated message for the
 * well-known cases (taken username or email, wrong current password, bad invite, weak password),
 * the server's text otherwise. The translations come from the `fieldStrings` slice, which only the
 * forms that can meet these cases carry (the sign-in form never does).
 *
 * @example
 * ```ts
 * describeFieldError('conflict', 'username', 'taken', defaultMessages); // 'This username is already taken.'
 * ```
 */
export function describeFieldError(code: string, field: string, serverText: string, messages: CommonMessages & Partial<FieldMessages>): string {
  const key = code === 'weak_password' ? 'field.weakPassword' : FIELD_ERRORS[`${code} ${field}`];
  return (key && messages[key]) ?? (serverText.trim() === '' ? messages['error.unknown'] : serverText);
}
