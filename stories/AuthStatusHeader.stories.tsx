import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { AuthStatusHeader } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { ADA, GRACE } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof AuthStatusHeader> & MockArgs;

/**
 * The status bar at the top of an app. Signed out: a sign-in action (a link, or a callback).
 * Signed in: the name, the roles, and a menu (keyboard: Enter / Space / ↓ to open, ↑ ↓ Home End
 * to move, Escape to close) with "Account settings" and "Sign out". Loading: a skeleton of the
 * same height, so nothing jumps.
 */
const meta = {
  title: 'Widgets/AuthStatusHeader',
  component: AuthStatusHeader,
  args: { onSignedOut: fn(), showRoles: true, account: '/account', signIn: '/login' },
  argTypes: {
    showRoles: { control: 'boolean' },
    signIn: { control: 'text' },
    account: { control: 'text' },
  },
  parameters: { latchkey: { signedInAs: ADA.username } satisfies LatchkeyParameters },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Ada, an administrator: her name and roles, and the account menu (closed). */
export const SignedIn: Story = {
  play: async ({ canvas, canvasElement }) => {
    const button = await canvas.findByRole('button', { name: `Account menu for ${ADA.name}` });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(canvasElement.querySelector('.lk-user-name')).toHaveTextContent(ADA.name);
    await expect(canvas.getByText('Roles: admin, user')).toBeVisible();
  },
};

/** Grace, a plain user, with the roles hidden. */
export const SignedInWithoutRoles: Story = {
  args: { showRoles: false },
  parameters: { latchkey: { signedInAs: GRACE.username } satisfies LatchkeyParameters },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: `Account menu for ${GRACE.name}` })).toBeVisible();
    await expect(canvas.queryByText(/Roles:/)).toBeNull();
  },
};

/** Nobody is signed in: the sign-in action. */
export const SignedOut: Story = {
  parameters: { latchkey: { signedInAs: null } satisfies LatchkeyParameters },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
  },
};

/** The sign-in action as a callback (a button), for apps that open a dialog instead. */
export const SignInCallback: Story = {
  args: { signIn: fn() },
  parameters: { latchkey: { signedInAs: null } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in' }));
    await expect(args.signIn).toHaveBeenCalledTimes(1);
  },
};

/** The session check is still running (the mock answers after 3 s): a skeleton, busy. */
export const Loading: Story = {
  args: { mockLatencyMs: 3000 },
  parameters: { latchkey: { signedInAs: null } satisfies LatchkeyParameters },
  play: async ({ canvasElement, canvas }) => {
    const header = canvasElement.querySelector('.lk-header');
    await expect(header).toHaveAttribute('data-state', 'loading');
    await expect(header).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByText('Loading account…')).toBeInTheDocument();
  },
};

/** The session check failed twice (no connection): the header fails closed and offers to sign in. */
export const SessionCheckFailed: Story = {
  parameters: { latchkey: { signedInAs: null } satisfies LatchkeyParameters },
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.get(`${STORY_BASE_URL}/session`, () => HttpResponse.error()));
  },
  play: async ({ canvas }) => {
    // One retry after a second, then the header gives up.
    await expect(await canvas.findByRole('link', { name: 'Sign in' }, { timeout: 5000 })).toBeVisible();
  },
};

/** Keyboard only: open with ↓, move with ↓ / ↑, close with Escape (focus returns to the button). */
export const KeyboardMenu: Story = {
  play: async ({ canvas, userEvent }) => {
    const button = await canvas.findByRole('button', { name: `Account menu for ${ADA.name}` });
    button.focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const account = canvas.getByRole('menuitem', { name: 'Account settings' });
    await waitFor(() => expect(account).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(account).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveFocus();
  },
};

/** Signing out from the menu: the session ends and focus lands on "Sign in". */
export const SignOutFromMenu: Story = {
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await userEvent.click(await canvas.findByRole('button', { name: `Account menu for ${ADA.name}` }));
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Sign out' }));
    const signIn = await canvas.findByRole('link', { name: 'Sign in' });
    await waitFor(() => expect(signIn).toHaveFocus());
    await expect(args.onSignedOut).toHaveBeenCalledTimes(1);
    await expect(storyBackend(context).backend.store.sessions()).toHaveLength(0);
  },
};

/** German, dark. */
export const GermanDark: Story = {
  globals: { locale: 'de', theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Rollen: admin, user')).toBeVisible();
  },
};
