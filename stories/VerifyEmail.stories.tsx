import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { VerifyEmail } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { splitMockArgs } from './support/mockArgs.js';
import { openResetLink } from './support/resetToken.js';
import { SessionLine } from './support/SessionLine.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';
import { mailedVerificationToken, NEWCOMER } from './support/verificationToken.js';

type Args = ComponentProps<typeof VerifyEmail> & MockArgs;

/** Opens the page as from the confirmation mail: a real token from the mock's outbox in `?token=`. */
async function fromConfirmationMail(context: StoryContext<Args>) {
  // `openResetLink` only puts `?token=` into the address bar; VerifyEmail reads the same parameter.
  openResetLink(await mailedVerificationToken(context));
}

/**
 * The page behind the link in the confirmation mail (`features.emailVerification`): it takes the
 * token from the URL (or the `token` prop), removes it from the address bar at once, and confirms
 * only when the user presses the button (a mail scanner opening the link confirms nothing).
 * Success signs the user in; the line above shows the session as the app sees it.
 */
const meta = {
  title: 'Widgets/VerifyEmail',
  component: VerifyEmail,
  args: { onSuccess: fn(), mockEmailVerification: true },
  argTypes: {
    token: { control: 'text' },
    tokenParam: { control: 'text' },
    signIn: { control: 'text' },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
  render: (args) => {
    const [, props] = splitMockArgs(args);
    return (
      <>
        <SessionLine />
        <VerifyEmail {...props} />
      </>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Opened from the mail: the token is read and removed from the address bar; nothing is sent yet. */
export const Idle: Story = {
  beforeEach: fromConfirmationMail,
  play: async ({ canvas }) => {
    const form = await canvas.findByRole('form', { name: 'Confirm your email address' });
    await expect(canvas.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible();
    await expect(canvas.getByText('Confirm that this address is yours to finish creating your account.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Confirm my email address' })).toBeEnabled();
    await expect(form).not.toHaveAttribute('aria-busy');
    await expect(await canvas.findByText('Signed out')).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(new URL(window.location.href).searchParams.has('token')).toBe(false);
  },
};

/** The request is on its way. */
export const Submitting: Story = {
  args: { mockLatencyMs: 2500 },
  beforeEach: fromConfirmationMail,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Confirm my email address' }));
    await waitFor(() => expect(canvas.getByRole('form', { name: 'Confirm your email address' })).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.getByRole('button', { name: 'Confirming…' })).toBeDisabled();
  },
};

/** Confirmed: the address is verified and the user is signed in. */
export const Success: Story = {
  beforeEach: fromConfirmationMail,
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await userEvent.click(await canvas.findByRole('button', { name: 'Confirm my email address' }));
    await expect(await canvas.findByText('Your email address is confirmed and you are signed in.')).toBeVisible();
    await expect(await canvas.findByText(`Signed in as ${NEWCOMER.username}`)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(canvas.queryByRole('button', { name: 'Confirm my email address' })).toBeNull();
    await expect(storyBackend(context).backend.store.user(NEWCOMER.username)?.emailVerified).toBe(true);
  },
};

/** A link that was already used (the same answer as an expired or made-up one): say so and offer a way to sign in. */
export const InvalidToken: Story = {
  beforeEach: async (context) => {
    const token = await mailedVerificationToken(context);
    const { client } = storyBackend(context);
    await client.verifyEmail({ token });
    await client.logout();
    openResetLink(token);
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Confirm my email address' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This confirmation link is invalid, has expired or was already used.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/login');
    await expect(canvas.queryByRole('button', { name: 'Confirm my email address' })).toBeNull();
    await expect(canvas.getByText('Signed out')).toBeVisible();
  },
};

/** The server cannot be reached; the token is kept, so the user can simply try again. */
export const NetworkFailure: Story = {
  beforeEach: async (context) => {
    await fromConfirmationMail(context);
    // The mock backend has no "offline" switch, so the connection itself fails here.
    context.msw.use(http.post(`${STORY_BASE_URL}/email/verify`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Confirm my email address' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await expect(canvas.getByRole('button', { name: 'Confirm my email address' })).toBeEnabled();
    await expect(canvas.getByRole('form', { name: 'Confirm your email address' })).not.toHaveAttribute('aria-busy');
  },
};
