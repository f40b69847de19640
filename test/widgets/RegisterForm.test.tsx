import { cleanup, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defaultMessages, messagesDe, RegisterForm, useAuth } from 'latchkey';
import type { RegisterExtraField } from 'latchkey';
import { count, enter, expectNoAxeViolations, failWith, installMsw, lastBody, server, setup, SLOW, typist } from './support.js';
import type { Typist } from './support.js';

installMsw();

const PASSWORD = 'grace hopper compiles cobol';

function Status() {
  const status = useAuth((auth) => (auth.status === 'authenticated' ? `signed in as ${auth.user.username}` : auth.status));
  return <p data-testid="auth">{status}</p>;
}

async function fill(user: Typist, values: { username?: string; email?: string; name?: string; password?: string }) {
  if (values.username !== undefined) await enter(user, screen.getByLabelText('Username'), values.username);
  if (values.email !== undefined) await enter(user, screen.getByLabelText('Email'), values.email);
  if (values.name !== undefined) await enter(user, screen.getByLabelText(/^Name/), values.name);
  if (values.password !== undefined) await enter(user, screen.getByLabelText('Password'), values.password);
}

const submit = (user: Typist) => user.click(screen.getByRole('button', { name: 'Create account' }));

describe('RegisterForm', SLOW, () => {
  it('registers, signs in with the answer and announces it (open registration)', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    setup().renderWithAuth(
      <>
        <RegisterForm onSuccess={onSuccess} />
        <Status />
      </>,
    );
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAccessibleDescription(/Use 12 to 128 characters/));
    await expectNoAxeViolations();
    expect(screen.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(password).not.toHaveAttribute('maxlength');
    expect(screen.queryByLabelText('Invite code')).not.toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Create an account' })).toHaveAttribute('data-registration', 'open');

    await fill(user, { username: 'grace', email: 'grace@example.com', name: 'Grace Hopper', password: PASSWORD });
    expect(password).toHaveAccessibleDescription(/27 of at least 12 characters/);
    await submit(user);
    expect(await screen.findByText(defaultMessages['register.success'])).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTestId('auth')).toHaveTextContent('signed in as grace');
    expect(lastBody('POST register')).toEqual({ username: 'grace', email: 'grace@example.com', name: 'Grace Hopper', password: PASSWORD });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ session: expect.objectContaining({ user: expect.objectContaining({ username: 'grace' }) }) }));
    expect(count('GET session')).toBe(1);
    await expectNoAxeViolations();
  });

  it('validates before sending and focuses the first invalid field; the password is cleared (security 7)', async () => {
    const user = typist();
    setup().renderWithAuth(<RegisterForm confirmPassword />);
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Use 12/));
    await fill(user, { email: 'not-an-email', password: 'short' });
    await submit(user);
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(defaultMessages['field.required']);
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(defaultMessages['field.invalidEmail']);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Use at least 12 characters\./);
    expect(screen.getByLabelText('Password')).toHaveValue('');
    await expectNoAxeViolations();

    await fill(user, { username: 'grace', email: 'grace@example.com', password: PASSWORD });
    await enter(user, screen.getByLabelText('Repeat password'), `${PASSWORD}x`);
    await submit(user);
    expect(screen.getByLabelText('Repeat password')).toHaveFocus();
    expect(screen.getByLabelText('Repeat password')).toHaveAccessibleDescription(defaultMessages['field.passwordMismatch']);
    expect(count('POST register')).toBe(0);
  });

  it('marks a taken username from the server (409) on its field', async () => {
    const user = typist();
    setup().renderWithAuth(<RegisterForm />);
    await fill(user, { username: 'ada', email: 'new@example.com', password: PASSWORD });
    await submit(user);
    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    expect(username).toHaveAccessibleDescription(defaultMessages['field.usernameTaken']);
    expect(username).toHaveFocus();
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'invalid');
    await expectNoAxeViolations();
  });

  it('marks a weak password from the server', async () => {
    const user = typist();
    setup().renderWithAuth(<RegisterForm />);
    await fill(user, { username: 'grace', email: 'grace@example.com', password: 'password123456' });
    await submit(user);
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(/too easy to guess/);
  });

  it('shows the same "check your email" confirmation for a new and a taken email when verification is on (security 13)', async () => {
    const user = typist();
    const harness = setup({ config: { features: { emailVerification: true } } });
    harness.renderWithAuth(<RegisterForm />);
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Use 12/));
    await fill(user, { username: 'grace', email: 'ada@example.com', password: PASSWORD });
    await submit(user);
    const message = await screen.findByText(defaultMessages['register.verifyEmail']);
    expect(message).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
    const taken = { text: screen.getByRole('form').textContent, state: screen.getByRole('form').dataset.state };
    await expectNoAxeViolations();

    cleanup();
    const second = setup({ config: { features: { emailVerification: true } } });
    second.renderWithAuth(<RegisterForm />);
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Use 12/));
    await fill(user, { username: 'grace', email: 'fresh@example.com', password: PASSWORD });
    await submit(user);
    await screen.findByText(defaultMessages['register.verifyEmail']);
    expect({ text: screen.getByRole('form').textContent, state: screen.getByRole('form').dataset.state }).toEqual(taken);
  });

  it('tells the user to wait for approval', async () => {
    const user = typist();
    setup({ requireApproval: true }).renderWithAuth(<RegisterForm />);
    await fill(user, { username: 'grace', email: 'grace@example.com', password: PASSWORD });
    await submit(user);
    expect(await screen.findByText(defaultMessages['register.awaitApproval'])).toBeInTheDocument();
  });

  it('asks for an invite code in invite mode and marks a wrong one', async () => {
    const user = typist();
    const harness = setup({ config: { registration: 'invite' } });
    const invite = harness.backend.store.addInvite({ roles: ['editor'] });
    harness.renderWithAuth(<RegisterForm />);
    const code = await screen.findByLabelText('Invite code');
    expect(screen.getByRole('form')).toHaveAttribute('data-registration', 'invite');
    await fill(user, { username: 'grace', email: 'grace@example.com', password: PASSWORD });
    await submit(user);
    expect(code).toHaveFocus();
    expect(code).toHaveAccessibleDescription(defaultMessages['field.required']);

    await enter(user, code, 'wrong-code');
    await fill(user, { password: PASSWORD });
    await submit(user);
    await waitFor(() => expect(code).toHaveAccessibleDescription(defaultMessages['field.inviteInvalid']));
    await expectNoAxeViolations();

    await enter(user, code, invite.code);
    await fill(user, { password: PASSWORD });
    await submit(user);
    await screen.findByText(defaultMessages['register.success']);
    expect(lastBody('POST register')).toMatchObject({ invite: invite.code });
  });

  it('takes the invite code from an invite link and removes it from the address bar', async () => {
    const user = typist();
    const harness = setup({ config: { registration: 'invite' } });
    const invite = harness.backend.store.addInvite({ email: 'grace@example.com' });
    window.history.replaceState(null, '', `/register?invite=${encodeURIComponent(invite.code)}&ref=mail`);
    harness.renderWithAuth(<RegisterForm />);
    expect(window.location.search).toBe('?ref=mail');
    expect(await screen.findByLabelText('Invite code')).toHaveValue(invite.code);
    await fill(user, { username: 'grace', email: 'grace@example.com', password: PASSWORD });
    await submit(user);
    await screen.findByText(defaultMessages['register.success']);
    expect(lastBody('POST register')).toMatchObject({ invite: invite.code });
  });

  it('shows a closed state when registration is closed', async () => {
    setup({ config: { registration: 'closed' } }).renderWithAuth(<RegisterForm signIn="/in" />);
    expect(await screen.findByText(defaultMessages['register.closed'])).toBeInTheDocument();
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'closed');
    expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Already have an account? Sign in' })).toHaveAttribute('href', '/in');
    await expectNoAxeViolations();
  });

  it('sends app-defined extra fields as profile, typed by kind', async () => {
    const user = typist();
    const extraFields: RegisterExtraField<'company' | 'seats' | 'terms'>[] = [
      { name: 'company', label: 'Company', autoComplete: 'organization', hint: 'Where you work' },
      { name: 'seats', label: 'Seats', type: 'number', min: 1 },
      { name: 'terms', label: 'I accept the terms', type: 'checkbox', required: true },
    ];
    const harness = setup();
    harness.renderWithAuth(<RegisterForm extraFields={extraFields} showName={false} />);
    expect(screen.queryByLabelText(/^Name/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Company')).toHaveAccessibleDescription('Where you work');
    await fill(user, { username: 'grace', email: 'grace@example.com', password: PASSWORD });
    await enter(user, screen.getByLabelText('Company'), ' Navy ');
    await enter(user, screen.getByLabelText('Seats'), '3');
    await submit(user);
    const terms = screen.getByLabelText('I accept the terms');
    expect(terms).toHaveFocus();
    expect(terms).toHaveAccessibleDescription(defaultMessages['field.required']);
    await expectNoAxeViolations();

    await user.click(terms);
    await fill(user, { password: PASSWORD });
    await submit(user);
    await screen.findByText(defaultMessages['register.success']);
    expect(lastBody('POST register')).toEqual({
      username: 'grace',
      email: 'grace@example.com',
      password: PASSWORD,
      profile: { company: 'Navy', seats: 3, terms: true },
    });
    expect(harness.backend.store.user('grace')?.profile).toEqual({ company: 'Navy', seats: 3, terms: true });
  });

  it('reports a server refusal (closed after the config was read) and network failures', async () => {
    const user = typist();
    setup().renderWithAuth(<RegisterForm />);
    server.use(failWith('post', 'register', 403, { error: { code: 'registration_closed', message: 'closed' } }));
    await fill(user, { username: 'grace', email: 'grace@example.com', password: PASSWORD });
    await submit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.registration_closed']);
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('is translated, forwards the ref and spreads props', () => {
    const ref = createRef<HTMLFormElement>();
    setup().renderWithAuth(<RegisterForm ref={ref} id="reg" className="c" classNames={{ input: 'i' }} />, { messages: messagesDe });
    expect(ref.current).toHaveAttribute('id', 'reg');
    expect(ref.current).toHaveClass('lk-form', 'c');
    expect(screen.getByLabelText('Benutzername')).toHaveClass('lk-input', 'i');
    expect(screen.getByRole('button', { name: 'Konto erstellen' })).toBeInTheDocument();
  });
});
