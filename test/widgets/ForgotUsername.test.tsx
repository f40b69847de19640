import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ForgotUsername, defaultMessages } from 'latchkey';
import { count, expectNoAxeViolations, failWith, installMsw, lastBody, server, setup, SLOW, typist } from './support.js';

installMsw();

const success = defaultMessages['forgotUsername.success'];

describe('ForgotUsername', SLOW, () => {
  it('sends the email and shows one neutral confirmation for known and unknown addresses (security 13)', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    const harness = setup();
    harness.renderWithAuth(<ForgotUsername onSuccess={onSuccess} />);
    await expectNoAxeViolations();
    const field = screen.getByLabelText('Email');
    expect(field).toHaveAttribute('type', 'email');
    expect(field).toHaveAttribute('autocomplete', 'email');
    await user.type(field, 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send my username' }));
    expect(await screen.findByText(success)).toHaveAttribute('aria-live', 'polite');
    expect(lastBody('POST username/forgot')).toEqual({ email: 'ada@example.com' });
    expect(harness.backend.outbox.last('ada@example.com', 'username-reminder')).toBeDefined();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const known = document.body.innerHTML;

    await user.type(field, 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send my username' }));
    await waitFor(() => expect(count('POST username/forgot')).toBe(2));
    await screen.findByText(success);
    expect(document.body.innerHTML).toBe(known);
    await expectNoAxeViolations();
  });

  it('checks the address before sending', async () => {
    const user = typist();
    setup().renderWithAuth(<ForgotUsername />);
    const field = screen.getByLabelText('Email');
    await user.type(field, 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Send my username' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(defaultMessages['field.invalidEmail']);
    expect(field).toHaveFocus();
    expect(count('POST username/forgot')).toBe(0);
    await expectNoAxeViolations();
  });

  it('shows server errors as an alert and the rate-limit countdown', async () => {
    const user = typist();
    setup().renderWithAuth(<ForgotUsername />);
    server.use(failWith('post', 'username/forgot', 429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'Retry-After': '90' }));
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send my username' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.rate_limited']);
    expect(screen.getByRole('timer')).toHaveTextContent('1 min 30 s');
    expect(screen.getByRole('button', { name: 'Send my username' })).toBeDisabled();
    await expectNoAxeViolations();
  });
});
