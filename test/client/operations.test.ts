import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/contract/routes.js';
import type { Operation } from '../../src/client/AuthConnection.js';
import * as operations from '../../src/client/operations.js';

// The hooks send these descriptors; the server, the mock and the conformance suite follow ROUTES.
// A descriptor that drifts from the table would send a request no backend answers.
describe('operation descriptors', () => {
  const descriptors = Object.entries(operations).flatMap(([name, value]) =>
    name.endsWith('Operation') && typeof value === 'object' ? [[name, value as Operation<unknown, unknown>] as const] : [],
  );

  it('cover every endpoint of the contract a client sends, except session, logout and refresh (the connection sends those)', () => {
    const covered = new Set(descriptors.map(([name]) => name.replace(/Operation$/, '')));
    const expected = Object.keys(ROUTES).filter((name) => !['session', 'logout', 'refresh', 'verify'].includes(name));
    expect([...covered].sort()).toEqual(expected.sort());
  });

  it.each(descriptors)('%s matches the contract table (method, path, success status)', (name, descriptor) => {
    const route = ROUTES[name.replace(/Operation$/, '') as keyof typeof ROUTES];
    expect({ method: descriptor.method, path: descriptor.path, status: descriptor.status }).toEqual({
      method: route.method,
      path: route.path,
      status: route.status,
    });
    // Endpoints that need no session are sent without a token (and a 401 never starts a refresh).
    expect(descriptor.anonymous === true).toBe(route.auth === 'none');
  });
});
