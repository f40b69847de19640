import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { AccountForm } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { ADA, GRACE } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof AccountForm> & MockArgs;

/**
 * "Your account": the signed-in user's name and email. Changing the email asks for the current
 * password. Signed in here as `grace` (password `compiler pioneer 1906`).
 */
const meta = {
  title: 'Widgets/AccountForm',
  component: AccountForm,
  args: { onSuccess: fn() },
  argTypes: { headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] } },
  parameters: { latchkey: { signedInAs: GRACE.username } satisfies LatchkeyParameters },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The user's current values. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText('Name')).toHaveValue(GRACE.name);
    await expect(canvas.getByLabelText('Email')).toHaveValue(GRACE.email);
    await expect(canvas.getByText(GRACE.username)).toBeVisible();
    await expect(canvas.queryByLabelText('Current password')).toBeNull();
  },
};

/** Still checking the session: the form waits, busy. */
export const Loading: Story = {
  args: { mockLatencyMs: 2000 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('form', { name: 'Your account' })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('form', { name: 'Your account' })).toHaveAttribute('data-state', 'loading');
    await expect(await canvas.findByLabelText('Name', {}, { timeout: 4000 })).toHaveValue(GRACE.name);
  },
};

/** Saving a new name (the mock answers after 1.2 s). */
export const Submitting: Story = {
  args: { mockLatencyMs: 1200 },
  play: async ({ canvas, userEvent }) => {
    const name = await canvas.findByLabelText('Name', {}, { timeout: 4000 });
    await userEvent.clear(name);
    await userEvent.type(name, 'Grace B. Hopper');
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(canvas.getByRole('form', { name: 'Your account' })).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    await expect(await canvas.findByText('Your changes have been saved.', {}, { timeout: 4000 })).toBeVisible();
  },
};

/** Nothing was changed: said without a request. */
export const NoChanges: Story = {
  play: async ({ canvas, userEvent }) => {
    await canvas.findByLabelText('Name');
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await expect(await canvas.findByText('Nothing has changed.')).toBeVisible();
  },
};

/** A new email address asks for the current password; an invalid one is caught before sending. */
export const FieldErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    const email = await canvas.findByLabelText('Email');
    await userEvent.clear(email);
    await userEvent.type(email, 'grace-at-example');
    const current = await canvas.findByLabelText('Current password');
    await expect(current).toHaveAttribute('autocomplete', 'current-password');
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    await expect(email).toHaveAccessibleDescription(expect.stringContaining('Enter an email address like name@example.com.'));
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveFocus();
  },
};

/** The new address belongs to someone else (409 `conflict` on `email`). */
export const EmailTaken: Story = {
  play: async ({ canvas, userEvent }) => {
    const email = await canvas.findByLabelText('Email');
    await userEvent.clear(email);
    await userEvent.type(email, ADA.email);
    await userEvent.type(await canvas.findByLabelText('Current password'), GRACE.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription(expect.stringContaining('This email address is already in use.')));
  },
};

/** The current password is wrong (401 `invalid_credentials` on `currentPassword`). */
export const WrongCurrentPassword: Story = {
  play: async ({ canvas, userEvent }) => {
    const email = await canvas.findByLabelText('Email');
    await userEvent.clear(email);
    await userEvent.type(email, 'grace.hopper@example.com');
    await userEvent.type(await canvas.findByLabelText('Current password'), 'not my password');
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('Current password')).toHaveAccessibleDescription(expect.stringContaining('Your current password is not correct.')),
    );
  },
};

/** Five wrong current passwords (made before the story renders) lock the account for a while. */
export const RateLimited: Story = {
  beforeEach: async (context) => {
    const { client } = storyBackend(context);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await client.updateProfile({ email: 'grace.hopper@example.com', currentPassword: `wrong guess ${attempt}` }).catch(() => undefined);
    }
  },
  play: async ({ canvas, userEvent }) => {
    const email = await canvas.findByLabelText('Email');
    await userEvent.clear(email);
    await userEvent.type(email, 'grace.hopper@example.com');
    await userEvent.type(await canvas.findByLabelText('Current password'), GRACE.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await expect(await canvas.findByRole('timer')).toHaveTextContent(/Too many attempts\. You can try again in/);
    await expect(canvas.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  },
};

/** The server cannot be reached; what the user typed stays. */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.patch(`${STORY_BASE_URL}/user`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent }) => {
    const name = await canvas.findByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Grace B. Hopper');
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await expect(name).toHaveValue('Grace B. Hopper');
  },
};

/** Saved: a new email address (with the current password); the backend has it. */
export const Success: Story = {
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    const email = await canvas.findByLabelText('Email');
    await userEvent.clear(email);
    await userEvent.type(email, 'grace.hopper@example.com');
    await userEvent.type(await canvas.findByLabelText('Current password'), GRACE.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await expect(await canvas.findByText('Your changes have been saved.')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ email: 'grace.hopper@example.com' }));
    await expect(storyBackend(context).backend.store.user(GRACE.username)?.email).toBe('grace.hopper@example.com');
  },
};

/** Nobody is signed in. */
export const SignedOut: Story = {
  parameters: { latchkey: { signedInAs: null } satisfies LatchkeyParameters },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Sign in to see your account.')).toBeVisible();
  },
};
