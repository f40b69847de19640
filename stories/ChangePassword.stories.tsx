import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { ChangePassword } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { GRACE } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof ChangePassword> & MockArgs;

const NEW_PASSWORD = 'an even better passphrase';

/**
 * "Change password" for a signed-in user: the current password, then the new one (optionally
 * twice). Success starts a new session and signs out every other device. Signed in here as
 * `grace` (current password `compiler pioneer 1906`).
 */
const meta = {
  title: 'Widgets/ChangePassword',
  component: ChangePassword,
  args: { onSuccess: fn(), confirmPassword: true },
  argTypes: {
    confirmPassword: { control: 'boolean' },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
  parameters: { latchkey: { signedInAs: GRACE.username } satisfies LatchkeyParameters },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Nothing typed yet. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('form', { name: 'Change password' })).toHaveAttribute('data-state', 'idle');
    await expect(canvas.getByLabelText('Current password')).toHaveAttribute('autocomplete', 'current-password');
    await expect(canvas.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    await expect(canvas.getByLabelText('Repeat new password')).toHaveAttribute('autocomplete', 'new-password');
  },
};

/** The request is on its way. */
export const Submitting: Story = {
  args: { mockLatencyMs: 2500 },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Current password'), GRACE.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(canvas.getByRole('form', { name: 'Change password' })).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.getByRole('button', { name: 'Saving…' })).toBeDisabled();
  },
};

/** Checked before sending: everything missing. */
export const FieldErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    const current = canvas.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    await expect(current).toHaveFocus();
    await expect(canvas.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The current password is wrong (401 `invalid_credentials` with `fields.currentPassword`). */
export const WrongCurrentPassword: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Current password'), 'not my password');
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    const current = canvas.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAccessibleDescription(expect.stringContaining('Your current password is not correct.')));
    await expect(current).toHaveValue('');
  },
};

/** The server refuses a common password (422 `weak_password`). */
export const WeakPassword: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Current password'), GRACE.password);
    await userEvent.type(canvas.getByLabelText('New password'), 'password1234');
    await userEvent.type(canvas.getByLabelText('Repeat new password'), 'password1234');
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription(expect.stringContaining('This password is too easy to guess.')),
    );
  },
};

/** Five wrong current passwords (made before the story renders) lock the account for a while. */
export const RateLimited: Story = {
  beforeEach: async (context) => {
    const { client } = storyBackend(context);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await client.changePassword({ currentPassword: `wrong guess ${attempt}`, newPassword: NEW_PASSWORD }).catch(() => undefined);
    }
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Current password'), GRACE.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await expect(await canvas.findByRole('timer')).toHaveTextContent(/Too many attempts\. You can try again in/);
    await expect(canvas.getByRole('button', { name: 'Change password' })).toBeDisabled();
  },
};

/** The server cannot be reached. */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.post(`${STORY_BASE_URL}/password/change`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Current password'), GRACE.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
  },
};

/** Changed: a new session for this tab, and Grace's other session (another device) has ended. */
export const Success: Story = {
  beforeEach: (context) => {
    // Grace is also signed in on another device.
    storyBackend(context).backend.store.createSession(storyBackend(context).backend.store.user(GRACE.username)?.id ?? '');
  },
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    const { store } = storyBackend(context).backend;
    const grace = store.user(GRACE.username)?.id ?? '';
    await expect(store.sessions(grace)).toHaveLength(2);
    await userEvent.type(canvas.getByLabelText('Current password'), GRACE.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await expect(await canvas.findByText('Your password has been changed. Other devices have been signed out.')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(store.sessions(grace)).toHaveLength(1);
  },
};

/** Nobody is signed in: the server answers 401 `unauthenticated`. */
export const SignedOut: Story = {
  parameters: { latchkey: { signedInAs: null } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Current password'), GRACE.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your session has ended. Please sign in again.');
  },
};
