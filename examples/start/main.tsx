// The page `npm start` serves until examples/multipage exists: the latchkey widgets against the
// reference server on the same origin, with a tiny path switch instead of a router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  AuthProvider,
  AuthStatusHeader,
  ChangePassword,
  ForgotPassword,
  ForgotUsername,
  LoginForm,
  LogoutButton,
  RegisterForm,
  ResetPassword,
  SessionExpiryWarning,
  SignedIn,
  SignedOut,
  useAuth,
} from 'latchkey';
import 'latchkey/styles.css';
import './start.css';

const go = (path: string) => () => window.location.assign(path);

function Home() {
  const user = useAuth((auth) => auth.user);
  return (
    <>
      <SignedOut>
        <LoginForm onSuccess={go('/')} />
      </SignedOut>
      <SignedIn>
        <section aria-labelledby="welcome">
          <h2 id="welcome">Welcome, {user?.name ?? user?.username}</h2>
          <p>
            You are signed in as <strong>{user?.username}</strong>
            {user && user.roles.length > 0 ? ` with the roles ${user.roles.join(', ')}` : ' with no roles'}.
          </p>
          <LogoutButton />
        </section>
        <ChangePassword />
      </SignedIn>
    </>
  );
}

function Page() {
  switch (window.location.pathname) {
    case '/login':
      return <LoginForm onSuccess={go('/')} />;
    case '/register':
      return <RegisterForm onSuccess={go('/')} signIn="/" />;
    case '/forgot-password':
      return <ForgotPassword signIn="/" />;
    case '/forgot-username':
      return <ForgotUsername signIn="/" />;
    case '/reset-password':
      return <ResetPassword signIn="/" forgotPassword="/forgot-password" />;
    default:
      return <Home />;
  }
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AuthProvider baseUrl="/api/auth">
      <AuthStatusHeader signIn="/" account={false} onSignedOut={go('/')} />
      <main>
        <h1>latchkey</h1>
        <Page />
      </main>
      <SessionExpiryWarning />
    </AuthProvider>
  </StrictMode>,
);
