import { useId } from 'react';
import type { ReactNode } from 'react';
import { cx } from './cx.js';

/**
 * An inline "are you sure?" with the destructive button first and focus on "Cancel". Internal.
 *
 * @example
 * ```tsx
 * <Confirm text="Delete ada?" confirm="Delete user" cancel="Cancel" onConfirm={drop} onCancel={close} pending={false} />
 * ```
 */
export function Confirm({
  text,
  confirm,
  cancel,
  pending,
  className,
  buttonClass,
  onConfirm,
  onCancel,
}: {
  text: ReactNode;
  confirm: string;
  cancel: string;
  pending: boolean;
  className?: string | undefined;
  buttonClass?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={cx('lk-confirm', className)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={id}>{text}</p>
      <div className="lk-actions">
        <button type="button" className={cx('lk-button', buttonClass)} data-variant="danger" disabled={pending} aria-busy={pending || undefined} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" autoFocus className={cx('lk-button', buttonClass)} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
