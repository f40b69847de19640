import { useRef } from 'react';
import type { ButtonHTMLAttributes, MouseEvent, RefAttributes } from 'react';
import { useLogout } from '../react/index.js';
import { cx } from './cx.js';
import type { Messages } from './messages.js';
import { logoutStrings } from './strings/logout.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/**
 * Props of {@link LogoutButton}. Other `<button>` attributes are passed to the button.
 *
 * @example
 * ```tsx
 * const props: LogoutButtonProps = { onSignedOut: () => navigate('/') };
 * ```
 */
export interface LogoutButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** Called once local state is cleared (also when the request itself failed). */
  onSignedOut?: () => void;
  /** Strings to override (`logout.label`, `logout.pending`), on top of the provider's messages. */
  messages?: Partial<Messages>;
}

/**
 * A "Sign out" button: one `POST logout` however often it is clicked, disabled and `aria-busy`
 * while in flight. Local state is cleared even when the request fails. `children` replace the
 * label. Composes `useLogout`.
 *
 * `data-state`: `idle | submitting | success`.
 *
 * @example
 * ```tsx
 * <LogoutButton className="btn" onSignedOut={() => navigate('/')} />
 * ```
 */
export function LogoutButton(
  { ref, onSignedOut, messages: overrides, className, children, onClick, disabled, ...rest }: LogoutButtonProps & RefAttributes<HTMLButtonElement>,
) {
  // Only its own slice of the dictionary: it shows none of the shared form strings.
  const messages = useWidgetMessages(logoutStrings, overrides);
  const logout = useLogout();
  const inFlight = useRef(false);
  const pending = logout.isPending;

  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || inFlight.current) return;
    inFlight.current = true;
    logout.mutate(undefined, {
      onSettled: () => {
        inFlight.current = false;
        onSignedOut?.();
      },
    });
  };

  return (
    <button
      ref={ref}
      type="button"
      className={cx('lk-root', 'lk-button', 'lk-logout', className)}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      data-state={pending ? 'submitting' : logout.isSuccess ? 'success' : 'idle'}
      onClick={handleClick}
      {...rest}
    >
      {pending ? messages['logout.pending'] : (children ?? messages['logout.label'])}
    </button>
  );
}
