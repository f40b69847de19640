import type { AuthConfig } from '../contract/index.js';
import { formatMessage } from './formatMessage.js';
import type { CommonMessages } from './strings/common.js';
import type { FieldMessages } from './strings/fields.js';

/**
 * Length of a password as the contract counts it: in Unicode code points (an emoji is one).
 *
 * @example
 * ```ts
 * passwordLength('ab🔑'); // 3
 * ```
 */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * Checks a new password against the backend's policy from `GET config` (length only: the common
 * password list and the username rule stay on the server). Returns the message to show, or
 * `null` when it passes or the policy is not known yet.
 *
 * @example
 * ```ts
 * checkNewPassword('short', { minLength: 12, maxLength: 128 }, defaultMessages); // 'Use at least 12 characters.'
 * ```
 */
export function checkNewPassword(password: string, policy: AuthConfig['password'] | undefined, messages: CommonMessages & FieldMessages): string | null {
  if (password === '') return messages['field.required'];
  if (policy === undefined) return null;
  const length = passwordLength(password);
  if (length < policy.minLength) return formatMessage(messages['field.passwordTooShort'], { min: policy.minLength });
  if (length > policy.maxLength) return formatMessage(messages['field.passwordTooLong'], { max: policy.maxLength });
  return null;
}

/**
 * The live policy hint under a new-password field: "Use 12 to 128 characters. …" plus, once the
 * user types, "5 of at least 12 characters". `null` while the policy is not known.
 *
 * @example
 * ```ts
 * policyHint('abc', { minLength: 12, maxLength: 128 }, defaultMessages);
 * ```
 */
export function policyHint(password: string, policy: AuthConfig['password'] | undefined, messages: CommonMessages & FieldMessages): string | null {
  if (policy === undefined) return null;
  const base = formatMessage(messages['password.policy'], { min: policy.minLength, max: policy.maxLength });
  if (password === '') return base;
  return `${base} ${formatMessage(messages['password.policyCount'], { count: passwordLength(password), min: policy.minLength, max: policy.maxLength })}`;
}
