/**
 * The framework-free auth client: one method per contract endpoint, every answer parsed with the
 * contract schemas, typed errors. No React.
 *
 * @packageDocumentation
 */
export { createAuthClient } from './createAuthClient.js';
export { createAuthConnection } from './createAuthConnection.js';
export type { AuthConnection } from './AuthConnection.js';
export { AuthError, isAuthError } from './AuthError.js';
export type { AuthErrorCode, AuthErrorInit } from './AuthError.js';
export type { AuthClient, AuthClientEvent, AuthClientOptions, TokenStorage } from './AuthClient.js';
