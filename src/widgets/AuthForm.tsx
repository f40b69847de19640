import { useCallback, useId } from 'react';
import type { FormHTMLAttributes, ReactNode, Ref } from 'react';
import { ActionLink } from './ActionLink.js';
import type { LinkTarget } from './ActionLink.js';
import type { FormClassNames } from './classNames.js';
import { cx } from './cx.js';
import { FormError } from './FormError.js';
import { formatDuration } from './formatDuration.js';
import { formatMessage } from './formatMessage.js';
import { FormStatus } from './FormStatus.js';
import type { HeadingLevel } from './HeadingLevel.js';
import { SubmitButton } from './SubmitButton.js';
import type { AuthFormController } from './useAuthForm.js';

/**
 * One link under a form: where it goes (nothing: the link is not shown) and its text.
 *
 * @example
 * ```ts
 * const link: AuthFormLink = ['/login', messages['forgotPassword.back']];
 * ```
 */
export type AuthFormLink = readonly [target: LinkTarget | null | false | undefined, label: ReactNode];

/**
 * Props of {@link AuthForm}. Other `<form>` attributes (the widget's rest props) are spread last.
 *
 * @example
 * ```tsx
 * const props: AuthFormProps = { kind: 'lk-login', title: 'Sign in', form, onSubmit };
 * ```
 */
export interface AuthFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'title' | 'onSubmit'> {
  /** Reaches the `<form>` (merged with the controller's own ref). */
  ref?: Ref<HTMLFormElement> | undefined;
  /**
   * The widget's class (`lk-login`, ...): the form gets `lk-root lk-form <kind>`, `classNames.root`,
   * `className`. Without one (a form inside another widget) it is `lk-form`, `classNames.root`, `className`.
   */
  kind?: string | undefined;
  /** The heading text. */
  title: ReactNode;
  headingLevel?: HeadingLevel | undefined;
  /** Class names of the parts. */
  classNames?: FormClassNames | undefined;
  /** Runs on submit (the browser's submit is always prevented), unless the controller is locked. */
  onSubmit?: (() => void) | undefined;
  /**
   * The form controller: gives `data-state`, `aria-busy`, the error summary, the countdown and the
   * status region. Without one the form is a bare frame (title, intro, children, links). A widget
   * shows its own summary or status by handing over a copy with other `summary` / `success`, and
   * its own state by passing `data-state` (and `aria-busy`), which win as rest props.
   */
  form?: (Omit<AuthFormController, 'summary' | 'success'> & { summary: ReactNode; success: ReactNode }) | undefined;
  /** Shown between the title and the error summary (the widget's `lk-intro` part). */
  intro?: ReactNode;
  /** The submit button's text and pending text; nothing hides it. */
  submit?: readonly [label: ReactNode, pendingLabel: ReactNode] | null | false | undefined;
  /** Links under the form, in a list shown when at least one has a target. */
  links?: readonly AuthFormLink[] | undefined;
  /** The fields. */
  children?: ReactNode;
}

/**
 * The skeleton every form widget shares: the `<form>` wiring (`method="post"`, `noValidate`,
 * labelled by its heading, `aria-busy`, `data-state`, submit prevented and ignored while the
 * controller is locked, the widget's ref merged with the controller's), the heading, an optional
 * intro, the error summary (`role="alert"`), the 429 countdown, the fields, the submit button,
 * the polite status region and the links list. Internal part of the widgets; the widgets only pass their strings, fields and behaviour.
 *
 * @example
 * ```tsx
 * <AuthForm {...rest} kind="lk-login" form={form} title={messages['login.title']} onSubmit={send}
 *   submit={[messages['login.submit'], messages['login.pending']]}>
 *   <Field label={messages['login.identifier']} name="identifier" />
 * </AuthForm>
 * ```
 */
export function AuthForm({
  ref,
  kind,
  title,
  headingLevel,
  classNames,
  className,
  onSubmit,
  form,
  intro,
  submit,
  links = [],
  children,
  ...rest
}: AuthFormProps) {
  const titleId = useId();
  // The title at the chosen level (`h2` by default).
  const Title = `h${headingLevel ?? 2}` as const;
  const controllerRef = form?.formRef;
  // One callback ref gives the form to the widget's ref and to the controller (which focuses inside it).
  const formRef = useCallback(
    (node: HTMLFormElement | null) => {
      setRef(ref, node);
      setRef(controllerRef, node);
    },
    [ref, controllerRef],
  );
  const shown = links.filter((link) => link[0]);
  return (
    <form
      ref={formRef}
      method="post"
      noValidate
      aria-labelledby={titleId}
      aria-busy={form?.pending || undefined}
      data-state={form?.state}
      className={cx(kind && 'lk-root', 'lk-form', kind, classNames?.root, className)}
      onSubmit={(event) => {
        event.preventDefault();
        if (!form?.locked) onSubmit?.();
      }}
      {...rest}
    >
      <Title id={titleId} className={cx('lk-title', classNames?.title)}>
        {title}
      </Title>
      {intro}
      {form ? (
        <FormError className={classNames?.alert} details={form.details}>
          {form.summary}
        </FormError>
      ) : null}
      {form?.secondsLeft ? (
        // The 429 countdown (a live timer; nothing once it has run out).
        <p className={cx('lk-countdown', classNames?.countdown)} role="timer">
          {formatMessage(form.messages['form.rateLimited'], { time: formatDuration(form.secondsLeft, form.messages), seconds: form.secondsLeft })}
        </p>
      ) : null}
      {children}
      {form && submit ? (
        <SubmitButton pending={form.pending} pendingLabel={submit[1]} disabled={form.locked} className={classNames?.submit}>
          {submit[0]}
        </SubmitButton>
      ) : null}
      {form ? <FormStatus className={classNames?.status}>{form.success}</FormStatus> : null}
      {shown.length > 0 ? (
        <ul className={cx('lk-links', classNames?.links)}>
          {shown.map(([target, label], index) => (
            <li key={index}>
              <ActionLink target={target as LinkTarget} className={cx('lk-link', classNames?.link)}>
                {label}
              </ActionLink>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

/** Hands a node to a callback ref or an object ref. */
function setRef<T>(ref: Ref<T> | undefined, node: T | null): void {
  if (typeof ref === 'function') ref(node);
  else if (ref) ref.current = node;
}
