/**
 * `latchkey/mock`: an in-memory backend implementing the whole latchkey contract, as msw 2
 * handlers and as a Fetch-API handler. For tests, Storybook and demos. Needs `msw` (an optional
 * peer dependency of latchkey).
 *
 * @packageDocumentation
 */
export { createMockBackend } from './createMockBackend.js';
export type { MockBackend, MockBackendOptions } from './createMockBackend.js';
export { MockStore, DEFAULT_MOCK_LIFETIMES } from './MockStore.js';
export type { MockInviteRecord, MockLifetimes, MockSessionRecord, MockUserRecord, MockUserSeed } from './MockStore.js';
export { MockOutbox } from './MockOutbox.js';
export type { MockMail, MockMailKind } from './MockOutbox.js';
export { DEFAULT_MOCK_CONFIG, resolveMockConfig } from './mockConfig.js';
export type { MockConfigOverride } from './mockConfig.js';
export { mockResponseCookies } from './responses.js';
export type { MockLinks } from './context.js';
export { COMMON_PASSWORDS, checkPassword } from './passwordPolicy.js';
