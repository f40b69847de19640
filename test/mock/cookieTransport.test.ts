import { describe, expect, it } from 'vitest';
import { Driver, MINUTE, ada, bob, carol, clock, cookieValue, setup } from './driver.js';

describe('cookie transport: session', () => {
  it('GET session answers null with a CSRF token, and sets the HttpOnly lk_csrf cookie', async () => {
    const { browser } = setup();
    const res = await browser.call('session');
    expect(res.status).toBe(200);
    expect(res.body.session).toBeNull();
    expect(res.body.csrfToken).toEqual(expect.any(String));
    expect(res.cookies).toHaveLength(1);
    expect(res.cookies[0]).toMatch(/^lk_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const again = await browser.call('session');
    expect(again.body.csrfToken).toBe(res.body.csrfToken);
    expect(again.cookies).toEqual([]);
  });

  it('login: 200 with session, a rotated CSRF token and the HttpOnly session cookie', async () => {
    const { browser } = setup();
    const before = (await browser.call('session')).body.csrfToken as string;
    const res = await browser.login('ada', ada.password);
    expect(res.status).toBe(200);
    expect(res.body.session.user).toEqual({ id: 'u1', username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', roles: ['admin'] });
    expect(res.body.tokens).toBeUndefined();
    expect(res.body.csrfToken).not.toBe(before);
    expect(res.cookies).toHaveLength(1);
    expect(res.cookies[0]).toMatch(/^lk_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const session = await browser.call('session');
    expect(session.body.session.user.username).toBe('ada');
    expect(session.body.csrfToken).toBe(res.body.csrfToken);
  });

  it('login by email, in any case and with surrounding spaces', async () => {
    const { browser } = setup();
    expect((await browser.login('  ADA@Example.com ', ada.password)).status).toBe(200);
  });

  it('remember sets a persistent cookie (Max-Age); without it the cookie ends with the browser', async () => {
    const { browser } = setup();
    const remembered = await browser.login('ada', ada.password, true);
    expect(remembered.cookies[0]).toMatch(/; Max-Age=\d+/);
    const plain = await browser.login('ada', ada.password, false);
    expect(plain.cookies[0]).not.toMatch(/Max-Age/);
  });

  it('unknown user, wrong password and disabled account get the very same answer', async () => {
    const { browser } = setup();
    const answers = [
      await browser.login('nobody', 'whatever it is long'),
      await browser.login('ada', 'wrong password here'),
      await browser.login('carol', carol.password),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(answers[0]?.body);
    }
    expect(answers[0]?.body.error.code).toBe('invalid_credentials');
  });

  it('session fixation: the session cookie after login differs from any before it, and the old session ends', async () => {
    const { backend, browser } = setup();
    const first = cookieValue((await browser.login('ada', ada.password)).cookies, 'lk_session');
    const second = cookieValue((await browser.login('ada', ada.password)).cookies, 'lk_session');
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(backend.store.sessions('u1')).toHaveLength(1);
    const replay = await backend.fetch('/api/auth/verify', { headers: { Cookie: `lk_session=${first}` } });
    expect(replay.status).toBe(401);
  });

  it('logout: 204, clears the cookie; the captured cookie replayed afterwards gets 401 on verify', async () => {
    const { backend, browser } = setup();
    const sid = cookieValue((await browser.login('ada', ada.password)).cookies, 'lk_session');
    expect((await backend.fetch('/api/auth/verify', { headers: { Cookie: `lk_session=${sid}` } })).status).toBe(204);
    const out = await browser.call('logout');
    expect(out.status).toBe(204);
    expect(out.cookies[0]).toMatch(/^lk_session=; .*Max-Age=0/);
    const replay = await backend.fetch('/api/auth/verify', { headers: { Cookie: `lk_session=${sid}` } });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await browser.call('session')).body.session).toBeNull();
  });

  it('the CSRF token survives logout, so signing in again needs no extra request', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    await browser.call('logout');
    expect((await browser.login('bob', bob.password)).status).toBe(200);
  });

  it('logout without a session is still 204', async () => {
    const { browser } = setup();
    expect((await browser.call('logout')).status).toBe(204);
  });
});

describe('cookie transport: CSRF', () => {
  it('refuses a state-changing request without the header, with a wrong token, or without the lk_csrf cookie', async () => {
    const { backend, browser } = setup();
    await browser.call('session');
    const body = { identifier: 'ada', password: ada.password };
    expect((await browser.call('login', { body, csrf: false })).body.error.code).toBe('csrf_failed');
    expect((await browser.call('login', { body, csrf: 'forged' })).status).toBe(403);
    // A token without the cookie it is bound to (another browser) is refused too.
    const other = new Driver(backend, { fetch: (input, init) => backend.fetch(input, init) });
    expect((await other.call('login', { body, csrf: browser.csrf as string })).body.error.code).toBe('csrf_failed');
  });

  it('refuses Sec-Fetch-Site: cross-site and a foreign Origin even with the right token', async () => {
    const { browser } = setup();
    await browser.call('session');
    const body = { identifier: 'ada', password: ada.password };
    const crossSite = await browser.call('login', { body, headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('csrf_failed');
    const foreign = await browser.call('login', { body, headers: { Origin: 'https://evil.example' } });
    expect(foreign.body.error.code).toBe('csrf_failed');
    const sameSite = await browser.call('login', { body, headers: { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost:3000' } });
    expect(sameSite.status).toBe(200);
  });

  it('accepts an extra allowed origin', async () => {
    const { browser } = setup({ allowedOrigins: ['https://app.example'] });
    await browser.call('session');
    const res = await browser.call('login', { body: { identifier: 'ada', password: ada.password }, headers: { Origin: 'https://app.example' } });
    expect(res.status).toBe(200);
  });

  it('GET requests need no token', async () => {
    const { browser } = setup();
    await browser.login('ada', ada.password);
    expect((await browser.call('verify', { csrf: false })).status).toBe(204);
  });
});

describe('cookie transport: expiry on the injected clock', () => {
  it('idle timeout: 30 minutes without activity ends the session; GET session slides the deadline', async () => {
    const time = clock();
    const { browser } = setup({ now: time.now });
    const login = await browser.login('ada', ada.password);
    expect(login.body.session.expiresAt).toBe(new Date(time.now() + 30 * MINUTE).toISOString());
    time.advance(20 * MINUTE);
    const slid = await browser.call('session');
    expect(slid.body.session.expiresAt).toBe(new Date(time.now() + 30 * MINUTE).toISOString());
    time.advance(29 * MINUTE);
    expect((await browser.call('session')).body.session).not.toBeNull();
    time.advance(30 * MINUTE + 1);
    const ended = await browser.call('session');
    expect(ended.body.session).toBeNull();
    expect(ended.body.csrfToken).toEqual(expect.any(String));
    expect((await browser.call('verify')).status).toBe(401);
  });

  it('absolute timeout: activity cannot keep a session past 12 hours; expiresAt = min(idle, absolute)', async () => {
    const time = clock();
    const { browser } = setup({ now: time.now });
    const start = time.now();
    await browser.login('ada', ada.password);
    for (let i = 0; i < 24; i += 1) {
      time.advance(29 * MINUTE);
      expect((await browser.call('session')).body.session, `after ${(i + 1) * 29} min`).not.toBeNull();
    }
    const late = await browser.call('session');
    expect(late.body.session.expiresAt).toBe(new Date(start + 12 * 60 * MINUTE).toISOString());
    time.advance(start + 12 * 60 * MINUTE - time.now());
    expect((await browser.call('session')).body.session).toBeNull();
  });

  it('"stay signed in" uses the longer lifetimes', async () => {
    const time = clock();
    const { browser } = setup({ now: time.now });
    await browser.login('ada', ada.password, true);
    time.advance(3 * 24 * 60 * MINUTE);
    expect((await browser.call('session')).body.session).not.toBeNull();
  });
});

describe('cookie transport over https', () => {
  it('uses the __Host- prefix and Secure', async () => {
    const { backend } = setup({ baseUrl: 'https://auth.example/api/auth' });
    const browser = new Driver(backend, { baseUrl: 'https://auth.example/api/auth' });
    const res = await browser.call('session');
    expect(res.cookies[0]).toMatch(/^__Host-lk_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    const login = await browser.login('ada', ada.password);
    expect(login.cookies[0]).toMatch(/^__Host-lk_session=.*; Secure$/);
    expect((await browser.call('session')).body.session.user.username).toBe('ada');
  });
});
