import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { InviteAdmin } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { ADA, GRACE } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof InviteAdmin> & MockArgs;

/**
 * Invites for invite-only registration (role `admin`): create one (optionally for one address,
 * with roles and a validity), see each invite's state (open, used, expired), revoke one after a
 * confirmation. Signed in here as `ada`; registration is `invite`.
 */
const meta = {
  title: 'Widgets/InviteAdmin',
  component: InviteAdmin,
  args: { defaultExpiresInHours: 72, mockRegistration: 'invite' },
  argTypes: {
    defaultExpiresInHours: { control: { type: 'number', min: 1, max: 2160 } },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
  parameters: {
    latchkey: {
      signedInAs: ADA.username,
      invites: [{ code: 'WELCOME-2026' }, { code: 'FOR-HEDY', email: 'hedy@example.com', roles: ['editor'] }],
    } satisfies LatchkeyParameters,
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The invites the backend holds. */
export const List: Story = {
  play: async ({ canvas }) => {
    const table = await canvas.findByRole('table', { name: 'Invites' });
    await expect(within(table).getByText('WELCOME-2026')).toBeVisible();
    await expect(within(table).getByText('hedy@example.com')).toBeVisible();
  },
};

/** No invites yet. */
export const Empty: Story = {
  parameters: { latchkey: { invites: [] } satisfies LatchkeyParameters },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No invites yet.')).toBeVisible();
  },
};

/** Creating an invite for one address; the new code is announced. */
export const CreateInvite: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    const form = within(await canvas.findByRole('form', { name: 'Create invite' }));
    await userEvent.type(form.getByLabelText(/^Email/), 'linus@example.com');
    await userEvent.click(form.getByRole('button', { name: 'Create invite' }));
    await expect(await canvas.findByText(/Invite created\. Code: /)).toBeVisible();
    await waitFor(() => expect(storyBackend(context).backend.store.invites()).toHaveLength(3));
  },
};

/** A validity the backend would not accept is caught before sending. */
export const FieldErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    const form = within(await canvas.findByRole('form', { name: 'Create invite' }));
    const hours = form.getByLabelText('Valid for (hours)');
    await userEvent.clear(hours);
    await userEvent.type(hours, '0');
    await userEvent.click(form.getByRole('button', { name: 'Create invite' }));
    await waitFor(() => expect(hours).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number of hours from 1 to 2160.')));
  },
};

/** Revoking asks first. */
export const Revoke: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke invite WELCOME-2026' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke invite' }));
    await expect(await canvas.findByText('Invite WELCOME-2026 was revoked.')).toBeVisible();
    await expect(storyBackend(context).backend.store.usableInvite('WELCOME-2026')).toBeUndefined();
  },
};

/** Signed in without the admin role: the backend refuses (403 `forbidden`). */
export const NotAnAdmin: Story = {
  parameters: { latchkey: { signedInAs: GRACE.username } satisfies LatchkeyParameters },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('You are not allowed to do this.')).toBeVisible();
  },
};

/** The list cannot be loaded (no connection). */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.get(`${STORY_BASE_URL}/admin/invites`, () => HttpResponse.error()));
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('The server could not be reached. Check your connection and try again.', {}, { timeout: 5000 })).toBeVisible();
  },
};
