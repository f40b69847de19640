import { QueryClient } from '@tanstack/react-query';
import type { SetupWorker } from 'msw/browser';
import { createAuthClient } from 'latchkey';
import type { AuthClient, Transport } from 'latchkey';
import { createMockBackend } from 'latchkey/mock';
import type { MockBackend, MockBackendOptions, MockLifetimes, MockUserSeed } from 'latchkey/mock';
import type { MockArgs } from './mockArgs.js';
import { splitMockArgs } from './mockArgs.js';
import { SEED_USERS } from './seedUsers.js';

/** Where the stories' auth API lives (what the mock's msw handlers answer). */
export const STORY_BASE_URL = '/api/auth';

/**
 * Per-story settings of the mock backend and the provider (`parameters.latchkey`). Everything a
 * story shows comes from this backend: its seed users, its config (story args), its clock and
 * lifetimes, or a state a play function drives it into.
 *
 * Write it as an object literal (`parameters: { latchkey: {...} satisfies LatchkeyParameters }`):
 * Storybook's CSF transform drops a computed `parameters` value on a documented meta.
 *
 * @example
 * ```ts
 * export const SignedIn: Story = { parameters: { latchkey: { signedInAs: 'ada' } satisfies LatchkeyParameters } };
 * ```
 */
export interface LatchkeyParameters {
  /** Seed users (default: {@link SEED_USERS}). */
  users?: readonly MockUserSeed[];
  /**
   * Sign this seed user in (a real `POST login` through the story's client) before the story
   * renders. `null` overrides a signed-in default of the meta (parameters merge deeply).
   */
  signedInAs?: string | null;
  /** "Keep me signed in" for `signedInAs`. */
  remember?: boolean;
  /** Session lifetimes of the mock (e.g. a short idle timeout for the expiry warning). */
  lifetimes?: Partial<MockLifetimes>;
  /**
   * The mock's clock runs this many milliseconds off the real one (negative: behind), for example
   * so a session it issues ends in a minute. `StoryBackend.setClockOffset` changes it later.
   */
  clockOffsetMs?: number;
  /** `config.transport` of the mock and the client's transport (default `cookie`). */
  transport?: Transport;
  /** The client's request timeout (default: the client's 15 s). With a higher `mockLatencyMs`, requests time out. */
  timeoutMs?: number;
  /** Registrations wait for an administrator (`next: 'await_approval'`). */
  requireApproval?: boolean;
  /** In invite mode, these addresses may register without an invite. */
  preauthorizedEmails?: readonly string[];
  /** Invite codes to create in the store before the story renders. */
  invites?: readonly { code: string; email?: string; roles?: readonly string[] }[];
  /** `AuthProvider` settings. */
  provider?: { expiryWarningMs?: number; loginPath?: string };
  /** Render the story without the decorator's `AuthProvider` (the story brings its own). */
  noProvider?: boolean;
}

/** What the preview hands every story: a fresh mock backend, the client talking to it, a fresh QueryClient. */
export interface StoryBackend {
  /** Changes whenever a new backend is made; the decorator keys the provider on it. */
  readonly id: number;
  readonly backend: MockBackend;
  readonly client: AuthClient;
  readonly queryClient: QueryClient;
  readonly settings: LatchkeyParameters;
  /** Moves the mock's clock relative to the real one (see `clockOffsetMs`). */
  setClockOffset(ms: number): void;
}

let nextId = 1;
let active: { key: string; value: StoryBackend } | undefined;

// Requests to the auth API that msw is still answering (a story may end while its mock waits out
// `mockLatencyMs`). Their answers would still set cookies in msw's shared cookie jar, so the next
// story's backend is only created once they are done.
const inFlight = new Set<string>();
const tracked = new WeakSet<SetupWorker>();

function trackRequests(msw: SetupWorker): void {
  if (tracked.has(msw)) return;
  tracked.add(msw);
  const path = new URL(STORY_BASE_URL, 'http://localhost').pathname;
  msw.events.on('request:start', ({ request, requestId }) => {
    if (new URL(request.url).pathname.startsWith(path)) inFlight.add(requestId);
  });
  msw.events.on('request:end', ({ requestId }) => {
    inFlight.delete(requestId);
  });
}

async function settle(maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  while (inFlight.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
}

interface BeforeEachContext {
  id: string;
  args: Record<string, unknown>;
  parameters: Record<string, unknown>;
  msw: SetupWorker;
}

function settingsOf(parameters: Record<string, unknown>): LatchkeyParameters {
  return (parameters['latchkey'] ?? {}) as LatchkeyParameters;
}

function backendOptions(mock: Required<MockArgs>, settings: LatchkeyParameters, now: () => number): MockBackendOptions {
  return {
    baseUrl: STORY_BASE_URL,
    now,
    users: settings.users ?? SEED_USERS,
    latencyMs: mock.mockLatencyMs,
    config: {
      transport: settings.transport ?? 'cookie',
      registration: mock.mockRegistration,
      features: {
        passwordReset: mock.mockPasswordReset,
        usernameRecovery: mock.mockUsernameRecovery,
        profile: mock.mockProfile,
        admin: mock.mockAdmin,
        emailVerification: mock.mockEmailVerification,
      },
      password: { minLength: mock.mockPasswordMinLength },
    },
    ...(settings.lifetimes ? { lifetimes: settings.lifetimes } : {}),
    ...(settings.requireApproval ? { requireApproval: true } : {}),
    ...(settings.preauthorizedEmails ? { preauthorizedEmails: settings.preauthorizedEmails } : {}),
  };
}

async function create(mock: Required<MockArgs>, settings: LatchkeyParameters, msw: SetupWorker): Promise<StoryBackend> {
  let offset = settings.clockOffsetMs ?? 0;
  const backend = createMockBackend(backendOptions(mock, settings, () => Date.now() + offset));
  for (const invite of settings.invites ?? []) backend.store.addInvite(invite);
  msw.use(...backend.handlers);
  const client = createAuthClient({
    baseUrl: STORY_BASE_URL,
    transport: settings.transport ?? 'cookie',
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
  });
  if (typeof settings.signedInAs === 'string') {
    const user = backend.store.user(settings.signedInAs);
    if (!user?.password) throw new Error(`parameters.latchkey.signedInAs: no seed user "${settings.signedInAs}" with a password`);
    await client.login({ identifier: user.username, password: user.password, remember: settings.remember ?? false });
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const setClockOffset = (ms: number) => {
    offset = ms;
  };
  return { id: nextId++, backend, client, queryClient, settings, setClockOffset };
}

/**
 * The preview's `beforeEach`: gives the story a fresh mock backend (installed with
 * msw-storybook-addon's worker), a client and a QueryClient, available as `context.latchkey`.
 * Re-rendering the same story with the same backend settings (a theme or locale switch) keeps the
 * backend and its state; changing a mock control rebuilds it.
 *
 * @example
 * ```ts
 * const preview: Preview = { beforeEach: installStoryBackend };
 * ```
 */
export async function installStoryBackend(context: BeforeEachContext): Promise<() => void> {
  const [mock] = splitMockArgs(context.args);
  const settings = settingsOf(context.parameters);
  const key = JSON.stringify([context.id, mock, settings]);
  if (active?.key === key) {
    // msw-storybook-addon resets the worker's handlers on every render.
    context.msw.use(...active.value.backend.handlers);
  } else {
    trackRequests(context.msw);
    await settle(10_000);
    active = { key, value: await create(mock, settings, context.msw) };
  }
  const mine = active;
  Object.assign(context, { latchkey: mine.value });
  return () => {
    if (active === mine) active = undefined;
  };
}

/**
 * The story's mock backend, client and QueryClient, in a play function or a decorator.
 *
 * @example
 * ```ts
 * play: async (context) => { storyBackend(context).backend.outbox.last(); }
 * ```
 */
export function storyBackend(context: object): StoryBackend {
  const value = (context as { latchkey?: StoryBackend }).latchkey;
  if (!value) throw new Error('storyBackend(context): no mock backend on this story context (is the preview beforeEach installed?)');
  return value;
}
