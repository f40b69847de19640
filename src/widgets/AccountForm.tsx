import { useState } from 'react';
import type { FormHTMLAttributes, RefAttributes } from 'react';
import type { UpdateProfileRequest, User } from '../contract/index.js';
import { useAuth, useUpdateProfile } from '../react/index.js';
import { AuthForm } from './AuthForm.js';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';
import { Field } from './Field.js';
import type { HeadingLevel } from './HeadingLevel.js';
import { looksLikeEmail } from './looksLikeEmail.js';
import type { Messages } from './messages.js';
import { PasswordField } from './PasswordField.js';
import { translateFieldError } from './describeError.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { accountStrings } from './strings/account.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/** The strings AccountForm shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...accountStrings };
type WidgetMessages = typeof STRINGS;

/**
 * Props of {@link AccountForm}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: AccountFormProps = { onSuccess: (user) => console.log(user.email) };
 * ```
 */
export interface AccountFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** Called with the updated user. */
  onSuccess?: (user: User) => void;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

/**
 * "Your account": the signed-in user's name and email. Changing the email asks for the current
 * password (the field appears as soon as the email differs); only changed values are sent.
 * Signed out it says so; while the session loads it is `aria-busy`. Composes `useAuth` and
 * `useUpdateProfile`.
 *
 * @example
 * ```tsx
 * <RequireAuth><AccountForm /></RequireAuth>
 * ```
 */
export function AccountForm({ onSuccess, messages: overrides, ...rest }: AccountFormProps & RefAttributes<HTMLFormElement>) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const auth = useAuth();
  if (auth.status !== 'authenticated') {
    return (
      <AuthForm
        kind="lk-account"
        title={messages['account.title']}
        data-state={auth.status === 'loading' ? 'loading' : 'signed-out'}
        aria-busy={auth.status === 'loading' || undefined}
        intro={auth.status === 'unauthenticated' && <p className={cx('lk-intro', rest.classNames?.intro)}>{messages['account.signedOut']}</p>}
        {...rest}
      />
    );
  }
  // A different user (or a fresh sign-in) starts from that user's values.
  return <AccountFields key={auth.user.id} {...rest} onSuccess={onSuccess} user={auth.user} messages={messages} />;
}

interface AccountFieldsProps extends Omit<AccountFormProps, 'messages'> {
  user: User;
  messages: WidgetMessages;
}

function AccountFields({ user, messages, onSuccess, classNames, ...rest }: AccountFieldsProps & RefAttributes<HTMLFormElement>) {
  const mutation = useUpdateProfile();
  const form = useAuthForm(messages, ['name', 'email', 'currentPassword'], translateFieldError);
  const [name, setName] = useState(user.name ?? '');
  const [email, setEmail] = useState(user.email ?? '');
  const [currentPassword, setCurrentPassword] = useState('');
  const emailChanged = email.trim() !== (user.email ?? '');

  const onSubmit = () => {
    const sentPassword = currentPassword;
    setCurrentPassword('');
    const body: UpdateProfileRequest = {};
    const newName = name.trim();
    if (newName !== (user.name ?? '')) body.name = newName === '' ? null : newName;
    const errors: Record<string, string> = {};
    if (emailChanged) {
      const newEmail = email.trim();
      if (newEmail === '') errors.email = messages['field.required'];
      else if (!looksLikeEmail(newEmail)) errors.email = messages['field.invalidEmail'];
      if (sentPassword === '') errors.currentPassword = messages['field.required'];
      body.email = newEmail;
      body.currentPassword = sentPassword;
    }
    if (form.reject(errors)) return;
    if (Object.keys(body).length === 0) return form.announce(messages['account.noChanges']);
    form.send(mutation, body, () => messages['account.success'], (result) => onSuccess?.(result.user));
  };

  return (
    <AuthForm
      kind="lk-account"
      classNames={classNames}
      form={form}
      title={messages['account.title']}
      onSubmit={onSubmit}
      intro={
        <dl className={cx('lk-intro', classNames?.intro)}>
          <dt>{messages['account.username']}</dt>
          <dd>{user.username}</dd>
        </dl>
      }
      submit={[messages['account.submit'], messages['account.pending']]}
      {...rest}
    >
      <Field label={messages['account.name']} {...form.bind('name', name, setName)} autoComplete="name" classNames={classNames} />
      <Field label={messages['account.email']} {...form.bind('email', email, setEmail)} type="email" autoComplete="email" spellCheck={false} classNames={classNames} />
      {emailChanged ? (
        <PasswordField
          label={messages['account.currentPassword']}
          hint={messages['account.currentPasswordHint']}
          {...form.bind('currentPassword', currentPassword, setCurrentPassword)}
          autoComplete="current-password"
          required
          showLabel={messages['password.show']}
          hideLabel={messages['password.hide']}
          classNames={classNames}
        />
      ) : null}
    </AuthForm>
  );
}
