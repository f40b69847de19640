import { ForgotPassword, ForgotUsername } from 'latchkey';
import { Link, useNavigate } from 'react-router';

export function ForgotPasswordPage() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Forgot password</h1>
      <ForgotPassword signIn={() => void navigate('/login')} />
      <p>
        Forgot your username instead? <Link to="/forgot/username">Get a reminder</Link>.
      </p>
    </>
  );
}

export function ForgotUsernamePage() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Forgot username</h1>
      <ForgotUsername signIn={() => void navigate('/login')} />
      <p>
        Forgot your password instead? <Link to="/forgot">Reset it</Link>.
      </p>
    </>
  );
}
