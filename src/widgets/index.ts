'use client';
/**
 * The styled widgets of latchkey: forms and status pieces that only compose the hooks of
 * `src/react` (no widget calls fetch), the shared field parts to build your own forms, and the
 * dictionaries. Styles: `import 'latchkey/styles.css'` (optional; without it the widgets are
 * clean semantic HTML with `lk-*` classes and `data-*` state).
 *
 * @packageDocumentation
 */
export { LoginForm } from './LoginForm.js';
export type { LoginFormProps } from './LoginForm.js';
export { RegisterForm } from './RegisterForm.js';
export type { RegisterExtraField, RegisterFormProps } from './RegisterForm.js';
export { ForgotPassword } from './ForgotPassword.js';
export type { ForgotPasswordProps } from './ForgotPassword.js';
export { ForgotUsername } from './ForgotUsername.js';
export type { ForgotUsernameProps } from './ForgotUsername.js';
export { ResetPassword } from './ResetPassword.js';
export type { ResetPasswordProps } from './ResetPassword.js';
export { VerifyEmail } from './VerifyEmail.js';
export type { VerifyEmailProps } from './VerifyEmail.js';
export { ChangePassword } from './ChangePassword.js';
export type { ChangePasswordProps } from './ChangePassword.js';
export { AccountForm } from './AccountForm.js';
export type { AccountFormProps } from './AccountForm.js';
export { LogoutButton } from './LogoutButton.js';
export type { LogoutButtonProps } from './LogoutButton.js';
export { AuthStatusHeader } from './AuthStatusHeader.js';
export type { AuthStatusHeaderClassNames, AuthStatusHeaderProps } from './AuthStatusHeader.js';
export { SessionExpiryWarning } from './SessionExpiryWarning.js';
export type { SessionExpiryWarningClassNames, SessionExpiryWarningProps } from './SessionExpiryWarning.js';
export { UserAdmin } from './UserAdmin.js';
export type { UserAdminClassNames, UserAdminProps } from './UserAdmin.js';
export { InviteAdmin } from './InviteAdmin.js';
export type { InviteAdminClassNames, InviteAdminProps } from './InviteAdmin.js';
export { Field } from './Field.js';
export type { FieldProps } from './Field.js';
export { PasswordField } from './PasswordField.js';
export type { PasswordFieldProps } from './PasswordField.js';
export { FormError } from './FormError.js';
export type { FormErrorProps } from './FormError.js';
export { FormStatus } from './FormStatus.js';
export type { FormStatusProps } from './FormStatus.js';
export { SubmitButton } from './SubmitButton.js';
export type { SubmitButtonProps } from './SubmitButton.js';
export { useCountdown } from './useCountdown.js';
export type { FormState } from './useAuthForm.js';
export type { FormClassNames } from './classNames.js';
export type { LinkTarget } from './ActionLink.js';
export type { HeadingLevel } from './HeadingLevel.js';
export { defaultMessages } from './messages.js';
export type { MessageKey, Messages } from './messages.js';
export { messagesDe } from './locales/de.js';
export { formatMessage } from './formatMessage.js';
export { formatDuration } from './formatDuration.js';
export { describeError } from './describeError.js';
