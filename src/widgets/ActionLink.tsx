import type { HTMLAttributes } from 'react';

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
 * Props of {@link ActionLink}: its target, and attributes for the link or button.
 *
 * @example
 * ```tsx
 * const props: ActionLinkProps = { target: '/register', className: 'lk-link', children: 'Create an account' };
 * ```
 */
export interface ActionLinkProps extends Omit<HTMLAttributes<HTMLElement>, 'onClick'> {
  target: LinkTarget;
  /** Reaches the link or the button. */
  ref?: ((node: HTMLElement | null) => void) | undefined;
  /** Runs on a click, before a callback target. */
  onClick?: (() => void) | undefined;
}

/**
 * A link for a URL target, a button (`type="button"`) for a callback target, with the same
 * attributes. Internal helper (the links under the forms, the header's "Sign in" and menu item).
 *
 * @example
 * ```tsx
 * <ActionLink target="/register" className="lk-link">Create an account</ActionLink>
 * ```
 */
export function ActionLink({ target, onClick, ...rest }: ActionLinkProps) {
  return typeof target === 'string' ? (
    <a href={target} onClick={onClick} {...rest} />
  ) : (
    <button
      type="button"
      onClick={() => {
        onClick?.();
        target();
      }}
      {...rest}
    />
  );
}
