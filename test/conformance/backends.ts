import { createMockBackend } from 'latchkey/mock';
import type { MockBackendOptions } from 'latchkey/mock';
import type { ConformanceOptions, ConformanceResult, CheckResult } from 'latchkey/conformance';
import type { Fault } from './faults.js';
import { serveFetch } from './serveFetch.js';

export const ADMIN = { identifier: 'root', password: 'root admin passphrase 1' } as const;

/** A backend under test on a real loopback port, with the options the suite needs for it. */
export interface TestBackend {
  readonly options: ConformanceOptions;
  close(): Promise<void>;
}

/**
 * The mock backend (optionally wrapped in a fault) served over HTTP on 127.0.0.1, with an admin
 * seed user and its outbox as the suite's outbox hook.
 */
export async function startMock(config: MockBackendOptions['config'] = {}, fault?: Fault, extra: Omit<MockBackendOptions, 'config' | 'users'> = {}): Promise<TestBackend> {
  const backend = createMockBackend({
    ...extra,
    config,
    users: [{ username: ADMIN.identifier, email: 'root@example.test', name: 'Root', password: ADMIN.password, roles: ['admin'] }],
  });
  const handler = (request: Request): Promise<Response> => backend.fetch(request);
  const served = await serveFetch(fault ? fault(handler) : handler);
  return {
    options: {
      baseUrl: `${served.origin}/api/auth`,
      admin: ADMIN,
      readOutbox: async (to) => backend.outbox.last(to) ?? null,
    },
    close: () => served.close(),
  };
}

/** Every check of a result, flat. */
export function checks(result: ConformanceResult): CheckResult[] {
  return result.groups.flatMap((group) => group.checks);
}

/** One check by id (throws when the run did not include it). */
export function check(result: ConformanceResult, id: string): CheckResult {
  const found = checks(result).find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in the result (have: ${checks(result).map((c) => c.id).join(', ')})`);
  return found;
}

/** The ids of the failed checks. */
export function failedIds(result: ConformanceResult): string[] {
  return checks(result)
    .filter((c) => c.status === 'fail')
    .map((c) => c.id);
}
