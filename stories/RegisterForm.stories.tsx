import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { RegisterForm } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { ADA } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof RegisterForm> & MockArgs;

const NEW_PASSWORD = 'a long and fresh passphrase';

/**
 * "Create an account". It follows `config.registration` (open, invite, closed: try the
 * **registration** control) and shows the password policy from `config.password` live.
 */
const meta = {
  title: 'Widgets/RegisterForm',
  component: RegisterForm,
  args: { onSuccess: fn(), confirmPassword: false, showName: true },
  argTypes: {
    confirmPassword: { control: 'boolean' },
    showName: { control: 'boolean' },
    defaultInvite: { control: 'text' },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Open registration; the password field shows the policy from `GET config`. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('form', { name: 'Create an account' })).toHaveAttribute('data-state', 'idle');
    await expect(canvas.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
    await waitFor(() => expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription(expect.stringContaining('12')));
  },
};

/** The policy hint counts characters as the user types (a stricter policy: 16 characters). */
export const LivePolicyHint: Story = {
  args: { mockPasswordMinLength: 16 },
  play: async ({ canvas, userEvent }) => {
    const password = canvas.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAccessibleDescription(expect.stringContaining('16')));
    await userEvent.type(password, 'short one');
    await expect(password).toHaveAccessibleDescription(expect.stringContaining('9'));
  },
};

/** The request is on its way: the button is busy and disabled. */
export const Submitting: Story = {
  args: { mockLatencyMs: 2500 },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(canvas.getByRole('form', { name: 'Create an account' })).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.getByRole('button', { name: 'Creating account…' })).toBeDisabled();
  },
};

/** Checked before anything is sent: missing fields, an invalid address, a too-short password, a mismatch. */
export const FieldErrors: Story = {
  args: { confirmPassword: true },
  play: async ({ canvas, userEvent }) => {
    // The policy comes from `GET config`; wait for its hint.
    await waitFor(() => expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription(expect.stringContaining('Use 12 to 128 characters.')));
    await userEvent.type(canvas.getByLabelText('Email'), 'not-an-address');
    await userEvent.type(canvas.getByLabelText('Password'), 'too short');
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const username = canvas.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    await expect(username).toHaveFocus();
    await expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription(expect.stringContaining('Enter an email address like name@example.com.'));
    await expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription(expect.stringContaining('Use at least 12 characters.'));
  },
};

/** The server refuses: the username is taken (409 with `fields.username`). */
export const UsernameTaken: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username'), ADA.username);
    await userEvent.type(canvas.getByLabelText('Email'), 'someone.else@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const username = canvas.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    await expect(username).toHaveAccessibleDescription(expect.stringContaining('This username is already taken.'));
    await expect(canvas.getByRole('form', { name: 'Create an account' })).toHaveAttribute('data-state', 'invalid');
  },
};

/** The server refuses a common password (422 `weak_password`), whatever its length. */
export const WeakPassword: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), 'password1234');
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription(expect.stringContaining('This password is too easy to guess.')),
    );
  },
};

/** Invite-only: an invite code field comes first; `WELCOME-2026` is a valid code in this story. */
export const InviteOnly: Story = {
  args: { mockRegistration: 'invite' },
  parameters: { latchkey: { invites: [{ code: 'WELCOME-2026' }] } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent, args }) => {
    const invite = await canvas.findByLabelText('Invite code');
    await userEvent.type(invite, 'WELCOME-2026');
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByText('Your account is ready and you are signed in.')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
  },
};

/** Invite-only with a code the backend does not know: 403 `invite_required` on the invite field. */
export const InviteRejected: Story = {
  args: { mockRegistration: 'invite' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('Invite code'), 'NOT-A-CODE');
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const invite = canvas.getByLabelText('Invite code');
    await waitFor(() => expect(invite).toHaveAttribute('aria-invalid', 'true'));
    await expect(invite).toHaveAccessibleDescription(expect.stringContaining('This invite code is not valid.'));
  },
};

/** Registration is closed: no form, just the explanation and the way to sign in. */
export const Closed: Story = {
  args: { mockRegistration: 'closed' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Registration is closed. Ask an administrator for an account.')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Create account' })).toBeNull();
    await expect(canvas.getByRole('link', { name: 'Already have an account? Sign in' })).toBeVisible();
  },
};

/** The server cannot be reached: a retryable message, the form stays filled in and usable. */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.post(`${STORY_BASE_URL}/register`, () => HttpResponse.error()));
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await expect(canvas.getByLabelText('Username')).toHaveValue('hedy');
    await expect(canvas.getByRole('button', { name: 'Create account' })).toBeEnabled();
  },
};

/**
 * The mock answers after 3 s but the client gives up after 1 s: a timeout, and the form is usable
 * again. (Bearer transport here, so the registration is the only request that has to wait.)
 */
export const Timeout: Story = {
  args: { mockLatencyMs: 3000 },
  parameters: { latchkey: { timeoutMs: 1000, transport: 'bearer' } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('The server took too long to answer.');
    await expect(canvas.getByRole('button', { name: 'Create account' })).toBeEnabled();
  },
};

/** Success: the account exists and the user is signed in straight away. */
export const Success: Story = {
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Name (optional)'), 'Hedy Lamarr');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByText('Your account is ready and you are signed in.')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ session: expect.objectContaining({}) }));
    await expect(storyBackend(context).backend.store.user('hedy')?.name).toBe('Hedy Lamarr');
  },
};

/** With email verification on, the answer is "check your email", the same for new and taken addresses. */
export const VerifyEmail: Story = {
  args: { mockEmailVerification: true },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    // Ada's address is taken: the answer must not reveal it.
    await userEvent.type(canvas.getByLabelText('Email'), ADA.email);
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByText(/check your email/)).toBeVisible();
    await expect(storyBackend(context).backend.outbox.last(ADA.email)).toBeDefined();
  },
};

/** The backend holds new accounts for an administrator (`next: 'await_approval'`). */
export const AwaitApproval: Story = {
  parameters: { latchkey: { requireApproval: true } satisfies LatchkeyParameters },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByText(/An administrator will review your account/)).toBeVisible();
  },
};

/** App-defined extra fields, sent as `profile` (here a company and a required checkbox). */
export const ExtraFields: Story = {
  args: {
    confirmPassword: true,
    extraFields: [
      { name: 'company', label: 'Company', autoComplete: 'organization' },
      { name: 'terms', label: 'I accept the terms of use', type: 'checkbox', required: true },
    ],
  },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.type(canvas.getByLabelText('Username'), 'hedy');
    await userEvent.type(canvas.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.type(canvas.getByLabelText('Company'), 'Acme');
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const terms = canvas.getByLabelText('I accept the terms of use');
    await waitFor(() => expect(terms).toHaveAttribute('aria-invalid', 'true'));
    await userEvent.click(terms);
    await userEvent.type(canvas.getByLabelText('Password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByText('Your account is ready and you are signed in.')).toBeVisible();
    await expect(storyBackend(context).backend.store.user('hedy')?.profile).toEqual({ company: 'Acme', terms: true });
  },
};
