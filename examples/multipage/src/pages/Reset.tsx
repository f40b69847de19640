import { ResetPassword } from 'latchkey';
import { useNavigate } from 'react-router';

export function Reset() {
  const navigate = useNavigate();
  // The widget reads ?token= from the mailed link and removes it from the address bar.
  return (
    <>
      <h1>Reset password</h1>
      <ResetPassword forgotPassword={() => void navigate('/forgot')} signIn={() => void navigate('/login')} />
    </>
  );
}
