import { isAuthError } from '../client/AuthError.js';
import type { CommonMessages } from './strings/common.js';

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
  if (isMessageKey(key, messages)) return messages[key];
  const text = error.message.trim();
  return text === '' ? messages['error.unknown'] : text;
}

/**
 * The text shown under one field for a server field error: a translated message for the
 * well-known cases (taken username or email, wrong current password, bad invite, weak password),
 * the server's text otherwise.
 *
 * @example
 * ```ts
 * describeFieldError('conflict', 'username', 'taken', defaultMessages); // 'This username is already taken.'
 * ```
 */
export function describeFieldError(code: string, field: string, serverText: string, messages: CommonMessages): string {
  if (code === 'conflict' && field === 'username') return messages['field.usernameTaken'];
  if (code === 'conflict' && field === 'email') return messages['field.emailTaken'];
  if (code === 'invalid_credentials' && field === 'currentPassword') return messages['field.currentPasswordWrong'];
  if (code === 'invite_required' && field === 'invite') return messages['field.inviteInvalid'];
  if (code === 'weak_password') return messages['field.weakPassword'];
  return serverText.trim() === '' ? messages['error.unknown'] : serverText;
}

function isMessageKey(key: string, messages: CommonMessages): key is keyof CommonMessages {
  return Object.prototype.hasOwnProperty.call(messages, key);
}
