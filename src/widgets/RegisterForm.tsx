import { useState } from 'react';
import type { FormHTMLAttributes, RefAttributes } from 'react';
import type { RegisterRequest, RegisterResult } from '../contract/index.js';
import { useAuthConfig, useRegister } from '../react/index.js';
import type { LinkTarget } from './ActionLink.js';
import { AuthForm } from './AuthForm.js';
import { cx } from './cx.js';
import type { FormClassNames } from './classNames.js';
import { Field, FieldFrame } from './Field.js';
import type { HeadingLevel } from './HeadingLevel.js';
import { looksLikeEmail } from './looksLikeEmail.js';
import type { Messages } from './messages.js';
import { checkNewPasswordPair, NewPasswordFields } from './NewPasswordFields.js';
import { translateFieldError } from './describeError.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { registerStrings } from './strings/register.js';
import { useWidgetMessages } from './useWidgetMessages.js';
import { useUrlToken } from './urlToken.js';

/** The strings RegisterForm shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...registerStrings };

interface ExtraFieldBase<TName extends string> {
  /** Key in `profile` (1–64 characters). */
  name: TName;
  /** The visible label. */
  label: string;
  /** Help text under the label. */
  hint?: string;
  /** The field must be filled (a checkbox: ticked). */
  required?: boolean;
}

/**
 * An app-defined field of {@link RegisterForm}; its value is sent in `profile[name]`
 * (text types: a trimmed string, left out when empty; `number`: a number; `checkbox`: a boolean).
 *
 * @example
 * ```ts
 * const fields: RegisterExtraField[] = [
 *   { name: 'company', label: 'Company', autoComplete: 'organization' },
 *   { name: 'newsletter', label: 'Send me the newsletter', type: 'checkbox' },
 * ];
 * ```
 */
export type RegisterExtraField<TName extends string = string> =
  | (ExtraFieldBase<TName> & { type?: 'text' | 'email' | 'tel' | 'url'; autoComplete?: string; defaultValue?: string })
  | (ExtraFieldBase<TName> & { type: 'number'; min?: number; max?: number; defaultValue?: number })
  | (ExtraFieldBase<TName> & { type: 'checkbox'; defaultValue?: boolean });

/**
 * Props of {@link RegisterForm}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: RegisterFormProps = { confirmPassword: true, signIn: '/login' };
 * ```
 */
export interface RegisterFormProps<TName extends string = string> extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** Called with the answer: `session` when signed in straight away, else `next` says what follows. */
  onSuccess?: (result: RegisterResult) => void;
  /** Ask for the password twice (default `false`: the show toggle does the job). */
  confirmPassword?: boolean;
  /** Show the optional name field (default `true`). */
  showName?: boolean;
  /** App-defined fields, sent as `profile`. */
  extraFields?: ReadonlyArray<RegisterExtraField<TName>>;
  /** Pre-filled invite code. Without it, an invite-link's `?invite=` (see `inviteParam`) is used, and removed from the address bar. */
  defaultInvite?: string;
  /** Name of the query parameter of invite links (default `invite`). */
  inviteParam?: string;
  /** Target of the "already have an account" link (default `/login`); `false` hides it. */
  signIn?: LinkTarget | false;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

type ExtraValues = Record<string, string | boolean>;

/**
 * "Create an account": username, email, optional name, password with the policy from
 * `GET config` shown live (and optionally repeated), an invite code field when registration is
 * `invite`, a closed state when it is `closed`, and app-defined extra fields sent as `profile`.
 * After success it says what happens next: signed in, "check your email" (`verify_email`, the
 * same answer whether or not the address was known) or "await approval". Composes `useRegister`
 * and `useAuthConfig`.
 *
 * @example
 * ```tsx
 * <RegisterForm
 *   extraFields={[{ name: 'company', label: 'Company', autoComplete: 'organization' }]}
 *   onSuccess={(result) => { if (result.session) navigate('/welcome'); }}
 * />
 * ```
 */
export function RegisterForm(
  {
    onSuccess,
    confirmPassword = false,
    showName = true,
    extraFields = [],
    defaultInvite,
    inviteParam = 'invite',
    signIn = '/login',
    messages: overrides,
    classNames,
    ...rest
  }: RegisterFormProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const mutation = useRegister();
  const config = useAuthConfig().data;
  const policy = config?.password;
  const inviteMode = config?.registration === 'invite';
  const closed = config?.registration === 'closed';
  const form = useAuthForm(
    messages,
    ['username', 'email', 'name', 'password', 'confirmPassword', 'invite', ...extraFields.map((field) => `profile.${field.name}`)],
    translateFieldError,
  );
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const urlInvite = useUrlToken(inviteParam, defaultInvite);
  const [invite, setInvite] = useState(urlInvite ?? '');
  // Each extra field starts from its default: a checkbox unticked, a text field empty.
  const [extra, setExtra] = useState<ExtraValues>(() =>
    Object.fromEntries(
      extraFields.map((field) => [field.name, field.type === 'checkbox' ? (field.defaultValue ?? false) : field.defaultValue === undefined ? '' : String(field.defaultValue)]),
    ),
  );
  const done = form.state === 'success';

  const onSubmit = () => {
    const sent = password;
    const repeated = confirm;
    setPassword('');
    setConfirm('');
    const errors: Record<string, string> = {};
    if (username.trim() === '') errors.username = messages['field.required'];
    if (email.trim() === '') errors.email = messages['field.required'];
    else if (!looksLikeEmail(email.trim())) errors.email = messages['field.invalidEmail'];
    checkNewPasswordPair(errors, 'password', sent, confirmPassword ? repeated : null, policy, messages);
    if (inviteMode && invite.trim() === '') errors.invite = messages['field.required'];
    const profile: Record<string, string | number | boolean> = {};
    for (const field of extraFields) {
      const value = extra[field.name];
      if (field.type === 'checkbox') {
        if (field.required === true && value !== true) errors[`profile.${field.name}`] = messages['field.required'];
        profile[field.name] = value === true;
        continue;
      }
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') {
        if (field.required === true) errors[`profile.${field.name}`] = messages['field.required'];
        continue;
      }
      profile[field.name] = field.type === 'number' ? Number(text) : text;
    }
    if (form.reject(errors)) return;
    const body: RegisterRequest = {
      username: username.trim(),
      email: email.trim(),
      password: sent,
      ...(showName && name.trim() !== '' ? { name: name.trim() } : {}),
      ...(inviteMode ? { invite: invite.trim() } : {}),
      ...(Object.keys(profile).length > 0 ? { profile } : {}),
    };
    form.send(
      mutation,
      body,
      (result) =>
        result.session !== null
          ? messages['register.success']
          : result.next === 'verify_email'
            ? messages['register.verifyEmail']
            : messages['register.awaitApproval'],
      onSuccess,
    );
  };

  const shell = {
    kind: 'lk-register',
    classNames,
    title: messages['register.title'],
    links: [[signIn, messages['register.signIn']]] as const,
  };

  if (closed) {
    return <AuthForm {...shell} data-state="closed" intro={<p className={cx('lk-intro', classNames?.intro)}>{messages['register.closed']}</p>} {...rest} />;
  }

  return (
    <AuthForm
      {...shell}
      form={form}
      data-registration={config?.registration}
      onSubmit={onSubmit}
      submit={!done && [messages['register.submit'], messages['register.pending']]}
      {...rest}
    >
      {done ? null : (
        <>
          {inviteMode ? (
            <Field
              label={messages['register.invite']}
              {...form.bind('invite', invite, setInvite)}
              autoComplete="off"
              spellCheck={false}
              required
              classNames={classNames}
            />
          ) : null}
          <Field
            label={messages['register.username']}
            {...form.bind('username', username, setUsername)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            classNames={classNames}
          />
          <Field
            label={messages['register.email']}
            {...form.bind('email', email, setEmail)}
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            classNames={classNames}
          />
          {showName ? (
            <Field
              label={
                <>
                  {messages['register.name']} <span className="lk-optional">{messages['field.optional']}</span>
                </>
              }
              {...form.bind('name', name, setName)}
              autoComplete="name"
              classNames={classNames}
            />
          ) : null}
          <NewPasswordFields
            form={form}
            messages={messages}
            policy={policy}
            name="password"
            label={messages['register.password']}
            value={password}
            setValue={setPassword}
            confirmLabel={confirmPassword ? messages['register.confirmPassword'] : null}
            confirm={confirm}
            setConfirm={setConfirm}
            classNames={classNames}
          />
          {extraFields.map((field) => {
            const key = `profile.${field.name}`;
            const change = (value: string | boolean) => {
              setExtra((previous) => ({ ...previous, [field.name]: value }));
              form.clearFieldError(key);
            };
            if (field.type === 'checkbox') {
              return (
                <FieldFrame
                  key={key}
                  label={field.label}
                  hint={field.hint}
                  error={form.fieldErrors[key]}
                  classNames={classNames}
                  checkbox
                  type="checkbox"
                  checked={extra[field.name] === true}
                  required={field.required}
                  onChange={(event) => change(event.target.checked)}
                >
                  {(control) => <input {...control} />}
                </FieldFrame>
              );
            }
            const value = extra[field.name];
            return (
              <Field
                key={key}
                label={field.label}
                hint={field.hint}
                name={key}
                type={field.type ?? 'text'}
                required={field.required}
                value={typeof value === 'string' ? value : ''}
                error={form.fieldErrors[key]}
                {...(field.type === 'number' ? { min: field.min, max: field.max, inputMode: 'decimal' as const } : { autoComplete: field.autoComplete })}
                onChange={(event) => change(event.target.value)}
                classNames={classNames}
              />
            );
          })}
        </>
      )}
    </AuthForm>
  );
}
