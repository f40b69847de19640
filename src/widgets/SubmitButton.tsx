import type { ButtonHTMLAttributes, ReactNode, RefAttributes } from 'react';
import { cx } from './cx.js';

/**
 * Props of {@link SubmitButton}.
 *
 * @example
 * ```tsx
 * const props: SubmitButtonProps = { pending: true, pendingLabel: 'Signing in…', children: 'Sign in' };
 * ```
 */
export interface SubmitButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** A request is in flight: the button is disabled and `aria-busy="true"`. */
  pending?: boolean;
  /** Text while pending (default: the normal text). */
  pendingLabel?: ReactNode;
}

/**
 * The submit button of a form: `type="submit"`, disabled and `aria-busy` while a request is in
 * flight (so a double click or Enter cannot send twice), disabled while `disabled` (for example
 * during a rate-limit countdown).
 *
 * @example
 * ```tsx
 * <SubmitButton pending={state === 'submitting'} pendingLabel="Signing in…">Sign in</SubmitButton>
 * ```
 */
export function SubmitButton(
  { ref, pending = false, pendingLabel, disabled, className, children, ...rest }: SubmitButtonProps & RefAttributes<HTMLButtonElement>,
) {
  return (
    <button
      ref={ref}
      type="submit"
      className={cx('lk-button', 'lk-submit', className)}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      data-state={pending ? 'pending' : undefined}
      {...rest}
    >
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
