import { useEffect, useId, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, RefAttributes } from 'react';
import { createPortal } from 'react-dom';
import { useSessionExpiry } from '../react/index.js';
import { cx } from './cx.js';
import { describeError } from './describeError.js';
import { formatDuration } from './formatDuration.js';
import { formatMessage } from './formatMessage.js';
import type { Messages } from './messages.js';
import { commonStrings } from './strings/common.js';
import { sessionExpiryStrings } from './strings/sessionExpiry.js';
import { useWidgetMessages } from './useWidgetMessages.js';

/** The strings SessionExpiryWarning shows (its own slice of the dictionary and the shared one). */
const STRINGS = { ...commonStrings, ...sessionExpiryStrings };

/**
 * Class names of the parts of {@link SessionExpiryWarning}.
 *
 * @example
 * ```tsx
 * <SessionExpiryWarning classNames={{ backdrop: 'overlay', dialog: 'modal' }} />
 * ```
 */
export interface SessionExpiryWarningClassNames {
  backdrop?: string;
  dialog?: string;
  title?: string;
  body?: string;
  alert?: string;
  actions?: string;
  stay?: string;
  signOut?: string;
}

/**
 * Props of {@link SessionExpiryWarning}. Other attributes are passed to the dialog element.
 *
 * @example
 * ```tsx
 * const props: SessionExpiryWarningProps = { onSignedOut: () => navigate('/login') };
 * ```
 */
export interface SessionExpiryWarningProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'role'> {
  /** Called after "Sign out" (local state is already cleared). */
  onSignedOut?: () => void;
  /** Where the dialog is rendered (a portal). Default `document.body`. */
  container?: Element | null;
  /** Strings to override, on top of the provider's messages. */
  messages?: Partial<Messages>;
  /** Class names of the parts. */
  classNames?: SessionExpiryWarningClassNames;
}

/**
 * A modal warning before the session ends (`expiryWarningMs` on the provider, default two
 * minutes): a live countdown, "Stay signed in" (cookie mode re-reads the session, bearer mode
 * refreshes) and "Sign out". It is a real modal: `role="alertdialog"`, `aria-modal`, the rest of
 * the page `inert`, focus moves to "Stay signed in", Tab stays inside, Escape means "stay", and
 * focus returns where it was when the dialog closes. Every tab shows and hides it together (the provider keeps tabs in step).
 * Mount it once, anywhere inside the provider. Composes `useSessionExpiry`.
 *
 * @example
 * ```tsx
 * <AuthProvider baseUrl="/api/auth" expiryWarningMs={60_000}>
 *   <App />
 *   <SessionExpiryWarning onSignedOut={() => navigate('/login')} />
 * </AuthProvider>
 * ```
 */
export function SessionExpiryWarning(
  { ref, onSignedOut, container, messages: overrides, classNames, className, ...rest }: SessionExpiryWarningProps & RefAttributes<HTMLDivElement>,
) {
  const messages = useWidgetMessages(STRINGS, overrides);
  const expiry = useSessionExpiry();
  const id = useId();
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  const stayRef = useRef<HTMLButtonElement>(null);
  const signOutRef = useRef<HTMLButtonElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const [pending, setPending] = useState<'stay' | 'signOut' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const msLeft = expiry.warning ? expiry.msLeft : null;
  // Where the open dialog is rendered (a portal); `null` while it is closed.
  const host = msLeft === null ? null : (container ?? (typeof document === 'undefined' ? null : document.body));
  // A closed dialog forgets a failed attempt: it opens without an alert next time.
  if (host === null && error !== null) setError(null);

  // The rest of the page is inert while the dialog is open (declared first, so on close it is
  // usable again before focus goes back to it).
  useEffect(() => {
    if (host === null) return undefined;
    const backdrop = backdropRef.current;
    const others = [...(backdrop?.parentElement?.children ?? [])].filter((element) => element !== backdrop && !element.hasAttribute('inert'));
    for (const element of others) element.setAttribute('inert', '');
    return () => {
      for (const element of others) element.removeAttribute('inert');
    };
  }, [host]);

  // Focus moves into the dialog when it opens and back where it was when it closes.
  useEffect(() => {
    if (host === null) return undefined;
    const previous = document.activeElement as HTMLElement | null;
    stayRef.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, [host]);

  if (host === null || msLeft === null) return null;

  const run = (which: 'stay' | 'signOut') => {
    if (busy.current) return;
    busy.current = true;
    setPending(which);
    setError(null);
    const action = which === 'stay' ? expiry.extend() : expiry.signOut();
    action
      .then(() => {
        if (which === 'signOut') onSignedOut?.();
      })
      .catch((reason: unknown) => setError(reason))
      .finally(() => {
        busy.current = false;
        setPending(null);
      });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      run('stay');
      return;
    }
    // Tab and Shift+Tab cycle through the two buttons (the rest of the page is inert).
    const buttons = [stayRef.current, signOutRef.current];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement | null);
    if (event.key === 'Tab' && at !== (event.shiftKey ? 1 : 0)) {
      event.preventDefault();
      buttons[event.shiftKey ? 1 : 0]?.focus();
    }
  };

  const seconds = Math.ceil(msLeft / 1000);
  return createPortal(
      <div ref={backdropRef} className={cx('lk-root', 'lk-backdrop', classNames?.backdrop)}>
        <div
          ref={ref}
          role="alertdialog"
          aria-modal="true"
          aria-labelledby={titleId}
          aria-describedby={bodyId}
          data-state={pending === null ? 'open' : 'submitting'}
          className={cx('lk-dialog', classNames?.dialog, className)}
          onKeyDown={onKeyDown}
          {...rest}
        >
          <h2 id={titleId} className={cx('lk-title', classNames?.title)}>
            {messages['expiry.title']}
          </h2>
          <p id={bodyId} className={cx('lk-dialog-body', classNames?.body)}>
            {formatMessage(messages['expiry.body'], { time: formatDuration(seconds, messages), seconds })}
          </p>
          {error === null ? null : (
            <div role="alert" className={cx('lk-alert', classNames?.alert)}>
              {describeError(error, messages)}
            </div>
          )}
          <div className={cx('lk-actions', classNames?.actions)}>
            <button
              ref={stayRef}
              type="button"
              className={cx('lk-button', classNames?.stay)}
              data-variant="primary"
              aria-busy={pending === 'stay' || undefined}
              aria-disabled={pending !== null || undefined}
              onClick={() => run('stay')}
            >
              {messages['expiry.stay']}
            </button>
            <button
              ref={signOutRef}
              type="button"
              className={cx('lk-button', classNames?.signOut)}
              aria-busy={pending === 'signOut' || undefined}
              aria-disabled={pending !== null || undefined}
              onClick={() => run('signOut')}
            >
              {messages['expiry.signOut']}
            </button>
          </div>
        </div>
      </div>,
    host,
  );
}
