'use client';
/**
 * `latchkey`: the auth client, the React provider and hooks, the guards and the widgets.
 * Every name is re-exported from its folder's index, which lists it explicitly.
 *
 * @packageDocumentation
 */
export * from './client/index.js';
export * from './session/index.js';
export * from './react/index.js';
export * from './widgets/index.js';
export { CONTRACT_VERSION } from './contract/index.js';
export type {
  AuthConfig,
  AuthResult,
  RegisterResult,
  Session,
  SessionResponse,
  Tokens,
  Transport,
  User,
} from './contract/index.js';
