import { AuthProvider, RequireAuth } from 'latchkey';
import { Route, Routes, useNavigate } from 'react-router';
import { authClient } from './authClient.js';
import { Layout } from './Layout.js';
import { Account } from './pages/Account.js';
import { Admin, NotAllowed } from './pages/Admin.js';
import { Dashboard } from './pages/Dashboard.js';
import { ForgotPasswordPage, ForgotUsernamePage } from './pages/Forgot.js';
import { Home } from './pages/Home.js';
import { Login } from './pages/Login.js';
import { NotFound } from './pages/NotFound.js';
import { Register } from './pages/Register.js';
import { Reset } from './pages/Reset.js';

const checking = <p role="status">Checking your session…</p>;

export function App() {
  const navigate = useNavigate();
  return (
    // Guards send signed-out visitors to /login?returnTo=<page> through the router (no reload).
    <AuthProvider client={authClient} navigate={(to) => void navigate(to)} loginPath="/login">
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route
            path="dashboard"
            element={
              <RequireAuth fallback={checking}>
                <Dashboard />
              </RequireAuth>
            }
          />
          <Route
            path="admin"
            element={
              <RequireAuth roles={['admin']} fallback={checking} forbidden={<NotAllowed />}>
                <Admin />
              </RequireAuth>
            }
          />
          <Route
            path="account"
            element={
              <RequireAuth fallback={checking}>
                <Account />
              </RequireAuth>
            }
          />
          <Route path="login" element={<Login />} />
          <Route path="register" element={<Register />} />
          <Route path="forgot" element={<ForgotPasswordPage />} />
          <Route path="forgot/username" element={<ForgotUsernamePage />} />
          <Route path="reset" element={<Reset />} />
          {/* The reference server's default reset link path (`latchkey serve --reset-path`). */}
          <Route path="reset-password" element={<Reset />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}
