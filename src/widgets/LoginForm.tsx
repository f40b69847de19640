import { useId, useState } from 'react';
import type { FormHTMLAttributes, RefAttributes } from 'react';
import type { AuthResult } from '../contract/index.js';
import { useAuthConfig, useLogin } from '../react/index.js';
import type { LinkTarget } from './ActionLink.js';
import { AuthForm } from './AuthForm.js';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';
import { Field } from './Field.js';
import type { HeadingLevel } from './HeadingLevel.js';
import type { Messages } from './messages.js';
import { PasswordField } from './PasswordField.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { loginStrings } from './strings/login.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/** The strings LoginForm shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...loginStrings };

/**
 * Props of {@link LoginForm}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: LoginFormProps = { onSuccess: () => navigate('/'), links: { register: false } };
 * ```
 */
export interface LoginFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** Called with the answer after a successful sign-in (the session is already in the cache). */
  onSuccess?: (result: AuthResult) => void;
  /**
   * Targets of the links under the form (a URL or a callback); `false` hides one. A link is only
   * shown when the backend offers the feature (`GET config`). Defaults: `/forgot-password`,
   * `/forgot-username`, `/register`.
   */
  links?: { forgotPassword?: LinkTarget | false; forgotUsername?: LinkTarget | false; register?: LinkTarget | false };
  /** Show the "keep me signed in" checkbox (default `true`); its value is sent as `remember`. */
  showRemember?: boolean;
  /** Pre-filled username or email. */
  defaultIdentifier?: string;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

const FIELDS = ['identifier', 'password'] as const;

/**
 * The sign-in form: username or email, password (with a show toggle), "keep me signed in", and
 * links to password reset, username reminder and registration when the backend offers them.
 * One generic message on failure (no hint whether the account exists); on 429 a live countdown
 * with the submit button disabled. Composes `useLogin` and `useAuthConfig`; never calls fetch.
 *
 * `data-state` on the form: `idle | submitting | invalid | error | rate-limited | network-error | success`.
 *
 * @example
 * ```tsx
 * <AuthProvider baseUrl="/api/auth">
 *   <LoginForm onSuccess={() => navigate('/dashboard')} links={{ register: '/signup' }} />
 * </AuthProvider>
 * ```
 */
export function LoginForm(
  { onSuccess, links, showRemember = true, defaultIdentifier = '', messages: overrides, classNames, ...rest }: LoginFormProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const login = useLogin();
  const config = useAuthConfig().data;
  const form = useAuthForm(messages, FIELDS);
  const rememberId = useId();
  const [identifier, setIdentifier] = useState(defaultIdentifier);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);

  const onSubmit = () => {
    const sentIdentifier = identifier.trim();
    const sentPassword = password;
    setPassword('');
    const errors: Record<string, string> = {};
    if (sentIdentifier === '') errors.identifier = messages['field.required'];
    if (sentPassword === '') errors.password = messages['field.required'];
    if (form.reject(errors)) return;
    form.send(
      login,
      { identifier: sentIdentifier, password: sentPassword, ...(showRemember ? { remember } : {}) },
      () => messages['login.success'],
      onSuccess,
    );
  };

  return (
    <AuthForm
      kind="lk-login"
      classNames={classNames}
      form={form}
      title={messages['login.title']}
      onSubmit={onSubmit}
      submit={[messages['login.submit'], messages['login.pending']]}
      links={[
        [linkTarget(links?.forgotPassword, '/forgot-password', config?.features.passwordReset), messages['login.forgotPassword']],
        [linkTarget(links?.forgotUsername, '/forgot-username', config?.features.usernameRecovery), messages['login.forgotUsername']],
        [linkTarget(links?.register, '/register', config ? config.registration !== 'closed' : undefined), messages['login.register']],
      ]}
      {...rest}
    >
      <Field
        label={messages['login.identifier']}
        {...form.bind('identifier', identifier, setIdentifier)}
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        classNames={classNames}
      />
      <PasswordField
        label={messages['login.password']}
        {...form.bind('password', password, setPassword)}
        autoComplete="current-password"
        required
        showLabel={messages['password.show']}
        hideLabel={messages['password.hide']}
        classNames={classNames}
      />
      {showRemember ? (
        <div className={cx('lk-checkbox', classNames?.checkbox)}>
          <input id={`${rememberId}-remember`} type="checkbox" name="remember" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          <label htmlFor={`${rememberId}-remember`}>{messages['login.remember']}</label>
        </div>
      ) : null}
    </AuthForm>
  );
}

/** A link is shown when the prop does not hide it and the backend offers the feature. */
function linkTarget(prop: LinkTarget | false | undefined, fallback: string, offered: boolean | undefined): LinkTarget | null {
  if (prop === false || offered !== true) return null;
  return prop ?? fallback;
}
