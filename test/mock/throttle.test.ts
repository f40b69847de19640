import { describe, expect, it } from 'vitest';
import { MINUTE, ada, clock, setup } from './driver.js';

describe('sign-in throttling', () => {
  it('after 5 failures: 429 rate_limited with Retry-After, even with the right password', async () => {
    const time = clock();
    const { browser } = setup({ now: time.now });
    for (let i = 0; i < 5; i += 1) {
      expect((await browser.login('ada', 'wrong password ' + i)).status).toBe(401);
      time.advance(1000);
    }
    const blocked = await browser.login('ada', ada.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(blocked.headers.get('Retry-After')).toBe(String(15 * 60 - 5));
    // The window slides: once the oldest failure is 15 minutes old, the next attempt is allowed.
    time.advance(15 * MINUTE - 5000);
    expect((await browser.login('ada', ada.password)).status).toBe(200);
  });

  it('identifiers that do not exist are throttled the same way', async () => {
    const { browser } = setup();
    for (let i = 0; i < 5; i += 1) expect((await browser.login('ghost', 'some long password')).status).toBe(401);
    const blocked = await browser.login('ghost', 'some long password');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('case and space variants share one counter', async () => {
    const { browser } = setup();
    for (const variant of ['ada', 'ADA', ' Ada', 'aDa ', 'ADA']) expect((await browser.login(variant, 'wrong password!!')).status).toBe(401);
    expect((await browser.login('Ada', ada.password)).status).toBe(429);
  });

  it('a successful sign-in clears the counter', async () => {
    const { browser } = setup();
    for (let i = 0; i < 4; i += 1) await browser.login('ada', 'wrong password!!');
    expect((await browser.login('ada', ada.password)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await browser.login('ada', 'wrong password!!')).status).toBe(401);
    expect((await browser.login('ada', ada.password)).status).toBe(200);
  });

  it('a password reset clears the counter', async () => {
    const { backend, browser } = setup();
    for (let i = 0; i < 5; i += 1) await browser.login('ada', 'wrong password!!');
    expect((await browser.login('ada', ada.password)).status).toBe(429);
    await browser.call('forgotPassword', { body: { identifier: 'ada' } });
    const token = backend.outbox.last('ada@example.com', 'password-reset')?.token as string;
    expect((await browser.call('resetPassword', { body: { token, password: 'a brand new passphrase' } })).status).toBe(204);
    expect((await browser.login('ada', 'a brand new passphrase')).status).toBe(200);
  });

  it('per client address a higher limit applies across identifiers', async () => {
    const { browser } = setup({ throttle: { maxFailuresPerAddress: 8 } });
    for (let i = 0; i < 8; i += 1) expect((await browser.login(`user${i}`, 'some long password')).status).toBe(401);
    expect((await browser.login('ada', ada.password)).status).toBe(429);
  });

  it('reset() forgets the counters', async () => {
    const { backend, browser } = setup();
    for (let i = 0; i < 5; i += 1) await browser.login('ada', 'wrong password!!');
    backend.reset();
    // reset() forgets CSRF bindings too: the browser fetches a new token, as after a server restart.
    browser.csrf = undefined;
    expect((await browser.login('ada', ada.password)).status).toBe(200);
  });
});
