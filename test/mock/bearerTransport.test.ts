import { describe, expect, it } from 'vitest';
import { MINUTE, ada, bob, clock, setup } from './driver.js';

const bearer = { config: { transport: 'bearer' as const } };

describe('bearer transport', () => {
  it('GET config says bearer; GET session without a token is 200 {session: null} without csrfToken', async () => {
    const { browser } = setup(bearer);
    expect((await browser.call('config')).body.transport).toBe('bearer');
    const res = await browser.call('session');
    expect(res.body).toEqual({ session: null });
  });

  it('login returns tokens in the body, sets no cookie, needs no CSRF token', async () => {
    const time = clock();
    const { browser } = setup({ ...bearer, now: time.now });
    const res = await browser.login('ada', ada.password);
    expect(res.status).toBe(200);
    expect(res.cookies).toEqual([]);
    expect(res.body.csrfToken).toBeUndefined();
    expect(res.body.tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresAt: new Date(time.now() + 15 * MINUTE).toISOString() });
    const session = await browser.call('session');
    expect(session.body.session.user.username).toBe('ada');
  });

  it('an unknown, expired or revoked access token gets 401 unauthenticated on GET session', async () => {
    const time = clock();
    const { browser } = setup({ ...bearer, now: time.now });
    expect((await browser.call('session', { bearer: 'made-up' })).body.error.code).toBe('unauthenticated');
    await browser.login('ada', ada.password);
    time.advance(15 * MINUTE);
    const expired = await browser.call('session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('unauthenticated');
  });

  it('refresh rotates the refresh token and slides the session; a reused refresh token revokes the whole chain', async () => {
    const time = clock();
    const { backend, browser } = setup({ ...bearer, now: time.now });
    await browser.login('ada', ada.password);
    const firstRefresh = browser.refreshToken as string;
    const firstAccess = browser.accessToken as string;
    time.advance(14 * MINUTE);
    const rotated = await browser.call('refresh', { body: { refreshToken: firstRefresh } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.tokens.refreshToken).not.toBe(firstRefresh);
    expect(rotated.body.tokens.accessToken).not.toBe(firstAccess);
    expect(rotated.body.session.expiresAt).toBe(new Date(time.now() + 30 * MINUTE).toISOString());
    expect((await browser.call('session')).body.session.user.username).toBe('ada');

    const replay = await browser.call('refresh', { body: { refreshToken: firstRefresh } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('unauthenticated');
    // The chain is gone: the newest refresh token and the current access token are dead too.
    expect((await browser.call('refresh', { body: { refreshToken: browser.refreshToken as string } })).status).toBe(401);
    expect((await browser.call('session')).status).toBe(401);
    expect(backend.store.sessions('u1')).toEqual([]);
  });

  it('refresh with an unknown token is 401; refresh is 404 in cookie mode', async () => {
    const { browser } = setup(bearer);
    expect((await browser.call('refresh', { body: { refreshToken: 'nope' } })).body.error.code).toBe('unauthenticated');
    const cookie = setup();
    expect((await cookie.browser.call('refresh', { body: { refreshToken: 'nope' } })).body.error.code).toBe('not_found');
  });

  it('logout revokes the tokens; replaying them afterwards gets 401', async () => {
    const { browser } = setup(bearer);
    await browser.login('ada', ada.password);
    const access = browser.accessToken as string;
    const refresh = browser.refreshToken as string;
    expect((await browser.call('logout')).status).toBe(204);
    expect((await browser.call('verify', { bearer: access })).status).toBe(401);
    expect((await browser.call('refresh', { body: { refreshToken: refresh } })).status).toBe(401);
  });

  it('session fixation: every login issues new tokens', async () => {
    const { browser } = setup(bearer);
    await browser.login('bob', bob.password);
    const first = browser.accessToken;
    await browser.login('bob', bob.password);
    expect(browser.accessToken).not.toBe(first);
  });

  it('the access token never outlives the session', async () => {
    const time = clock();
    const { browser } = setup({ ...bearer, now: time.now, lifetimes: { idleMs: 5 * MINUTE } });
    const res = await browser.login('ada', ada.password);
    expect(res.body.tokens.expiresAt).toBe(new Date(time.now() + 5 * MINUTE).toISOString());
  });
});
