import { AuthStatusHeader, SessionExpiryWarning, useAuth } from 'latchkey';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';

export function Layout() {
  const navigate = useNavigate();
  const location = useLocation();
  const isAdmin = useAuth((auth) => auth.hasRole('admin'));
  const here = `${location.pathname}${location.search}`;
  const signIn = () => void navigate(location.pathname === '/login' ? here : `/login?returnTo=${encodeURIComponent(here)}`);

  return (
    <>
      <header className="app-header">
        <nav aria-label="Main">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/dashboard">Dashboard</NavLink>
          {isAdmin && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <AuthStatusHeader signIn={signIn} account={() => void navigate('/account')} />
      </header>
      <main className="app-main">
        <Outlet />
      </main>
      <SessionExpiryWarning />
    </>
  );
}
