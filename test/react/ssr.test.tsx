// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Session } from 'latchkey/contract';
import { AuthProvider, RequireAuth, SignedIn, SignedOut, useAuth } from 'latchkey';

const session: Session = { user: { id: 'u-1', username: 'ada', email: null, name: 'Ada', roles: ['admin'] }, expiresAt: '2099-01-01T00:00:00.000Z' };

function Status() {
  const auth = useAuth();
  return <p>{auth.status === 'authenticated' ? `Signed in as ${auth.user.username}` : auth.status}</p>;
}

describe('server rendering', () => {
  it('renders the initial session without window, without a flash of signed-out content', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <AuthProvider baseUrl="https://app.example/api/auth" initialSession={session}>
        <Status />
        <SignedIn>
          <p>Account</p>
        </SignedIn>
        <SignedOut>
          <p>Sign in</p>
        </SignedOut>
        <RequireAuth roles="admin" fallback={<p>Checking</p>}>
          <p>Admin area</p>
        </RequireAuth>
      </AuthProvider>,
    );
    expect(html).toContain('Signed in as ada');
    expect(html).toContain('Account');
    expect(html).toContain('Admin area');
    expect(html).not.toContain('Sign in<');
    expect(html).not.toContain('Checking');
  });

  it('renders the loading state (nothing protected) without an initial session', () => {
    const html = renderToString(
      <AuthProvider baseUrl="https://app.example/api/auth">
        <Status />
        <RequireAuth fallback={<p>Checking</p>}>
          <p>Admin area</p>
        </RequireAuth>
      </AuthProvider>,
    );
    expect(html).toContain('loading');
    expect(html).toContain('Checking');
    expect(html).not.toContain('Admin area');
  });

  it('renders signed out from initialSession null', () => {
    const html = renderToString(
      <AuthProvider baseUrl="https://app.example/api/auth" initialSession={null}>
        <SignedOut>
          <p>Please sign in</p>
        </SignedOut>
      </AuthProvider>,
    );
    expect(html).toContain('Please sign in');
  });
});
