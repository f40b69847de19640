import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, screen, waitFor } from 'storybook/test';
import { SessionExpiryWarning } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { splitMockArgs } from './support/mockArgs.js';
import { GRACE } from './support/seedUsers.js';
import { SessionLine } from './support/SessionLine.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof SessionExpiryWarning> & MockArgs;

/** The mock's clock runs 28½ minutes behind: its 30-minute sessions end 90 s from now. */
const ENDS_IN_90_SECONDS = -(28.5 * 60_000);

/**
 * The modal warning before the session ends (the provider's `expiryWarningMs`, default two
 * minutes): a live countdown, "Stay signed in" and "Sign out". Focus moves to "Stay signed in",
 * Tab stays inside, Escape means "stay".
 *
 * Here the mock backend's clock runs 28½ minutes behind, so Grace's session (idle timeout 30 min)
 * ends 90 seconds after the story opens, and re-reading it keeps it there: "Stay signed in" only
 * helps once the clock is back in step (the `StaySignedIn` story does that).
 */
const meta = {
  title: 'Widgets/SessionExpiryWarning',
  component: SessionExpiryWarning,
  args: { onSignedOut: fn() },
  parameters: { latchkey: { signedInAs: GRACE.username, clockOffsetMs: ENDS_IN_90_SECONDS } satisfies LatchkeyParameters },
  render: (args) => {
    const [, props] = splitMockArgs(args);
    return (
      <>
        <SessionLine />
        <SessionExpiryWarning {...props} />
      </>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The warning is open: a countdown, focus on "Stay signed in". */
export const Open: Story = {
  play: async () => {
    const dialog = await screen.findByRole('alertdialog', { name: 'Your session is about to end' });
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toHaveAccessibleDescription(/For your security you will be signed out in 1 min \d+ s\./);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stay signed in' })).toHaveFocus());
  },
};

/** "Stay signed in" with the clock back in step: the session is re-read, ends in 30 minutes, the dialog closes. */
export const StaySignedIn: Story = {
  play: async (context) => {
    await screen.findByRole('alertdialog');
    storyBackend(context).setClockOffset(0);
    await context.userEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(screen.getByText('Signed in as grace')).toBeVisible();
  },
};

/** Keyboard: Tab stays inside the dialog. */
export const KeyboardTrap: Story = {
  play: async ({ userEvent }) => {
    await screen.findByRole('alertdialog');
    const stay = screen.getByRole('button', { name: 'Stay signed in' });
    await waitFor(() => expect(stay).toHaveFocus());
    await userEvent.tab();
    await expect(screen.getByRole('button', { name: 'Sign out' })).toHaveFocus();
    await userEvent.tab();
    await expect(stay).toHaveFocus();
  },
};

/** "Sign out": the session ends on the server and here. */
export const SignOut: Story = {
  play: async (context) => {
    const { userEvent, args } = context;
    await screen.findByRole('alertdialog');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(await screen.findByText('Signed out')).toBeVisible();
    await expect(args.onSignedOut).toHaveBeenCalledTimes(1);
    await expect(storyBackend(context).backend.store.sessions()).toHaveLength(0);
  },
};

/** "Stay signed in" while the server cannot be reached: the dialog says so and stays open. */
export const NetworkFailure: Story = {
  play: async (context) => {
    await screen.findByRole('alertdialog');
    // The mock backend has no "offline" switch, so the connection itself fails from here on.
    context.msw.use(http.get(`${STORY_BASE_URL}/session`, () => HttpResponse.error()));
    await context.userEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    const dialog = screen.getByRole('alertdialog');
    await expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('The server could not be reached.');
    await expect(dialog).toBeVisible();
  },
};

/** German, dark. */
export const GermanDark: Story = {
  globals: { locale: 'de', theme: 'dark' },
  play: async () => {
    await expect(await screen.findByRole('alertdialog', { name: 'Ihre Sitzung endet gleich' })).toBeVisible();
  },
};
