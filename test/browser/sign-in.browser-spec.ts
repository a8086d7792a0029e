import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

const ROOT = join(import.meta.dirname, '..', '..');

let t: TestApp;
let base: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = await t.app.getUrl();
  base = base.replace('[::1]', '127.0.0.1');
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await t?.close();
});

/** Each visit gets its own browser profile, so no session carries over between apps or tests. */
async function open(path: string): Promise<Page> {
  const context = await launchBrowser();
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(`${base}${path}`);
  return page;
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('each app signs in against the API in Chromium', () => {
  it('portal: a customer signs in and sees their name', async () => {
    const c = await makeCustomer(t, 'Pat Portal');
    const page = await open('/sign-in');
    await signIn(page, c.email, c.password);
    await expect(page.getByTestId('current-user').textContent({ timeout: 10_000 })).resolves.toContain('Pat Portal');
    await page.close();
  });

  it('admin: a wrong password shows the problem, the admin then signs in and sees the staff list', async () => {
    const page = await open('/admin/');
    await signIn(page, 'admin@test.local', 'not-the-password');
    await expect(page.getByRole('alert').textContent({ timeout: 10_000 })).resolves.toContain(
      'The email or password is wrong.',
    );
    await signIn(page, 'admin@test.local', 'admin-password-123');
    await expect(page.getByTestId('current-user').textContent({ timeout: 10_000 })).resolves.toContain('Administrator');
    await page.getByRole('link', { name: 'Staff' }).click();
    await expect(page.getByText('admin@test.local').first().textContent({ timeout: 10_000 })).resolves.toContain(
      'admin@test.local',
    );
    await page.close();
  });

  it('box office: box-office staff sign in', async () => {
    const s = await makeStaff(t, ['box_office']);
    const page = await open('/box-office/');
    await signIn(page, s.email, s.password);
    await expect(page.getByTestId('current-user').textContent({ timeout: 10_000 })).resolves.toContain(
      'Staff box_office',
    );
    await page.close();
  });

  it('scanner: scanner staff sign in', async () => {
    const s = await makeStaff(t, ['scanner']);
    const page = await open('/scanner/');
    await signIn(page, s.email, s.password);
    await expect(page.getByTestId('current-user').textContent({ timeout: 10_000 })).resolves.toContain('Staff scanner');
    await page.close();
  });

  it('admin: a customer is told the console is for staff', async () => {
    const c = await makeCustomer(t, 'Not Staff');
    const page = await open('/admin/');
    await signIn(page, c.email, c.password);
    await expect(page.getByText('This console is for staff').textContent({ timeout: 10_000 })).resolves.toContain(
      'for staff',
    );
    await page.close();
  });

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
