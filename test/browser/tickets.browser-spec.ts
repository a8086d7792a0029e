import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jsQRModule from 'jsqr';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { eventually, launchBrowser, signIn } from '../support/browser.js';
import { decodePdfQrs } from '../support/pdf-qr.js';
import { buyWithSandbox, makeCheckoutEvent } from './checkout.fixtures.js';

/** jsqr is CommonJS whose `module.exports` is the function itself, while its typings declare a default export. */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

const ROOT = join(import.meta.dirname, '..', '..');
const SUFFIX = Date.now().toString(36);
const EVENT = `Ticket Night ${SUFFIX}`;
const TICKETS_CACHE = 'tessera-portal-tickets-v1';

/**
 * The few browser globals the page-side callbacks read. This project compiles without the DOM
 * typings, so each callback casts `globalThis` to what it uses.
 */
interface PageGlobals {
  document: { fullscreenElement: { getAttribute(name: string): string | null } | null };
  navigator: { serviceWorker: { controller: unknown; ready: Promise<unknown> } };
  caches: {
    open(name: string): Promise<{
      keys(): Promise<{ url: string }[]>;
      match(url: string): Promise<{ json(): Promise<unknown> } | undefined>;
    }>;
  };
  fetch(url: string): Promise<{
    status: number;
    headers: { get(name: string): string | null };
    text(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
  }>;
  btoa(data: string): string;
}

interface PurchasedTicket {
  id: string;
  code: string | null;
  status: string;
}
interface Purchase {
  id: string;
  tickets: PurchasedTicket[];
}

let t: TestApp;
let base: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let eventId = '';
let gaTypeId = '';
let customer: Awaited<ReturnType<typeof makeCustomer>>;
let recipient: Awaited<ReturnType<typeof makeCustomer>>;
let purchase: Purchase;
let customerPage: Page | null = null;

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const manager = (await makeStaff(t, ['event_manager'])).accessToken;
  ({ eventId, gaTypeId } = await makeCheckoutEvent(t, manager, EVENT));
  customer = await makeCustomer(t, 'Morgan Holder');
  recipient = await makeCustomer(t, 'Jamie Friend');
  purchase = (await buyWithSandbox(t, customer.accessToken, {
    eventId,
    items: [{ ticketTypeId: gaTypeId, quantity: 2 }],
  })) as unknown as Purchase;
}, 90_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await t?.close();
});

/** Each actor gets its own browser profile, so no session or service worker carries over. */
async function open(path: string): Promise<Page> {
  const context = await launchBrowser();
  contexts.push(context);
  // Headless Chromium can crash printing a PDF frame; the app's call to print() is what matters here.
  await context.addInitScript(() => {
    (globalThis as unknown as { print: () => void }).print = () => undefined;
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  // Generous for the first load, which reads the built app and warms the database pool.
  await page.goto(`${base}${path}`, { timeout: 30_000 });
  return page;
}

const text = async (locator: Locator) => (await locator.textContent({ timeout: 15_000 })) ?? '';
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });

function code(ticket: PurchasedTicket): string {
  if (!ticket.code) throw new Error(`ticket ${ticket.id} has no code`);
  return ticket.code;
}

const card = (page: Page, ticketId: string) =>
  page.locator(`[data-testid="ticket-card"][data-ticket-id="${ticketId}"]`);

/** What a phone camera at the gate would read from the QR image on the page. */
async function decodeQrImage(page: Page): Promise<string | null> {
  const img = page.getByTestId('ticket-qr');
  await visible(img);
  const src = (await img.getAttribute('src')) ?? '';
  const match = /^data:image\/png;base64,(.+)$/.exec(src);
  if (!match) throw new Error(`the QR image is not a PNG data URL: ${src.slice(0, 40)}`);
  const png = PNG.sync.read(Buffer.from(match[1], 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const fullscreenTestId = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as PageGlobals).document.fullscreenElement?.getAttribute('data-testid') ??
      'not full screen',
  );

/** The ticket list the service worker saved for offline use (null until it saved one). */
const savedTicketIds = (page: Page) =>
  page.evaluate(async (cacheName) => {
    const w = globalThis as unknown as PageGlobals;
    const cache = await w.caches.open(cacheName);
    const key = (await cache.keys()).find((k) => new URL(k.url).pathname === '/api/me/tickets');
    const saved = key ? await cache.match(key.url) : undefined;
    if (!saved) return null;
    const body = (await saved.json()) as { items: { id: string }[] };
    return body.items.map((i) => i.id).sort();
  }, TICKETS_CACHE);

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  const rows = (await t.db.query(sql, params)) as T[];
  if (!rows[0]) throw new Error(`no row for ${sql}`);
  return rows[0];
}

describe('tickets: the portal shows, saves and transfers them; the box office prints them', () => {
  it('the purchase made through the API issued 2 valid GA tickets with codes', () => {
    expect(purchase.tickets).toHaveLength(2);
    for (const ticket of purchase.tickets) {
      expect(ticket.status).toBe('valid');
      expect(code(ticket).length).toBeGreaterThan(10);
    }
    expect(code(purchase.tickets[0])).not.toBe(code(purchase.tickets[1]));
  });

  it('portal: My tickets lists both tickets; a ticket shows a QR of its code, full screen and back', async () => {
    const page = await open('/sign-in?next=/tickets');
    customerPage = page;
    await signIn(page, customer.email, customer.password);
    await page.waitForURL(`${base}/tickets`);
    await visible(page.getByRole('heading', { name: 'My tickets', level: 1 }));
    const list = page.getByRole('list', { name: `Tickets for ${EVENT}` });
    await visible(list);
    const cards = list.getByTestId('ticket-card');
    await eventually(
      () => cards.count(),
      (v) => expect(v).toBe(2),
    );
    const listed = await cards.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-ticket-id'), el.getAttribute('data-status')]),
    );
    expect(listed.sort()).toEqual(purchase.tickets.map((x) => [x.id, 'valid']).sort());

    const [first] = purchase.tickets;
    await card(page, first.id).getByRole('link', { name: 'Standing' }).click();
    await page.waitForURL(`${base}/tickets/${first.id}`);
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));
    expect(await decodeQrImage(page)).toBe(code(first));
    expect(await page.getByTestId('ticket-qr').getAttribute('alt')).toBe(
      `QR code for ticket ${first.id.slice(0, 8).toUpperCase()}`,
    );

    // Full screen for the gate: the frame around the code takes the screen, "Close" gives it back.
    expect(await fullscreenTestId(page)).toBe('not full screen');
    await page.getByRole('button', { name: 'Full screen' }).click();
    await eventually(
      () => fullscreenTestId(page),
      (v) => expect(v).toBe('ticket-qr-frame'),
    );
    const frame = page.getByTestId('ticket-qr-frame');
    await visible(frame.getByText('Turn your screen brightness all the way up for the scanner.'));
    await frame.getByRole('button', { name: 'Close' }).click();
    await eventually(
      () => fullscreenTestId(page),
      (v) => expect(v).toBe('not full screen'),
    );
    await frame.getByRole('button', { name: 'Close' }).waitFor({ state: 'detached' });
    expect(await decodeQrImage(page)).toBe(code(first));
  }, 120_000);

  it('portal: "Download PDF" saves a PDF whose QR is the ticket code', async () => {
    const page = customerPage;
    if (!page) throw new Error('Needs the signed-in customer of the previous step');
    const [first] = purchase.tickets;
    expect(page.url()).toBe(`${base}/tickets/${first.id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tessera-ticket-${first.id.slice(0, 8)}.pdf`);
    const path = await download.path();
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await decodePdfQrs(pdf)).toEqual([code(first)]);
  }, 60_000);

  it('portal: offline, the saved list and a ticket QR still show', async () => {
    const page = customerPage;
    if (!page) throw new Error('Needs the signed-in customer of the previous step');
    const [first, second] = purchase.tickets;
    const context = page.context();

    // The worker registers on load; once it controls the page, the list it passes on is saved.
    await page.goto(`${base}/tickets`);
    await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.ready.then(() => true));
    const controlled = () =>
      page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null);
    if (!(await controlled())) await page.reload();
    await eventually(controlled, (v) => expect(v).toBe(true), 15_000);
    await page.reload();
    await eventually(
      () => page.getByTestId('ticket-card').count(),
      (v) => expect(v).toBe(2),
    );
    await eventually(
      () => savedTicketIds(page),
      (v) => expect(v).toEqual([first.id, second.id].sort()),
      15_000,
    );

    await context.setOffline(true);
    try {
      await page.reload();
      const banner = page.getByTestId('offline-banner');
      await visible(banner);
      expect(await text(banner.locator('.ts-alert__title'))).toBe('Offline — showing saved tickets');
      const cards = page.getByRole('list', { name: `Tickets for ${EVENT}` }).getByTestId('ticket-card');
      await eventually(
        () => cards.count(),
        (v) => expect(v).toBe(2),
      );
      expect(await card(page, first.id).getAttribute('data-status')).toBe('valid');
      expect(await card(page, second.id).getAttribute('data-status')).toBe('valid');

      // The ticket itself comes from the saved list: its QR is drawn on the phone.
      await card(page, second.id).getByRole('link', { name: 'Standing' }).click();
      await page.waitForURL(`${base}/tickets/${second.id}`);
      expect(await decodeQrImage(page)).toBe(code(second));
      await visible(page.getByTestId('offline-banner'));
      await visible(page.getByText('Downloading, emailing and transferring the ticket need a connection.'));
      expect(await page.getByRole('button', { name: 'Download PDF' }).count()).toBe(0);
    } finally {
      await context.setOffline(false);
    }
    // Back online, the ticket loads from the API again, with its actions and no offline notice.
    await page.reload();
    await visible(page.getByRole('button', { name: 'Download PDF' }));
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
  }, 120_000);

  it('portal: transferring a ticket revokes it and issues a new one to the recipient', async () => {
    const page = customerPage;
    if (!page) throw new Error('Needs the signed-in customer of the previous step');
    const [first, second] = purchase.tickets;
    await page.goto(`${base}/tickets/${first.id}`);
    await visible(page.getByTestId('ticket-qr'));
    await page.getByRole('button', { name: 'Transfer' }).click();
    await page.getByLabel("Recipient's email", { exact: true }).fill(recipient.email);
    await page.getByRole('button', { name: 'Review transfer' }).click();
    await visible(page.getByText(`Transfer this ticket to ${recipient.email}?`));
    await page.getByRole('button', { name: 'Confirm transfer' }).click();

    await page.waitForURL((url) => url.pathname === '/tickets');
    expect(new URL(page.url()).searchParams.get('transferred')).toBe(recipient.email);
    await visible(page.getByText(`Ticket transferred to ${recipient.email}`));
    await eventually(
      () => card(page, first.id).getAttribute('data-status'),
      (v) => expect(v).toBe('revoked'),
    );
    expect(await card(page, first.id).getByRole('link').count()).toBe(0);
    expect(await card(page, second.id).getAttribute('data-status')).toBe('valid');

    const old = await one<{ status: string; revoked_reason: string; holder_id: string }>(
      'SELECT status, revoked_reason, holder_id FROM issued_tickets WHERE id = $1',
      [first.id],
    );
    expect(old).toEqual({ status: 'revoked', revoked_reason: 'transferred', holder_id: customer.user.id });
    const successors = (await t.db.query(
      'SELECT status, holder_id, holder_email, code, purchase_id FROM issued_tickets WHERE replaces_id = $1',
      [first.id],
    )) as { status: string; holder_id: string; holder_email: string; code: string; purchase_id: string }[];
    expect(successors).toHaveLength(1);
    expect(successors[0]).toMatchObject({
      status: 'valid',
      holder_id: recipient.user.id,
      holder_email: recipient.email,
      purchase_id: purchase.id,
    });
    expect(successors[0].code).not.toBe(code(first));
    const untouched = await one<{ status: string }>('SELECT status FROM issued_tickets WHERE id = $1', [second.id]);
    expect(untouched.status).toBe('valid');
  }, 120_000);

  it('portal: the web app manifest loads from the page origin and its icons load', async () => {
    const page = customerPage;
    if (!page) throw new Error('Needs the customer page of the previous steps');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    const answer = await page.evaluate(async () => {
      const res = await (globalThis as unknown as PageGlobals).fetch('/manifest.webmanifest');
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    });
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/manifest\+json/);
    const manifest = JSON.parse(answer.body) as {
      name: string;
      start_url: string;
      display: string;
      scope: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Tessera tickets',
      start_url: '/tickets',
      display: 'standalone',
      scope: '/',
    });
    expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of manifest.icons) {
      const got = await page.evaluate(async (src) => {
        const w = globalThis as unknown as PageGlobals;
        const res = await w.fetch(src);
        const bytes = new Uint8Array(await res.arrayBuffer());
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          base64: w.btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')),
        };
      }, icon.src);
      expect({ src: icon.src, status: got.status }).toEqual({ src: icon.src, status: 200 });
      expect(got.type?.split(';')[0]).toBe(icon.type);
      const body = Buffer.from(got.base64, 'base64');
      if (icon.type === 'image/png') {
        // A declared size the image does not have makes the install prompt skip the icon.
        const png = PNG.sync.read(body);
        expect(`${png.width}x${png.height}`).toBe(icon.sizes);
      } else {
        expect(body.toString('utf8')).toContain('<svg');
      }
    }
  }, 60_000);

  it('box office: a clerk sells 2 GA tickets for cash and prints them on the thermal layout', async () => {
    const clerk = await makeStaff(t, ['box_office']);
    // Headless Chromium's print() returns at once, so the page prints as it would at the counter.
    const page = await open(`/box-office/?event=${eventId}`);
    await signIn(page, clerk.email, clerk.password);
    await page.getByRole('button', { name: 'More Standing' }).click();
    await page.getByRole('button', { name: 'More Standing' }).click();
    expect(await text(page.getByTestId('sale-total'))).toBe('€50.00');
    await page.getByLabel('Amount tendered', { exact: true }).fill('50');
    await page.getByRole('button', { name: 'Complete sale' }).click();
    await visible(page.getByText('Sale complete'));
    expect(await page.getByRole('list', { name: 'Tickets sold' }).getByRole('listitem').count()).toBe(2);

    const sale = await one<{ id: string }>(
      `SELECT id FROM ticket_purchases WHERE event_id = $1 AND channel = 'box_office' AND sold_by = $2`,
      [eventId, clerk.id],
    );
    const codes = (
      (await t.db.query('SELECT code FROM issued_tickets WHERE purchase_id = $1', [sale.id])) as { code: string }[]
    )
      .map((r) => r.code)
      .sort();
    expect(codes).toHaveLength(2);

    // Chromium keeps no copy of a body the page reads as a Blob, so the answer is captured on its
    // way through (fetched from the API and handed on unchanged).
    const pdfUrl = `${base}/api/purchases/${sale.id}/tickets.pdf?layout=thermal`;
    const bodies: Buffer[] = [];
    await page.route(pdfUrl, async (route) => {
      const answer = await route.fetch();
      bodies.push(await answer.body());
      await route.fulfill({ response: answer });
    });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === pdfUrl && r.request().method() === 'GET'),
      page.getByRole('button', { name: 'Print tickets' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(bodies).toHaveLength(1);
    expect(bodies[0].length).toBe(Number(response.headers()['content-length']));
    const qrs = await decodePdfQrs(bodies[0]);
    expect([...qrs].sort()).toEqual(codes);

    const status = page.getByTestId('print-status');
    await eventually(
      () => text(status),
      (v) => expect(v).toBe('Print dialog opened: choose the ticket printer.'),
    );
    expect(await page.getByText('The tickets could not be printed').count()).toBe(0);
  }, 120_000);

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
