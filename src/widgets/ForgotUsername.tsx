import { forwardRef, useId, useState } from 'react';
import type { FormEvent, FormHTMLAttributes } from 'react';
import { useForgotUsername } from '../react/index.js';
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
import { looksLikeEmail } from './looksLikeEmail.js';
import { useMergeRefs } from './useMergeRefs.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/**
 * Props of {@link ForgotUsername}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: ForgotUsernameProps = { signIn: '/login', defaultEmail: 'ada@example.com' };
 * ```
 */
export interface ForgotUsernameProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** Called after the backend accepted the request (whatever it knows about the account). */
  onSuccess?: () => void;
  /** Target of the "back to sign in" link (default `/login`); `false` hides it. */
  signIn?: LinkTarget | false;
  /** Pre-filled email address. */
  defaultEmail?: string;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

/**
 * "Forgot your username?": asks for an email address and shows one neutral confirmation for
 * every accepted request, so nobody learns whether an account uses it. Composes
 * `useForgotUsername`; 429 shows a countdown and is never retried automatically.
 *
 * @example
 * ```tsx
 * <ForgotUsername signIn="/login" />
 * ```
 */
export const ForgotUsername = forwardRef<HTMLFormElement, ForgotUsernameProps>(function ForgotUsername(
  { onSuccess, signIn = '/login', defaultEmail = '', headingLevel, messages: overrides, classNames, className, ...rest },
  ref,
) {
  const messages = useWidgetMessages(overrides);
  const mutation = useForgotUsername();
  const form = useAuthForm(messages, ['email']);
  const formRef = useMergeRefs(ref, form.formRef);
  const titleId = useId();
  const [emailValue, setEmailValue] = useState(defaultEmail);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.locked) return;
    const email = emailValue.trim();
    if (email === '') return form.reject({ email: messages['field.required'] });
    if (!looksLikeEmail(email)) return form.reject({ email: messages['field.invalidEmail'] });
    form.send(mutation, { email }, () => messages['forgotUsername.success'], () => {
      setEmailValue('');
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
      className={cx('lk-root', 'lk-form', 'lk-forgot-username', classNames?.root, className)}
      onSubmit={onSubmit}
      {...rest}
    >
      <Heading level={headingLevel} id={titleId} className={cx('lk-title', classNames?.title)}>
        {messages['forgotUsername.title']}
      </Heading>
      <p className={cx('lk-intro', classNames?.intro)}>{messages['forgotUsername.intro']}</p>
      <FormError className={classNames?.alert} details={form.details}>
        {form.summary}
      </FormError>
      <RateLimitCountdown secondsLeft={form.secondsLeft} messages={messages} className={classNames?.countdown} />
      <Field
        label={messages['forgotUsername.email']}
        name="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        required
        value={emailValue}
        error={form.fieldErrors.email}
        classNames={classNames}
        onChange={(event) => {
          setEmailValue(event.target.value);
          form.clearFieldError('email');
        }}
      />
      <SubmitButton pending={form.pending} pendingLabel={messages['forgotUsername.pending']} disabled={form.locked} className={classNames?.submit}>
        {messages['forgotUsername.submit']}
      </SubmitButton>
      <FormStatus className={classNames?.status}>{form.success}</FormStatus>
      {signIn ? (
        <ul className={cx('lk-links', classNames?.links)}>
          <li>
            <ActionLink target={signIn} className={classNames?.link}>
              {messages['forgotUsername.back']}
            </ActionLink>
          </li>
        </ul>
      ) : null}
    </form>
  );
});
