import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider, AuthStatusHeader, LoginForm, SignedIn, SignedOut, useAuth } from 'latchkey';
import 'latchkey/styles.css';

function Greeting() {
  const name = useAuth((auth) => auth.user?.name || auth.user?.username);
  return <p>Hello, {name}. You are signed in.</p>;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AuthProvider baseUrl="/api/auth">
      <header>
        <AuthStatusHeader signIn="#sign-in" account={false} />
      </header>
      <main>
        <h1>My app</h1>
        <SignedOut>
          <LoginForm id="sign-in" links={{ forgotPassword: false, forgotUsername: false, register: false }} />
        </SignedOut>
        <SignedIn>
          <Greeting />
        </SignedIn>
      </main>
    </AuthProvider>
  </StrictMode>,
);
