import type { FormHTMLAttributes, RefAttributes } from 'react';
import type { AuthResult } from '../contract/index.js';
import { useVerifyEmail } from '../react/index.js';
import type { LinkTarget } from './ActionLink.js';
import { AuthForm } from './AuthForm.js';
import { cx } from './cx.js';
import type { FormClassNames } from './classNames.js';
import type { HeadingLevel } from './HeadingLevel.js';
import type { Messages } from './messages.js';
import { translateFieldError } from './describeError.js';
import { useAuthForm } from './useAuthForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { verifyEmailStrings } from './strings/verifyEmail.js';
import { useWidgetMessages } from './useWidgetMessages.js';
import { useUrlToken } from './urlToken.js';

/** The strings VerifyEmail shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...verifyEmailStrings };

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
  { token: tokenProp, tokenParam = 'token', onSuccess, signIn = '/login', messages: overrides, ...rest }: VerifyEmailProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const mutation = useVerifyEmail();
  const form = useAuthForm(messages, [], translateFieldError);
  const token = useUrlToken(tokenParam, tokenProp);

  const tokenRejected = form.error?.code === 'invalid_token';
  const done = form.state === 'success';

  const onSubmit = () => {
    if (token !== null) form.send(mutation, { token }, () => messages['verifyEmail.success'], onSuccess);
  };

  const actionable = token !== null && !tokenRejected && !done;

  return (
    <AuthForm
      kind="lk-verify-email"
      form={{
        ...form,
        summary: tokenRejected ? messages['verifyEmail.invalidToken'] : token === null ? messages['verifyEmail.missingToken'] : form.summary,
      }}
      title={messages['verifyEmail.title']}
      onSubmit={onSubmit}
      data-state={token === null ? 'error' : form.state}
      intro={actionable && <p className={cx('lk-intro', rest.classNames?.intro)}>{messages['verifyEmail.intro']}</p>}
      submit={actionable && [messages['verifyEmail.submit'], messages['verifyEmail.pending']]}
      links={[[(token === null || tokenRejected) && signIn, messages['verifyEmail.signIn']]]}
      {...rest}
    />
  );
}
