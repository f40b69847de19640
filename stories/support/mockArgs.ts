import type { ArgTypes } from '@storybook/react-vite';
import type { AuthConfig } from 'latchkey';

/**
 * Controls that change the mock backend behind a story (its `GET config` answer and its
 * latency). They are story args, so designers flip them in the Controls panel; the preview strips
 * them before the widget gets its props, and rebuilds the mock backend when one of them changes.
 *
 * @example
 * ```ts
 * export const Closed: Story = { args: { mockRegistration: 'closed' } };
 * ```
 */
export interface MockArgs {
  /** `config.registration`: open, invite-only, or closed. */
  mockRegistration?: AuthConfig['registration'];
  /** `config.features.passwordReset` */
  mockPasswordReset?: boolean;
  /** `config.features.usernameRecovery` */
  mockUsernameRecovery?: boolean;
  /** `config.features.profile` */
  mockProfile?: boolean;
  /** `config.features.admin` */
  mockAdmin?: boolean;
  /** `config.features.emailVerification` */
  mockEmailVerification?: boolean;
  /** `config.password.minLength` (8 or more). */
  mockPasswordMinLength?: number;
  /** How long the mock takes to answer each request, in milliseconds. */
  mockLatencyMs?: number;
}

/** The names of every {@link MockArgs} key, to strip them from the widget's props. */
export const MOCK_ARG_NAMES = [
  'mockRegistration',
  'mockPasswordReset',
  'mockUsernameRecovery',
  'mockProfile',
  'mockAdmin',
  'mockEmailVerification',
  'mockPasswordMinLength',
  'mockLatencyMs',
] as const satisfies readonly (keyof MockArgs)[];

/**
 * The defaults every story starts from: the mock's own defaults, answered after 150 ms in the
 * Storybook UI (so designers see pending states) and at once when the stories run as tests
 * (`vitest --project storybook`, mode `test`); stories about pending states set their own latency.
 */
export const DEFAULT_MOCK_ARGS: Required<MockArgs> = {
  mockRegistration: 'open',
  mockPasswordReset: true,
  mockUsernameRecovery: true,
  mockProfile: true,
  mockAdmin: true,
  mockEmailVerification: false,
  mockPasswordMinLength: 12,
  mockLatencyMs: import.meta.env.MODE === 'test' ? 0 : 150,
};

const category = 'Mock backend (GET config)';

/** Controls-panel definitions for {@link MockArgs}, grouped under one heading. */
export const mockArgTypes: ArgTypes<MockArgs> = {
  mockRegistration: {
    name: 'registration',
    description: 'How the backend lets people register (`config.registration`).',
    control: 'inline-radio',
    options: ['open', 'invite', 'closed'],
    table: { category },
  },
  mockPasswordReset: { name: 'passwordReset', description: '`config.features.passwordReset`', control: 'boolean', table: { category } },
  mockUsernameRecovery: {
    name: 'usernameRecovery',
    description: '`config.features.usernameRecovery`',
    control: 'boolean',
    table: { category },
  },
  mockProfile: { name: 'profile', description: '`config.features.profile`', control: 'boolean', table: { category } },
  mockAdmin: { name: 'admin', description: '`config.features.admin`', control: 'boolean', table: { category } },
  mockEmailVerification: {
    name: 'emailVerification',
    description: '`config.features.emailVerification`: registration answers "check your mail".',
    control: 'boolean',
    table: { category },
  },
  mockPasswordMinLength: {
    name: 'password.minLength',
    description: 'Password policy minimum (never below 8).',
    control: { type: 'number', min: 8, max: 64, step: 1 },
    table: { category },
  },
  mockLatencyMs: {
    name: 'latency (ms)',
    description: 'How long the mock backend takes to answer each request.',
    control: { type: 'range', min: 0, max: 5000, step: 50 },
    table: { category },
  },
};

/**
 * Splits story args into the mock backend's settings and the widget's own props.
 *
 * @example
 * ```ts
 * const [mock, props] = splitMockArgs({ mockRegistration: 'closed', onSuccess });
 * ```
 */
export function splitMockArgs<T extends object>(args: T): [Required<MockArgs>, Omit<T, keyof MockArgs>] {
  const mock: Record<string, unknown> = { ...DEFAULT_MOCK_ARGS };
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if ((MOCK_ARG_NAMES as readonly string[]).includes(key)) {
      if (value !== undefined) mock[key] = value;
    } else {
      props[key] = value;
    }
  }
  return [mock as Required<MockArgs>, props as Omit<T, keyof MockArgs>];
}
