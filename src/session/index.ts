/**
 * Framework-free session plumbing: returnTo sanitizing, the cross-tab channel, the expiry timer
 * and bearer-token storage. No React.
 *
 * @packageDocumentation
 */
export { sanitizeReturnTo } from './sanitizeReturnTo.js';
export type { SanitizeReturnToOptions } from './sanitizeReturnTo.js';
export { createSessionChannel } from './createSessionChannel.js';
export type { SessionChannel, SessionChannelMessage, SessionChannelOptions } from './createSessionChannel.js';
export { scheduleExpiry } from './scheduleExpiry.js';
export type { ScheduleExpiryOptions } from './scheduleExpiry.js';
export { memoryTokenStorage } from './memoryTokenStorage.js';
export { persistentTokenStorage } from './persistentTokenStorage.js';
