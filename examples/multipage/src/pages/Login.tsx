import { LoginForm, sanitizeReturnTo, useAuth } from 'latchkey';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

export function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Only a path on this origin is followed; anything else (//evil.example, https://…) → /dashboard.
  const returnTo = sanitizeReturnTo(params.get('returnTo'), { fallback: '/dashboard' });
  const signedIn = useAuth((auth) => auth.status === 'authenticated');

  // Signed in here, in another tab, or already: continue where the visitor wanted to go.
  useEffect(() => {
    if (signedIn) void navigate(returnTo, { replace: true });
  }, [signedIn, returnTo, navigate]);

  return (
    <>
      <h1>Sign in</h1>
      <LoginForm
        links={{
          forgotPassword: () => void navigate('/forgot'),
          forgotUsername: () => void navigate('/forgot/username'),
          register: () => void navigate('/register'),
        }}
      />
    </>
  );
}
