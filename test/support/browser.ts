import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium driven by playwright-core; never a downloaded browser. */
export async function launchBrowser(extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tessera-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Fills the shared sign-in form (libs/ui) and submits it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Reads `read` until `check` accepts the value; on timeout the last failure is thrown. Reads that
 * throw (a page navigating under an evaluate) are retried too.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let failure: unknown;
    try {
      const value = await read();
      check(value);
      return value;
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Pages each opened in a browser profile of its own, so no session carries over; what pages throw is kept. */
export class Visits {
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  async open(base: string, path: string): Promise<Page> {
    const context = await launchBrowser();
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => this.pageErrors.push(`${path}: ${e.message}`));
    await page.goto(`${base}${path}`);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}

export const text = async (locator: Locator): Promise<string> => (await locator.textContent({ timeout: 15_000 })) ?? '';
export const visible = (locator: Locator): Promise<void> => locator.waitFor({ state: 'visible' });
