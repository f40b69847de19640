import { useEffect, useId, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, RefAttributes } from 'react';
import type { User } from '../contract/index.js';
import { useAuthCore } from '../react/AuthContext.js';
import { useAuth } from '../react/index.js';
import type { LinkTarget } from './ActionLink.js';
import { cx } from './cx.js';
import { formatMessage } from './formatMessage.js';
import type { Messages } from './messages.js';
import { authStatusHeaderStrings } from './strings/authStatusHeader.js';
import { useWidgetMessages } from './useWidgetMessages.js';
import { VisuallyHidden } from './VisuallyHidden.js';

/** The strings AuthStatusHeader shows (its own slice of the dictionary; it shows none of the shared form strings). */
const STRINGS = authStatusHeaderStrings;
type WidgetMessages = typeof STRINGS;

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
  { ref, signIn: signInProp, account = '/account', onSignedOut, showRoles = true, displayName, messages: overrides, classNames, className, ...rest }: AuthStatusHeaderProps & RefAttributes<HTMLDivElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const auth = useAuth();
  const core = useAuthCore('AuthStatusHeader');
  // Without a `signIn` prop the link goes to the provider's `loginPath` (default `/login`).
  const signIn = signInProp ?? core.settings.loginPath;
  const rootClass = cx('lk-root', 'lk-header', classNames?.root, className);
  const signInRef = useRef<HTMLElement | null>(null);
  const focusSignIn = useRef(false);

  // After signing out from the menu, focus lands on "Sign in" instead of being lost.
  useEffect(() => {
    if (auth.status === 'unauthenticated' && focusSignIn.current) {
      focusSignIn.current = false;
      signInRef.current?.focus();
    }
  }, [auth.status]);

  if (auth.status === 'loading') {
    return (
      <div ref={ref} className={rootClass} data-state="loading" aria-busy="true" {...rest}>
        <span className={cx('lk-skeleton', classNames?.skeleton)} aria-hidden="true" />
        <VisuallyHidden>{messages['header.loading']}</VisuallyHidden>
      </div>
    );
  }

  if (auth.status === 'unauthenticated') {
    const signInClass = cx('lk-button', 'lk-sign-in', classNames?.signIn);
    return (
      <div ref={ref} className={rootClass} data-state="signed-out" {...rest}>
        {typeof signIn === 'string' ? (
          <a ref={(node) => void (signInRef.current = node)} href={signIn} className={signInClass} data-variant="primary">
            {messages['header.signIn']}
          </a>
        ) : (
          <button ref={(node) => void (signInRef.current = node)} type="button" className={signInClass} data-variant="primary" onClick={signIn}>
            {messages['header.signIn']}
          </button>
        )}
      </div>
    );
  }

  const user = auth.user;
  const name = displayName ? displayName(user) : user.name !== null && user.name.trim() !== '' ? user.name : user.username;
  return (
    <div ref={ref} className={rootClass} data-state="signed-in" {...rest}>
      {showRoles && user.roles.length > 0 ? (
        <span className={cx('lk-user-roles', classNames?.roles)}>{formatMessage(messages['header.roles'], { roles: user.roles.join(', ') })}</span>
      ) : null}
      <AccountMenu
        name={name}
        account={account}
        messages={messages}
        classNames={classNames}
        onSignOut={async () => {
          focusSignIn.current = true;
          await auth.logout();
          onSignedOut?.();
        }}
      />
    </div>
  );
}

// ───────────────────────────── the menu button ─────────────────────────────

function AccountMenu({
  name,
  account,
  messages,
  classNames,
  onSignOut,
}: {
  name: string;
  account: LinkTarget | false;
  messages: WidgetMessages;
  classNames: AuthStatusHeaderClassNames | undefined;
  onSignOut: () => Promise<void>;
}) {
  const id = useId();
  const buttonId = `${id}-button`;
  const menuId = `${id}-menu`;
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState<number | 'last'>(0);
  const [signingOut, setSigningOut] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    const list = items();
    const target = focusIndex === 'last' ? list.at(-1) : list[focusIndex];
    target?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent | MouseEvent) => {
      const target = event.target as Node | null;
      if (target && !menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open]);

  const openAt = (index: number | 'last') => {
    setFocusIndex(index);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt('last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const current = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      const next = (index + list.length) % list.length;
      setFocusIndex(next);
      list[next]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowUp':
        return move(current - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'Escape':
        event.preventDefault();
        return close(true);
      case 'Tab':
        return close(false);
      case ' ':
        // Space activates link items too, like buttons.
        if (document.activeElement instanceof HTMLAnchorElement) {
          event.preventDefault();
          document.activeElement.click();
        }
        return undefined;
      default:
        return undefined;
    }
  };

  const itemClass = cx('lk-menu-item', classNames?.menuItem);
  return (
    <>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={cx('lk-button', 'lk-menu-button', classNames?.menuButton)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={formatMessage(messages['header.menu'], { name })}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <span className={cx('lk-user-name', classNames?.name)}>{name}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul
        ref={menuRef}
        id={menuId}
        role="menu"
        aria-labelledby={buttonId}
        hidden={!open}
        className={cx('lk-menu', classNames?.menu)}
        onKeyDown={onMenuKeyDown}
      >
        {account === false ? null : (
          <li role="none">
            {typeof account === 'string' ? (
              <a role="menuitem" tabIndex={-1} href={account} className={itemClass} onClick={() => setOpen(false)}>
                {messages['header.account']}
              </a>
            ) : (
              <button
                role="menuitem"
                tabIndex={-1}
                type="button"
                className={itemClass}
                onClick={() => {
                  close(true);
                  account();
                }}
              >
                {messages['header.account']}
              </button>
            )}
          </li>
        )}
        <li role="none">
          <button
            role="menuitem"
            tabIndex={-1}
            type="button"
            className={itemClass}
            aria-disabled={signingOut ? true : undefined}
            onClick={() => {
              if (signingOut) return;
              setSigningOut(true);
              setOpen(false);
              void onSignOut().finally(() => setSigningOut(false));
            }}
          >
            {messages['header.signOut']}
          </button>
        </li>
      </ul>
    </>
  );
}
