import { forwardRef } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
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
export const FormStatus = forwardRef<HTMLDivElement, FormStatusProps>(function FormStatus({ children, className, ...rest }, ref) {
  return (
    <div ref={ref} role="status" aria-live="polite" className={cx('lk-status', className)} {...rest}>
      {children}
    </div>
  );
});
