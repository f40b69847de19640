import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { AccountForm, AuthStatusHeader, ChangePassword, LoginForm, RequireAuth, SessionExpiryWarning, SignedIn, SignedOut, useAuth, UserAdmin, useSessionState } from 'latchkey';
import { ADA, GRACE } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';

type Page = 'home' | 'dashboard' | 'admin' | 'account' | 'login';

const PAGES: { page: Exclude<Page, 'login'>; label: string }[] = [
  { page: 'home', label: 'Home' },
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'admin', label: 'Admin' },
  { page: 'account', label: 'Account' },
];

/** A page only signed-in users see, with per-user state that survives page changes and is wiped on sign-out. */
function Dashboard() {
  const name = useAuth((auth) => (auth.status === 'authenticated' ? (auth.user.name ?? auth.user.username) : ''));
  const [visits, setVisits] = useSessionState('dashboard.visits', 0);
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <p>Hello {name}.</p>
      <p>{`Pinned notes: ${visits}`}</p>
      <p>
        <button type="button" className="lk-button" onClick={() => setVisits((n) => n + 1)}>
          Pin a note
        </button>
      </p>
      <p className="lk-hint">
        Kept with <code>useSessionState</code>: it survives page changes and is wiped on sign-out.
      </p>
    </section>
  );
}

/**
 * A tiny app: a header with the session, a public home page, a dashboard and an account page for
 * signed-in users, an admin page for the `admin` role, and the sign-in page the guards send
 * signed-out visitors to (and back from). The "router" is just a state variable; with a real
 * router you pass its `navigate` to `AuthProvider` instead of `onUnauthenticated`.
 */
function MultiPageApp() {
  const [page, setPage] = useState<Page>('home');
  const [returnTo, setReturnTo] = useState<Page>('home');
  const toLogin = (from: Page) => {
    setReturnTo(from);
    setPage('login');
  };
  return (
    <div className="lk-story-app">
      <header className="lk-story-app-header">
        <nav aria-label="Main">
          <ul>
            {PAGES.map(({ page: target, label }) => (
              <li key={target}>
                <button type="button" className="lk-button" aria-current={page === target ? 'page' : undefined} onClick={() => setPage(target)}>
                  {label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <AuthStatusHeader signIn={() => toLogin(page === 'login' ? returnTo : page)} account={() => setPage('account')} onSignedOut={() => setPage('home')} />
      </header>
      <main>
        {page === 'home' ? (
          <section aria-labelledby="home-title">
            <h1 id="home-title">Welcome to Acme</h1>
            <SignedOut>
              <p>Sign in to see your dashboard.</p>
            </SignedOut>
            <SignedIn>
              <p>You are signed in. Your dashboard is one click away.</p>
            </SignedIn>
          </section>
        ) : null}
        {page === 'dashboard' ? (
          <RequireAuth fallback={<p>Checking your session…</p>} onUnauthenticated={() => toLogin('dashboard')}>
            <Dashboard />
          </RequireAuth>
        ) : null}
        {page === 'admin' ? (
          <RequireAuth
            roles="admin"
            fallback={<p>Checking your session…</p>}
            forbidden={<p role="alert">This page is for administrators.</p>}
            onUnauthenticated={() => toLogin('admin')}
          >
            <UserAdmin headingLevel={1} />
          </RequireAuth>
        ) : null}
        {page === 'account' ? (
          <RequireAuth fallback={<p>Checking your session…</p>} onUnauthenticated={() => toLogin('account')}>
            <AccountForm headingLevel={1} />
            <ChangePassword confirmPassword />
          </RequireAuth>
        ) : null}
        {page === 'login' ? (
          <LoginForm headingLevel={1} links={{ register: false, forgotPassword: false, forgotUsername: false }} onSuccess={() => setPage(returnTo)} />
        ) : null}
      </main>
      <SessionExpiryWarning onSignedOut={() => setPage('home')} />
    </div>
  );
}

const meta = {
  title: 'Examples/Multi-page app',
  component: MultiPageApp,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof MultiPageApp>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Signed out. Try: Dashboard → the guard sends you to sign in → `grace` / `compiler pioneer 1906`
 * → back on the dashboard. Admin is for `ada` / `correct horse battery staple`.
 */
export const SignedOutVisitor: Story = {
  play: async ({ canvas, userEvent, step }) => {
    const main = () => within(canvas.getByRole('main'));
    const banner = () => within(canvas.getByRole('banner'));
    await step('a guarded page sends the visitor to sign in', async () => {
      await userEvent.click(await canvas.findByRole('button', { name: 'Dashboard' }));
      await expect(await canvas.findByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    });
    await step('signing in returns to the page the visitor wanted', async () => {
      await userEvent.type(canvas.getByLabelText('Username or email'), GRACE.username);
      await userEvent.type(canvas.getByLabelText('Password'), GRACE.password);
      await userEvent.click(main().getByRole('button', { name: 'Sign in' }));
      await expect(await canvas.findByRole('heading', { name: 'Dashboard' })).toBeVisible();
      await expect(canvas.getByText(`Hello ${GRACE.name}.`)).toBeVisible();
      await expect(canvas.getByRole('button', { name: `Account menu for ${GRACE.name}` })).toBeVisible();
    });
    await step('per-user state survives page changes', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Pin a note' }));
      await userEvent.click(canvas.getByRole('button', { name: 'Home' }));
      await userEvent.click(canvas.getByRole('button', { name: 'Dashboard' }));
      await expect(await canvas.findByText('Pinned notes: 1')).toBeVisible();
    });
    await step('a user without the admin role is refused the admin page', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Admin' }));
      await expect(await canvas.findByRole('alert')).toHaveTextContent('This page is for administrators.');
    });
    await step('signing out from the header menu goes home and wipes per-user state', async () => {
      await userEvent.click(canvas.getByRole('button', { name: `Account menu for ${GRACE.name}` }));
      await userEvent.click(canvas.getByRole('menuitem', { name: 'Sign out' }));
      await expect(await canvas.findByRole('heading', { name: 'Welcome to Acme' })).toBeVisible();
      await expect(canvas.getByText('Sign in to see your dashboard.')).toBeVisible();
    });
    await step('an administrator signs in from the header and opens the admin page', async () => {
      await userEvent.click(banner().getByRole('button', { name: 'Sign in' }));
      await userEvent.type(await canvas.findByLabelText('Username or email'), ADA.username);
      await userEvent.type(canvas.getByLabelText('Password'), ADA.password);
      await userEvent.click(main().getByRole('button', { name: 'Sign in' }));
      await expect(await canvas.findByRole('heading', { name: 'Welcome to Acme' })).toBeVisible();
      await userEvent.click(canvas.getByRole('button', { name: 'Dashboard' }));
      await expect(await canvas.findByText('Pinned notes: 0')).toBeVisible();
      await userEvent.click(canvas.getByRole('button', { name: 'Admin' }));
      await expect(await canvas.findByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
      await waitFor(() => expect(canvas.getByText(GRACE.email)).toBeVisible());
    });
  },
};

/** Signed in as Ada (an administrator) from the start: every page is open. */
export const SignedInAdmin: Story = {
  parameters: { latchkey: { signedInAs: ADA.username } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('button', { name: `Account menu for ${ADA.name}` })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Account' }));
    await expect(await canvas.findByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
    await expect(canvas.getByRole('form', { name: 'Change password' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: `Account menu for ${ADA.name}` })).toHaveAttribute('aria-expanded', 'false');
  },
};
