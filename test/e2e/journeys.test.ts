// The user journeys of issue 5 in real Chromium, against the reference server (temporary SQLite)
// serving the built examples/multipage app on the same origin. Each journey ends with a
// screenshot in test-results/e2e/ and runs axe on every page it visits.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Transport } from 'latchkey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, expectAccessible, launchBrowser, mailTo, screenshot, startServer } from './harness.js';
import type { TestServer } from './harness.js';

const TRANSPORTS: readonly Transport[] = ['cookie', 'bearer'];
const PASSWORD = 'plum kettle orbit 7 lanterns';
const NEW_PASSWORD = 'a brand new passphrase for spring';
/** Short throttle on the cookie server: 3 failures per identifier within 4 s → 429. */
const THROTTLE = { identifier: { max: 3, windowMs: 4_000 } };
/** Short sessions for the expiry journey: 10 s without activity. */
const SHORT_IDLE_MS = 10_000;

let browser: Browser;
const apps = {} as Record<Transport, string>;
const servers = {} as Record<Transport, TestServer>;
let userCount = 0;

/** A fresh user in the store of `server` (username unique in the run). */
async function newUser(server: TestServer, prefix: string, roles: string[] = []): Promise<{ username: string; email: string }> {
  userCount += 1;
  const username = `${prefix}${String(userCount)}`;
  const email = `${username}@example.com`;
  await server.addUser({ username, password: PASSWORD, roles, email, name: `${prefix[0]?.toUpperCase() ?? ''}${prefix.slice(1)} ${String(userCount)}` });
  return { username, email };
}

beforeAll(async () => {
  // Both builds first (one at a time: the machine is small), then the servers and the browser.
  for (const transport of TRANSPORTS) apps[transport] = await buildApp(transport);
  servers.cookie = await startServer(apps.cookie, { throttle: THROTTLE });
  servers.bearer = await startServer(apps.bearer, { transport: 'bearer' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
  for (const dir of Object.values(apps)) rmSync(dir, { recursive: true, force: true });
});

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

const path = (page: Page) => new URL(page.url()).pathname;
const header = (page: Page) => page.getByRole('banner');
const loginForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });

async function expectSignedIn(page: Page, timeout = 10_000): Promise<void> {
  await header(page).getByRole('button', { name: /^Account menu for/ }).waitFor({ state: 'visible', timeout });
}

async function expectSignedOut(page: Page, timeout = 10_000): Promise<void> {
  await header(page).getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible', timeout });
}

async function signIn(page: Page, identifier: string, password = PASSWORD): Promise<void> {
  const form = loginForm(page);
  await form.getByLabel('Username or email', { exact: true }).fill(identifier);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page): Promise<void> {
  await header(page).getByRole('button', { name: /^Account menu for/ }).click();
  await header(page).getByRole('menuitem', { name: 'Sign out' }).click();
  await expectSignedOut(page);
}

/** Waits until the URL path is `pathname` (the SPA navigates without a load event). */
async function atPath(page: Page, pathname: string, timeout = 10_000): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname, { timeout, waitUntil: 'commit' });
}

/** Waits for the page's h1, then runs axe on the page: every page a journey reaches is checked. */
async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expectAccessible(page, name);
}

describe.each(TRANSPORTS)('%s transport', (transport) => {
  it('1. registers a new user, lands signed in on the dashboard, and a reload keeps the session', async () => {
    const server = servers[transport];
    const context = await browser.newContext({ baseURL: server.url });
    const page = await newPage(context);
    await page.goto('/');
    await heading(page, 'latchkey example app');
    await expectSignedOut(page);

    await page.getByRole('main').getByRole('link', { name: 'create an account' }).click();
    await atPath(page, '/register');
    const form = page.getByRole('form', { name: 'Create an account' });
    await form.waitFor();
    await expectAccessible(page, 'register');
    const username = `newbie${transport}`;
    await form.getByLabel('Username', { exact: true }).fill(username);
    await form.getByLabel('Email', { exact: true }).fill(`${username}@example.com`);
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();

    await atPath(page, '/dashboard');
    await heading(page, 'Dashboard');
    await expectSignedIn(page);
    await page.getByText(`Signed in as ${username}.`).waitFor();

    await page.reload();
    await heading(page, 'Dashboard');
    await expectSignedIn(page);
    expect(path(page)).toBe('/dashboard');
    await screenshot(page, `01-register-${transport}`);
    await context.close();
  });

  it('3. two tabs: signing out in tab A shows signed out in tab B within 1 s without a reload; signing in in A, B follows', async () => {
    const server = servers[transport];
    const { username } = await newUser(server, 'tabs');
    const context = await browser.newContext({ baseURL: server.url });
    const a = await newPage(context);
    const b = await newPage(context);
    await a.goto('/login');
    await signIn(a, username);
    await atPath(a, '/dashboard');
    await b.goto('/dashboard');
    await heading(b, 'Dashboard');
    await expectSignedIn(b);

    // The user switches to tab A (B goes to the background, as in a real browser) and signs out.
    await a.bringToFront();
    await signOut(a);
    const signedOutAt = Date.now();
    await expectSignedOut(b, 1_000);
    const followedIn = Date.now() - signedOutAt;
    expect(followedIn).toBeLessThan(1_000);
    console.log(`[e2e ${transport}] tab B showed the sign-out after ${String(followedIn)} ms`);
    // B was on a protected page: its guard sent it to the sign-in page, keeping where it was.
    await atPath(b, '/login', 1_000);
    expect(new URL(b.url()).searchParams.get('returnTo')).toBe('/dashboard');

    await a.goto('/login');
    await signIn(a, username);
    await atPath(a, '/dashboard');
    const signedInAt = Date.now();
    // B, in the background, follows: signed in, and its sign-in page continues to returnTo.
    await expectSignedIn(b, 3_000);
    await atPath(b, '/dashboard', 3_000);
    console.log(`[e2e ${transport}] tab B followed the sign-in after ${String(Date.now() - signedInAt)} ms`);
    await heading(b, 'Dashboard');
    await screenshot(b, `03-two-tabs-${transport}`);
    await context.close();
  });

  it('8. changing the password in /account signs out the other sessions of that user', async () => {
    const server = servers[transport];
    const { username } = await newUser(server, 'changer');
    const mine = await browser.newContext({ baseURL: server.url });
    const other = await browser.newContext({ baseURL: server.url });
    const page = await newPage(mine);
    const elsewhere = await newPage(other);
    for (const p of [page, elsewhere]) {
      await p.goto('/login?returnTo=/account');
      await signIn(p, username);
      await atPath(p, '/account');
      await heading(p, 'Account');
    }
    await expectAccessible(page, 'account');

    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Repeat new password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed. Other devices have been signed out.').waitFor();

    // This tab keeps its (new) session; the other device is signed out at its next request.
    await page.reload();
    await heading(page, 'Account');
    await expectSignedIn(page);
    await elsewhere.reload();
    await atPath(elsewhere, '/login');
    await expectSignedOut(elsewhere);
    expect(new URL(elsewhere.url()).searchParams.get('returnTo')).toBe('/account');
    await screenshot(elsewhere, `08-change-password-other-session-${transport}`);
    await screenshot(page, `08-change-password-${transport}`);
    await mine.close();
    await other.close();
  });

  it('9. a short session: the warning appears, "Stay signed in" extends, letting it run out signs out cleanly', async () => {
    const server = await startServer(apps[transport], { transport, session: { idleTimeoutMs: SHORT_IDLE_MS, rememberIdleTimeoutMs: SHORT_IDLE_MS } });
    try {
      const { username } = await newUser(server, 'sleepy');
      const context = await browser.newContext({ baseURL: server.url });
      const page = await newPage(context);
      await page.goto('/login?returnTo=/dashboard');
      await signIn(page, username);
      await atPath(page, '/dashboard');

      const dialog = page.getByRole('alertdialog', { name: 'Your session is about to end' });
      await dialog.waitFor();
      await expectAccessible(page, 'session expiry warning');
      const secondsLeft = async () => Number(/(\d+) seconds?/.exec((await dialog.textContent()) ?? '')?.[1] ?? Number.NaN);
      // Wait more than the server's 5 s touch granularity after sign-in, so the extension slides.
      await expect.poll(secondsLeft, { timeout: 8_000 }).toBeLessThanOrEqual(4);
      const before = await secondsLeft();

      await dialog.getByRole('button', { name: 'Stay signed in' }).click();
      await expect.poll(secondsLeft, { timeout: 5_000 }).toBeGreaterThan(before + 2);
      expect(path(page)).toBe('/dashboard');

      // Now let it run out: the tab signs out by itself and the guard sends it to the sign-in page.
      await atPath(page, '/login', SHORT_IDLE_MS + 5_000);
      await expectSignedOut(page);
      await dialog.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/dashboard');
      await page.reload();
      await loginForm(page).waitFor();
      await expectSignedOut(page);
      await expectAccessible(page, 'login after expiry');
      await screenshot(page, `09-session-expiry-${transport}`);
      await context.close();
    } finally {
      await server.close();
    }
  });
});

describe('cookie transport', () => {
  const server = () => servers.cookie;

  it('2. signed out, /dashboard goes to /login?returnTo=/dashboard and back after signing in; page state is per user; returnTo=//evil.example is refused', async () => {
    const { username } = await newUser(server(), 'returner');
    const context = await browser.newContext({ baseURL: server().url });
    const page = await newPage(context);
    await page.goto('/login');
    await heading(page, 'Sign in');
    await signIn(page, username);
    await atPath(page, '/dashboard');

    // Per-user page state survives navigation…
    await page.getByLabel('Filter projects').fill('gem');
    await page.getByLabel('Draft note').fill('half a thought');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await heading(page, 'latchkey example app');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await heading(page, 'Dashboard');
    expect(await page.getByLabel('Filter projects').inputValue()).toBe('gem');
    expect(await page.getByLabel('Draft note').inputValue()).toBe('half a thought');
    expect(await page.getByRole('list', { name: 'Matching projects' }).getByRole('listitem').allTextContents()).toEqual(['Gemini']);

    await signOut(page);
    await page.goto('/dashboard');
    await atPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/dashboard');
    await signIn(page, username);
    await atPath(page, '/dashboard');
    await heading(page, 'Dashboard');
    // …and is gone after signing out.
    expect(await page.getByLabel('Filter projects').inputValue()).toBe('');
    expect(await page.getByLabel('Draft note').inputValue()).toBe('');

    await signOut(page);
    await page.goto('/login?returnTo=//evil.example');
    await signIn(page, username);
    await atPath(page, '/dashboard');
    expect(new URL(page.url()).origin).toBe(server().url);
    await heading(page, 'Dashboard');
    await screenshot(page, '02-return-to');
    await context.close();
  });

  it('4. forgot password: the mailed link sets a new password, the old one fails, the link fails a second time', async () => {
    const { username, email } = await newUser(server(), 'forgetful');
    const context = await browser.newContext({ baseURL: server().url });
    const page = await newPage(context);
    await page.goto('/login');
    await loginForm(page).getByRole('button', { name: 'Forgot your password?' }).click();
    await atPath(page, '/forgot');
    await heading(page, 'Forgot password');
    const mailsBefore = server().outbox.messages.filter((message) => message.to === email).length;
    await page.getByLabel('Username or email', { exact: true }).fill(username);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(/If an account matches what you entered/).waitFor();

    const { link } = await mailTo(server().outbox, email, mailsBefore);
    expect(link).toMatch(new RegExp(`^${server().url}/reset\\?token=`));
    await page.goto(link as string);
    await heading(page, 'Reset password');
    await expect.poll(() => new URL(page.url()).search, { timeout: 5_000 }).toBe(''); // the token left the address bar
    await expectAccessible(page, 'reset password');
    const form = page.getByRole('form', { name: 'Choose a new password' });
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Repeat new password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('Your password has been changed. You can now sign in with it.').waitFor();

    await page.goto('/login');
    await signIn(page, username, PASSWORD);
    await loginForm(page).getByText('The sign-in details are not correct.').waitFor();
    await signIn(page, username, NEW_PASSWORD);
    await atPath(page, '/dashboard');
    await expectSignedIn(page);
    await signOut(page);

    await page.goto(link as string);
    await form.getByLabel('New password', { exact: true }).fill(`${NEW_PASSWORD} again`);
    await form.getByLabel('Repeat new password', { exact: true }).fill(`${NEW_PASSWORD} again`);
    await form.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('This reset link is invalid, has expired or was already used.').waitFor();
    await expectAccessible(page, 'reset password (used link)');
    await screenshot(page, '04-forgot-password');
    await context.close();
  });

  it('5. forgot username: the reminder in the outbox names the user', async () => {
    const { username, email } = await newUser(server(), 'amnesiac');
    const context = await browser.newContext({ baseURL: server().url });
    const page = await newPage(context);
    await page.goto('/login');
    await loginForm(page).getByRole('button', { name: 'Forgot your username?' }).click();
    await atPath(page, '/forgot/username');
    await heading(page, 'Forgot username');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send my username' }).click();
    await page.getByText('If an account uses this email address, we have sent its username there.').waitFor();
    const { text } = await mailTo(server().outbox, email);
    expect(text).toContain(username);
    await screenshot(page, '05-forgot-username');
    await context.close();
  });

  it('6. wrong password repeatedly: a countdown appears and submit stays disabled until it ends', async () => {
    const { username } = await newUser(server(), 'unlucky');
    const context = await browser.newContext({ baseURL: server().url });
    const page = await newPage(context);
    await page.goto('/login');
    const form = loginForm(page);
    const submit = form.getByRole('button', { name: 'Sign in' });
    const timer = form.getByRole('timer');
    for (let attempt = 0; attempt < 10 && !(await timer.isVisible()); attempt += 1) {
      await signIn(page, username, `not the password ${String(attempt)}`);
      await expect.poll(async () => (await form.getAttribute('data-state')) !== 'submitting', { timeout: 10_000 }).toBe(true);
    }
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/Too many attempts\. You can try again in \d+ seconds?\./);
    expect(await submit.isDisabled()).toBe(true);
    await expectAccessible(page, 'login (rate limited)');
    await screenshot(page, '06-rate-limited-countdown');

    await expect.poll(() => submit.isDisabled(), { timeout: THROTTLE.identifier.windowMs + 3_000 }).toBe(false);
    await form.getByText('You can try again now.').waitFor();
    await signIn(page, username);
    await atPath(page, '/dashboard');
    await screenshot(page, '06-rate-limited-after');
    await context.close();
  });

  it('7. a regular user at /admin sees "not allowed"; an admin sees the page', async () => {
    const regular = await newUser(server(), 'regular');
    const admin = await newUser(server(), 'boss', ['admin']);
    const context = await browser.newContext({ baseURL: server().url });
    const page = await newPage(context);
    await page.goto('/admin');
    await atPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/admin');
    await signIn(page, regular.username);
    await atPath(page, '/admin');
    await heading(page, 'Not allowed');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await screenshot(page, '07-admin-not-allowed');
    await signOut(page);

    await page.goto('/login?returnTo=/admin');
    await signIn(page, admin.username);
    await atPath(page, '/admin');
    await heading(page, 'Administration');
    await page.getByRole('rowheader', { name: regular.username, exact: true }).waitFor();
    await expectAccessible(page, 'admin');
    await screenshot(page, '07-admin');
    await context.close();
  });

  it('10. keyboard only: sign in and sign out without the mouse', async () => {
    const { username } = await newUser(server(), 'typist');
    const context = await browser.newContext({ baseURL: server().url });
    const page = await newPage(context);
    await page.goto('/login?returnTo=/dashboard');
    await loginForm(page).waitFor();

    /** Presses Tab until the focused element matches, failing after 30 presses. */
    const tabTo = async (describe: string, matches: () => boolean) => {
      for (let presses = 0; presses < 30; presses += 1) {
        if (await page.evaluate(matches)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${describe}`);
    };
    await tabTo('the identifier field', () => document.activeElement?.getAttribute('autocomplete') === 'username');
    await page.keyboard.type(username);
    await tabTo('the password field', () => document.activeElement?.getAttribute('autocomplete') === 'current-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await atPath(page, '/dashboard');
    await expectSignedIn(page);

    await tabTo('the account menu button', () => document.activeElement?.getAttribute('aria-haspopup') === 'menu');
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    for (let presses = 0; presses < 5; presses += 1) {
      if (await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Sign out')) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Sign out');
    await page.keyboard.press('Enter');
    await expectSignedOut(page);
    await atPath(page, '/login');
    await expectAccessible(page, 'login after keyboard sign-out');
    await screenshot(page, '10-keyboard');
    await context.close();
  });
});
