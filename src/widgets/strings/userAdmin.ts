/**
 * The English default strings of UserAdmin: one slice of {@link defaultMessages}, imported on its own
 * so a widget bundles only the strings it shows. Internal to the widgets.
 *
 * @example
 * ```ts
 * userAdminStrings['adminUsers.title'];
 * ```
 */
export const userAdminStrings = {
  // ───────────── UserAdmin ─────────────
  'adminUsers.title': 'Users',
  'adminUsers.search': 'Search users',
  'adminUsers.searchSubmit': 'Search',
  'adminUsers.loading': 'Loading users…',
  'adminUsers.empty': 'No users found.',
  'adminUsers.total': '{count} users',
  'adminUsers.username': 'Username',
  'adminUsers.email': 'Email',
  'adminUsers.name': 'Name',
  'adminUsers.roles': 'Roles',
  'adminUsers.rolesHint': 'Separate roles with commas.',
  'adminUsers.status': 'Status',
  'adminUsers.actions': 'Actions',
  'adminUsers.active': 'Active',
  'adminUsers.disabled': 'Disabled',
  'adminUsers.noRoles': 'none',
  'adminUsers.previous': 'Previous page',
  'adminUsers.next': 'Next page',
  'adminUsers.page': 'Page {page} of {pages}',
  'adminUsers.create': 'Add a user',
  'adminUsers.createSubmit': 'Add user',
  'adminUsers.password': 'Initial password',
  'adminUsers.passwordHint': 'Leave empty to get a one-time link the new user opens to choose a password.',
  'adminUsers.selfConflict': 'You cannot disable, demote or delete your own account.',
  'adminUsers.created': 'User {username} was added.',
  'adminUsers.createdLink': 'User {username} was added. Hand over this one-time link so they can choose a password:',
  'adminUsers.editRoles': 'Edit roles of {username}',
  'adminUsers.editRolesShort': 'Edit roles',
  'adminUsers.saveRoles': 'Save roles',
  'adminUsers.rolesSaved': 'Roles of {username} were saved.',
  'adminUsers.disable': 'Disable',
  'adminUsers.enable': 'Enable',
  'adminUsers.disabledDone': '{username} was disabled.',
  'adminUsers.enabledDone': '{username} was enabled.',
  'adminUsers.delete': 'Delete',
  'adminUsers.confirmDelete': 'Delete {username}? This cannot be undone.',
  'adminUsers.confirmDeleteSubmit': 'Delete user',
  'adminUsers.deleted': '{username} was deleted.',
  'adminUsers.resetLink': 'Reset link',
  'adminUsers.resetLinkDone': 'Password reset link for {username}, valid until {expiresAt}:',
  'adminUsers.cancel': 'Cancel',
  'adminUsers.actionsFor': 'Actions for {username}',
};
