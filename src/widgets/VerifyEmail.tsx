import { useEffect, useId, useState } from 'react';
import type { FormEvent, FormHTMLAttributes, RefAttributes } from 'react';
import type { AuthResult } from '../contract/index.js';
import { useVerifyEmail } from '../react/index.js';
import { ActionLink } from './ActionLink.js';
import type { LinkTarget } from './ActionLink.js';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';
import { FormError } from './FormError.js';
import { FormStatus } from './FormStatus.js';
import { Heading } from './Heading.js';
import type { HeadingLevel } from './Heading.js';
import type { Messages } from './messages.js';
import { RateLimitCountdown } from './RateLimitCountdown.js';
import { SubmitButton } from './SubmitButton.js';
import { useAuthForm } from './useAuthForm.js';
import { useMergeRefs } from './useMergeRefs.js';
import { commonStrings } from './strings/common.js';
import { verifyEmailStrings } from './strings/verifyEmail.js';
import { useWidgetMessages } from './useWidgetMessages.js';
import { readUrlToken, removeUrlToken } from './urlToken.js';

/** The strings VerifyEmail shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...verifyEmailStrings };

/**
 * Props of {@link VerifyEmail}. Other `<form>` attributes are passed to the form element.
 *
 * @example
 * ```tsx
 * const props: VerifyEmailProps = { onSuccess: () => navigate('/welcome') };
 * ```
 */
export interface VerifyEmailProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children' | 'method'> {
  /** The verification token. Without it the widget reads `?token=` (see `tokenParam`) from the URL. */
  token?: string;
  /** Name of the query parameter carrying the token (default `token`). */
  tokenParam?: string;
  /** Called with the answer (the user is signed in). */
  onSuccess?: (result: AuthResult) => void;
  /** Target of the "go to sign in" link shown when the token is missing or refused (default `/login`); `false` hides it. */
  signIn?: LinkTarget | false;
  /** Heading level of the title (default `2`). */
  headingLevel?: HeadingLevel;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: FormClassNames;
}

/**
 * The landing page of the confirmation mail (`features.emailVerification`): the token comes from
 * the `token` prop or `?token=` in the URL, is removed from the address bar on load and only sent
 * in the request body. The user confirms with one button (a mail scanner that merely opens the
 * link confirms nothing); success signs the user in. Composes `useVerifyEmail`.
 *
 * @example
 * ```tsx
 * // Route /verify-email?token=…
 * <VerifyEmail onSuccess={() => navigate('/')} />
 * ```
 */
export function VerifyEmail(
  { ref, token: tokenProp, tokenParam = 'token', onSuccess, signIn = '/login', headingLevel, messages: overrides, classNames, className, ...rest }: VerifyEmailProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const mutation = useVerifyEmail();
  const form = useAuthForm(messages, []);
  const formRef = useMergeRefs(ref, form.formRef);
  const titleId = useId();
  const [urlToken] = useState(() => (tokenProp === undefined ? readUrlToken(tokenParam) : null));
  const token = tokenProp ?? urlToken;

  useEffect(() => {
    removeUrlToken(tokenParam);
  }, [tokenParam]);

  const tokenRejected = form.error?.code === 'invalid_token';
  const done = form.state === 'success';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.locked || token === null) return;
    form.send(mutation, { token }, () => messages['verifyEmail.success'], onSuccess);
  };

  const summary = tokenRejected ? messages['verifyEmail.invalidToken'] : token === null ? messages['verifyEmail.missingToken'] : form.summary;

  return (
    <form
      ref={formRef}
      method="post"
      noValidate
      aria-labelledby={titleId}
      aria-busy={form.pending ? true : undefined}
      data-state={token === null ? 'error' : form.state}
      className={cx('lk-root', 'lk-form', 'lk-verify-email', classNames?.root, className)}
      onSubmit={onSubmit}
      {...rest}
    >
      <Heading level={headingLevel} id={titleId} className={cx('lk-title', classNames?.title)}>
        {messages['verifyEmail.title']}
      </Heading>
      {token !== null && !tokenRejected && !done ? <p className={cx('lk-intro', classNames?.intro)}>{messages['verifyEmail.intro']}</p> : null}
      <FormError className={classNames?.alert} details={form.details}>
        {summary}
      </FormError>
      <RateLimitCountdown secondsLeft={form.secondsLeft} messages={messages} className={classNames?.countdown} />
      {token !== null && !tokenRejected && !done ? (
        <SubmitButton pending={form.pending} pendingLabel={messages['verifyEmail.pending']} disabled={form.locked} className={classNames?.submit}>
          {messages['verifyEmail.submit']}
        </SubmitButton>
      ) : null}
      <FormStatus className={classNames?.status}>{form.success}</FormStatus>
      {(token === null || tokenRejected) && signIn ? (
        <ul className={cx('lk-links', classNames?.links)}>
          <li>
            <ActionLink target={signIn} className={cx('lk-link', classNames?.link)}>
              {messages['verifyEmail.signIn']}
            </ActionLink>
          </li>
        </ul>
      ) : null}
    </form>
  );
}
