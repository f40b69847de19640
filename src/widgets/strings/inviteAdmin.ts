import { prefixed } from './prefixed.js';

/**
 * The English default strings of InviteAdmin: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * inviteAdminStrings['adminInvites.title'];
 * ```
 */
export const inviteAdminStrings = /* @__PURE__ */ prefixed('adminInvites.', {
  // ───────────── InviteAdmin ─────────────
  title: 'Invites',
  loading: 'Loading invites…',
  empty: 'No invites yet.',
  email: 'Email (optional)',
  emailHint: 'Only this address can use the invite.',
  roles: 'Roles',
  rolesHint: 'Separate roles with commas.',
  expiresInHours: 'Valid for (hours)',
  create: 'Create invite',
  pending: 'Creating…',
  created: 'Invite created. Code: {code}',
  code: 'Code',
  for: 'For',
  anyone: 'anyone',
  expires: 'Expires',
  state: 'State',
  used: 'Used',
  open: 'Open',
  expired: 'Expired',
  delete: 'Revoke',
  deleteLabel: 'Revoke invite {code}',
  confirmDelete: 'Revoke invite {code}? It can no longer be used.',
  confirmDeleteSubmit: 'Revoke invite',
  deleted: 'Invite {code} was revoked.',
  cancel: 'Cancel',
  expiresInvalid: 'Enter a whole number of hours from 1 to 2160.',
});
