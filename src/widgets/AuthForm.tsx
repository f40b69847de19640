import type { FormEventHandler, FormHTMLAttributes, ReactNode, Ref } from 'react';
import { ActionLink } from './ActionLink.js';
import type { LinkTarget } from './ActionLink.js';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';
import { FormError } from './FormError.js';
import { formatDuration } from './formatDuration.js';
import { formatMessage } from './formatMessage.js';
import { FormStatus } from './FormStatus.js';
import { Heading } from './Heading.js';
import type { HeadingLevel } from './Heading.js';
import type { CommonMessages } from './strings/common.js';
import { SubmitButton } from './SubmitButton.js';
import type { AuthFormController } from './useAuthForm.js';

/**
 * One link under a form: where it goes and its text. `null`/`false` entries are skipped.
 *
 * @example
 * ```ts
 * const link: AuthFormLink = { target: '/login', label: messages['forgotPassword.back'] };
 * ```
 */
export interface AuthFormLink {
  target: LinkTarget;
  label: ReactNode;
}

/**
 * Props of {@link AuthForm}. Other `<form>` attributes (the widget's rest props) are spread last.
 *
 * @example
 * ```tsx
 * const props: AuthFormProps = { titleId, title: 'Sign in', rootClassName: 'lk-root lk-form lk-login', onSubmit };
 * ```
 */
export interface AuthFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'title' | 'className' | 'onSubmit'> {
  ref?: Ref<HTMLFormElement> | undefined;
  /** The heading's id (the form is labelled by it). */
  titleId: string;
  /** The heading text. */
  title: ReactNode;
  headingLevel?: HeadingLevel | undefined;
  /** The form's full class list (already joined). */
  rootClassName: string | undefined;
  /** Class names of the parts (title, alert, countdown, submit, status, links, link). */
  classNames?: Pick<FormClassNames, 'title' | 'alert' | 'countdown' | 'submit' | 'status' | 'links' | 'link'> | undefined;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /**
   * The form controller: gives `data-state`, `aria-busy`, the error summary, the countdown and the
   * status region. Without one the form is a bare frame (title, intro, children, links).
   */
  form?: AuthFormController | undefined;
  /** Needed with `form`: the countdown's strings. */
  messages?: CommonMessages | undefined;
  /** `data-state` (default: the controller's state). */
  state?: string | undefined;
  /** `aria-busy` (default: a request is in flight). */
  busy?: boolean | undefined;
  /** Shown between the title and the error summary. */
  intro?: ReactNode;
  /** The error summary text (default: the controller's). */
  summary?: ReactNode;
  /** The submit button's text and pending text; `null` hides it. */
  submit?: { label: ReactNode; pendingLabel: ReactNode } | null | undefined;
  /** Content of the status region (default: the controller's success message). */
  status?: ReactNode;
  /** Links under the form, in a list shown when at least one is present. */
  links?: ReadonlyArray<AuthFormLink | null | false | undefined> | undefined;
  /** The fields. */
  children?: ReactNode;
}

/**
 * The skeleton every form widget shares: the `<form>` wiring (`method="post"`, `noValidate`,
 * labelled by its heading, `aria-busy`, `data-state`), the heading, an optional intro, the error
 * summary (`role="alert"`), the 429 countdown, the fields, the submit button, the polite status
 * region and the links list. Internal part of the widgets; the widgets only pass their strings,
 * fields and behaviour.
 *
 * @example
 * ```tsx
 * <AuthForm ref={formRef} form={form} messages={messages} titleId={titleId} title={messages['login.title']}
 *   rootClassName={cx('lk-root', 'lk-form', 'lk-login')} onSubmit={onSubmit}
 *   submit={{ label: messages['login.submit'], pendingLabel: messages['login.pending'] }}>
 *   <Field label={messages['login.identifier']} name="identifier" />
 * </AuthForm>
 * ```
 */
export function AuthForm({
  ref,
  titleId,
  title,
  headingLevel,
  rootClassName,
  classNames,
  onSubmit,
  form,
  messages,
  state,
  busy,
  intro,
  summary,
  submit,
  status,
  links,
  children,
  ...rest
}: AuthFormProps) {
  const shown = (links ?? []).filter((link): link is AuthFormLink => Boolean(link));
  const isBusy = busy ?? form?.pending ?? false;
  return (
    <form
      ref={ref}
      method="post"
      noValidate
      aria-labelledby={titleId}
      aria-busy={isBusy ? true : undefined}
      data-state={state ?? form?.state}
      className={rootClassName}
      onSubmit={onSubmit}
      {...rest}
    >
      <Heading level={headingLevel} id={titleId} className={cx('lk-title', classNames?.title)}>
        {title}
      </Heading>
      {intro}
      {form ? (
        <>
          <FormError className={classNames?.alert} details={form.details}>
            {summary === undefined ? form.summary : summary}
          </FormError>
          {messages && form.secondsLeft ? (
            // The 429 countdown (a live timer; nothing once it has run out).
            <p className={cx('lk-countdown', classNames?.countdown)} role="timer">
              {formatMessage(messages['form.rateLimited'], { time: formatDuration(form.secondsLeft, messages), seconds: form.secondsLeft })}
            </p>
          ) : null}
        </>
      ) : null}
      {children}
      {form && submit ? (
        <SubmitButton pending={form.pending} pendingLabel={submit.pendingLabel} disabled={form.locked} className={classNames?.submit}>
          {submit.label}
        </SubmitButton>
      ) : null}
      {form ? <FormStatus className={classNames?.status}>{status === undefined ? form.success : status}</FormStatus> : null}
      {shown.length > 0 ? (
        <ul className={cx('lk-links', classNames?.links)}>
          {shown.map((link, index) => (
            <li key={index}>
              <ActionLink target={link.target} className={cx('lk-link', classNames?.link)}>
                {link.label}
              </ActionLink>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
