import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AccountForm, AuthStatusHeader, defaultMessages } from 'latchkey';
import { ada, count, enter, expectNoAxeViolations, installMsw, lastBody, networkError, server, setup, SLOW, typist } from './support.js';

installMsw();

const save = () => screen.getByRole('button', { name: 'Save changes' });

describe('AccountForm', SLOW, () => {
  it('shows the signed-in user and saves a new name; the header follows', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(
      <>
        <AuthStatusHeader />
        <AccountForm onSuccess={onSuccess} />
      </>,
    );
    const name = await screen.findByLabelText('Name');
    expect(name).toHaveValue('Ada Lovelace');
    expect(name).toHaveAttribute('autocomplete', 'name');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    expect(screen.getByText('ada')).toBeInTheDocument();
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    await enter(user, name, 'Augusta Ada King');
    await user.click(save());
    expect(await screen.findByText(defaultMessages['account.success'])).toHaveAttribute('aria-live', 'polite');
    expect(lastBody('PATCH user')).toEqual({ name: 'Augusta Ada King' });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: 'Augusta Ada King' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Account menu for Augusta Ada King' })).toBeInTheDocument());
    await expectNoAxeViolations();
  });

  it('asks for the current password when the email changes, and marks a wrong one', async () => {
    const user = typist();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<AccountForm />);
    const email = await screen.findByLabelText('Email');
    await enter(user, email, 'ada@lovelace.example');
    const current = screen.getByLabelText('Current password');
    expect(current).toHaveAttribute('autocomplete', 'current-password');
    expect(current).toHaveAttribute('type', 'password');
    expect(current).toHaveAccessibleDescription(defaultMessages['account.currentPasswordHint']);

    await user.click(save());
    expect(current).toHaveFocus();
    expect(current).toHaveAccessibleDescription(new RegExp(defaultMessages['field.required']));
    expect(count('PATCH user')).toBe(0);

    await enter(user, current, 'wrong password entirely');
    await user.click(save());
    await waitFor(() => expect(current).toHaveAccessibleDescription(new RegExp(defaultMessages['field.currentPasswordWrong'])));
    expect(current).toHaveFocus();
    expect(current).toHaveValue('');
    await expectNoAxeViolations();

    await enter(user, current, ada.password);
    await user.click(save());
    await screen.findByText(defaultMessages['account.success']);
    expect(lastBody('PATCH user')).toEqual({ email: 'ada@lovelace.example', currentPassword: ada.password });
    await waitFor(() => expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument());
    expect(harness.backend.store.user('ada')?.email).toBe('ada@lovelace.example');
  });

  it('marks a taken email (409) and says when nothing changed', async () => {
    const user = typist();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<AccountForm />);
    await user.click(await screen.findByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(defaultMessages['account.noChanges'])).toBeInTheDocument();
    expect(count('PATCH user')).toBe(0);

    await enter(user, screen.getByLabelText('Email'), 'bob@example.com');
    await enter(user, screen.getByLabelText('Current password'), ada.password);
    await user.click(save());
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(defaultMessages['field.emailTaken']);
    expect(email).toHaveFocus();
  });

  it('reports a network failure and stays usable', async () => {
    const user = typist();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<AccountForm />);
    server.use(networkError('patch', 'user'));
    await enter(user, await screen.findByLabelText('Name'), 'Ada');
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.network']);
    expect(save()).toBeEnabled();
  });

  it('says so when signed out, and is busy while loading', async () => {
    const harness = setup({ latencyMs: 100 });
    const ref = createRef<HTMLFormElement>();
    harness.renderWithAuth(<AccountForm ref={ref} className="c" />);
    expect(ref.current).toHaveAttribute('data-state', 'loading');
    expect(ref.current).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText(defaultMessages['account.signedOut'])).toBeInTheDocument();
    expect(ref.current).toHaveAttribute('data-state', 'signed-out');
    expect(ref.current).toHaveClass('lk-form', 'c');
    await expectNoAxeViolations();
  });
});
