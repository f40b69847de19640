import { AuthConfigSchema } from '../contract/index.js';
import type { AuthConfig } from '../contract/index.js';

/**
 * A partial `GET config` answer, merged over the mock's defaults.
 *
 * @example
 * ```ts
 * const override: MockConfigOverride = { registration: 'invite', features: { admin: false } };
 * ```
 */
export interface MockConfigOverride {
  transport?: AuthConfig['transport'];
  registration?: AuthConfig['registration'];
  features?: Partial<AuthConfig['features']>;
  password?: Partial<AuthConfig['password']>;
}

/**
 * The mock's `GET config` answer when nothing is overridden: cookie transport, open registration,
 * every feature on except email verification, passwords of 12 to 128 characters.
 *
 * @example
 * ```ts
 * DEFAULT_MOCK_CONFIG.password.minLength; // 12
 * ```
 */
export const DEFAULT_MOCK_CONFIG: AuthConfig = {
  contract: 1,
  transport: 'cookie',
  registration: 'open',
  features: { passwordReset: true, usernameRecovery: true, profile: true, admin: true, emailVerification: false },
  password: { minLength: 12, maxLength: 128 },
};

/**
 * Deep-merges an override over {@link DEFAULT_MOCK_CONFIG} and checks the result against the
 * contract (and the policy floors: minimum length never below 8, maximum at least 64).
 * Throws a `TypeError` naming the bad setting.
 *
 * @example
 * ```ts
 * resolveMockConfig({ transport: 'bearer' }).transport; // 'bearer'
 * ```
 */
export function resolveMockConfig(override: MockConfigOverride = {}): AuthConfig {
  const merged = {
    ...DEFAULT_MOCK_CONFIG,
    ...withoutUndefined({ transport: override.transport, registration: override.registration }),
    features: { ...DEFAULT_MOCK_CONFIG.features, ...withoutUndefined(override.features ?? {}) },
    password: { ...DEFAULT_MOCK_CONFIG.password, ...withoutUndefined(override.password ?? {}) },
  };
  const parsed = AuthConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new TypeError(`createMockBackend: invalid config${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'does not match the contract'}`);
  }
  const { minLength, maxLength } = parsed.data.password;
  if (minLength < 8) throw new TypeError(`createMockBackend: config.password.minLength must be at least 8 (got ${minLength})`);
  if (maxLength < 64) throw new TypeError(`createMockBackend: config.password.maxLength must be at least 64 (got ${maxLength})`);
  if (minLength > maxLength) {
    throw new TypeError(`createMockBackend: config.password.minLength (${minLength}) is above maxLength (${maxLength})`);
  }
  return parsed.data;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
