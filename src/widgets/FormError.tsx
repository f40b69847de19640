import type { HTMLAttributes, ReactNode, RefAttributes } from 'react';
import { cx } from './cx.js';

/**
 * Props of {@link FormError}.
 *
 * @example
 * ```tsx
 * const props: FormErrorProps = { children: 'The sign-in details are not correct.' };
 * ```
 */
export interface FormErrorProps extends HTMLAttributes<HTMLDivElement> {
  /** The message; nothing is rendered when it is empty. Always rendered as text. */
  children?: ReactNode;
  /** Further lines (for example server messages about fields the form does not show). */
  details?: readonly string[];
}

/**
 * The error summary of a form: `role="alert"` (announced at once), focusable (`tabIndex=-1`) so
 * a failed submit can move focus to it, `data-lk-summary` for the focus logic. Renders nothing
 * without content.
 *
 * @example
 * ```tsx
 * <FormError>{error ? describeError(error, messages) : null}</FormError>
 * ```
 */
export function FormError({ ref, children, details = [], className, ...rest }: FormErrorProps & RefAttributes<HTMLDivElement>) {
  // Nothing to say: no text (null, undefined, false or '') and no further lines.
  if (((children ?? false) === false || children === '') && !details.length) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} data-lk-summary="" className={cx('lk-alert', className)} {...rest}>
      {children}
      {details.length ? (
        <ul>
          {details.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
