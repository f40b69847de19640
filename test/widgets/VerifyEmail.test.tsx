import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defaultMessages, messagesDe, useAuth, VerifyEmail } from 'latchkey';
import { count, expectNoAxeViolations, failWith, installMsw, lastBody, requests, server, setup, SLOW, typist } from './support.js';

installMsw();

function Status() {
  const status = useAuth((auth) => (auth.status === 'authenticated' ? `signed in as ${auth.user.username}` : auth.status));
  return <p data-testid="auth">{status}</p>;
}

async function verificationToken(harness: ReturnType<typeof setup>): Promise<string> {
  await harness.client.register({ username: 'grace', email: 'grace@example.com', password: 'grace hopper compiles cobol' });
  const token = harness.backend.outbox.last('grace@example.com', 'verify-email')?.token;
  if (token === undefined) throw new Error('no verification mail');
  requests.length = 0;
  return token;
}

describe('VerifyEmail', SLOW, () => {
  it('takes ?token= out of the address bar, confirms on one click with the token in the body, and signs in', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    const harness = setup({ config: { features: { emailVerification: true } } });
    const token = await verificationToken(harness);
    window.history.replaceState(null, '', `/verify-email?token=${encodeURIComponent(token)}`);
    harness.renderWithAuth(
      <>
        <VerifyEmail onSuccess={onSuccess} />
        <Status />
      </>,
    );
    expect(window.location.search).toBe('');
    await waitFor(() => expect(screen.getByTestId('auth')).toHaveTextContent('unauthenticated'));
    expect(count('POST email/verify')).toBe(0);
    await expectNoAxeViolations();

    await user.dblClick(screen.getByRole('button', { name: 'Confirm my email address' }));
    expect(await screen.findByText(defaultMessages['verifyEmail.success'])).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTestId('auth')).toHaveTextContent('signed in as grace');
    expect(count('POST email/verify')).toBe(1);
    expect(lastBody('POST email/verify')).toEqual({ token });
    expect(requests.every((r) => !r.url.includes(token))).toBe(true);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Confirm my email address' })).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('says clearly when the link is invalid or used', async () => {
    const user = typist();
    const harness = setup({ config: { features: { emailVerification: true } } });
    harness.renderWithAuth(<VerifyEmail token="not-a-real-token" signIn="/in" />);
    await user.click(screen.getByRole('button', { name: 'Confirm my email address' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(defaultMessages['verifyEmail.invalidToken']);
    expect(alert).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/in');
    await expectNoAxeViolations();
  });

  it('without a token explains what is missing', async () => {
    setup().renderWithAuth(<VerifyEmail />, { messages: messagesDe });
    expect(screen.getByRole('alert')).toHaveTextContent(messagesDe['verifyEmail.missingToken']);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zur Anmeldung' })).toHaveAttribute('href', '/login');
    await expectNoAxeViolations();
  });

  it('reports a rate limit with a countdown, forwards the ref and spreads props', async () => {
    const user = typist();
    const ref = createRef<HTMLFormElement>();
    setup().renderWithAuth(<VerifyEmail ref={ref} token="t" className="c" />);
    server.use(failWith('post', 'email/verify', 429, { error: { code: 'rate_limited', message: 'slow' } }, { 'Retry-After': '10' }));
    await user.click(screen.getByRole('button', { name: 'Confirm my email address' }));
    expect(await screen.findByRole('timer')).toHaveTextContent('10 seconds');
    expect(screen.getByRole('button', { name: 'Confirm my email address' })).toBeDisabled();
    expect(ref.current).toHaveAttribute('data-state', 'rate-limited');
    expect(ref.current).toHaveClass('lk-form', 'c');
  });
});
