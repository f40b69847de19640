import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { UserAdmin } from 'latchkey';
import type { MockArgs } from './support/mockArgs.js';
import { ADA, GRACE } from './support/seedUsers.js';
import type { LatchkeyParameters } from './support/storyBackend.js';
import { STORY_BASE_URL, storyBackend } from './support/storyBackend.js';

type Args = ComponentProps<typeof UserAdmin> & MockArgs;

/**
 * User administration for the `admin` role (`config.features.admin`): search, page, add users
 * (with a password, or a one-time link), edit roles, disable, hand out a reset link, delete
 * (with a confirmation). An administrator cannot disable, demote or delete themselves. Signed in
 * here as `ada`.
 */
const meta = {
  title: 'Widgets/UserAdmin',
  component: UserAdmin,
  args: { pageSize: 20, showCreate: true },
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    showCreate: { control: 'boolean' },
    headingLevel: { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6] },
  },
  parameters: { latchkey: { signedInAs: ADA.username } satisfies LatchkeyParameters },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

/** The row actions of one user. */
async function actionsFor(canvas: Canvas, username: string) {
  return within(await canvas.findByRole('group', { name: `Actions for ${username}` }));
}

/** Every user, with their roles and status. */
export const List: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('3 users')).toBeVisible();
    const table = canvas.getByRole('table', { name: 'Users' });
    await expect(within(table).getAllByRole('row')).toHaveLength(4);
    await expect(within(table).getByText(GRACE.email)).toBeVisible();
  },
};

/** Waiting for the list (the mock answers after 1.2 s). */
export const Loading: Story = {
  args: { mockLatencyMs: 1200 },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Loading users…', {}, { timeout: 6000 })).toBeVisible();
    await expect(await canvas.findByText('3 users', {}, { timeout: 6000 })).toBeVisible();
  },
};

/** Searching; and a search that finds nobody. */
export const Search: Story = {
  play: async ({ canvas, userEvent }) => {
    await canvas.findByText('3 users');
    const search = within(canvas.getByRole('search', { name: 'Search users' }));
    await userEvent.type(search.getByLabelText('Search users'), 'grace');
    await userEvent.click(search.getByRole('button', { name: 'Search' }));
    await expect(await canvas.findByText('1 users')).toBeVisible();
    await userEvent.clear(search.getByLabelText('Search users'));
    await userEvent.type(search.getByLabelText('Search users'), 'nobody-here');
    await userEvent.click(search.getByRole('button', { name: 'Search' }));
    await expect(await canvas.findByText('No users found.')).toBeVisible();
  },
};

/** Two users per page. */
export const Paged: Story = {
  args: { pageSize: 2 },
  play: async ({ canvas, userEvent }) => {
    const pager = await canvas.findByRole('navigation', { name: 'Page 1 of 2' });
    await userEvent.click(within(pager).getByRole('button', { name: 'Next page' }));
    await expect(await canvas.findByRole('navigation', { name: 'Page 2 of 2' })).toBeVisible();
  },
};

/** Disabling Grace: she can no longer sign in (the backend says so). */
export const DisableUser: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.click((await actionsFor(canvas, GRACE.username)).getByRole('button', { name: 'Disable' }));
    await expect(await canvas.findByText(`${GRACE.username} was disabled.`)).toBeVisible();
    await expect(storyBackend(context).backend.store.user(GRACE.username)?.disabled).toBe(true);
  },
};

/** An administrator cannot disable themselves (409 `conflict`). */
export const SelfProtection: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click((await actionsFor(canvas, ADA.username)).getByRole('button', { name: 'Disable' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('You cannot disable, demote or delete your own account.');
  },
};

/** Editing Grace's roles. */
export const EditRoles: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.click((await actionsFor(canvas, GRACE.username)).getByRole('button', { name: 'Edit roles' }));
    const roles = await canvas.findByLabelText(`Edit roles of ${GRACE.username}`, { selector: 'input' });
    await userEvent.clear(roles);
    await userEvent.type(roles, 'user, editor');
    await userEvent.click(canvas.getByRole('button', { name: 'Save roles' }));
    await expect(await canvas.findByText(`Roles of ${GRACE.username} were saved.`)).toBeVisible();
    await expect(storyBackend(context).backend.store.user(GRACE.username)?.roles).toEqual(['user', 'editor']);
  },
};

/** A reset link for Grace, to hand over. */
export const ResetLink: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click((await actionsFor(canvas, GRACE.username)).getByRole('button', { name: 'Reset link' }));
    await expect(await canvas.findByText(new RegExp(`Password reset link for ${GRACE.username}`))).toBeVisible();
    await expect(canvas.getByText(/token=/)).toBeVisible();
  },
};

/** Deleting asks first. */
export const DeleteWithConfirmation: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.click((await actionsFor(canvas, GRACE.username)).getByRole('button', { name: 'Delete' }));
    await expect(await canvas.findByText(`Delete ${GRACE.username}? This cannot be undone.`)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Delete user' }));
    await expect(await canvas.findByText(`${GRACE.username} was deleted.`)).toBeVisible();
    await expect(storyBackend(context).backend.store.user(GRACE.username)).toBeUndefined();
  },
};

/** Adding a user without a password: a one-time link to choose one. */
export const AddUser: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    const form = within(await canvas.findByRole('form', { name: 'Add a user' }));
    await userEvent.type(form.getByLabelText('Username'), 'hedy');
    await userEvent.type(form.getByLabelText('Email'), 'hedy@example.com');
    await userEvent.click(form.getByRole('button', { name: 'Add user' }));
    await expect(await canvas.findByText(/User hedy was added/)).toBeVisible();
    await waitFor(() => expect(storyBackend(context).backend.store.user('hedy')).toBeDefined());
  },
};

/** Signed in without the admin role: the backend refuses (403 `forbidden`). */
export const NotAnAdmin: Story = {
  parameters: { latchkey: { signedInAs: GRACE.username } satisfies LatchkeyParameters },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
  },
};

/** The list cannot be loaded (no connection). */
export const NetworkFailure: Story = {
  beforeEach: ({ msw }) => {
    // The mock backend has no "offline" switch, so the connection itself fails here.
    msw.use(http.get(`${STORY_BASE_URL}/admin/users`, () => HttpResponse.error()));
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('The server could not be reached.');
  },
};
