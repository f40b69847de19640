/**
 * The English default strings of InviteAdmin: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * inviteAdminStrings['adminInvites.title'];
 * ```
 */
export const inviteAdminStrings = {
  // ───────────── InviteAdmin ─────────────
  'adminInvites.title': 'Invites',
  'adminInvites.loading': 'Loading invites…',
  'adminInvites.empty': 'No invites yet.',
  'adminInvites.email': 'Email (optional)',
  'adminInvites.emailHint': 'Only this address can use the invite.',
  'adminInvites.roles': 'Roles',
  'adminInvites.rolesHint': 'Separate roles with commas.',
  'adminInvites.expiresInHours': 'Valid for (hours)',
  'adminInvites.create': 'Create invite',
  'adminInvites.pending': 'Creating…',
  'adminInvites.created': 'Invite created. Code: {code}',
  'adminInvites.code': 'Code',
  'adminInvites.for': 'For',
  'adminInvites.anyone': 'anyone',
  'adminInvites.expires': 'Expires',
  'adminInvites.state': 'State',
  'adminInvites.used': 'Used',
  'adminInvites.open': 'Open',
  'adminInvites.expired': 'Expired',
  'adminInvites.delete': 'Revoke',
  'adminInvites.deleteLabel': 'Revoke invite {code}',
  'adminInvites.confirmDelete': 'Revoke invite {code}? It can no longer be used.',
  'adminInvites.confirmDeleteSubmit': 'Revoke invite',
  'adminInvites.deleted': 'Invite {code} was revoked.',
  'adminInvites.cancel': 'Cancel',
  'adminInvites.expiresInvalid': 'Enter a whole number of hours from 1 to 2160.',
};
