import type { HTMLAttributes, ReactNode, RefAttributes } from 'react';
import { cx } from './cx.js';

/**
 * Props of {@link FormStatus}.
 *
 * @example
 * ```tsx
 * const props: FormStatusProps = { children: 'Saved.' };
 * ```
 */
export interface FormStatusProps extends HTMLAttributes<HTMLDivElement> {
  children?: ReactNode;
}

/**
 * A polite live region for success messages (`role="status"`, `aria-live="polite"`). It is
 * always in the document, empty until there is something to say, so screen readers announce the
 * text when it appears.
 *
 * @example
 * ```tsx
 * <FormStatus>{done ? 'Your changes have been saved.' : null}</FormStatus>
 * ```
 */
export function FormStatus({ ref, children, className, ...rest }: FormStatusProps & RefAttributes<HTMLDivElement>) {
  return (
    <div ref={ref} role="status" aria-live="polite" className={cx('lk-status', className)} {...rest}>
      {children}
    </div>
  );
}
