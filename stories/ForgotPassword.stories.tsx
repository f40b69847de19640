import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { ForgotPassword } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { GRACE } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof ForgotPassword> & MockArgs;

const CONFIRMATION = 'If an account matches what you entered, we have sent a link to its email address.';

/**
 * "Forgot your password?": asks for a username or email and always answers with the same neutral
 * confirmation, so nobody can find out which accounts exist. The mock backend puts the reset
 * mail in its outbox (see the `ResetPassword` stories for the other end).
 */
const meta = {
  title: 'Widgets/ForgotPassword',
  component: ForgotPassword,
  args: { onSuccess: fn() },
  argTypes: {
    defaultIdentifier: { control: 'text' },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

type PlayContext = Parameters<NonNullable<Story['play']>>[0];

/** Types an identifier and sends the form. */
async function ask({ canvas, userEvent }: PlayContext, identifier: string) {
  await userEvent.type(canvas.getByLabelText('Username or email'), identifier);
  await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
}

/** Nothing typed yet. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('form', { name: 'Reset your password' })).toHaveAttribute('data-state', 'idle');
    await expect(canvas.getByLabelText('Username or email')).toHaveAttribute('autocomplete', 'username');
  },
};

/** The request is on its way. */
export const Submitting: Story = {
  args: { mockLatencyMs: 2500 },
  play: async (context) => {
    const { canvas } = context;
    await ask(context, GRACE.email);
    await waitFor(() => expect(canvas.getByRole('form', { name: 'Reset your password' })).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.getByRole('button', { name: 'Sending…' })).toBeDisabled();
  },
};

/** Submitted empty. */
export const FieldErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    const field = canvas.getByLabelText('Username or email');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    await expect(field).toHaveAccessibleDescription(expect.stringContaining('Please fill in this field.'));
    await expect(field).toHaveFocus();
  },
};

/** The server refuses the input (an identifier longer than the contract's 320 characters: 400 `invalid_request`). */
export const ServerError: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByLabelText('Username or email'));
    await userEvent.paste(`${'x'.repeat(320)}@example.com`);
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.getByRole('form', { name: 'Reset your password' })).not.toHaveAttribute('data-state', 'success');
  },
};

/** The server cannot be reached. */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.post(`${STORY_BASE_URL}/password/forgot`, () => HttpResponse.error()));
  },
  play: async (context) => {
    const { canvas } = context;
    await ask(context, GRACE.email);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await expect(canvas.getByRole('button', { name: 'Send reset link' })).toBeEnabled();
  },
};

/** The mock answers after 3 s, the client gives up after 1 s. */
export const Timeout: Story = {
  args: { mockLatencyMs: 3000 },
  parameters: { latchkey: { timeoutMs: 1000, transport: 'bearer' } satisfies LatchkeyParameters },
  play: async (context) => {
    const { canvas } = context;
    await ask(context, GRACE.email);
    await expect(await canvas.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('The server took too long to answer.');
  },
};

/** A known account: the neutral confirmation, and the reset mail is in the mock's outbox. */
export const Success: Story = {
  play: async (context) => {
    const { canvas, args } = context;
    await ask(context, GRACE.username);
    await expect(await canvas.findByText(new RegExp(CONFIRMATION))).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(storyBackend(context).backend.outbox.last(GRACE.email, 'password-reset')?.token).toBeTruthy();
  },
};

/** An unknown account gets exactly the same confirmation (and no mail goes out). */
export const UnknownAccount: Story = {
  play: async (context) => {
    const { canvas } = context;
    await ask(context, 'nobody@example.com');
    await expect(await canvas.findByText(new RegExp(CONFIRMATION))).toBeVisible();
    await expect(storyBackend(context).backend.outbox).toHaveLength(0);
  },
};
