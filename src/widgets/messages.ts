import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { loginStrings } from './strings/login.js';
import { authStatusHeaderStrings } from './strings/authStatusHeader.js';
import { registerStrings } from './strings/register.js';
import { forgotPasswordStrings } from './strings/forgotPassword.js';
import { forgotUsernameStrings } from './strings/forgotUsername.js';
import { resetPasswordStrings } from './strings/resetPassword.js';
import { verifyEmailStrings } from './strings/verifyEmail.js';
import { changePasswordStrings } from './strings/changePassword.js';
import { accountStrings } from './strings/account.js';
import { logoutStrings } from './strings/logout.js';
import { sessionExpiryStrings } from './strings/sessionExpiry.js';
import { userAdminStrings } from './strings/userAdmin.js';
import { inviteAdminStrings } from './strings/inviteAdmin.js';

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
  ...commonStrings,
  ...fieldStrings,
  ...loginStrings,
  ...authStatusHeaderStrings,
  ...registerStrings,
  ...forgotPasswordStrings,
  ...forgotUsernameStrings,
  ...resetPasswordStrings,
  ...verifyEmailStrings,
  ...changePasswordStrings,
  ...accountStrings,
  ...logoutStrings,
  ...sessionExpiryStrings,
  ...userAdminStrings,
  ...inviteAdminStrings,
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
