import { useState } from 'react';
import { useAuth, useLogout, useSessionExpiry } from 'latchkey';
import { ForgotPasswordForm, RegisterForm, ResetPasswordForm, SignInForm } from './forms.js';

function SessionBar() {
  const auth = useAuth();
  const logout = useLogout();
  if (auth.status === 'loading') return <p aria-busy="true">Checking your session…</p>;
  if (auth.status === 'unauthenticated') return <p>Not signed in.</p>;
  return (
    <p>
      Signed in as <strong>{auth.user.username}</strong>
      {auth.hasRole('admin') ? ' (administrator)' : ''}.{' '}
      <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Sign out
      </button>
    </p>
  );
}

function ExpiryNotice() {
  const { warning, msLeft, extend, signOut } = useSessionExpiry();
  if (!warning || msLeft === null) return null;
  return (
    <div role="alertdialog" aria-modal="false" aria-labelledby="expiry-title" className="notice">
      <h2 id="expiry-title">Still there?</h2>
      <p>You will be signed out in {Math.ceil(msLeft / 1000)} seconds.</p>
      <button type="button" onClick={() => void extend()}>
        Stay signed in
      </button>{' '}
      <button type="button" onClick={() => void signOut()}>
        Sign out now
      </button>
    </div>
  );
}

export function App() {
  const status = useAuth((auth) => auth.status);
  // A mailed reset link opens this page with ?token=… (read once; the form then removes it from the URL).
  const [resetToken] = useState(() => new URLSearchParams(window.location.search).get('token'));
  return (
    <>
      <header>
        <SessionBar />
      </header>
      <main>
        <h1>Headless latchkey</h1>
        {resetToken !== null ? (
          <ResetPasswordForm token={resetToken} />
        ) : status === 'unauthenticated' ? (
          <div className="columns">
            <SignInForm />
            <RegisterForm />
            <ForgotPasswordForm />
          </div>
        ) : status === 'authenticated' ? (
          <p>Welcome! This content is only rendered for signed-in users.</p>
        ) : null}
      </main>
      <ExpiryNotice />
    </>
  );
}
