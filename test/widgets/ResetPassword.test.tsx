import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LoginForm, ResetPassword, defaultMessages } from 'latchkey';
import { ada, count, enter, expectNoAxeViolations, failWith, installMsw, lastBody, requests, server, setup, SLOW, typist } from './support.js';
import type { Typist } from './support.js';

installMsw();

const NEW_PASSWORD = 'a brand new long passphrase';

/** Asks the mock backend for a reset mail and returns its token. */
async function resetToken(harness: ReturnType<typeof setup>): Promise<string> {
  await harness.client.forgotPassword({ identifier: 'ada' });
  const token = harness.backend.outbox.last('ada@example.com', 'password-reset')?.token;
  if (token === undefined) throw new Error('no reset mail');
  requests.length = 0;
  return token;
}

async function choose(user: Typist, password: string, repeat = password) {
  await enter(user, screen.getByLabelText('New password'), password);
  await enter(user, screen.getByLabelText('Repeat new password'), repeat);
  await user.click(screen.getByRole('button', { name: 'Save new password' }));
}

describe('ResetPassword', SLOW, () => {
  it('takes the token from ?token=, removes it from the address bar at once and sends it in the body (security 17)', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    const harness = setup();
    const token = await resetToken(harness);
    window.history.replaceState({ from: 'mail' }, '', `/reset-password?token=${encodeURIComponent(token)}&lang=en#top`);
    harness.renderWithAuth(<ResetPassword onSuccess={onSuccess} />);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/reset-password?lang=en#top');
    expect(window.history.state).toEqual({ from: 'mail' });
    await expectNoAxeViolations();

    const password = screen.getByLabelText('New password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Repeat new password')).toHaveAttribute('autocomplete', 'new-password');
    await choose(user, NEW_PASSWORD);
    expect(await screen.findByText(defaultMessages['resetPassword.success'])).toHaveAttribute('aria-live', 'polite');
    expect(lastBody('POST password/reset')).toEqual({ token, password: NEW_PASSWORD });
    expect(requests.every((r) => !r.url.includes(token))).toBe(true);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    // The new password works.
    await expect(harness.client.login({ identifier: 'ada', password: NEW_PASSWORD })).resolves.toMatchObject({ session: { user: { username: 'ada' } } });
  });

  it('takes the token from a prop', async () => {
    const user = typist();
    const harness = setup();
    const token = await resetToken(harness);
    harness.renderWithAuth(<ResetPassword token={token} />);
    await choose(user, NEW_PASSWORD);
    await screen.findByText(defaultMessages['resetPassword.success']);
    expect(lastBody('POST password/reset')).toEqual({ token, password: NEW_PASSWORD });
  });

  it('says clearly when the token is invalid, expired or used, and offers to ask again', async () => {
    const user = typist();
    const harness = setup();
    const token = await resetToken(harness);
    await harness.client.resetPassword({ token, password: 'first new long passphrase' });
    harness.renderWithAuth(<ResetPassword token={token} forgotPassword="/forgot" />);
    await choose(user, NEW_PASSWORD);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(defaultMessages['resetPassword.invalidToken']);
    expect(alert).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/forgot');
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'error');
    await expectNoAxeViolations();
  });

  it('without a token shows the way to ask for a link and no form', async () => {
    const onRequestNew = vi.fn();
    const user = typist();
    setup().renderWithAuth(<ResetPassword forgotPassword={onRequestNew} />);
    expect(screen.getByRole('alert')).toHaveTextContent(defaultMessages['resetPassword.missingToken']);
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Request a new link' }));
    expect(onRequestNew).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations();
  });

  it('checks the policy from config live and the repetition before sending; passwords are cleared (security 7)', async () => {
    const user = typist();
    setup({ config: { password: { minLength: 15, maxLength: 64 } } }).renderWithAuth(<ResetPassword token="t" />);
    const password = screen.getByLabelText('New password');
    await waitFor(() => expect(password).toHaveAccessibleDescription(/Use 15 to 64 characters/));
    await user.type(password, 'short🔑');
    expect(password).toHaveAccessibleDescription(/6 of at least 15 characters/);
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/Use at least 15 characters\./);
    expect(password).toHaveFocus();
    expect(password).toHaveValue('');

    await choose(user, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    const repeat = screen.getByLabelText('Repeat new password');
    expect(repeat).toHaveAttribute('aria-invalid', 'true');
    expect(repeat).toHaveAccessibleDescription(defaultMessages['field.passwordMismatch']);
    expect(repeat).toHaveFocus();
    expect(repeat).toHaveValue('');
    expect(count('POST password/reset')).toBe(0);
    await expectNoAxeViolations();
  });

  it('marks a weak password on its field (server policy)', async () => {
    const user = typist();
    const harness = setup();
    const token = await resetToken(harness);
    harness.renderWithAuth(<ResetPassword token={token} />);
    server.use(failWith('post', 'password/reset', 422, { error: { code: 'weak_password', message: 'common', fields: { password: 'too common' } } }));
    await choose(user, 'password1234567');
    const password = screen.getByLabelText('New password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(/too easy to guess/);
    expect(password).toHaveFocus();
  });

  it('forwards the ref and spreads props', () => {
    const ref = createRef<HTMLFormElement>();
    setup().renderWithAuth(<ResetPassword ref={ref} token="t" data-testid="r" className="c" />);
    expect(ref.current).toBe(screen.getByTestId('r'));
    expect(ref.current).toHaveClass('lk-form', 'c');
  });

  it('sits next to a login form without interfering (sign in after reset)', async () => {
    const user = typist();
    const harness = setup();
    const token = await resetToken(harness);
    harness.renderWithAuth(
      <>
        <ResetPassword token={token} />
        <LoginForm />
      </>,
    );
    await choose(user, NEW_PASSWORD);
    await screen.findByText(defaultMessages['resetPassword.success']);
    await user.type(screen.getByLabelText('Username or email'), ada.username);
    await user.type(screen.getByLabelText('Password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('You are signed in.')).toBeInTheDocument();
  });
});
