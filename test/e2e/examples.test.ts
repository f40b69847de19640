// The quickstart and headless examples, built and served by the reference server, work in Chromium:
// each one's main flow end to end, axe on every state visited, a screenshot of the end.
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildExample, expectAccessible, launchBrowser, mailTo, screenshot, startServer } from './harness.js';
import type { TestServer } from './harness.js';

const PASSWORD = 'plum kettle orbit 7 lanterns';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Builds `examples/<name>` and serves it; closes both after the describe block. */
function served(name: string): () => TestServer {
  let app = '';
  let server: TestServer | null = null;
  beforeAll(async () => {
    app = await buildExample(name);
    server = await startServer(app);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(app, { recursive: true, force: true });
  });
  return () => server as TestServer;
}

describe('examples/quickstart', () => {
  const server = served('quickstart');

  it('signs in with the LoginForm; the header shows the user and signs out', async () => {
    await server().addUser({ username: 'quinn', password: PASSWORD, name: 'Quinn' });
    const page = await browser.newPage({ baseURL: server().url });
    await page.goto('/');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.waitFor();
    await expectAccessible(page, 'quickstart signed out');
    await form.getByLabel('Username or email', { exact: true }).fill('quinn');
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Hello, Quinn. You are signed in.').waitFor();
    await expectAccessible(page, 'quickstart signed in');
    await page.reload();
    await page.getByText('Hello, Quinn. You are signed in.').waitFor();

    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await form.waitFor();
    await screenshot(page, 'example-quickstart');
    await page.close();
  });
});

describe('examples/headless', () => {
  const server = served('headless');

  it('registers, signs out, resets the password from the mailed link and signs in with it, on hooks only', async () => {
    const page = await browser.newPage({ baseURL: server().url });
    await page.goto('/');
    const register = page.getByRole('form', { name: 'Create an account' });
    await register.waitFor();
    await expectAccessible(page, 'headless signed out');
    await register.getByLabel('Username').fill('hedy');
    await register.getByLabel('Email').fill('hedy@example.com');
    await register.getByLabel('Password').fill(PASSWORD);
    await register.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Signed in as hedy.').waitFor();
    await expectAccessible(page, 'headless signed in');
    await page.getByRole('button', { name: 'Sign out' }).click();

    const forgot = page.getByRole('form', { name: 'Forgot your password?' });
    await forgot.getByLabel('Username or email').fill('hedy');
    await forgot.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If the account exists, a reset link is on its way.').waitFor();
    const { link } = await mailTo(server().outbox, 'hedy@example.com');
    await page.goto(link as string);
    const reset = page.getByRole('form', { name: 'Choose a new password' });
    await expectAccessible(page, 'headless reset');
    await reset.getByLabel('New password').fill(`${PASSWORD} renewed`);
    await reset.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('Password changed.').waitFor();

    await page.goto('/');
    const signIn = page.getByRole('form', { name: 'Sign in' });
    await signIn.getByLabel('Username or email').fill('hedy');
    await signIn.getByLabel('Password').fill(`${PASSWORD} renewed`);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as hedy.').waitFor();
    await screenshot(page, 'example-headless');
    await page.close();
  });
});
