import { screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { InviteAdmin, defaultMessages, messagesDe } from 'latchkey';
import { bob, enter, expectNoAxeViolations, installMsw, lastBody, setup, SLOW, typist } from './support.js';

installMsw();

async function inviteView() {
  const harness = setup({ config: { registration: 'invite', features: { admin: true } } });
  await harness.signIn();
  return harness;
}

describe('InviteAdmin', SLOW, () => {
  it('creates an invite bound to an email with roles, and lists it as open', async () => {
    const user = typist();
    const harness = await inviteView();
    harness.renderWithAuth(<InviteAdmin />);
    expect(await screen.findByText(defaultMessages['adminInvites.empty'])).toBeInTheDocument();
    await expectNoAxeViolations();
    const form = within(screen.getByRole('form', { name: 'Create invite' }));
    await enter(user, form.getByRole('textbox', { name: 'Email (optional)' }), 'new@example.com');
    await enter(user, form.getByRole('textbox', { name: 'Roles' }), 'editor');
    await enter(user, form.getByRole('spinbutton', { name: 'Valid for (hours)' }), '24');
    await user.click(form.getByRole('button', { name: 'Create invite' }));
    const created = await form.findByText(/Invite created\. Code: /);
    const code = created.textContent?.replace('Invite created. Code: ', '') ?? '';
    expect(lastBody('POST admin/invites')).toEqual({ email: 'new@example.com', roles: ['editor'], expiresInHours: 24 });
    const row = (await screen.findByRole('rowheader', { name: code })).closest('tr') as HTMLTableRowElement;
    expect(row).toHaveAttribute('data-state', 'open');
    expect(within(row).getByText('new@example.com')).toBeInTheDocument();
    expect(within(row).getByText('Open')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('validates the hours before sending', async () => {
    const user = typist();
    const harness = await inviteView();
    harness.renderWithAuth(<InviteAdmin defaultExpiresInHours={5000} />);
    const form = within(screen.getByRole('form', { name: 'Create invite' }));
    await user.click(form.getByRole('button', { name: 'Create invite' }));
    const hours = form.getByRole('spinbutton', { name: 'Valid for (hours)' });
    expect(hours).toHaveFocus();
    expect(hours).toHaveAccessibleDescription(defaultMessages['adminInvites.expiresInvalid']);
  });

  it('shows used and expired invites and revokes an open one after confirmation', async () => {
    const user = typist();
    const harness = await inviteView();
    const open = harness.backend.store.addInvite({ code: 'open-one' });
    harness.backend.store.addInvite({ code: 'old-one', expiresInMs: -1000 });
    const used = harness.backend.store.addInvite({ code: 'used-one' });
    harness.backend.store.useInvite(used.code);
    harness.renderWithAuth(<InviteAdmin />);
    const usedRow = (await screen.findByRole('rowheader', { name: 'used-one' })).closest('tr') as HTMLTableRowElement;
    expect(usedRow).toHaveAttribute('data-state', 'used');
    expect(within(usedRow).queryByRole('button')).not.toBeInTheDocument();
    expect((screen.getByRole('rowheader', { name: 'old-one' }).closest('tr') as HTMLElement).dataset.state).toBe('expired');

    await user.click(screen.getByRole('button', { name: 'Revoke invite open-one' }));
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Revoke invite' }));
    expect(await screen.findByText('Invite open-one was revoked.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: open.code })).not.toBeInTheDocument());
  });

  it('for a non-admin shows the refusal; translated; ref and props', async () => {
    const ref = createRef<HTMLElement>();
    const harness = setup({ config: { registration: 'invite', features: { admin: true } } });
    await harness.signIn(bob);
    harness.renderWithAuth(<InviteAdmin ref={ref} className="c" />, { messages: messagesDe });
    expect(await screen.findByRole('alert')).toHaveTextContent(messagesDe['error.forbidden']);
    expect(screen.getByRole('heading', { name: 'Einladungen' })).toBeInTheDocument();
    expect(ref.current).toHaveClass('lk-admin', 'c');
    await expectNoAxeViolations();
  });
});
