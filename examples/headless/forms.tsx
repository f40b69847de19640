import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useForgotPassword, useLogin, useRegister, useResetPassword } from 'latchkey';
import type { AuthError } from 'latchkey';

/** Reads a form's fields by name (plain uncontrolled inputs, as in any HTML form). */
function fieldsOf(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  const form = event.currentTarget;
  const values = Object.fromEntries(Array.from(new FormData(form), ([key, value]) => [key, String(value)]));
  // Never keep passwords around: clear the password inputs once they are read.
  for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=password]'))) input.value = '';
  return values;
}

/** The error of a flow as text; a 429 counts down its Retry-After. */
function ErrorText({ error }: { error: AuthError | null }) {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!error || error.retryAfter === null) return;
    const until = Date.now() + error.retryAfter * 1000;
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [error]);
  if (!error) return null;
  const fields = Object.values(error.fields);
  return (
    <div role="alert">
      {error.code === 'rate_limited' ? (left > 0 ? `Too many attempts. Try again in ${left} s.` : 'You can try again now.') : error.message}
      {fields.length > 0 && (
        <ul>
          {fields.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SignInForm() {
  const login = useLogin();
  const locked = login.error?.code === 'rate_limited';
  return (
    <form method="post" aria-labelledby="signin-title" onSubmit={(event) => {
      const { identifier = '', password = '', remember } = fieldsOf(event);
      login.mutate({ identifier, password, remember: remember === 'on' });
    }}>
      <h2 id="signin-title">Sign in</h2>
      <label>Username or email <input name="identifier" autoComplete="username" required /></label>
      <label>Password <input name="password" type="password" autoComplete="current-password" required /></label>
      <label><input name="remember" type="checkbox" /> Keep me signed in</label>
      <ErrorText error={login.error} />
      <button type="submit" disabled={login.isPending || locked} aria-busy={login.isPending}>Sign in</button>
    </form>
  );
}

export function RegisterForm() {
  const register = useRegister();
  if (register.data?.next === 'verify_email') return <p role="status">Check your email to confirm your address.</p>;
  return (
    <form method="post" aria-labelledby="register-title" onSubmit={(event) => {
      const { username = '', email = '', password = '' } = fieldsOf(event);
      register.mutate({ username, email, password });
    }}>
      <h2 id="register-title">Create an account</h2>
      <label>Username <input name="username" autoComplete="username" required /></label>
      <label>Email <input name="email" type="email" autoComplete="email" required /></label>
      <label>Password <input name="password" type="password" autoComplete="new-password" required /></label>
      <ErrorText error={register.error} />
      <button type="submit" disabled={register.isPending}>Create account</button>
    </form>
  );
}

export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  if (forgot.isSuccess) return <p role="status">If the account exists, a reset link is on its way.</p>;
  return (
    <form method="post" aria-labelledby="forgot-title" onSubmit={(event) => forgot.mutate({ identifier: fieldsOf(event).identifier ?? '' })}>
      <h2 id="forgot-title">Forgot your password?</h2>
      <label>Username or email <input name="identifier" autoComplete="username" required /></label>
      <ErrorText error={forgot.error} />
      <button type="submit" disabled={forgot.isPending}>Send reset link</button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const reset = useResetPassword();
  // The token stays in memory only: take it out of the address bar.
  useEffect(() => window.history.replaceState(null, '', window.location.pathname), []);
  if (reset.isSuccess) return <p role="status">Password changed. <a href="/">Sign in</a> with it.</p>;
  return (
    <form method="post" aria-labelledby="reset-title" onSubmit={(event) => reset.mutate({ token, password: fieldsOf(event).password ?? '' })}>
      <h2 id="reset-title">Choose a new password</h2>
      <label>New password <input name="password" type="password" autoComplete="new-password" required /></label>
      <ErrorText error={reset.error} />
      <button type="submit" disabled={reset.isPending}>Save new password</button>
    </form>
  );
}
