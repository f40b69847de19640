import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { ForgotUsername } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { ADA } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof ForgotUsername> & MockArgs;

const CONFIRMATION = 'If an account uses this email address, we have sent its username there.';

/**
 * "Forgot your username?": asks for an email address and always answers with the same neutral
 * confirmation. The mock backend puts the reminder in its outbox.
 */
const meta = {
  title: 'Widgets/ForgotUsername',
  component: ForgotUsername,
  args: { onSuccess: fn() },
  argTypes: { headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Nothing typed yet. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('form', { name: 'Find your username' })).toHaveAttribute('data-state', 'idle');
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
  },
};

/** The request is on its way. */
export const Submitting: Story = {
  args: { mockLatencyMs: 2500 },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), ADA.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Send my username' }));
    await waitFor(() => expect(canvas.getByRole('form', { name: 'Find your username' })).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.getByRole('button', { name: 'Sending…' })).toBeDisabled();
  },
};

/** Not an email address: said under the field, nothing is sent. */
export const FieldErrors: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.type(canvas.getByLabelText('Email'), 'ada');
    await userEvent.click(canvas.getByRole('button', { name: 'Send my username' }));
    const email = canvas.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    await expect(email).toHaveAccessibleDescription(expect.stringContaining('Enter an email address like name@example.com.'));
    await expect(email).toHaveFocus();
    await expect(storyBackend(context).backend.outbox).toHaveLength(0);
  },
};

/** The server refuses the input (an address longer than the contract's 320 characters: 400 `invalid_request`). */
export const ServerError: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByLabelText('Email'));
    await userEvent.paste(`${'x'.repeat(320)}@example.com`);
    await userEvent.click(canvas.getByRole('button', { name: 'Send my username' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** The server cannot be reached. */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.post(`${STORY_BASE_URL}/username/forgot`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), ADA.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Send my username' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
  },
};

/** The mock answers after 3 s, the client gives up after 1 s. */
export const Timeout: Story = {
  args: { mockLatencyMs: 3000 },
  parameters: { latchkey: { timeoutMs: 1000, transport: 'bearer' } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), ADA.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Send my username' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('The server took too long to answer.');
  },
};

/** A known address: the neutral confirmation, and the reminder is in the mock's outbox. */
export const Success: Story = {
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await userEvent.type(canvas.getByLabelText('Email'), ADA.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Send my username' }));
    await expect(await canvas.findByText(CONFIRMATION)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(storyBackend(context).backend.outbox.last(ADA.email, 'username-reminder')?.text).toContain(ADA.username);
  },
};

/** An unknown address gets exactly the same confirmation. */
export const UnknownAddress: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), 'nobody@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Send my username' }));
    await expect(await canvas.findByText(CONFIRMATION)).toBeVisible();
  },
};
