import { useState } from 'react';
import type { FormHTMLAttributes, RefAttributes } from 'react';
import type { AuthResult } from '../contract/index.js';
import { useAuthConfig, useChangePassword } from '../react/index.js';
import { AuthForm } from './AuthForm.js';
import type { FormClassNames } from './classNames.js';
import type { HeadingLevel } from './HeadingLevel.js';
import type { Messages } from './messages.js';
import { checkNewPasswordPair, NewPasswordFields } from './NewPasswordFields.js';
import { PasswordField } from './PasswordField.js';
import { translateFieldError } from './describeError.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { changePasswordStrings } from './strings/changePassword.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/** The strings ChangePassword shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...changePasswordStrings };

/**
 * Props of {@link ChangePassword}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: ChangePasswordProps = { confirmPassword: false };
 * ```
 */
export interface ChangePasswordProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** Called with the answer (a new session; other sessions of the user are revoked). */
  onSuccess?: (result: AuthResult) => void;
  /** Ask for the new password twice (default `true`). */
  confirmPassword?: boolean;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

/**
 * "Change password" for a signed-in user: current password, new password (policy from
 * `GET config` shown live), optionally repeated. A wrong current password is marked on its field.
 * Composes `useChangePassword`.
 *
 * @example
 * ```tsx
 * <RequireAuth><ChangePassword onSuccess={() => toast('Password changed')} /></RequireAuth>
 * ```
 */
export function ChangePassword(
  { onSuccess, confirmPassword = true, messages: overrides, classNames, ...rest }: ChangePasswordProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const mutation = useChangePassword();
  const policy = useAuthConfig().data?.password;
  const form = useAuthForm(messages, ['currentPassword', 'newPassword', 'confirmPassword'], translateFieldError);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');

  const onSubmit = () => {
    const sentCurrent = current;
    const sentNext = next;
    const repeated = confirm;
    setCurrent('');
    setNext('');
    setConfirm('');
    const errors: Record<string, string> = {};
    if (sentCurrent === '') errors.currentPassword = messages['field.required'];
    checkNewPasswordPair(errors, 'newPassword', sentNext, confirmPassword ? repeated : null, policy, messages);
    if (form.reject(errors)) return;
    form.send(mutation, { currentPassword: sentCurrent, newPassword: sentNext }, () => messages['changePassword.success'], onSuccess);
  };

  return (
    <AuthForm
      kind="lk-change-password"
      classNames={classNames}
      form={form}
      title={messages['changePassword.title']}
      onSubmit={onSubmit}
      submit={[messages['changePassword.submit'], messages['changePassword.pending']]}
      {...rest}
    >
      <PasswordField
        label={messages['changePassword.currentPassword']}
        {...form.bind('currentPassword', current, setCurrent)}
        autoComplete="current-password"
        required
        showLabel={messages['password.show']}
        hideLabel={messages['password.hide']}
        classNames={classNames}
      />
      <NewPasswordFields
        form={form}
        messages={messages}
        policy={policy}
        name="newPassword"
        label={messages['changePassword.newPassword']}
        value={next}
        setValue={setNext}
        confirmLabel={confirmPassword ? messages['changePassword.confirmPassword'] : null}
        confirm={confirm}
        setConfirm={setConfirm}
        classNames={classNames}
      />
    </AuthForm>
  );
}
