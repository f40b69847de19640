import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { LoginForm } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { ADA, GRACE, LIN } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof LoginForm> & MockArgs;

/**
 * The sign-in form. Links to password reset, username reminder and registration follow the
 * backend's `GET config` (try the mock controls).
 *
 * Seeded accounts: `ada` / `correct horse battery staple` (admin), `grace` / `compiler pioneer 1906`.
 */
const meta = {
  title: 'Widgets/LoginForm',
  component: LoginForm,
  args: { onSuccess: fn() },
  argTypes: {
    showRemember: { control: 'boolean' },
    defaultIdentifier: { control: 'text' },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Nothing typed yet; the links come from the backend's config. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'idle');
    await expect(canvas.getByLabelText('Username or email')).toHaveAttribute('autocomplete', 'username');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    await expect(await canvas.findByRole('link', { name: 'Forgot your password?' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Forgot your username?' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Create an account' })).toBeVisible();
    // The default theme is on (toolbar: Styles).
    await expect(document.querySelector('style[data-latchkey-theme]')).not.toBeNull();
  },
};

/** The request is on its way (the mock answers after 2.5 s): the button is busy and disabled. */
export const Submitting: Story = {
  args: { mockLatencyMs: 2500 },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username or email'), ADA.username);
    await userEvent.type(canvas.getByLabelText('Password'), ADA.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    const form = canvas.getByRole('form', { name: 'Sign in' });
    await waitFor(() => expect(form).toHaveAttribute('data-state', 'submitting'));
    await expect(form).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
    // The password never stays in the form once it is sent.
    await expect(canvas.getByLabelText('Password')).toHaveValue('');
  },
};

/** Submitted empty: each field says what is missing, and focus moves to the first one. */
export const FieldErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    const identifier = canvas.getByLabelText('Username or email');
    await waitFor(() => expect(identifier).toHaveAttribute('aria-invalid', 'true'));
    await expect(identifier).toHaveAccessibleDescription(expect.stringContaining('Please fill in this field.'));
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    await expect(identifier).toHaveFocus();
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'invalid');
  },
};

/** A wrong password: one generic message that does not say whether the account exists. */
export const WrongPassword: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(canvas.getByLabelText('Username or email'), GRACE.username);
    await userEvent.type(canvas.getByLabelText('Password'), 'not her password at all');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The sign-in details are not correct.');
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'error');
    await expect(canvas.getByLabelText('Password')).toHaveValue('');
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/** A disabled account gets exactly the same answer as a wrong password. */
export const DisabledAccount: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username or email'), LIN.username);
    await userEvent.type(canvas.getByLabelText('Password'), LIN.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The sign-in details are not correct.');
  },
};

/**
 * Five failed sign-ins for `grace` (made against the mock before the story renders) lock the
 * identifier: the next attempt gets 429 + `Retry-After`, shown as a live countdown with the
 * submit button disabled.
 */
export const RateLimited: Story = {
  beforeEach: async (context) => {
    const { client } = storyBackend(context);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await client.login({ identifier: GRACE.username, password: `wrong guess ${attempt}` }).catch(() => undefined);
    }
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username or email'), GRACE.username);
    await userEvent.type(canvas.getByLabelText('Password'), GRACE.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    const timer = await canvas.findByRole('timer');
    await expect(timer).toHaveTextContent(/Too many attempts\. You can try again in \d+ min \d+ s\./);
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'rate-limited');
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    const first = timer.textContent;
    await waitFor(() => expect(timer.textContent).not.toBe(first), { timeout: 2500 });
  },
};

/** The server cannot be reached (the connection fails): a retryable message, the form stays usable. */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.post(`${STORY_BASE_URL}/login`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username or email'), ADA.username);
    await userEvent.type(canvas.getByLabelText('Password'), ADA.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await expect(canvas.getByRole('form', { name: 'Sign in' })).toHaveAttribute('data-state', 'network-error');
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  },
};

/**
 * The mock answers after 3 s but the client gives up after 1 s: a timeout, and the form is usable
 * again. (Bearer transport here, so the sign-in is the only request that has to wait.)
 */
export const Timeout: Story = {
  args: { mockLatencyMs: 3000 },
  parameters: { latchkey: { timeoutMs: 1000, transport: 'bearer' } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username or email'), ADA.username);
    await userEvent.type(canvas.getByLabelText('Password'), ADA.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('The server took too long to answer.');
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  },
};

/** Signed in: the session is in the cache and `onSuccess` got the answer. */
export const Success: Story = {
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await userEvent.type(canvas.getByLabelText('Username or email'), ADA.email);
    await userEvent.type(canvas.getByLabelText('Password'), ADA.password);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Keep me signed in' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByText('You are signed in.')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(storyBackend(context).backend.store.sessions(ADA.id)).toHaveLength(1);
  },
};

/** The backend offers no password reset, no username reminder and no registration: no links. */
export const WithoutOptionalLinks: Story = {
  args: { mockPasswordReset: false, mockUsernameRecovery: false, mockRegistration: 'closed' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Sign in' })).toBeVisible();
    // Give the config answer time to arrive, then check nothing was added.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(canvas.queryByRole('link')).toBeNull();
  },
};

/** German strings (toolbar: Locale), dark theme (toolbar: Theme). */
export const GermanDark: Story = {
  globals: { locale: 'de', theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Anmelden' })).toBeVisible();
  },
};

/** Without `latchkey/styles.css` (toolbar: Styles → Unstyled): clean semantic HTML for an app's own CSS. */
export const Unstyled: Story = {
  globals: { styles: 'unstyled' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(document.querySelector('style[data-latchkey-theme]')).toBeNull();
  },
};
