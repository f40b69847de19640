import type { FormHTMLAttributes, RefAttributes } from 'react';
import { useForgotUsername } from '../react/index.js';
import type { LinkTarget } from './ActionLink.js';
import type { FormClassNames } from './classNames.js';
import type { HeadingLevel } from './HeadingLevel.js';
import { looksLikeEmail } from './looksLikeEmail.js';
import type { Messages } from './messages.js';
import { RecoveryForm } from './RecoveryForm.js';
import { commonStrings } from './strings/common.js';
import { fieldStrings } from './strings/fields.js';
import { forgotUsernameStrings } from './strings/forgotUsername.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/** The strings ForgotUsername shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...fieldStrings, ...forgotUsernameStrings };

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

const INPUT = { type: 'email', autoComplete: 'email', spellCheck: false } as const;

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
export function ForgotUsername(
  { defaultEmail = '', messages: overrides, ...rest }: ForgotUsernameProps & RefAttributes<HTMLFormElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const mutation = useForgotUsername();
  return (
    <RecoveryForm
      {...rest}
      defaultValue={defaultEmail}
      messages={messages}
      mutation={mutation}
      field="email"
      inputProps={INPUT}
      validate={(email) => (looksLikeEmail(email) ? null : messages['field.invalidEmail'])}
      text={{
        title: messages['forgotUsername.title'],
        intro: messages['forgotUsername.intro'],
        label: messages['forgotUsername.email'],
        submit: messages['forgotUsername.submit'],
        pending: messages['forgotUsername.pending'],
        success: messages['forgotUsername.success'],
        back: messages['forgotUsername.back'],
      }}
      rootClass="lk-forgot-username"
    />
  );
}
