import type { EndpointName } from '../contract/index.js';
import {
  adminCreateInvite,
  adminCreateUser,
  adminDeleteInvite,
  adminDeleteUser,
  adminListInvites,
  adminListUsers,
  adminResetLink,
  adminUpdateUser,
} from './adminRoutes.js';
import { changePassword, forgotPassword, forgotUsername, register, resetPassword, updateProfile, verifyEmail } from './accountRoutes.js';
import type { MockRequestContext, MockState } from './context.js';
import { getConfig, getSession, login, logout, refresh, verify } from './sessionRoutes.js';

/** One route of the mock: the request context in, the answer out. @internal */
export type MockRoute = (ctx: MockRequestContext, state: MockState) => Response;

/**
 * The mock's implementation of every endpoint of the contract, keyed like `ENDPOINTS`
 * (the type makes a missing endpoint a compile error).
 *
 * @internal
 */
export const MOCK_ROUTES: Record<EndpointName, MockRoute> = {
  config: getConfig,
  session: getSession,
  login,
  logout,
  refresh,
  register,
  verifyEmail,
  forgotPassword,
  resetPassword,
  changePassword,
  forgotUsername,
  updateProfile,
  verify,
  adminListUsers,
  adminCreateUser,
  adminUpdateUser,
  adminDeleteUser,
  adminResetLink,
  adminListInvites,
  adminCreateInvite,
  adminDeleteInvite,
};
