import { prefixed } from './prefixed.js';

/**
 * The English default strings of UserAdmin: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * userAdminStrings['adminUsers.title'];
 * ```
 */
export const userAdminStrings = /* @__PURE__ */ prefixed('adminUsers.', {
  // ───────────── UserAdmin ─────────────
  title: 'Users',
  search: 'Search users',
  searchSubmit: 'Search',
  loading: 'Loading users…',
  empty: 'No users found.',
  total: '{count} users',
  username: 'Username',
  email: 'Email',
  name: 'Name',
  roles: 'Roles',
  rolesHint: 'Separate roles with commas.',
  status: 'Status',
  actions: 'Actions',
  active: 'Active',
  disabled: 'Disabled',
  noRoles: 'none',
  previous: 'Previous page',
  next: 'Next page',
  page: 'Page {page} of {pages}',
  create: 'Add a user',
  createSubmit: 'Add user',
  password: 'Initial password',
  passwordHint: 'Leave empty to get a one-time link the new user opens to choose a password.',
  selfConflict: 'You cannot disable, demote or delete your own account.',
  created: 'User {username} was added.',
  createdLink: 'User {username} was added. Hand over this one-time link so they can choose a password:',
  editRoles: 'Edit roles of {username}',
  editRolesShort: 'Edit roles',
  saveRoles: 'Save roles',
  rolesSaved: 'Roles of {username} were saved.',
  disable: 'Disable',
  enable: 'Enable',
  disabledDone: '{username} was disabled.',
  enabledDone: '{username} was enabled.',
  delete: 'Delete',
  confirmDelete: 'Delete {username}? This cannot be undone.',
  confirmDeleteSubmit: 'Delete user',
  deleted: '{username} was deleted.',
  resetLink: 'Reset link',
  resetLinkDone: 'Password reset link for {username}, valid until {expiresAt}:',
  cancel: 'Cancel',
  actionsFor: 'Actions for {username}',
});
