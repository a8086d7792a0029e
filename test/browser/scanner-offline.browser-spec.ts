import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { eventually, launchBrowser } from '../support/browser.js';
import { auth, makeEvent, makeSection, makeTicketType, makeVenue, publish } from '../support/factories.js';
import { buyWithSandbox } from './checkout.fixtures.js';

// A scanner that went offline is reloaded (the service worker brings the app back) and checks
// tickets from its stored data: the gate's zone and blocks through the downloaded ticket list.

const ROOT = join(import.meta.dirname, '..', '..');
const SUFFIX = Date.now().toString(36);
const EVENT = `Offline Night ${SUFFIX}`;
const GATE = 'Floor gate';
const HOLDER = 'Robin Holder';

/** This project compiles without the DOM typings; page-side callbacks cast `globalThis` to this. */
interface PageGlobals {
  localStorage: { getItem(key: string): string | null };
  navigator: { serviceWorker: { controller: unknown; ready: Promise<unknown> } };
}

interface PageCaches {
  caches: {
    keys(): Promise<string[]>;
    open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }>;
  };
}

interface PageIndexedDb {
  indexedDB: {
    open(name: string): {
      result: {
        transaction(
          stores: string[],
          mode: 'readonly',
        ): { objectStore(name: string): { count(): { result: number } }; oncomplete: () => void };
        close(): void;
      };
      onsuccess: () => void;
      onerror: () => void;
    };
  };
}

interface PurchasedTicket {
  id: string;
  code: string | null;
}

let t: TestApp;
let base: string;
let manager: string;
let customer: Awaited<ReturnType<typeof makeCustomer>>;
let eventId = '';
let gateId = '';
let standingTypeId = '';
let scanner: Awaited<ReturnType<typeof makeStaff>>;
/** Standing tickets: one to admit, one blocked before the list is downloaded, one after. */
let valid: PurchasedTicket;
let blockedInList: PurchasedTicket;
let blockedLater: PurchasedTicket;
/** A VIP seat: its access level is not the floor zone's. */
let vip: PurchasedTicket;
let vipSeat = '';
/** Bought after the list was downloaded. */
let soldLater: PurchasedTicket;
let context: BrowserContext | null = null;
let page: Page;
const pageErrors: string[] = [];

async function buy(what: Record<string, unknown>): Promise<PurchasedTicket[]> {
  const purchase = (await buyWithSandbox(t, customer.accessToken, { eventId, ...what })) as unknown as {
    tickets: PurchasedTicket[];
  };
  return purchase.tickets;
}

async function block(ticket: PurchasedTicket, reason: string) {
  const res = await t.http().post(`/api/issued-tickets/${ticket.id}/block`).set(auth(manager)).send({ reason });
  if (res.status !== 200) throw new Error(`block: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  manager = (await makeStaff(t, ['event_manager'])).accessToken;

  const venue = await makeVenue(t, manager, { name: `${EVENT} hall` });
  const section = await makeSection(t, manager, venue.id, { name: 'Balcony' });
  const seats = await t
    .http()
    .post(`/api/venues/${venue.id}/sections/${section.id}/seats/generate`)
    .set(auth(manager))
    .send({ rows: 1, seatsPerRow: 2 });
  if (seats.status !== 201) throw new Error(`generate seats: ${seats.status} ${JSON.stringify(seats.body)}`);
  const event = await makeEvent(t, manager, { name: EVENT, venueId: venue.id });
  eventId = event.id;
  standingTypeId = (await makeTicketType(t, manager, eventId, { name: 'Standing', accessLevel: 'general' })).id;
  const vipTypeId = (
    await makeTicketType(t, manager, eventId, {
      name: 'VIP lounge',
      accessLevel: 'vip',
      price: 9000,
      capacity: undefined,
      sectionIds: [section.id],
    })
  ).id;
  await publish(t, manager, eventId);
  const [seat] = (await t.db.query(
    'SELECT id, row, label FROM seats WHERE section_id = $1 ORDER BY row, label LIMIT 1',
    [section.id],
  )) as { id: string; row: string; label: string }[];
  vipSeat = `Section Balcony · Row ${seat.row} · Seat ${seat.label}`;

  const zone = await t
    .http()
    .post(`/api/events/${eventId}/zones`)
    .set(auth(manager))
    .send({ name: 'Floor', accessLevels: ['general'] });
  if (zone.status !== 201) throw new Error(`zone: ${zone.status} ${JSON.stringify(zone.body)}`);
  const gate = await t
    .http()
    .post(`/api/events/${eventId}/gates`)
    .set(auth(manager))
    .send({ name: GATE, zoneId: (zone.body as { id: string }).id });
  if (gate.status !== 201) throw new Error(`gate: ${gate.status} ${JSON.stringify(gate.body)}`);
  gateId = (gate.body as { id: string }).id;

  customer = await makeCustomer(t, HOLDER);
  const standing = await buy({ items: [{ ticketTypeId: standingTypeId, quantity: 3 }] });
  const vips = await buy({ seats: [{ seatId: seat.id, ticketTypeId: vipTypeId }] });
  if (standing.length !== 3 || vips.length !== 1) throw new Error('unexpected purchases');
  [valid, blockedInList, blockedLater] = standing;
  vip = vips[0];
  await block(blockedInList, 'Chargeback under review');
  scanner = await makeStaff(t, ['scanner']);

  context = await launchBrowser();
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 90_000);

afterAll(async () => {
  await context?.close();
  await t?.close();
});

function code(ticket: PurchasedTicket): string {
  if (!ticket.code) throw new Error(`ticket ${ticket.id} has no code`);
  return ticket.code;
}

const visible = (locator: Locator, timeout?: number) => locator.waitFor({ state: 'visible', timeout });
const indicator = () => page.getByTestId('offline-indicator');
const ticketList = () => page.getByTestId('ticket-list');
const heading = () => page.getByRole('heading', { name: EVENT, level: 1 });

/** The verdict panel for this ticket showing exactly this result (and reason), once it appears. */
function verdict(ticket: PurchasedTicket, result: 'admitted' | 'rejected', reason?: string): Locator {
  const reasonSelector = reason ? `[data-reason="${reason}"]` : ':not([data-reason])';
  return page.locator(
    `[data-testid="scan-result"][data-result="${result}"][data-ticket-id="${ticket.id}"]${reasonSelector}`,
  );
}

async function checkCode(value: string) {
  await page.getByLabel('Ticket code', { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Check code' }).click();
}

/** The verdict's text, read at once (a green verdict clears itself after a few seconds). */
async function shown(locator: Locator) {
  await visible(locator);
  return locator.evaluate((el) => ({
    offline: el.getAttribute('data-offline'),
    text: el.textContent ?? '',
  }));
}

const controlled = () =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null);

const logsFor = async (ticketId: string) =>
  (
    (await t.db.query(
      `SELECT result, reason, gate_id AS "gateId" FROM validation_logs WHERE ticket_id = $1 ORDER BY id`,
      [ticketId],
    )) as { result: string; reason: string | null; gateId: string | null }[]
  ).map((l) => [l.result, l.reason, l.gateId]);

const checkInsFor = async (ticketId: string) =>
  ((await t.db.query('SELECT state FROM check_ins WHERE ticket_id = $1', [ticketId])) as { state: string }[]).map(
    (c) => c.state,
  );

describe('scanner offline: reload without a connection, zone and block checks from the ticket list', () => {
  it('a scanner picks the gate and turns on the ticket list; it is downloaded with the other offline data', async () => {
    await page.goto(`${base}/scanner/`, { timeout: 30_000 });
    await page.getByLabel('Email', { exact: true }).fill(scanner.email);
    await page.getByLabel('Password', { exact: true }).fill(scanner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: EVENT }).click();
    await page.waitForURL(`${base}/scanner/scan/${eventId}`);
    await visible(heading());
    const gate = page.getByLabel('Gate', { exact: true });
    await eventually(
      () => gate.locator('option').allTextContents(),
      (v) => expect(v).toContain(`${GATE} · Floor`),
    );
    await gate.selectOption({ label: `${GATE} · Floor` });
    await eventually(
      () => page.getByTestId('offline-data').getAttribute('data-ready'),
      (v) => expect(v).toBe('true'),
    );

    // Off until turned on for this event.
    const setting = page.getByLabel('Download ticket list for offline checks', { exact: true });
    expect(await setting.isChecked()).toBe(false);
    expect(await ticketList().count()).toBe(0);
    await setting.check();
    await eventually(
      () => ticketList().getAttribute('data-tickets'),
      (v) => expect(v).toBe('4'),
    );
    const summary = (await ticketList().textContent()) ?? '';
    expect(summary).toContain('Ticket list: 4 tickets');
    expect(summary).toContain('1 blocked');
    expect(summary).toContain('just now');

    // The setting is kept per event on the device.
    expect(
      await page.evaluate(
        (id) => (globalThis as unknown as PageGlobals).localStorage.getItem(`tessera.scanner.ticket-list.${id}`),
        eventId,
      ),
    ).toBe('true');
  }, 90_000);

  it('the service worker takes over the page, and keeps the app for a reload', async () => {
    await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.ready.then(() => true));
    await eventually(controlled, (v) => expect(v).toBe(true));
  }, 30_000);

  it('a ticket blocked after the download, and one sold after it, reach the device without a new list', async () => {
    await block(blockedLater, 'Suspected fraud');
    [soldLater] = await buy({ items: [{ ticketTypeId: standingTypeId, quantity: 1 }] });
    // Opening the page again refreshes keys, revocations and blocked ids; the list is still fresh.
    await page.reload();
    await visible(heading());
    await eventually(
      () => page.getByTestId('offline-data').textContent(),
      (v) => expect(v).toContain('2 blocked'),
    );
    await eventually(
      () => ticketList().textContent(),
      (v) => expect(v).toContain('Ticket list: 4 tickets'),
    );
  }, 30_000);

  it('offline, the reloaded page still opens the scan page for the event at the same gate', async () => {
    if (!context) throw new Error('no browser');
    await context.setOffline(true);
    await page.reload();
    await visible(heading());
    expect(await controlled()).toBe(true);
    await visible(page.getByTestId('offline-session'));
    await eventually(
      () => page.getByLabel('Gate', { exact: true }).inputValue(),
      (v) => expect(v).toBe(gateId),
    );
    await eventually(
      () => indicator().getAttribute('data-online'),
      (v) => expect(v).toBe('false'),
    );
    expect(await indicator().textContent()).toBe('Offline · 0 queued');
    expect(await ticketList().getAttribute('data-tickets')).toBe('4');

    // The worker keeps the app shell only; API answers are never stored by it.
    const cached = await page.evaluate(async () => {
      const { caches } = globalThis as unknown as PageCaches;
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
    expect(cached).toContain('/scanner/index.html');
    expect(cached.some((p) => /^\/scanner\/assets\/index-[\w-]+\.js$/.test(p))).toBe(true);
    expect(cached.every((p) => p.startsWith('/scanner/'))).toBe(true);
  }, 30_000);

  it('offline, a VIP ticket at the floor gate is refused as zone_denied, with its type from the list', async () => {
    await checkCode(code(vip));
    const panel = await shown(verdict(vip, 'rejected', 'zone_denied'));
    expect(panel.offline).toBe('true');
    expect(panel.text).toContain('REJECTED (offline)');
    expect(panel.text).toContain('does not give access to this zone');
    expect(panel.text).toContain('Ticket typeVIP lounge');
    expect(panel.text).toContain(`Seat${vipSeat}`);
    expect(panel.text).toContain(`Holder${HOLDER}`);
    expect(await indicator().textContent()).toBe('Offline · 1 queued');
  }, 30_000);

  it('offline, tickets blocked in the list and after it are refused as blocked', async () => {
    await checkCode(code(blockedInList));
    const first = await shown(verdict(blockedInList, 'rejected', 'blocked'));
    expect(first.offline).toBe('true');
    expect(first.text).toContain('This ticket is blocked');
    expect(first.text).toContain('Ticket typeStanding');

    await checkCode(code(blockedLater));
    const second = await shown(verdict(blockedLater, 'rejected', 'blocked'));
    expect(second.offline).toBe('true');
    expect(await indicator().textContent()).toBe('Offline · 3 queued');
  }, 30_000);

  it('offline, a valid ticket is admitted with its type, seat and holder from the list', async () => {
    await checkCode(code(valid));
    const panel = await shown(verdict(valid, 'admitted'));
    expect(panel.offline).toBe('true');
    expect(panel.text).toContain('ADMITTED (offline)');
    for (const part of ['Ticket typeStanding', 'SeatGeneral admission', `Holder${HOLDER}`]) {
      expect(panel.text).toContain(part);
    }
    expect(panel.text).not.toContain('Not in the downloaded list');
    expect(await indicator().textContent()).toBe('Offline · 4 queued');
  }, 30_000);

  it('offline, a ticket sold after the download is admitted on its signed code, marked as not in the list', async () => {
    await checkCode(code(soldLater));
    const panel = await shown(verdict(soldLater, 'admitted'));
    expect(panel.offline).toBe('true');
    expect(panel.text).toContain('Not in the downloaded list');
    expect(panel.text).not.toContain('Ticket type');
    expect(await indicator().textContent()).toBe('Offline · 5 queued');

    // Nothing reached the API while offline.
    for (const ticket of [vip, blockedInList, blockedLater, valid, soldLater])
      expect(await logsFor(ticket.id)).toEqual([]);
  }, 30_000);

  it('back online, the queue is uploaded: the two admitted tickets are in, the refused ones are logged only', async () => {
    if (!context) throw new Error('no browser');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await eventually(
      () => indicator().textContent(),
      (v) => expect(v).toBe('Online · 0 queued'),
    );
    const stored = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).localStorage.getItem('tessera.scanner.offline-queue'),
    );
    expect(JSON.parse(stored ?? 'null')).toEqual([]);
    expect(await page.getByTestId('sync-status').getAttribute('data-uploaded')).toBe('5');

    expect(await logsFor(vip.id)).toEqual([['rejected', 'zone_denied', gateId]]);
    expect(await logsFor(blockedInList.id)).toEqual([['rejected', 'blocked', gateId]]);
    expect(await logsFor(blockedLater.id)).toEqual([['rejected', 'blocked', gateId]]);
    expect(await logsFor(valid.id)).toEqual([['admitted', null, gateId]]);
    expect(await logsFor(soldLater.id)).toEqual([['admitted', null, gateId]]);
    expect(await checkInsFor(valid.id)).toEqual(['in']);
    expect(await checkInsFor(soldLater.id)).toEqual(['in']);
    for (const ticket of [vip, blockedInList, blockedLater]) expect(await checkInsFor(ticket.id)).toEqual([]);

    // Online again, the session is checked and the offline notice is gone.
    await eventually(
      () => page.getByTestId('offline-session').count(),
      (v) => expect(v).toBe(0),
    );
  }, 30_000);

  it('turning the setting off deletes the stored list from the device', async () => {
    await page.getByLabel('Download ticket list for offline checks', { exact: true }).uncheck();
    expect(await ticketList().count()).toBe(0);
    const stored = () =>
      page.evaluate(
        () =>
          new Promise<number[]>((resolve, reject) => {
            const open = (globalThis as unknown as PageIndexedDb).indexedDB.open('tessera-scanner');
            open.onerror = () => reject(new Error('indexedDB.open failed'));
            open.onsuccess = () => {
              const tx = open.result.transaction(['ticket-lists', 'tickets'], 'readonly');
              const lists = tx.objectStore('ticket-lists').count();
              const tickets = tx.objectStore('tickets').count();
              tx.oncomplete = () => {
                open.result.close();
                resolve([lists.result, tickets.result]);
              };
            };
          }),
      );
    await eventually(stored, (v) => expect(v).toEqual([0, 0]));
  }, 30_000);

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
