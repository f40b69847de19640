/**
 * How each endpoint of contract version 1 is reached: method, path under the base URL (`:id` /
 * `:code` are path parameters), success status, whether a session is required (`auth`), which
 * `config.features` flag enables it (`feature`; absent: always offered) and, for `refresh`, the
 * transport it belongs to. {@link ENDPOINTS} adds the request and response schemas; the client
 * reads only this table, so a browser bundle never carries the request schemas.
 *
 * @internal
 * @example
 * ```ts
 * const { method, path, status } = ROUTES.login; // 'POST', 'login', 200
 * ```
 */
export const ROUTES = {
  config: { method: 'GET', path: 'config', status: 200, auth: 'none' },
  session: { method: 'GET', path: 'session', status: 200, auth: 'none' },
  login: { method: 'POST', path: 'login', status: 200, auth: 'none' },
  logout: { method: 'POST', path: 'logout', status: 204, auth: 'none' },
  refresh: { method: 'POST', path: 'refresh', status: 200, auth: 'none', transport: 'bearer' },
  register: { method: 'POST', path: 'register', status: 201, auth: 'none' },
  verifyEmail: { method: 'POST', path: 'email/verify', status: 200, auth: 'none', feature: 'emailVerification' },
  forgotPassword: { method: 'POST', path: 'password/forgot', status: 202, auth: 'none', feature: 'passwordReset' },
  resetPassword: { method: 'POST', path: 'password/reset', status: 204, auth: 'none', feature: 'passwordReset' },
  changePassword: { method: 'POST', path: 'password/change', status: 200, auth: 'session' },
  forgotUsername: { method: 'POST', path: 'username/forgot', status: 202, auth: 'none', feature: 'usernameRecovery' },
  updateProfile: { method: 'PATCH', path: 'user', status: 200, auth: 'session', feature: 'profile' },
  verify: { method: 'GET', path: 'verify', status: 204, auth: 'session' },
  adminListUsers: { method: 'GET', path: 'admin/users', status: 200, auth: 'admin', feature: 'admin' },
  adminCreateUser: { method: 'POST', path: 'admin/users', status: 201, auth: 'admin', feature: 'admin' },
  adminUpdateUser: { method: 'PATCH', path: 'admin/users/:id', status: 200, auth: 'admin', feature: 'admin' },
  adminDeleteUser: { method: 'DELETE', path: 'admin/users/:id', status: 204, auth: 'admin', feature: 'admin' },
  adminResetLink: { method: 'POST', path: 'admin/users/:id/reset-link', status: 200, auth: 'admin', feature: 'admin' },
  adminListInvites: { method: 'GET', path: 'admin/invites', status: 200, auth: 'admin', feature: 'admin' },
  adminCreateInvite: { method: 'POST', path: 'admin/invites', status: 201, auth: 'admin', feature: 'admin' },
  adminDeleteInvite: { method: 'DELETE', path: 'admin/invites/:code', status: 204, auth: 'admin', feature: 'admin' },
} as const;

/**
 * The name of a contract endpoint.
 *
 * @example
 * ```ts
 * const name: EndpointName = 'login';
 * ```
 */
export type EndpointName = keyof typeof ROUTES;

/**
 * Fills the `:params` of an endpoint path (URL-encoding each value).
 *
 * @example
 * ```ts
 * endpointPath('adminUpdateUser', { id: 'u 1' }); // 'admin/users/u%201'
 * ```
 */
export function endpointPath(name: EndpointName, params: Record<string, string> = {}): string {
  return ROUTES[name].path.replace(/:([a-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`endpointPath(${name}): missing path parameter "${key}"`);
    return encodeURIComponent(value);
  });
}
