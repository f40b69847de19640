import { screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { UserAdmin, defaultMessages } from 'latchkey';
import { ada, bob, count, enter, expectNoAxeViolations, installMsw, lastBody, setup, SLOW, typist } from './support.js';

installMsw();

const carol = { username: 'carol', email: 'carol@example.com', name: 'Carol Shaw', password: 'river raid forever and ever', roles: ['editor'] };

async function adminView(options: Parameters<typeof setup>[0] = {}, props: Parameters<typeof UserAdmin>[0] = {}) {
  const harness = setup({ users: [ada, bob, carol], config: { features: { admin: true } }, ...options });
  await harness.signIn();
  harness.renderWithAuth(<UserAdmin {...props} />);
  await screen.findByRole('table', { name: 'Users' });
  return harness;
}

const row = (username: string) => screen.getByRole('rowheader', { name: username }).closest('tr') as HTMLTableRowElement;
const actions = (username: string) => within(screen.getByRole('group', { name: `Actions for ${username}` }));

describe('UserAdmin', SLOW, () => {
  it('lists users with roles and status, and searches', async () => {
    const user = typist();
    await adminView();
    expect(screen.getByText('3 users')).toBeInTheDocument();
    expect(within(row('carol')).getByText('editor')).toBeInTheDocument();
    expect(within(row('bob')).getByText('none')).toBeInTheDocument();
    expect(within(row('ada')).getByText('Active')).toBeInTheDocument();
    await expectNoAxeViolations();

    await enter(user, screen.getByRole('searchbox', { name: 'Search users' }), 'car');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'ada' })).not.toBeInTheDocument());
    expect(screen.getByText('1 users')).toBeInTheDocument();
    await enter(user, screen.getByRole('searchbox', { name: 'Search users' }), 'zzz');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(defaultMessages['adminUsers.empty'])).toBeInTheDocument();
  });

  it('pages through users', async () => {
    const user = typist();
    await adminView({}, { pageSize: 2 });
    const nav = screen.getByRole('navigation', { name: 'Page 1 of 2' });
    expect(within(nav).getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(within(nav).getByRole('button', { name: 'Next page' }));
    await screen.findByRole('navigation', { name: 'Page 2 of 2' });
    expect(screen.getAllByRole('rowheader')).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('edits roles by keyboard', async () => {
    const user = typist();
    const harness = await adminView();
    await user.click(actions('bob').getByRole('button', { name: 'Edit roles' }));
    const field = screen.getByRole('textbox', { name: 'Edit roles of bob' });
    expect(field).toHaveFocus();
    await expectNoAxeViolations();
    await user.clear(field);
    await user.type(field, 'editor, viewer,, editor{Enter}');
    expect(await screen.findByText('Roles of bob were saved.')).toBeInTheDocument();
    expect(lastBody('PATCH admin/users/:id'.replace(':id', harness.backend.store.user('bob')?.id ?? ''))).toEqual({ roles: ['editor', 'viewer'] });
    await waitFor(() => expect(within(row('bob')).getByText('editor, viewer')).toBeInTheDocument());
  });

  it('disables and enables a user', async () => {
    const user = typist();
    const harness = await adminView();
    await user.click(actions('carol').getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('carol was disabled.')).toBeInTheDocument();
    await waitFor(() => expect(row('carol')).toHaveAttribute('data-state', 'disabled'));
    expect(harness.backend.store.user('carol')?.disabled).toBe(true);
    await user.click(actions('carol').getByRole('button', { name: 'Enable' }));
    expect(await screen.findByText('carol was enabled.')).toBeInTheDocument();
  });

  it('refuses to disable yourself with a clear message', async () => {
    const user = typist();
    await adminView();
    await user.click(actions('ada').getByRole('button', { name: 'Disable' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['adminUsers.selfConflict']);
    await expectNoAxeViolations();
  });

  it('creates a reset link and shows it as text', async () => {
    const user = typist();
    await adminView();
    await user.click(actions('bob').getByRole('button', { name: 'Reset link' }));
    const status = await screen.findByText(/Password reset link for bob/);
    expect(status.closest('[role="status"]')?.querySelector('code')?.textContent).toMatch(/^http.*token=/);
  });

  it('deletes after a confirmation that starts on "Cancel"; Escape cancels', async () => {
    const user = typist();
    const harness = await adminView();
    await user.click(actions('carol').getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('group', { name: 'Delete carol? This cannot be undone.' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /Delete carol/ })).not.toBeInTheDocument();
    expect(count(`DELETE admin/users/${harness.backend.store.user('carol')?.id ?? ''}`)).toBe(0);

    await user.click(actions('carol').getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete user' }));
    expect(await screen.findByText('carol was deleted.')).toBeInTheDocument();
    // The confirmation (and soon the row) goes away: focus moves to the title instead of being lost.
    expect(screen.getByRole('heading', { name: 'Users' }).parentElement).toHaveFocus();
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'carol' })).not.toBeInTheDocument());
    expect(harness.backend.store.user('carol')).toBeUndefined();
  });

  it('adds a user without a password and shows the one-time link', async () => {
    const user = typist();
    const harness = await adminView();
    const form = within(screen.getByRole('form', { name: 'Add a user' }));
    await user.click(form.getByRole('button', { name: 'Add user' }));
    expect(form.getByRole('textbox', { name: 'Username' })).toHaveFocus();
    await enter(user, form.getByRole('textbox', { name: 'Username' }), 'dave');
    await enter(user, form.getByRole('textbox', { name: 'Email' }), 'dave@example.com');
    await enter(user, form.getByRole('textbox', { name: 'Roles' }), 'editor');
    expect(form.getByLabelText('Initial password')).toHaveAttribute('autocomplete', 'new-password');
    await user.click(form.getByRole('button', { name: 'Add user' }));
    const status = await form.findByText(/User dave was added\. Hand over this one-time link/);
    expect(status.querySelector('code')?.textContent).toMatch(/token=/);
    expect(lastBody('POST admin/users')).toEqual({ username: 'dave', email: 'dave@example.com', roles: ['editor'] });
    expect(harness.backend.store.user('dave')?.roles).toEqual(['editor']);
    await waitFor(() => expect(screen.getByRole('rowheader', { name: 'dave' })).toBeInTheDocument());
    await expectNoAxeViolations();
  });

  it('marks a taken username when adding', async () => {
    const user = typist();
    await adminView();
    const form = within(screen.getByRole('form', { name: 'Add a user' }));
    await enter(user, form.getByRole('textbox', { name: 'Username' }), 'bob');
    await enter(user, form.getByLabelText('Initial password'), 'a fine long passphrase');
    await user.click(form.getByRole('button', { name: 'Add user' }));
    const field = form.getByRole('textbox', { name: 'Username' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveFocus();
    expect(form.getByLabelText('Initial password')).toHaveValue('');
  });

  it('tells a non-admin they may not, and forwards ref and props', async () => {
    const ref = createRef<HTMLElement>();
    const harness = setup({ config: { features: { admin: true } } });
    await harness.signIn(bob);
    harness.renderWithAuth(<UserAdmin ref={ref} className="c" showCreate={false} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(defaultMessages['error.forbidden']);
    expect(ref.current).toHaveClass('lk-admin', 'c');
    expect(ref.current).toHaveAttribute('data-state', 'error');
    expect(screen.queryByRole('form', { name: 'Add a user' })).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });
});
