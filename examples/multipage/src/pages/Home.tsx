import { SignedIn, SignedOut, useAuth } from 'latchkey';
import { Link } from 'react-router';

export function Home() {
  const name = useAuth((auth) => auth.user?.name || auth.user?.username);
  return (
    <>
      <h1>latchkey example app</h1>
      <p>A public page. The dashboard and your account need a session; the admin page needs the role admin.</p>
      <SignedOut>
        <p>
          <Link to="/login">Sign in</Link> or <Link to="/register">create an account</Link>.
        </p>
      </SignedOut>
      <SignedIn>
        <p>
          Welcome back, {name}. Go to your <Link to="/dashboard">dashboard</Link>.
        </p>
      </SignedIn>
    </>
  );
}
