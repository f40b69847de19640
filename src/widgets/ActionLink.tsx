import type { ReactNode } from 'react';
import { cx } from './cx.js';

/**
 * Where a secondary action goes: a URL (rendered as a link) or a callback (rendered as a button).
 *
 * @example
 * ```ts
 * const target: LinkTarget = '/forgot-password';
 * const other: LinkTarget = () => navigate('/register');
 * ```
 */
export type LinkTarget = string | (() => void);

/**
 * A link for a URL target, a link-styled button for a callback target. Internal helper.
 *
 * @example
 * ```tsx
 * <ActionLink target="/register">Create an account</ActionLink>
 * ```
 */
export function ActionLink({ target, className, children }: { target: LinkTarget; className?: string | undefined; children: ReactNode }) {
  if (typeof target === 'string') {
    return (
      <a href={target} className={cx('lk-link', className)}>
        {children}
      </a>
    );
  }
  return (
    <button type="button" className={cx('lk-link', className)} onClick={target}>
      {children}
    </button>
  );
}
