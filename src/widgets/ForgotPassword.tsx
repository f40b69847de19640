import type { FormHTMLAttributes, RefAttributes } from 'react';
import { useForgotPassword } from '../react/index.js';
import type { LinkTarget } from './ActionLink.js';
import type { FormClassNames } from './classNames.js';
import type { HeadingLevel } from './HeadingLevel.js';
import type { Messages } from './messages.js';
import { RecoveryForm } from './RecoveryForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { forgotPasswordStrings } from './strings/forgotPassword.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/** The strings ForgotPassword shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...forgotPasswordStrings };

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

const INPUT = { autoComplete: 'username', autoCapitalize: 'none', spellCheck: false } as const;

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
export function ForgotPassword(
  { defaultIdentifier = '', messages: overrides, ...rest }: ForgotPasswordProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const mutation = useForgotPassword();
  return (
    <RecoveryForm
      {...rest}
      defaultValue={defaultIdentifier}
      messages={messages}
      mutation={mutation}
      field="identifier"
      inputProps={INPUT}
      text={{
        title: messages['forgotPassword.title'],
        intro: messages['forgotPassword.intro'],
        label: messages['forgotPassword.identifier'],
        submit: messages['forgotPassword.submit'],
        pending: messages['forgotPassword.pending'],
        success: messages['forgotPassword.success'],
        back: messages['forgotPassword.back'],
      }}
      rootClass="lk-forgot-password"
    />
  );
}
