import { useState } from 'react';
import type { FormHTMLAttributes, InputHTMLAttributes, Ref } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { LinkTarget } from './ActionLink.js';
import { AuthForm } from './AuthForm.js';
import { cx } from './cx.js';
import type { FormClassNames } from './classNames.js';
import { Field } from './Field.js';
import type { HeadingLevel } from './HeadingLevel.js';
import type { CommonMessages } from './strings/common.js';
import type { FieldMessages } from './strings/fields.js';
import { translateFieldError } from './describeError.js';
import { useAuthForm } from './useAuthForm.js';

/**
 * The texts of one recovery form, already looked up in the widget's dictionary.
 *
 * @example
 * ```ts
 * const text: RecoveryText = { title: 'Forgot your password?', intro: '…', label: 'Username or email',
 *   submit: 'Send link', pending: 'Sending…', success: 'Check your inbox.', back: 'Back to sign in' };
 * ```
 */
export interface RecoveryText {
  title: string;
  intro: string;
  label: string;
  submit: string;
  pending: string;
  success: string;
  back: string;
}

/**
 * Props of {@link RecoveryForm}: what a preset passes (the widget's own props plus its flow).
 *
 * @example
 * ```tsx
 * <RecoveryForm {...rest} mutation={useForgotPassword()} field="identifier" text={text} rootClass="lk-forgot-password" />
 * ```
 */
export interface RecoveryFormProps<TVars> extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  ref?: Ref<HTMLFormElement> | undefined;
  onSuccess?: (() => void) | undefined;
  /** Target of the "back to sign in" link (default `/login`); `false` hides it. */
  signIn?: LinkTarget | false | undefined;
  defaultValue: string;
  headingLevel?: HeadingLevel | undefined;
  messages: CommonMessages & Partial<FieldMessages>;
  classNames?: FormClassNames | undefined;
  /** The flow hook's mutation. */
  mutation: UseMutationResult<void, AuthError, TVars>;
  /** The one field's name: the request is `{ [field]: trimmed value }`, and its key in server `fields`. */
  field: Extract<keyof TVars, string>;
  /** Attributes of the input (type, autocomplete, ...). */
  inputProps: InputHTMLAttributes<HTMLInputElement>;
  /** Checks the trimmed, non-empty value; returns the error text or `null`. */
  validate?: ((value: string) => string | null) | undefined;
  /** The form's texts. */
  text: RecoveryText;
  /** The widget's own class (`lk-forgot-password`, ...). */
  rootClass: string;
}

/**
 * The one-field "send me a link/reminder" flow behind {@link ForgotPassword} and
 * {@link ForgotUsername}: one input, one neutral confirmation for every accepted request, a
 * countdown on 429 (never retried automatically), the field cleared on success.
 * Internal part of the widgets.
 *
 * @example
 * ```tsx
 * <RecoveryForm mutation={useForgotUsername()} field="email" ... />
 * ```
 */
export function RecoveryForm<TVars>({
  onSuccess,
  signIn = '/login',
  defaultValue,
  messages,
  classNames,
  mutation,
  field,
  inputProps,
  validate,
  text,
  rootClass,
  ...rest
}: RecoveryFormProps<TVars>) {
  const form = useAuthForm(messages, [field], translateFieldError);
  const [value, setValue] = useState(defaultValue);

  const onSubmit = () => {
    const trimmed = value.trim();
    if (trimmed === '') return form.reject({ [field]: messages['field.required'] });
    const problem = validate?.(trimmed) ?? null;
    if (problem !== null) return form.reject({ [field]: problem });
    form.send(mutation, { [field]: trimmed } as TVars, () => text.success, () => {
      setValue('');
      onSuccess?.();
    });
  };

  return (
    <AuthForm
      kind={rootClass}
      classNames={classNames}
      form={form}
      title={text.title}
      onSubmit={onSubmit}
      intro={<p className={cx('lk-intro', classNames?.intro)}>{text.intro}</p>}
      submit={[text.submit, text.pending]}
      links={[[signIn, text.back]]}
      {...rest}
    >
      <Field label={text.label} {...form.bind(field, value, setValue)} {...inputProps} required classNames={classNames} />
    </AuthForm>
  );
}
