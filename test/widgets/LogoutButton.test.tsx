import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LogoutButton, messagesDe, useAuth } from 'latchkey';
import { count, expectNoAxeViolations, installMsw, networkError, server, setup, SLOW, typist } from './support.js';

installMsw();

function Status() {
  return <p data-testid="auth">{useAuth((auth) => auth.status)}</p>;
}

describe('LogoutButton', SLOW, () => {
  it('signs out with one request, however often it is clicked', async () => {
    const user = typist();
    const onSignedOut = vi.fn();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(
      <>
        <LogoutButton onSignedOut={onSignedOut} />
        <Status />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('auth')).toHaveTextContent('authenticated'));
    await expectNoAxeViolations();
    const button = screen.getByRole('button', { name: 'Sign out' });
    // Long enough that "pending" is still observable after the clicks on a loaded machine.
    harness.backend.setLatency(2000);
    await user.dblClick(button);
    const busy = screen.getByRole('button', { name: 'Signing out…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(screen.getByTestId('auth')).toHaveTextContent('unauthenticated'), { timeout: 10_000 });
    expect(count('POST logout')).toBe(1);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('clears local state even when the request fails (security 2)', async () => {
    const user = typist();
    const onSignedOut = vi.fn();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(
      <>
        <LogoutButton onSignedOut={onSignedOut} />
        <Status />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('auth')).toHaveTextContent('authenticated'));
    server.use(networkError('post', 'logout'));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByTestId('auth')).toHaveTextContent('unauthenticated'));
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('takes children as the label, translations, ref, rest props and a preventable onClick', async () => {
    const user = typist();
    const ref = createRef<HTMLButtonElement>();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(
      <>
        <LogoutButton ref={ref} className="btn" data-testid="out" onClick={(event) => event.preventDefault()} />
        <LogoutButton>Leave</LogoutButton>
      </>,
      { messages: messagesDe },
    );
    expect(ref.current).toBe(screen.getByTestId('out'));
    expect(ref.current).toHaveClass('lk-button', 'btn');
    expect(ref.current).toHaveTextContent('Abmelden');
    expect(screen.getByRole('button', { name: 'Leave' })).toHaveAttribute('type', 'button');
    await user.click(ref.current as HTMLButtonElement);
    expect(count('POST logout')).toBe(0);
  });
});
