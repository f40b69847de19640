import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AuthStatusHeader, messagesDe } from 'latchkey';
import { bob, count, expectNoAxeViolations, installMsw, setup, SLOW, typist } from './support.js';

installMsw();

describe('AuthStatusHeader', SLOW, () => {
  it('shows a fixed-size skeleton while loading, then a sign-in link when signed out', async () => {
    const harness = setup({ latencyMs: 100 });
    harness.renderWithAuth(<AuthStatusHeader data-testid="header" />);
    const header = screen.getByTestId('header');
    expect(header).toHaveAttribute('data-state', 'loading');
    expect(header).toHaveAttribute('aria-busy', 'true');
    expect(header.querySelector('.lk-skeleton')).toHaveAttribute('aria-hidden', 'true');
    expect(header).toHaveTextContent('Loading account…');
    await expectNoAxeViolations();

    const signIn = await screen.findByRole('link', { name: 'Sign in' });
    expect(signIn).toHaveAttribute('href', '/login');
    expect(header).toHaveAttribute('data-state', 'signed-out');
    expect(header).toHaveClass('lk-header');
    await expectNoAxeViolations();
  });

  it("links \"Sign in\" to the provider's loginPath when no signIn is given", async () => {
    setup().renderWithAuth(<AuthStatusHeader />, { loginPath: '/signin' });
    expect(await screen.findByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
  });

  it('signed out with a callback renders a button', async () => {
    const user = typist();
    const onSignIn = vi.fn();
    setup().renderWithAuth(<AuthStatusHeader signIn={onSignIn} />);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('signed in shows name and roles, and a collapsed menu button', async () => {
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<AuthStatusHeader data-testid="header" />);
    const button = await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Roles: admin, editor')).toBeInTheDocument();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByTestId('header')).toHaveAttribute('data-state', 'signed-in');
    await expectNoAxeViolations();
  });

  it('falls back to the username and hides empty roles', async () => {
    const harness = setup({ users: [{ ...bob, name: null }] });
    await harness.signIn(bob);
    harness.renderWithAuth(<AuthStatusHeader />);
    expect(await screen.findByRole('button', { name: 'Account menu for bob' })).toBeInTheDocument();
    expect(screen.queryByText(/Roles:/)).not.toBeInTheDocument();
  });

  it('works by keyboard alone: Enter opens on the first item, arrows wrap, Home/End, Escape returns focus', async () => {
    const user = typist();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<AuthStatusHeader account="/me" />);
    const button = await screen.findByRole('button', { name: /Account menu/ });
    await user.tab();
    expect(button).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: /Ada Lovelace/ });
    expect(menu).toBeVisible();
    const account = screen.getByRole('menuitem', { name: 'Account settings' });
    const signOut = screen.getByRole('menuitem', { name: 'Sign out' });
    expect(account).toHaveAttribute('href', '/me');
    expect(account).toHaveFocus();
    await expectNoAxeViolations();

    await user.keyboard('{ArrowDown}');
    expect(signOut).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(account).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(signOut).toHaveFocus();
    await user.keyboard('{Home}');
    expect(account).toHaveFocus();
    await user.keyboard('{End}');
    expect(signOut).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Account settings' })).toHaveFocus();
    await user.tab();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('signs out from the menu with one request and puts focus on "Sign in"', async () => {
    const user = typist();
    const onSignedOut = vi.fn();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<AuthStatusHeader onSignedOut={onSignedOut} />);
    await user.click(await screen.findByRole('button', { name: /Account menu/ }));
    await user.keyboard('{End}{Enter}');
    const signIn = await screen.findByRole('link', { name: 'Sign in' });
    await waitFor(() => expect(signIn).toHaveFocus());
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(count('POST logout')).toBe(1);
  });

  it('runs an account callback, closes on a click outside, and is translated', async () => {
    const user = typist();
    const onAccount = vi.fn();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(
      <>
        <AuthStatusHeader account={onAccount} />
        <p>Page text</p>
      </>,
      { messages: messagesDe },
    );
    const button = await screen.findByRole('button', { name: 'Kontomenü für Ada Lovelace' });
    await user.click(button);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByText('Page text'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Kontoeinstellungen' }));
    expect(onAccount).toHaveBeenCalledTimes(1);
    expect(button).toHaveFocus();
    expect(screen.getByText('Rollen: admin, editor')).toBeInTheDocument();
  });

  it('forwards the ref, spreads props, applies classNames and can hide the account item', async () => {
    const ref = createRef<HTMLDivElement>();
    const user = typist();
    const harness = setup();
    await harness.signIn();
    harness.renderWithAuth(<AuthStatusHeader ref={ref} id="top" className="bar" account={false} showRoles={false} classNames={{ menuButton: 'btn' }} />);
    const button = await screen.findByRole('button', { name: /Account menu/ });
    expect(button).toHaveClass('lk-menu-button', 'btn');
    expect(ref.current).toHaveAttribute('id', 'top');
    expect(ref.current).toHaveClass('lk-header', 'bar');
    expect(screen.queryByText(/Roles:/)).not.toBeInTheDocument();
    await user.click(button);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Sign out']);
  });
});
