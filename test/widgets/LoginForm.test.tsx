import { act, screen, waitFor, within } from '@testing-library/react';
import { delay } from 'msw';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMessages, LoginForm, messagesDe, useAuth } from 'latchkey';
import { ada, count, expectNoAxeViolations, failWith, http, installMsw, lastBody, networkError, requests, server, setup, SLOW, typist } from './support.js';
import type { Typist } from './support.js';

installMsw();
afterEach(() => {
  vi.useRealTimers();
});

function Status() {
  const status = useAuth((auth) => (auth.status === 'authenticated' ? `signed in as ${auth.user.username}` : auth.status));
  return <p data-testid="auth">{status}</p>;
}

async function fillAndSubmit(user: Typist, identifier: string, password: string) {
  await user.clear(screen.getByLabelText('Username or email'));
  await user.type(screen.getByLabelText('Username or email'), identifier);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', SLOW, () => {
  it('signs in with one request, announces success politely and calls onSuccess', async () => {
    const user = typist();
    const onSuccess = vi.fn();
    const harness = setup();
    harness.renderWithAuth(
      <>
        <LoginForm onSuccess={onSuccess} />
        <Status />
      </>,
    );
    await screen.findByRole('link', { name: 'Forgot your password?' });
    await expectNoAxeViolations();
    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('data-state', 'idle');

    await user.type(screen.getByLabelText('Username or email'), 'ada');
    await user.type(screen.getByLabelText('Password'), ada.password);
    await user.click(screen.getByLabelText('Keep me signed in'));
    requests.length = 0;
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('You are signed in.')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTestId('auth')).toHaveTextContent('signed in as ada');
    expect(form).toHaveAttribute('data-state', 'success');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ session: { user: { username: 'ada' } } });
    expect(requests.map((r) => r.name)).toEqual(['POST login']);
    expect(lastBody('POST login')).toEqual({ identifier: 'ada', password: ada.password, remember: true });
    await expectNoAxeViolations();
  });

  it('works the same in bearer mode (tokens stay out of the DOM and URLs)', async () => {
    const user = typist();
    setup({ config: { transport: 'bearer' } }).renderWithAuth(
      <>
        <LoginForm />
        <Status />
      </>,
    );
    await fillAndSubmit(user, 'ada', ada.password);
    expect(await screen.findByText('You are signed in.')).toBeInTheDocument();
    expect(screen.getByTestId('auth')).toHaveTextContent('signed in as ada');
    expect(document.body.innerHTML).not.toMatch(/accessToken|refreshToken/);
    expect(requests.every((r) => !/token/i.test(new URL(r.url).search))).toBe(true);
  });

  it('unmounting while a sign-in is in flight is harmless', async () => {
    const user = typist();
    const errors = vi.spyOn(console, 'error');
    const view = setup({ latencyMs: 200 }).renderWithAuth(<LoginForm />);
    await user.type(screen.getByLabelText('Username or email'), 'ada');
    await user.type(screen.getByLabelText('Password'), ada.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('uses the right autocomplete, a password input with an accessible show toggle, and no maxLength (security 5, 6)', async () => {
    const user = typist();
    setup().renderWithAuth(<LoginForm />);
    const identifier = screen.getByLabelText('Username or email');
    const password = screen.getByLabelText('Password');
    expect(identifier).toHaveAttribute('autocomplete', 'username');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).not.toHaveAttribute('maxlength');
    expect(identifier).not.toHaveAttribute('maxlength');

    await user.type(password, 'secret words');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(toggle).toHaveAttribute('aria-controls', password.id);
    await user.click(toggle);
    expect(password).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password).toHaveAttribute('type', 'password');
    await expectNoAxeViolations();
  });

  it('hides the password again after a submit clears it, even if it was shown (security 7)', async () => {
    const user = typist();
    setup().renderWithAuth(<LoginForm />);
    const password = screen.getByLabelText('Password');
    await user.type(screen.getByLabelText('Username or email'), 'ada');
    await user.type(password, 'a wrong password here');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(password).toHaveValue('');
    await user.type(password, 'the next try');
    expect(password).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Show password' })).toBeInTheDocument();
  });

  it('sends a pasted 128-character passphrase whole (security 6)', async () => {
    const user = typist();
    const long = `${'correct horse battery staple '.repeat(5)}end`.slice(0, 128);
    expect(long).toHaveLength(128);
    setup({ users: [{ username: 'long', email: 'long@example.com', password: long }] }).renderWithAuth(<LoginForm />);
    await user.type(screen.getByLabelText('Username or email'), 'long');
    await user.click(screen.getByLabelText('Password'));
    await user.paste(long);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('You are signed in.');
    expect((lastBody('POST login') as { password: string }).password).toBe(long);
  });

  it('marks empty fields, focuses the first invalid one and sends nothing', async () => {
    const user = typist();
    setup().renderWithAuth(<LoginForm />);
    requests.length = 0;
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const identifier = screen.getByLabelText('Username or email');
    expect(identifier).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(identifier).toHaveAccessibleDescription('Please fill in this field.');
    expect(identifier).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the marked fields.');
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'invalid');
    expect(count('POST login')).toBe(0);
    await expectNoAxeViolations();

    await user.type(identifier, 'a');
    expect(identifier).not.toHaveAttribute('aria-invalid');
  });

  it('shows one generic message for a wrong password and for an unknown user, and focuses it (security 13)', async () => {
    const user = typist();
    setup().renderWithAuth(<LoginForm />);
    await fillAndSubmit(user, 'ada', 'not the password at all');
    const alert = await screen.findByRole('alert');
    const wrongPassword = alert.textContent;
    expect(wrongPassword).toBe(defaultMessages['error.invalid_credentials']);
    expect(alert).toHaveFocus();
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'error');
    await expectNoAxeViolations();

    await fillAndSubmit(user, 'nobody-here', 'not the password at all');
    await waitFor(() => expect(count('POST login')).toBe(2));
    expect(await screen.findByRole('alert')).toHaveTextContent(wrongPassword ?? '');
  });

  it('clears the password after every submit, failed or not, and keeps it out of URLs (security 7)', async () => {
    const user = typist();
    setup().renderWithAuth(<LoginForm />);
    const password = screen.getByLabelText('Password');
    await fillAndSubmit(user, 'ada', 'wrong password here');
    expect(password).toHaveValue('');
    await screen.findByRole('alert');
    expect(password).toHaveValue('');
    await user.type(password, ada.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('You are signed in.');
    expect(password).toHaveValue('');
    expect(requests.every((r) => !r.url.includes('password') && !r.url.includes(encodeURIComponent(ada.password)))).toBe(true);
    expect(window.location.href).not.toContain('password');
  });

  it('sends one request for a double click plus Enter, disabled and aria-busy while pending (security 8)', async () => {
    const user = typist();
    // A latency well above what the clicks take even on a loaded machine, so "pending" is observable.
    setup({ latencyMs: 2000 }).renderWithAuth(<LoginForm />);
    await user.type(screen.getByLabelText('Username or email'), 'ada');
    await user.type(screen.getByLabelText('Password'), ada.password);
    const button = screen.getByRole('button', { name: 'Sign in' });
    requests.length = 0;
    await user.dblClick(button);
    await user.type(screen.getByLabelText('Username or email'), '{Enter}');
    const busy = screen.getByRole('button', { name: 'Signing in…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'submitting');
    await screen.findByText('You are signed in.', {}, { timeout: 10_000 });
    expect(count('POST login')).toBe(1);
    expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-busy');
  });

  it('on 429 shows a live countdown from Retry-After with submit disabled, and never retries by itself (security 12)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = typist({ advanceTimers: vi.advanceTimersByTime });
    setup({ throttle: { maxFailures: 2 } }).renderWithAuth(<LoginForm />);
    await fillAndSubmit(user, 'ada', 'wrong one number 1');
    await screen.findByRole('alert');
    await fillAndSubmit(user, 'ada', 'wrong one number 2');
    await waitFor(() => expect(count('POST login')).toBe(2));
    await fillAndSubmit(user, 'ada', 'wrong one number 3');
    const timer = await screen.findByRole('timer');
    expect(screen.getByRole('alert')).toHaveTextContent(defaultMessages['error.rate_limited']);
    expect(timer).toHaveTextContent(/You can try again in 1[45] min \d+ s\./);
    const form = screen.getByRole('form');
    expect(form).toHaveAttribute('data-state', 'rate-limited');
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toBeDisabled();
    const before = timer.textContent;
    await act(async () => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByRole('timer').textContent).not.toBe(before);
    expect(count('POST login')).toBe(3);

    // Enter cannot submit either, and nothing is retried in the background.
    await user.type(screen.getByLabelText('Password'), 'another try{Enter}');
    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    expect(count('POST login')).toBe(3);
    await expectNoAxeViolations();

    await act(async () => {
      vi.advanceTimersByTime(15 * 60_000);
    });
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.getByRole('status')).toHaveTextContent('You can try again now.');
    expect(form).toHaveAttribute('data-state', 'idle');
  });

  it('reports a network failure and re-enables the form', async () => {
    const user = typist();
    setup().renderWithAuth(<LoginForm />);
    server.use(networkError('post', 'login'));
    await fillAndSubmit(user, 'ada', ada.password);
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.network']);
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'network-error');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expectNoAxeViolations();
  });

  it('reports a timeout as retryable and re-enables the form', async () => {
    const user = typist();
    setup({ timeoutMs: 100 }).renderWithAuth(<LoginForm />);
    server.use(
      http.post('*/api/auth/login', async () => {
        await delay(2_000);
        return new Response(null, { status: 500 });
      }),
    );
    await fillAndSubmit(user, 'ada', ada.password);
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.timeout']);
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'network-error');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('renders server text as text, never as HTML (security 3)', async () => {
    const user = typist();
    const hostile = '<img src=x onerror=alert(1)>';
    setup().renderWithAuth(<LoginForm />);
    server.use(failWith('post', 'login', 400, { error: { code: 'invalid_request', message: hostile, fields: { identifier: hostile, other: `${hostile}!` } } }));
    await fillAndSubmit(user, 'ada', ada.password);
    const identifier = screen.getByLabelText('Username or email');
    await waitFor(() => expect(identifier).toHaveAccessibleDescription(hostile));
    expect(screen.getByRole('alert')).toHaveTextContent(`${hostile}!`);
    expect(document.querySelector('img')).toBeNull();

    server.use(failWith('post', 'login', 418, { error: { code: 'teapot', message: hostile } }));
    await user.type(screen.getByLabelText('Password'), ada.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(hostile));
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('shows the links the backend offers, lets props retarget or hide them', async () => {
    const onRegister = vi.fn();
    const user = typist();
    setup({ config: { features: { usernameRecovery: false } } }).renderWithAuth(
      <LoginForm links={{ forgotPassword: '/reset', register: onRegister }} />,
    );
    expect(await screen.findByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/reset');
    expect(screen.queryByText('Forgot your username?')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    expect(onRegister).toHaveBeenCalledTimes(1);
  });

  it('hides the register link when registration is closed, and every link prop can be false', async () => {
    setup({ config: { registration: 'closed' } }).renderWithAuth(<LoginForm links={{ forgotPassword: false }} />);
    expect(await screen.findByRole('link', { name: 'Forgot your username?' })).toHaveAttribute('href', '/forgot-username');
    expect(screen.queryByText('Create an account')).not.toBeInTheDocument();
    expect(screen.queryByText('Forgot your password?')).not.toBeInTheDocument();
  });

  it('takes messages from the widget prop over the provider over the defaults, incl. a full German dictionary', async () => {
    const harness = setup();
    harness.renderWithAuth(<LoginForm messages={{ 'login.submit': 'Los' }} />, { messages: messagesDe });
    expect(screen.getByRole('heading', { name: 'Anmelden' })).toBeInTheDocument();
    expect(screen.getByLabelText('Benutzername oder E-Mail')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Los' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Passwort vergessen?' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('works with the keyboard alone: Tab order follows the form, Space toggles, Enter submits', async () => {
    const user = typist();
    setup().renderWithAuth(<LoginForm />);
    await screen.findByRole('link', { name: 'Forgot your password?' });
    await user.tab();
    expect(screen.getByLabelText('Username or email')).toHaveFocus();
    await user.keyboard('ada');
    await user.tab();
    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.keyboard(ada.password);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Show password' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
    await user.tab();
    expect(screen.getByLabelText('Keep me signed in')).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByLabelText('Keep me signed in')).toBeChecked();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveFocus();
    await user.click(screen.getByLabelText('Username or email'));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('You are signed in.')).toBeInTheDocument();
    expect(lastBody('POST login')).toEqual({ identifier: 'ada', password: ada.password, remember: true });
  });

  it('forwards the ref, spreads rest props on the form and adds className and classNames', () => {
    const ref = createRef<HTMLFormElement>();
    setup().renderWithAuth(
      <LoginForm ref={ref} id="signin" data-testid="login" className="card" classNames={{ input: 'input', submit: 'btn', title: 'heading' }} headingLevel={1} showRemember={false} />,
    );
    const form = screen.getByTestId('login');
    expect(ref.current).toBe(form);
    expect(form).toHaveAttribute('id', 'signin');
    expect(form).toHaveClass('lk-form', 'card');
    expect(screen.getByLabelText('Username or email')).toHaveClass('lk-input', 'input');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveClass('btn');
    expect(within(form).getByRole('heading', { level: 1 })).toHaveClass('lk-title', 'heading');
    expect(screen.queryByLabelText('Keep me signed in')).not.toBeInTheDocument();
  });
});
