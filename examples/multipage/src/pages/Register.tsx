import { RegisterForm } from 'latchkey';
import { useNavigate } from 'react-router';

export function Register() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Register</h1>
      <RegisterForm
        signIn={() => void navigate('/login')}
        // Signed in at once (open registration without email verification): go to the dashboard.
        onSuccess={(result) => {
          if (result.session) void navigate('/dashboard', { replace: true });
        }}
      />
    </>
  );
}
