import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { LogoutButton } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { splitMockArgs } from './support/mockArgs.js';
import { GRACE } from './support/seedUsers.js';
import { SessionLine } from './support/SessionLine.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof LogoutButton> & MockArgs;

/**
 * "Sign out": one `POST logout` however often it is clicked; local state is cleared even when the
 * request fails. The line above it shows the session as the app sees it. Signed in here as `grace`.
 */
const meta = {
  title: 'Widgets/LogoutButton',
  component: LogoutButton,
  args: { onSignedOut: fn() },
  argTypes: { children: { control: 'text' } },
  parameters: { latchkey: { signedInAs: GRACE.username } satisfies LatchkeyParameters },
  render: (args) => {
    const [, props] = splitMockArgs(args);
    return (
      <>
        <SessionLine />
        <LogoutButton {...props} />
      </>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Signed in, ready to sign out. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Signed in as grace')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Sign out' })).toHaveAttribute('data-state', 'idle');
  },
};

/** On its way (the mock answers after 1.5 s); a double click still sends one request. */
export const Submitting: Story = {
  args: { mockLatencyMs: 1500 },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await canvas.findByText('Signed in as grace', {}, { timeout: 4000 });
    await userEvent.dblClick(canvas.getByRole('button', { name: 'Sign out' }));
    const busy = await canvas.findByRole('button', { name: 'Signing out…' });
    await expect(busy).toBeDisabled();
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await expect(await canvas.findByText('Signed out', {}, { timeout: 4000 })).toBeVisible();
    await expect(storyBackend(context).backend.store.sessions()).toHaveLength(0);
  },
};

/** Signed out: the session ended on the server and locally. */
export const Success: Story = {
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await canvas.findByText('Signed in as grace');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByText('Signed out')).toBeVisible();
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledTimes(1));
    await expect(storyBackend(context).backend.store.sessions()).toHaveLength(0);
  },
};

/** The server cannot be reached: local state is cleared anyway (the app shows "signed out"). */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.post(`${STORY_BASE_URL}/logout`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent, args }) => {
    await canvas.findByText('Signed in as grace');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByText('Signed out')).toBeVisible();
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledTimes(1));
  },
};

/** Custom label (children). */
export const CustomLabel: Story = {
  args: { children: 'Log out of Acme' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Log out of Acme' })).toBeVisible();
  },
};
