import { act, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messagesDe, SessionExpiryWarning, useAuth } from 'latchkey';
import { count, expectNoAxeViolations, failWith, installMsw, server, setup, SLOW, typist } from './support.js';

installMsw();
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

const IDLE = 10 * 60_000;

function Page() {
  const status = useAuth((auth) => auth.status);
  return (
    <>
      <button type="button">Page button</button>
      <p data-testid="status">{status}</p>
    </>
  );
}

/** Signs in with a 10-minute idle timeout, renders, focuses the page button, and moves the clock into the warning period. */
async function openWarning(props: Parameters<typeof SessionExpiryWarning>[0] = {}, providerMessages?: typeof messagesDe) {
  const user = typist({ advanceTimers: vi.advanceTimersByTime });
  const harness = setup({ lifetimes: { idleMs: IDLE } });
  await harness.signIn();
  harness.renderWithAuth(
    <>
      <Page />
      <SessionExpiryWarning {...props} />
    </>,
    { expiryWarningMs: 120_000, ...(providerMessages ? { messages: providerMessages } : {}) },
  );
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('authenticated'));
  screen.getByRole('button', { name: 'Page button' }).focus();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  await act(async () => {
    vi.advanceTimersByTime(IDLE - 90_000);
  });
  return { user, harness, dialog: await screen.findByRole('alertdialog') };
}

describe('SessionExpiryWarning', SLOW, () => {
  it('opens as a modal before the end, with a live countdown and focus on "Stay signed in"', async () => {
    const { dialog } = await openWarning();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleName('Your session is about to end');
    expect(dialog).toHaveAccessibleDescription(/signed out in 1 min (29|30) s\./);
    expect(screen.getByRole('button', { name: 'Stay signed in' })).toHaveFocus();
    expect(screen.getByRole('main').parentElement).toHaveAttribute('inert');
    await expectNoAxeViolations();

    await act(async () => {
      vi.advanceTimersByTime(31_000);
    });
    expect(dialog).toHaveAccessibleDescription(/signed out in (59|60) seconds\./);
  });

  it('traps Tab and Shift+Tab inside the dialog', async () => {
    const { user } = await openWarning();
    const stay = screen.getByRole('button', { name: 'Stay signed in' });
    const signOut = screen.getByRole('button', { name: 'Sign out' });
    await user.tab();
    expect(signOut).toHaveFocus();
    await user.tab();
    expect(stay).toHaveFocus();
    await user.tab({ shift: true });
    expect(signOut).toHaveFocus();
  });

  it('Escape means "stay": the session is extended, the dialog closes and focus returns', async () => {
    const { user } = await openWarning();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(count('GET session')).toBeGreaterThanOrEqual(1);
    expect(screen.getByTestId('status')).toHaveTextContent('authenticated');
    expect(screen.getByRole('button', { name: 'Page button' })).toHaveFocus();
    expect(screen.getByRole('main').parentElement).not.toHaveAttribute('inert');
  });

  it('"Stay signed in" by keyboard extends the session', async () => {
    const { user } = await openWarning();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('status')).toHaveTextContent('authenticated');
  });

  it('"Sign out" signs out and calls onSignedOut', async () => {
    const onSignedOut = vi.fn();
    const { user } = await openWarning({ onSignedOut });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('unauthenticated'));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(count('POST logout')).toBe(1);
  });

  it('closes by itself when the session runs out', async () => {
    await openWarning();
    await act(async () => {
      vi.advanceTimersByTime(91_000);
    });
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('unauthenticated'));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('shows a failed extension as an alert inside the dialog and stays usable', async () => {
    const { user } = await openWarning();
    server.use(failWith('get', 'session', 500, { error: { code: 'internal', message: 'boom' } }));
    await user.click(screen.getByRole('button', { name: 'Stay signed in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on the server');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('is translated, forwards the ref and applies classNames', async () => {
    const ref = createRef<HTMLDivElement>();
    const { dialog } = await openWarning({ ref, className: 'modal', classNames: { stay: 'primary' } }, messagesDe);
    expect(ref.current).toBe(dialog);
    expect(dialog).toHaveClass('lk-dialog', 'modal');
    expect(dialog).toHaveAccessibleName('Ihre Sitzung endet gleich');
    expect(screen.getByRole('button', { name: 'Angemeldet bleiben' })).toHaveClass('primary');
  });
});
