import type { AuthConfig } from '../contract/index.js';
import type { FormClassNames } from './classNames.js';
import { PasswordField } from './PasswordField.js';
import { checkNewPassword, policyHint } from './passwordPolicy.js';
import type { CommonMessages } from './strings/common.js';
import type { FieldMessages } from './strings/fields.js';
import type { AuthFormController } from './useAuthForm.js';

/**
 * Props of {@link NewPasswordFields}.
 *
 * @example
 * ```tsx
 * const props: NewPasswordFieldsProps = { form, messages, policy, name: 'password', label: 'New password',
 *   value: password, setValue: setPassword, confirmLabel: 'Repeat it', confirm, setConfirm };
 * ```
 */
export interface NewPasswordFieldsProps {
  form: AuthFormController;
  messages: CommonMessages & FieldMessages;
  policy: AuthConfig['password'] | undefined;
  /** The new password's field name (`password` or `newPassword`). */
  name: string;
  label: string;
  value: string;
  setValue: (value: string) => void;
  /** The repeat field's label; `null` leaves the repeat field out. */
  confirmLabel: string | null;
  confirm: string;
  setConfirm: (value: string) => void;
  classNames?: FormClassNames | undefined;
}

/**
 * The "choose a new password" pair shared by the register, reset and change forms: the new
 * password (with the policy hint and live length count) and, optionally, its repetition
 * (`confirmPassword`). Internal part of the widgets.
 *
 * @example
 * ```tsx
 * <NewPasswordFields form={form} messages={messages} policy={policy} name="newPassword" label={messages['changePassword.newPassword']}
 *   value={next} setValue={setNext} confirmLabel={messages['changePassword.confirmPassword']} confirm={confirm} setConfirm={setConfirm} />
 * ```
 */
export function NewPasswordFields({ form, messages, policy, name, label, value, setValue, confirmLabel, confirm, setConfirm, classNames }: NewPasswordFieldsProps) {
  return (
    <>
      <PasswordField
        label={label}
        {...form.bind(name, value, setValue)}
        autoComplete="new-password"
        required
        hint={policyHint(value, policy, messages)}
        showLabel={messages['password.show']}
        hideLabel={messages['password.hide']}
        classNames={classNames}
      />
      {confirmLabel !== null ? (
        <PasswordField
          label={confirmLabel}
          {...form.bind('confirmPassword', confirm, setConfirm)}
          autoComplete="new-password"
          required
          showLabel={messages['password.show']}
          hideLabel={messages['password.hide']}
          classNames={classNames}
        />
      ) : null}
    </>
  );
}

/**
 * Checks a new password against the policy and, when it is repeated (`repeated` not `null`),
 * that both match. Writes at most one message into `errors`: under `name` or `confirmPassword`.
 *
 * @example
 * ```ts
 * checkNewPasswordPair(errors, 'password', sent, repeated, policy, messages);
 * ```
 */
export function checkNewPasswordPair(
  errors: Record<string, string>,
  name: string,
  password: string,
  repeated: string | null,
  policy: AuthConfig['password'] | undefined,
  messages: CommonMessages & FieldMessages,
): void {
  const problem = checkNewPassword(password, policy, messages);
  if (problem !== null) errors[name] = problem;
  else if (repeated !== null && password !== repeated) errors.confirmPassword = messages['field.passwordMismatch'];
}
