import { describe, expect, it } from 'vitest';
import { AuthError, createAuthClient, isAuthError } from 'latchkey';
import { HttpResponse, errorResponse, http, installServer, server, url } from './support.js';

installServer();

const password = 'hunter2-correct-horse';
const csrf = () => http.get(url('session'), () => HttpResponse.json({ session: null, csrfToken: 'csrf-1' }));

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  if (!isAuthError(error)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error;
}

describe('error answers', () => {
  it('keep the envelope code, status, message and fields', async () => {
    server.use(
      csrf(),
      http.post(url('register'), () =>
        errorResponse(409, 'conflict', 'That username is taken', { username: 'Choose another username' }),
      ),
    );
    const error = await failure(createAuthClient({ baseUrl: '/api/auth' }).register({ username: 'ada', email: 'a@b.c', password }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'AuthError',
      code: 'conflict',
      status: 409,
      message: 'That username is taken',
      fields: { username: 'Choose another username' },
      endpoint: 'POST register',
      retryable: false,
      retryAfter: null,
    });
  });

  it('keep a code this version does not know, as sent', async () => {
    server.use(http.get(url('config'), () => errorResponse(418, 'teapot', 'I am a teapot')));
    const error = await failure(createAuthClient({ baseUrl: '/api/auth' }).getConfig());
    expect(error.code).toBe('teapot');
    expect(error.status).toBe(418);
  });

  it.each([
    ['120', 120],
    ['0', 0],
    [new Date(Date.now() + 90_000).toUTCString(), 90],
    [new Date(Date.now() - 90_000).toUTCString(), 0],
    ['soon', null],
    ['-5', null],
  ])('429 Retry-After %s gives retryAfter %s', async (header, expected) => {
    server.use(
      csrf(),
      http.post(url('login'), () => errorResponse(429, 'rate_limited', 'Too many attempts', undefined, { 'Retry-After': header })),
    );
    const error = await failure(createAuthClient({ baseUrl: '/api/auth' }).login({ identifier: 'ada', password }));
    expect(error.code).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    if (typeof expected === 'number' && expected > 0) {
      expect(error.retryAfter).toBeGreaterThanOrEqual(expected - 1);
      expect(error.retryAfter).toBeLessThanOrEqual(expected + 1);
    } else {
      expect(error.retryAfter).toBe(expected);
    }
  });

  it('a 429 without an envelope is still rate_limited with its Retry-After', async () => {
    server.use(
      csrf(),
      http.post(url('password/forgot'), () => new HttpResponse('Too Many Requests', { status: 429, headers: { 'Retry-After': '30', 'Content-Type': 'text/plain' } })),
    );
    const error = await failure(createAuthClient({ baseUrl: '/api/auth' }).forgotPassword({ identifier: 'ada' }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 30, endpoint: 'POST password/forgot' });
    expect(error.message).toBe(
      'POST password/forgot: the server answered 429 without a contract error body (the content type is "text/plain", not application/json)',
    );
  });

  it.each([
    [400, 'invalid_request', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [409, 'conflict', false],
    [413, 'payload_too_large', false],
    [415, 'unsupported_media_type', false],
    [422, 'invalid_request', false],
    [500, 'internal', true],
    [501, 'internal', false],
    [502, 'internal', true],
    [503, 'internal', true],
    [504, 'internal', true],
    [401, 'contract_mismatch', false],
    [418, 'contract_mismatch', false],
  ])('a malformed %s error body becomes code %s (retryable: %s)', async (status, code, retryable) => {
    server.use(http.get(url('config'), () => new HttpResponse('<html><h1>Bad Gateway</h1></html>', { status, headers: { 'Content-Type': 'text/html' } })));
    const error = await failure(createAuthClient({ baseUrl: '/api/auth' }).getConfig());
    expect(error).toMatchObject({ code, status, retryable, endpoint: 'GET config' });
    expect(error.message).toBe(
      `GET config: the server answered ${status} without a contract error body (the content type is "text/html", not application/json)`,
    );
  });

  it('describe an empty error body and a JSON body that is not an envelope', async () => {
    server.use(http.get(url('config'), () => new HttpResponse(null, { status: 500 })));
    const empty = await failure(createAuthClient({ baseUrl: '/api/auth' }).getConfig());
    expect(empty.message).toBe('GET config: the server answered 500 without a contract error body (the body is empty)');
    server.use(http.get(url('config'), () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    const other = await failure(createAuthClient({ baseUrl: '/api/auth' }).getConfig());
    expect(other.message).toBe('GET config: the server answered 500 without a contract error body (the JSON is not an error envelope)');
  });

  it('a 2xx carrying an error envelope is a contract mismatch, not a success and not that error', async () => {
    server.use(csrf(), http.post(url('password/forgot'), () => HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 202 })));
    const error = await failure(createAuthClient({ baseUrl: '/api/auth' }).forgotPassword({ identifier: 'ada' }));
    expect(error.code).toBe('contract_mismatch');
    expect(error.message).toBe('POST password/forgot: response did not match the contract: a 202 answer carried an "error" object');
  });

  it('never put a password or token into a message or a field, even when the server echoes them', async () => {
    const newPassword = 'my new secret passphrase';
    server.use(
      csrf(),
      http.post(url('password/change'), () =>
        errorResponse(422, 'weak_password', `"${newPassword}" is too common; "${password}" was your old one`, {
          newPassword: `${newPassword} is on a list`,
          token: 'csrf-1 leaked',
        }),
      ),
      http.post(url('password/reset'), () => errorResponse(400, 'invalid_token', 'Token reset-token-abcdef is expired')),
    );
    const client = createAuthClient({ baseUrl: '/api/auth' });
    const change = await failure(client.changePassword({ currentPassword: password, newPassword }));
    const reset = await failure(client.resetPassword({ token: 'reset-token-abcdef', password: newPassword }));
    for (const error of [change, reset]) {
      const everything = JSON.stringify({ message: error.message, fields: error.fields, string: String(error), stack: error.stack });
      expect(everything).not.toContain(newPassword);
      expect(everything).not.toContain(password);
      expect(everything).not.toContain('reset-token-abcdef');
      expect(everything).not.toContain('csrf-1');
    }
    expect(change.message).toBe('"[redacted]" is too common; "[redacted]" was your old one');
    expect(change.fields).toEqual({ newPassword: '[redacted] is on a list', token: '[redacted] leaked' });
  });

  it('fields named __proto__ never reach the fields object', async () => {
    server.use(
      http.get(url('config'), () =>
        new HttpResponse('{"error":{"code":"invalid_request","message":"bad","fields":{"__proto__":{"polluted":"yes"}}}}', {
          status: 400,
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    const error = await failure(createAuthClient({ baseUrl: '/api/auth' }).getConfig());
    expect(error.code).toBe('invalid_request');
    expect(Object.getPrototypeOf(error.fields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('AuthError', () => {
  it('carries what the brief promises, with defaults', () => {
    const error = new AuthError({ code: 'timeout', message: 'GET session: no answer within 10 ms', endpoint: 'GET session' });
    expect(error).toMatchObject({ name: 'AuthError', code: 'timeout', status: null, fields: {}, retryAfter: null, retryable: true });
    expect(new AuthError({ code: 'conflict', message: 'x', endpoint: 'POST register', status: 409 }).retryable).toBe(false);
    expect(new AuthError({ code: 'network', message: 'x', endpoint: 'GET config', retryable: false }).retryable).toBe(false);
  });

  it('keeps its own copy of fields', () => {
    const fields = { username: 'Taken' };
    const error = new AuthError({ code: 'conflict', message: 'x', endpoint: 'POST register', fields });
    fields.username = 'changed';
    expect(error.fields).toEqual({ username: 'Taken' });
  });

  it('isAuthError recognises AuthErrors, also from another copy of the package, and nothing else', () => {
    expect(isAuthError(new AuthError({ code: 'aborted', message: 'x', endpoint: 'GET config' }))).toBe(true);
    const lookalike = Object.assign(new Error('x'), { name: 'AuthError', code: 'timeout', endpoint: 'GET config', retryable: true });
    expect(isAuthError(lookalike)).toBe(true);
    expect(isAuthError(new Error('x'))).toBe(false);
    expect(isAuthError({ name: 'AuthError', code: 'timeout', endpoint: 'x', retryable: true })).toBe(false);
    expect(isAuthError(null)).toBe(false);
    expect(isAuthError('AuthError')).toBe(false);
  });
});
