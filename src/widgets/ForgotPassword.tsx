import { forwardRef, useId, useState } from 'react';
import type { FormEvent, FormHTMLAttributes } from 'react';
import { useForgotPassword } from '../react/index.js';
import { ActionLink } from './ActionLink.js';
import type { LinkTarget } from './ActionLink.js';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';
import { Field } from './Field.js';
import { FormError } from './FormError.js';
import { FormStatus } from './FormStatus.js';
import { Heading } from './Heading.js';
import type { HeadingLevel } from './Heading.js';
import type { Messages } from './messages.js';
import { RateLimitCountdown } from './RateLimitCountdown.js';
import { SubmitButton } from './SubmitButton.js';
import { useAuthForm } from './useAuthForm.js';
import { useMergeRefs } from './useMergeRefs.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/**
 * Props of {@link ForgotPassword}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: ForgotPasswordProps = { signIn: '/login' };
 * ```
 */
export interface ForgotPasswordProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** Called after the backend accepted the request (whatever it knows about the account). */
  onSuccess?: () => void;
  /** Target of the "back to sign in" link (default `/login`); `false` hides it. */
  signIn?: LinkTarget | false;
  /** Pre-filled username or email. */
  defaultIdentifier?: string;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

/**
 * "Forgot your password?": asks for a username or email and shows one neutral confirmation for
 * every accepted request, so nobody learns whether an account exists. Composes
 * `useForgotPassword`; 429 shows a countdown and is never retried automatically.
 *
 * @example
 * ```tsx
 * <ForgotPassword signIn="/login" />
 * ```
 */
export const ForgotPassword = forwardRef<HTMLFormElement, ForgotPasswordProps>(function ForgotPassword(
  { onSuccess, signIn = '/login', defaultIdentifier = '', headingLevel, messages: overrides, classNames, className, ...rest },
  ref,
) {
  const messages = useWidgetMessages(overrides);
  const mutation = useForgotPassword();
  const form = useAuthForm(messages, ['identifier']);
  const formRef = useMergeRefs(ref, form.formRef);
  const titleId = useId();
  const [identifier, setIdentifier] = useState(defaultIdentifier);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.locked) return;
    if (identifier.trim() === '') return form.reject({ identifier: messages['field.required'] });
    form.send(mutation, { identifier: identifier.trim() }, () => messages['forgotPassword.success'], () => {
      setIdentifier('');
      onSuccess?.();
    });
  };

  return (
    <form
      ref={formRef}
      method="post"
      noValidate
      aria-labelledby={titleId}
      aria-busy={form.pending ? true : undefined}
      data-state={form.state}
      className={cx('lk-root', 'lk-form', 'lk-forgot-password', classNames?.root, className)}
      onSubmit={onSubmit}
      {...rest}
    >
      <Heading level={headingLevel} id={titleId} className={cx('lk-title', classNames?.title)}>
        {messages['forgotPassword.title']}
      </Heading>
      <p className={cx('lk-intro', classNames?.intro)}>{messages['forgotPassword.intro']}</p>
      <FormError className={classNames?.alert} details={form.details}>
        {form.summary}
      </FormError>
      <RateLimitCountdown secondsLeft={form.secondsLeft} messages={messages} className={classNames?.countdown} />
      <Field
        label={messages['forgotPassword.identifier']}
        name="identifier"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={identifier}
        error={form.fieldErrors.identifier}
        classNames={classNames}
        onChange={(event) => {
          setIdentifier(event.target.value);
          form.clearFieldError('identifier');
        }}
      />
      <SubmitButton pending={form.pending} pendingLabel={messages['forgotPassword.pending']} disabled={form.locked} className={classNames?.submit}>
        {messages['forgotPassword.submit']}
      </SubmitButton>
      <FormStatus className={classNames?.status}>{form.success}</FormStatus>
      {signIn ? (
        <ul className={cx('lk-links', classNames?.links)}>
          <li>
            <ActionLink target={signIn} className={classNames?.link}>
              {messages['forgotPassword.back']}
            </ActionLink>
          </li>
        </ul>
      ) : null}
    </form>
  );
});
