import { useState } from 'react';
import type { FormHTMLAttributes, RefAttributes } from 'react';
import { useAuthConfig, useResetPassword } from '../react/index.js';
import type { LinkTarget } from './ActionLink.js';
import { AuthForm } from './AuthForm.js';
import type { FormClassNames } from './classNames.js';
import type { HeadingLevel } from './HeadingLevel.js';
import type { Messages } from './messages.js';
import { checkNewPasswordPair, NewPasswordFields } from './NewPasswordFields.js';
import { translateFieldError } from './describeError.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { resetPasswordStrings } from './strings/resetPassword.js';
import { useWidgetMessages } from './useWidgetMessages.js';
import { useUrlToken } from './urlToken.js';

/** The strings ResetPassword shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...resetPasswordStrings };

/**
 * Props of {@link ResetPassword}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: ResetPasswordProps = { forgotPassword: '/forgot-password', signIn: '/login' };
 * ```
 */
export interface ResetPasswordProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** The reset token. Without it the widget reads `?token=` (see `tokenParam`) from the URL. */
  token?: string;
  /** Name of the query parameter carrying the token (default `token`). */
  tokenParam?: string;
  /** Called after the new password was saved. */
  onSuccess?: () => void;
  /** Where to ask for a new link when the token is missing, invalid or expired (default `/forgot-password`). */
  forgotPassword?: LinkTarget;
  /** Target of the "sign in" link shown after success (default `/login`); `false` hides it. */
  signIn?: LinkTarget | false;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

/**
 * "Choose a new password" from a reset link. The token comes from the `token` prop or from
 * `?token=` in the URL; on load it is removed from the address bar (`history.replaceState`) and
 * it is only ever sent in the request body. New password twice, the policy from `GET config`
 * shown live. An invalid, expired or used token gets a clear message and a way to ask for a new
 * link. Composes `useResetPassword`.
 *
 * @example
 * ```tsx
 * // Route /reset-password?token=…
 * <ResetPassword signIn="/login" forgotPassword="/forgot-password" />
 * ```
 */
export function ResetPassword(
  {
    token: tokenProp,
    tokenParam = 'token',
    onSuccess,
    forgotPassword = '/forgot-password',
    signIn = '/login',
    messages: overrides,
    classNames,
    ...rest
  }: ResetPasswordProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const mutation = useResetPassword();
  const policy = useAuthConfig().data?.password;
  const form = useAuthForm(messages, ['password', 'confirmPassword'], translateFieldError);
  const token = useUrlToken(tokenParam, tokenProp);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const tokenRejected = form.error?.code === 'invalid_token';
  const done = form.state === 'success';
  const showFields = token !== null && !tokenRejected && !done;

  const onSubmit = () => {
    if (token === null) return;
    const sent = password;
    const repeated = confirm;
    setPassword('');
    setConfirm('');
    const errors: Record<string, string> = {};
    checkNewPasswordPair(errors, 'password', sent, repeated, policy, messages);
    if (form.reject(errors)) return;
    form.send(mutation, { token, password: sent }, () => messages['resetPassword.success'], onSuccess);
  };

  const summary = tokenRejected ? messages['resetPassword.invalidToken'] : token === null ? messages['resetPassword.missingToken'] : form.summary;

  return (
    <AuthForm
      kind="lk-reset-password"
      classNames={classNames}
      form={{ ...form, summary }}
      title={messages['resetPassword.title']}
      onSubmit={onSubmit}
      data-state={token === null ? 'error' : form.state}
      submit={showFields && [messages['resetPassword.submit'], messages['resetPassword.pending']]}
      links={[
        [(token === null || tokenRejected) && forgotPassword, messages['resetPassword.requestNew']],
        [done && signIn, messages['resetPassword.signIn']],
      ]}
      {...rest}
    >
      {showFields ? (
        <NewPasswordFields
          form={{ ...form, summary }}
          messages={messages}
          policy={policy}
          name="password"
          label={messages['resetPassword.password']}
          value={password}
          setValue={setPassword}
          confirmLabel={messages['resetPassword.confirmPassword']}
          confirm={confirm}
          setConfirm={setConfirm}
          classNames={classNames}
        />
      ) : null}
    </AuthForm>
  );
}
