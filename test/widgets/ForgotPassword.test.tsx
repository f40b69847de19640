import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForgotPassword, defaultMessages, messagesDe } from 'latchkey';
import { count, expectNoAxeViolations, failWith, installMsw, lastBody, networkError, server, setup, SLOW, typist } from './support.js';

installMsw();
afterEach(() => {
  vi.useRealTimers();
});

const success = defaultMessages['forgotPassword.success'];

describe('ForgotPassword', SLOW, () => {
  it('sends the identifier and shows one neutral confirmation, for known and unknown accounts alike (security 13)', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    const harness = setup();
    harness.renderWithAuth(<ForgotPassword onSuccess={onSuccess} />);
    await expectNoAxeViolations();
    const field = screen.getByLabelText('Username or email');
    expect(field).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByRole('form', { name: 'Reset your password' })).toHaveAttribute('method', 'post');

    await user.type(field, 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    const status = await screen.findByText(success);
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(lastBody('POST password/forgot')).toEqual({ identifier: 'ada@example.com' });
    expect(harness.backend.outbox.last('ada@example.com', 'password-reset')?.token).toEqual(expect.any(String));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(field).toHaveValue('');
    const known = document.body.innerHTML;
    await expectNoAxeViolations();

    await user.type(field, 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    await waitFor(() => expect(count('POST password/forgot')).toBe(2));
    await screen.findByText(success);
    expect(document.body.innerHTML).toBe(known);
  });

  it('asks for the identifier before sending anything', async () => {
    const user = typist();
    setup().renderWithAuth(<ForgotPassword />);
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    const field = screen.getByLabelText('Username or email');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(count('POST password/forgot')).toBe(0);
    await expectNoAxeViolations();
  });

  it('on 429 counts down with the button disabled and does not retry (security 12)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = typist({ advanceTimers: vi.advanceTimersByTime });
    setup().renderWithAuth(<ForgotPassword />);
    server.use(failWith('post', 'password/forgot', 429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'Retry-After': '30' }));
    await user.type(screen.getByLabelText('Username or email'), 'ada');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('timer')).toHaveTextContent('You can try again in 30 seconds.');
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeDisabled();
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'rate-limited');
    vi.advanceTimersByTime(31_000);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send reset link' })).toBeEnabled());
    expect(count('POST password/forgot')).toBe(1);
  });

  it('reports a network failure and stays usable', async () => {
    const user = typist();
    setup().renderWithAuth(<ForgotPassword />);
    server.use(networkError('post', 'password/forgot'));
    await user.type(screen.getByLabelText('Username or email'), 'ada');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.network']);
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeEnabled();
    await expectNoAxeViolations();
  });

  it('has a back link, translations, ref, rest props and class names', () => {
    const ref = createRef<HTMLFormElement>();
    setup().renderWithAuth(<ForgotPassword ref={ref} signIn="/signin" className="x" classNames={{ submit: 'btn' }} data-testid="f" />, { messages: messagesDe });
    expect(screen.getByRole('link', { name: 'Zurück zur Anmeldung' })).toHaveAttribute('href', '/signin');
    expect(screen.getByRole('button', { name: 'Link senden' })).toHaveClass('btn');
    expect(ref.current).toBe(screen.getByTestId('f'));
    expect(ref.current).toHaveClass('lk-form', 'x');
  });
});
