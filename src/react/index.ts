'use client';
/**
 * The React layer of latchkey: the provider, the session hooks, one hook per flow, the guards and
 * per-user session state. Thin: all network work is the client's, all state is react-query's.
 *
 * @packageDocumentation
 */
export { AuthProvider } from './AuthProvider.js';
export type { AuthProviderProps } from './AuthProvider.js';
export { useAuth } from './useAuth.js';
export type { AuthState, UseAuthResult } from './authTypes.js';
export { authQueryKeys } from './authQueryKeys.js';
export type { AdminUsersQuery, AuthQueryKeys } from './authQueryKeys.js';
export { useLogin } from './useLogin.js';
export { useLogout } from './useLogout.js';
export { useRegister } from './useRegister.js';
export { useVerifyEmail } from './useVerifyEmail.js';
export { useForgotPassword } from './useForgotPassword.js';
export { useResetPassword } from './useResetPassword.js';
export { useChangePassword } from './useChangePassword.js';
export { useForgotUsername } from './useForgotUsername.js';
export { useUpdateProfile } from './useUpdateProfile.js';
export { useAuthConfig } from './useAuthConfig.js';
export { useAdminUsers } from './useAdminUsers.js';
export { useAdminCreateUser } from './useAdminCreateUser.js';
export { useAdminUpdateUser } from './useAdminUpdateUser.js';
export { useAdminDeleteUser } from './useAdminDeleteUser.js';
export { useAdminResetLink } from './useAdminResetLink.js';
export { useAdminInvites } from './useAdminInvites.js';
export { useAdminCreateInvite } from './useAdminCreateInvite.js';
export { useAdminDeleteInvite } from './useAdminDeleteInvite.js';
export { useRequireAuth } from './useRequireAuth.js';
export type { RequireAuthResult, UseRequireAuthOptions } from './useRequireAuth.js';
export { RequireAuth } from './RequireAuth.js';
export type { RequireAuthProps } from './RequireAuth.js';
export { SignedIn } from './SignedIn.js';
export { SignedOut } from './SignedOut.js';
export { useSessionExpiry } from './useSessionExpiry.js';
export type { SessionExpiry } from './useSessionExpiry.js';
export { useSessionState } from './useSessionState.js';
export { useMessages } from './useMessages.js';
