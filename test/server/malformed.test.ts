import { ENDPOINTS, ErrorEnvelopeSchema } from 'latchkey/contract';
import type { EndpointName } from 'latchkey/contract';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { makeServer, PASSWORD, seedUser } from './helpers.js';
import type { TestClient } from './helpers.js';

interface Case {
  label: string;
  body: BodyInit | undefined;
  type: string | undefined;
}

function shapeOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | null)?._zod?.def;
  return Object.keys(def?.shape ?? {});
}

function casesFor(name: EndpointName): Case[] {
  const json = (label: string, value: string): Case => ({ label, body: value, type: 'application/json' });
  const cases: Case[] = [
    { label: 'no body, no type', body: undefined, type: undefined },
    json('empty body', ''),
    { label: 'text/plain', body: '{}', type: 'text/plain' },
    { label: 'form encoded', body: 'identifier=a&password=b', type: 'application/x-www-form-urlencoded' },
    json('truncated JSON', '{"a":'),
    json('not JSON', 'hello'),
    json('null', 'null'),
    json('array', '[]'),
    json('string', '"text"'),
    json('number', '42'),
    json('true', 'true'),
    json('empty object', '{}'),
    json('__proto__ key', '{"__proto__":{"polluted":true}}'),
    json('constructor key', '{"constructor":{"prototype":{"polluted":true}}}'),
    json('deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`),
    json('BOM prefix', '\ufeff{}'),
    { label: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), type: 'application/json' },
    json('1 MiB', JSON.stringify({ x: 'a'.repeat(1024 * 1024) })),
    json('65 KiB', JSON.stringify({ x: 'a'.repeat(65 * 1024) })),
  ];
  for (const field of shapeOf(ENDPOINTS[name].request)) {
    for (const [label, value] of [
      ['number', '123'],
      ['null', 'null'],
      ['array', '[]'],
      ['object', '{}'],
      ['NUL byte', '"a\\u0000b"'],
      ['lone surrogate', '"\\ud800"'],
      ['10k string', JSON.stringify('x'.repeat(10_000))],
      ['empty string', '""'],
      ['negative', '-1'],
      ['float', '1.5'],
      ['huge number', '1e400'],
    ] as const) {
      cases.push(json(`${field}: ${label}`, `{"${field}":${value}}`));
    }
  }
  return cases;
}

async function adminClient(transport: 'cookie' | 'bearer') {
  const server = makeServer({ transport, features: { emailVerification: true } });
  await seedUser(server, 'root', { roles: ['admin'] });
  const client = server.client();
  await client.login('root', PASSWORD);
  return { server, client };
}

async function send(client: TestClient, method: string, path: string, item: Case) {
  const headers: Record<string, string> = {};
  if (item.type) headers['content-type'] = item.type;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  if (client.accessToken) headers.authorization = `Bearer ${client.accessToken}`;
  return client.raw(method, path, { headers, ...(item.body === undefined ? {} : { body: item.body }) });
}

describe.each(['cookie', 'bearer'] as const)('malformed input table per endpoint (%s)', (transport) => {
  it('never answers 5xx or a stack trace; every error has the documented shape and a 4xx status', async () => {
    const { client } = await adminClient(transport);
    const tally: Record<string, number> = {};
    let total = 0;
    // logout last: it ends the admin's session (no malformed body can make password/change succeed).
    const entries = (Object.entries(ENDPOINTS) as Array<[EndpointName, (typeof ENDPOINTS)[EndpointName]]>).sort(([a], [b]) => Number(a === 'logout') - Number(b === 'logout'));
    for (const [name, spec] of entries) {
      if (spec.method === 'GET') continue;
      const path = spec.path.replace(':id', 'id-root').replace(':code', 'nope');
      for (const item of casesFor(name)) {
        const answer = await send(client, spec.method, path, item);
        total += 1;
        tally[name] = (tally[name] ?? 0) + 1;
        expect(answer.status, `${name} / ${item.label}: ${answer.text}`).toBeLessThan(500);
        expect(answer.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
        if (answer.status >= 400) {
          expect(() => z.parse(ErrorEnvelopeSchema, answer.body), `${name} / ${item.label}`).not.toThrow();
          expect([400, 401, 403, 404, 409, 413, 415, 422, 429]).toContain(answer.status);
        }
        if (item.label === '1 MiB' || item.label === '65 KiB') expect(answer.status, `${name} / ${item.label}`).toBe(spec.request && answer.status !== 404 ? 413 : answer.status);
      }
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(total).toBeGreaterThan(600);
  });

  it('hostile path parameters and query strings get 4xx', async () => {
    const { client } = await adminClient(transport);
    for (const path of [
      'admin/users/%00',
      'admin/users/%E0%A4%A',
      'admin/users/..%2F..%2Fconfig',
      `admin/users/${'x'.repeat(5000)}`,
      'admin/invites/%ZZ',
      'admin/users?limit=abc',
      'admin/users?offset=1e3',
      `admin/users?query=${'q'.repeat(400)}`,
      'verify?role=%00',
      'config/../session',
      'admin/users/id-root/reset-link/extra',
    ]) {
      for (const method of ['GET', 'PATCH', 'DELETE', 'POST']) {
        const answer = await send(client, method, path, { label: path, body: method === 'PATCH' ? '{}' : undefined, type: 'application/json' });
        expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(500);
      }
    }
  });

  it('a body on a body-less endpoint is ignored; methods outside the table get 404', async () => {
    const { client } = await adminClient(transport);
    expect((await send(client, 'PUT', 'login', { label: 'put', body: '{}', type: 'application/json' })).status).toBe(404);
    expect((await send(client, 'DELETE', 'config', { label: 'delete', body: undefined, type: undefined })).status).toBe(404);
    const outside = await client.raw('GET', '../../etc/passwd');
    expect(outside.status).toBe(404);
  });
});
