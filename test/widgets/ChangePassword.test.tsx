import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChangePassword, defaultMessages } from 'latchkey';
import { ada, count, enter, expectNoAxeViolations, installMsw, lastBody, networkError, server, setup, SLOW, typist } from './support.js';
import type { Typist } from './support.js';

installMsw();

const NEW_PASSWORD = 'a completely new passphrase';

async function fill(user: Typist, current: string, next: string, repeat = next) {
  await enter(user, screen.getByLabelText('Current password'), current);
  await enter(user, screen.getByLabelText('New password'), next);
  await enter(user, screen.getByLabelText('Repeat new password'), repeat);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ChangePassword', SLOW, () => {
  it('changes the password, announces it and clears every field (security 5, 7)', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<ChangePassword onSuccess={onSuccess} />);
    await expectNoAxeViolations();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Repeat new password')).toHaveAttribute('autocomplete', 'new-password');
    for (const label of ['Current password', 'New password', 'Repeat new password']) {
      expect(screen.getByLabelText(label)).toHaveAttribute('type', 'password');
      expect(screen.getByLabelText(label)).not.toHaveAttribute('maxlength');
    }

    await fill(user, ada.password, NEW_PASSWORD);
    expect(await screen.findByText(defaultMessages['changePassword.success'])).toHaveAttribute('aria-live', 'polite');
    expect(lastBody('POST password/change')).toEqual({ currentPassword: ada.password, newPassword: NEW_PASSWORD });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ session: expect.objectContaining({ user: expect.objectContaining({ username: 'ada' }) }) }));
    for (const label of ['Current password', 'New password', 'Repeat new password']) expect(screen.getByLabelText(label)).toHaveValue('');
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'success');
    await expectNoAxeViolations();
  });

  it('marks a wrong current password on its field and focuses it', async () => {
    const user = typist();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<ChangePassword />);
    await fill(user, 'not my password at all', NEW_PASSWORD);
    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(current).toHaveAccessibleDescription(defaultMessages['field.currentPasswordWrong']);
    expect(current).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(defaultMessages['form.errorSummary']);
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'invalid');
    await expectNoAxeViolations();
  });

  it('validates before sending: required, policy length, repetition', async () => {
    const user = typist();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<ChangePassword />);
    await waitFor(() => expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/Use 12 to 128 characters/));
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('Current password')).toHaveFocus();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
    await fill(user, ada.password, NEW_PASSWORD, 'something else entirely');
    expect(screen.getByLabelText('Repeat new password')).toHaveFocus();
    expect(count('POST password/change')).toBe(0);
  });

  it('without the repeat field when confirmPassword is false; network failures re-enable the form', async () => {
    const user = typist();
    const harness = setup();
    await harness.signIn();
    const ref = createRef<HTMLFormElement>();
    harness.renderWithAuth(<ChangePassword ref={ref} confirmPassword={false} className="c" />);
    expect(screen.queryByLabelText('Repeat new password')).not.toBeInTheDocument();
    expect(ref.current).toHaveClass('lk-form', 'c');
    server.use(networkError('post', 'password/change'));
    await user.type(screen.getByLabelText('Current password'), ada.password);
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.network']);
    expect(screen.getByRole('button', { name: 'Change password' })).toBeEnabled();
  });

  it('signed out, the server says the session ended', async () => {
    const user = typist();
    setup().renderWithAuth(<ChangePassword />);
    await fill(user, ada.password, NEW_PASSWORD);
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.unauthenticated']);
  });
});
