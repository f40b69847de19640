import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { ResetPassword } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { mailedResetToken, openResetLink } from './support/resetToken.js';
import { GRACE } from './support/seedUsers.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof ResetPassword> & MockArgs;

const NEW_PASSWORD = 'a brand new passphrase';

/** Opens the page as from Grace's reset mail: a real token from the mock's outbox in `?token=`. */
async function fromResetMail(context: StoryContext<Args>) {
  openResetLink(await mailedResetToken(context, GRACE.email));
}

/**
 * The page behind the link in the reset mail: it takes the token from the URL (or the `token`
 * prop), removes it from the address bar at once, and asks for the new password twice. Expired,
 * used or unknown tokens get one clear message and a way to ask for a new link.
 */
const meta = {
  title: 'Widgets/ResetPassword',
  component: ResetPassword,
  args: { onSuccess: fn() },
  argTypes: {
    token: { control: 'text' },
    tokenParam: { control: 'text' },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Opened from the mail: the token is read and removed from the address bar. */
export const Idle: Story = {
  beforeEach: fromResetMail,
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    await expect(canvas.getByLabelText('Repeat new password')).toHaveAttribute('autocomplete', 'new-password');
    await expect(new URL(window.location.href).searchParams.has('token')).toBe(false);
  },
};

/** The request is on its way. */
export const Submitting: Story = {
  args: { mockLatencyMs: 2500 },
  beforeEach: fromResetMail,
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await waitFor(() => expect(canvas.getByRole('form', { name: 'Choose a new password' })).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.getByRole('button', { name: 'Saving…' })).toBeDisabled();
  },
};

/** Checked before sending: too short for the policy, then two passwords that differ. */
export const FieldErrors: Story = {
  beforeEach: fromResetMail,
  play: async ({ canvas, userEvent }) => {
    const password = await canvas.findByLabelText('New password');
    // The policy comes from `GET config`; wait for its hint.
    await waitFor(() => expect(password).toHaveAccessibleDescription(expect.stringContaining('Use 12 to 128 characters.')));
    await userEvent.type(password, 'short');
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(expect.stringContaining('Use at least 12 characters.')));
    await expect(password).toHaveFocus();
    await userEvent.type(password, NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), `${NEW_PASSWORD}!`);
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('Repeat new password')).toHaveAccessibleDescription(expect.stringContaining('The two passwords do not match.')),
    );
  },
};

/** The server refuses a common password (422 `weak_password`). */
export const WeakPassword: Story = {
  beforeEach: fromResetMail,
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('New password'), 'password1234');
    await userEvent.type(canvas.getByLabelText('Repeat new password'), 'password1234');
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription(expect.stringContaining('This password is too easy to guess.')),
    );
  },
};

/** A link that was already used (the same answer as an expired or made-up one): offer a new link. */
export const UsedLink: Story = {
  beforeEach: async (context) => {
    const token = await mailedResetToken(context, GRACE.email);
    await storyBackend(context).client.resetPassword({ token, password: 'used once already 123' });
    openResetLink(token);
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This reset link is invalid, has expired or was already used.');
    await expect(canvas.getByRole('link', { name: 'Request a new link' })).toBeVisible();
    await expect(canvas.queryByLabelText('New password')).toBeNull();
  },
};

/** Opened without a token at all. */
export const MissingToken: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This page needs the link from the password reset email.');
    await expect(canvas.getByRole('link', { name: 'Request a new link' })).toBeVisible();
  },
};

/** The server cannot be reached; the token is kept, so the user can simply try again. */
export const NetworkFailure: Story = {
  beforeEach: async (context) => {
    await fromResetMail(context);
    // The mock backend has no "offline" switch, so the connection itself fails here.
    context.msw.use(http.post(`${STORY_BASE_URL}/password/reset`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await expect(canvas.getByLabelText('New password')).toBeEnabled();
  },
};

/** Saved: every session of the user ended, and the new password works. */
export const Success: Story = {
  beforeEach: fromResetMail,
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await userEvent.type(await canvas.findByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await expect(await canvas.findByText('Your password has been changed. You can now sign in with it.')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(canvas.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(storyBackend(context).backend.store.user(GRACE.username)?.password).toBe(NEW_PASSWORD);
  },
};

/** The token can also come as a prop (a router that parsed it itself); a made-up one is refused. */
export const TokenProp: Story = {
  args: { token: 'made-up-token' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Save new password' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This reset link is invalid, has expired or was already used.');
  },
};
