import { useEffect, useId, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, RefAttributes } from 'react';
import type { User } from '../contract/index.js';
import { useAuthCore } from '../react/AuthContext.js';
import { useAuth } from '../react/index.js';
import { ActionLink } from './ActionLink.js';
import type { LinkTarget } from './ActionLink.js';
import { cx } from './cx.js';
import { formatMessage } from './formatMessage.js';
import type { Messages } from './messages.js';
import { authStatusHeaderStrings } from './strings/authStatusHeader.js';
import { useWidgetMessages } from './useWidgetMessages.js';
import { visuallyHidden } from './visuallyHidden.js';

/**
 * Class names of the parts of {@link AuthStatusHeader}.
 *
 * @example
 * ```tsx
 * <AuthStatusHeader classNames={{ menuButton: 'btn', menu: 'dropdown' }} />
 * ```
 */
export interface AuthStatusHeaderClassNames {
  root?: string;
  skeleton?: string;
  signIn?: string;
  /** The user's name inside the menu button. */
  name?: string;
  roles?: string;
  menuButton?: string;
  menu?: string;
  menuItem?: string;
}

/**
 * Props of {@link AuthStatusHeader}. Other attributes are passed to the root `<div>`.
 *
 * @example
 * ```tsx
 * const props: AuthStatusHeaderProps = { signIn: '/login', account: '/account', showRoles: false };
 * ```
 */
export interface AuthStatusHeaderProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Signed out: where "Sign in" goes, a URL (link) or a callback (button). Default: the provider's `loginPath` (`/login`). */
  signIn?: LinkTarget;
  /** Signed in: the menu's "Account settings" item, a URL or a callback; `false` leaves it out. Default `/account`. */
  account?: LinkTarget | false;
  /** Called after signing out from the menu (local state is already cleared). */
  onSignedOut?: () => void;
  /** Show the user's roles under the name (default `true`). */
  showRoles?: boolean;
  /** How to name the user (default: `name`, else `username`). */
  displayName?: (user: User) => string;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: AuthStatusHeaderClassNames;
}

/**
 * The login status bar for the top of an app. Loading: a fixed-size skeleton (no layout shift).
 * Signed out: a "Sign in" link or button. Signed in: the user's roles and a button with the user's
 * name that opens the account menu, following the WAI-ARIA menu button pattern (Enter, Space, ↓
 * open it on the first item, ↑ on the last; ↑ ↓ Home End move; Escape closes and returns focus to
 * the button; Tab closes) with "Account settings" and "Sign out". Composes `useAuth`.
 *
 * `data-state` on the root: `loading | signed-out | signed-in`.
 *
 * @example
 * ```tsx
 * <header className="topbar">
 *   <Logo />
 *   <AuthStatusHeader signIn={() => navigate('/login')} account="/account" />
 * </header>
 * ```
 */
export function AuthStatusHeader(
  { ref, signIn, account = '/account', onSignedOut, showRoles = true, displayName, messages: overrides, classNames, className, ...rest }: AuthStatusHeaderProps & RefAttributes<HTMLDivElement>,
) {
  // Only its own slice of the dictionary: it shows none of the shared form strings.
  const messages = useWidgetMessages(authStatusHeaderStrings, overrides);
  const auth = useAuth();
  // The provider's settings (loginPath); useAuth above has already reported a missing provider.
  const core = useAuthCore('useAuth');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  // Which item takes focus when the menu opens: 0 the first, -1 the last.
  const start = useRef(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const focusSignIn = useRef(false);
  const user = auth.user;
  const loading = auth.status === 'loading';
  // The menu belongs to the signed-in user: once signed out it is closed for whoever signs in next.
  if (!user && open) setOpen(false);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  // Open: focus the first (or last) item; a press outside the button and the menu closes it.
  useEffect(() => {
    if (!open) return undefined;
    items().at(start.current)?.focus();
    const onPointerDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open]);

  const openAt = (index: number) => {
    start.current = index;
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const { key } = event;
    const list = items();
    const current = list.indexOf(document.activeElement as HTMLElement);
    // ↓ ↑ wrap around; Home and End go to the first and last item (`at(-1)` is the last).
    const next = key === 'ArrowDown' ? current + 1 : key === 'ArrowUp' ? current - 1 : key === 'Home' ? 0 : key === 'End' ? -1 : null;
    if (next !== null) {
      event.preventDefault();
      list.at(next % list.length)?.focus();
    } else if (key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (key === 'Tab') {
      close(false);
    } else if (key === ' ' && document.activeElement instanceof HTMLAnchorElement) {
      // Space activates link items too, like buttons.
      event.preventDefault();
      document.activeElement.click();
    }
  };

  const name = user ? (displayName ? displayName(user) : user.name?.trim() ? user.name : user.username) : '';
  const itemClass = cx('lk-menu-item', classNames?.menuItem);
  return (
    <div
      ref={ref}
      className={cx('lk-root', 'lk-header', classNames?.root, className)}
      data-state={user ? 'signed-in' : loading ? 'loading' : 'signed-out'}
      aria-busy={loading || undefined}
      {...rest}
    >
      {user ? (
        <>
          {showRoles && user.roles.length > 0 ? (
            <span className={cx('lk-user-roles', classNames?.roles)}>{formatMessage(messages['header.roles'], { roles: user.roles.join(', ') })}</span>
          ) : null}
          {/* The menu button (WAI-ARIA menu button pattern). */}
          <button
            ref={buttonRef}
            id={`${id}-button`}
            type="button"
            className={cx('lk-button', 'lk-menu-button', classNames?.menuButton)}
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={`${id}-menu`}
            aria-label={formatMessage(messages['header.menu'], { name })}
            onClick={() => (open ? close(false) : openAt(0))}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                openAt(event.key === 'ArrowDown' ? 0 : -1);
              }
            }}
          >
            <span className={cx('lk-user-name', classNames?.name)}>{name}</span>
            <span aria-hidden="true"> ▾</span>
          </button>
          <ul
            ref={menuRef}
            id={`${id}-menu`}
            role="menu"
            aria-labelledby={`${id}-button`}
            hidden={!open}
            className={cx('lk-menu', classNames?.menu)}
            onKeyDown={onMenuKeyDown}
          >
            {account === false ? null : (
              <li role="none">
                {/* A link item closes the menu and lets the browser follow it; a callback item returns focus to the button first. */}
                <ActionLink target={account} role="menuitem" tabIndex={-1} className={itemClass} onClick={() => close(typeof account !== 'string')}>
                  {messages['header.account']}
                </ActionLink>
              </li>
            )}
            <li role="none">
              <button
                role="menuitem"
                tabIndex={-1}
                type="button"
                className={itemClass}
                aria-disabled={signingOut || undefined}
                onClick={() => {
                  if (signingOut) return;
                  setSigningOut(true);
                  setOpen(false);
                  focusSignIn.current = true;
                  void auth
                    .logout()
                    .then(() => onSignedOut?.())
                    .finally(() => setSigningOut(false));
                }}
              >
                {messages['header.signOut']}
              </button>
            </li>
          </ul>
        </>
      ) : loading ? (
        <>
          <span className={cx('lk-skeleton', classNames?.skeleton)} aria-hidden="true" />
          <span style={visuallyHidden}>{messages['header.loading']}</span>
        </>
      ) : (
        // Without a `signIn` prop the link goes to the provider's `loginPath` (default `/login`).
        // After signing out from the menu, focus lands on it (as it appears) instead of being lost.
        <ActionLink
          ref={(node) => {
            if (node && focusSignIn.current) {
              focusSignIn.current = false;
              node.focus();
            }
          }}
          target={signIn ?? core.settings.loginPath}
          className={cx('lk-button', 'lk-sign-in', classNames?.signIn)}
          data-variant="primary"
        >
          {messages['header.signIn']}
        </ActionLink>
      )}
    </div>
  );
}
