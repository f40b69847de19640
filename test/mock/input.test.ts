import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from 'latchkey/contract';
import type { EndpointName } from 'latchkey/contract';
import { ada, setup } from './driver.js';

describe('bad input', () => {
  it('a 1 MiB body → 413 payload_too_large, also on an endpoint without a body', async () => {
    const { browser } = setup();
    const huge = JSON.stringify({ identifier: 'ada', password: 'x'.repeat(1024 * 1024) });
    const res = await browser.call('login', { rawBody: huge });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect((await browser.call('logout', { rawBody: huge })).status).toBe(413);
    const declared = await browser.call('login', { rawBody: '{}', headers: { 'Content-Length': String(2 * 1024 * 1024) } });
    expect([400, 413]).toContain(declared.status);
  });

  it('64 KiB is the limit: just under passes the size check', async () => {
    const { browser } = setup();
    const body = JSON.stringify({ identifier: 'ada', password: 'x'.repeat(4000) });
    expect((await browser.call('login', { rawBody: body })).status).toBe(401);
  });

  it('a body that is not declared as JSON → 415 unsupported_media_type', async () => {
    const { browser } = setup();
    const body = JSON.stringify({ identifier: 'ada', password: ada.password });
    const text = await browser.call('login', { rawBody: body, contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    expect((await browser.call('login', { rawBody: body, contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await browser.call('login', { rawBody: body, contentType: 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('malformed JSON → 400 invalid_request (fields.body)', async () => {
    const { browser } = setup();
    const res = await browser.call('login', { rawBody: '{"identifier": "ada",' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', fields: { body: 'Not valid JSON.' } });
  });

  it.each<[string, unknown, string[]]>([
    ['no body', undefined, ['body']],
    ['an array', [1, 2], ['body']],
    ['a string', 'ada', ['body']],
    ['wrong types', { identifier: 42, password: true }, ['identifier', 'password']],
    ['missing fields', { identifier: 'ada' }, ['password']],
    ['extra fields', { identifier: 'ada', password: 'x', admin: true }, ['admin']],
    ['an empty identifier', { identifier: '', password: 'x' }, ['identifier']],
    ['a NUL byte', { identifier: 'ada\u0000', password: 'x' }, ['identifier']],
  ])('%s → 400 invalid_request with fields naming the problem', async (_label, body, fields) => {
    const { browser } = setup();
    const res = await browser.call('login', body === undefined ? {} : { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(fields);
  });

  it('a __proto__ key is refused and pollutes nothing', async () => {
    const { browser } = setup();
    const res = await browser.call('login', { rawBody: '{"identifier":"ada","password":"x","__proto__":{"polluted":true}}' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('unknown paths and wrong methods → 404 not_found', async () => {
    const { backend, browser } = setup();
    const unknown = await backend.fetch('/api/auth/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Cache-Control')).toBe('no-store');
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await backend.fetch('/api/auth/session', { method: 'DELETE' })).status).toBe(404);
    expect((await backend.fetch('/elsewhere/session')).status).toBe(404);
    expect((await backend.fetch('/api/auth/admin/users/u1/extra')).status).toBe(404);
    expect((await browser.call('session')).status).toBe(200);
  });

  it('never answers 5xx: hostile bodies against every endpoint, signed in as admin', async () => {
    const { backend, browser } = setup();
    await browser.login('ada', ada.password);
    const hostile: unknown[] = [
      {},
      null,
      [],
      0,
      'x',
      { identifier: { $gt: '' }, password: ['a'] },
      { username: 'a'.repeat(300), email: 'b'.repeat(400), password: 'c'.repeat(5000) },
      { token: '', refreshToken: '', password: '' },
      { roles: 'admin', disabled: 'yes', expiresInHours: -1 },
      { email: null, name: 12, currentPassword: null },
      { constructor: { prototype: { polluted: true } } },
    ];
    let requests = 0;
    // logout last, so every other endpoint is tried with the admin session.
    const names = (Object.keys(ENDPOINTS) as EndpointName[]).sort((a, b) => Number(a === 'logout') - Number(b === 'logout'));
    for (const name of names) {
      for (const body of hostile) {
        const rawBody = ENDPOINTS[name].method === 'GET' ? {} : { rawBody: JSON.stringify(body) };
        const res = await browser.call(name, { ...rawBody, params: { id: 'u2', code: 'c' } });
        expect(res.status, `${name} ${JSON.stringify(body)}`).toBeLessThan(500);
        requests += 1;
      }
    }
    expect(requests).toBe(Object.keys(ENDPOINTS).length * hostile.length);
    expect(backend.store.user('ada')?.roles).toEqual(['admin']);
  });
});
