/**
 * `latchkey`: the auth client, the React provider and hooks, the guards and the widgets.
 *
 * @packageDocumentation
 */
export { CONTRACT_VERSION } from './contract/index.js';
export type { AuthConfig, Session, Tokens, Transport, User } from './contract/index.js';
