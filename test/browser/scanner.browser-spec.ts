import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { eventually, launchBrowser } from '../support/browser.js';
import { auth } from '../support/factories.js';
import { buyWithSandbox, makeCheckoutEvent } from './checkout.fixtures.js';

const run = promisify(execFile);

const ROOT = join(import.meta.dirname, '..', '..');
const SUFFIX = Date.now().toString(36);
const EVENT = `Gate Night ${SUFFIX}`;
const GATE = 'North gate';
const NO_GATE = 'No gate (main entrance)';

/** This project compiles without the DOM typings; page-side callbacks cast `globalThis` to this. */
interface PageGlobals {
  localStorage: { getItem(key: string): string | null };
  navigator: { mediaDevices: { getUserMedia(constraints: unknown): Promise<unknown> } };
  DOMException: new (message: string, name: string) => Error;
}

interface PurchasedTicket {
  id: string;
  code: string | null;
}

let t: TestApp;
let base: string;
let eventId = '';
let gateId = '';
let scanner: Awaited<ReturnType<typeof makeStaff>>;
let tickets: [PurchasedTicket, PurchasedTicket];
let context: BrowserContext | null = null;
let page: Page;
const pageErrors: string[] = [];
const workDir = mkdtempSync(join(tmpdir(), 'tessera-scanner-'));

/** A camera that films ticket 1's QR: its PNG (as the portal would draw it), looped into a y4m. */
async function fakeCameraVideo(code: string): Promise<string> {
  const png = join(workDir, 'qr.png');
  const y4m = join(workDir, 'qr.y4m');
  await QRCode.toFile(png, code, { margin: 4, scale: 8 });
  await run('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-loop',
    '1',
    '-i',
    png,
    '-vf',
    'scale=440:440:flags=neighbor,pad=640:480:100:20:white,format=yuv420p',
    '-r',
    '10',
    '-t',
    '2',
    y4m,
  ]);
  if (statSync(y4m).size === 0) throw new Error('ffmpeg wrote an empty video');
  return y4m;
}

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const manager = (await makeStaff(t, ['event_manager'])).accessToken;
  const made = await makeCheckoutEvent(t, manager, EVENT);
  eventId = made.eventId;
  const gate = await t.http().post(`/api/events/${eventId}/gates`).set(auth(manager)).send({ name: GATE });
  if (gate.status !== 201) throw new Error(`gate: ${gate.status} ${JSON.stringify(gate.body)}`);
  gateId = (gate.body as { id: string }).id;
  const customer = await makeCustomer(t, 'Robin Holder');
  const purchase = (await buyWithSandbox(t, customer.accessToken, {
    eventId,
    items: [{ ticketTypeId: made.gaTypeId, quantity: 2 }],
  })) as unknown as { tickets: PurchasedTicket[] };
  if (purchase.tickets.length !== 2) throw new Error(`expected 2 tickets, got ${purchase.tickets.length}`);
  tickets = [purchase.tickets[0], purchase.tickets[1]];
  scanner = await makeStaff(t, ['scanner']);

  const video = await fakeCameraVideo(code(tickets[0]));
  context = await launchBrowser([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
    '--use-fake-ui-for-media-stream',
  ]);
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 90_000);

afterAll(async () => {
  await context?.close();
  await t?.close();
  rmSync(workDir, { recursive: true, force: true });
});

function code(ticket: PurchasedTicket): string {
  if (!ticket.code) throw new Error(`ticket ${ticket.id} has no code`);
  return ticket.code;
}

const visible = (locator: Locator, timeout?: number) => locator.waitFor({ state: 'visible', timeout });
const indicator = () => page.getByTestId('offline-indicator');

/** The verdict panel showing exactly this result (and reason), once it appears. */
function verdict(result: 'admitted' | 'rejected', reason?: string): Locator {
  const reasonSelector = reason ? `[data-reason="${reason}"]` : ':not([data-reason])';
  return page.locator(`[data-testid="scan-result"][data-result="${result}"]${reasonSelector}`);
}

async function checkCode(value: string) {
  await page.getByLabel('Ticket code', { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Check code' }).click();
}

const logsFor = async (ticketId: string) =>
  (await t.db.query(
    `SELECT result, reason, gate_id AS "gateId", direction, nonce IS NOT NULL AS "hasNonce"
       FROM validation_logs WHERE ticket_id = $1 ORDER BY id`,
    [ticketId],
  )) as { result: string; reason: string | null; gateId: string | null; direction: string; hasNonce: boolean }[];

describe('scanner: gate, camera, manual codes and offline scans', () => {
  it('a scanner signs in, picks the event, a gate and a direction; the choice is remembered', async () => {
    await page.goto(`${base}/scanner/`, { timeout: 30_000 });
    await page.getByLabel('Email', { exact: true }).fill(scanner.email);
    await page.getByLabel('Password', { exact: true }).fill(scanner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: EVENT }).click();
    await page.waitForURL(`${base}/scanner/scan/${eventId}`);
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));

    const gate = page.getByLabel('Gate', { exact: true });
    await eventually(
      () => gate.locator('option').allTextContents(),
      (v) => expect(v).toEqual([NO_GATE, GATE]),
    );
    expect(await gate.inputValue()).toBe('');
    const entry = page.getByRole('button', { name: 'Entry', exact: true });
    const exit = page.getByRole('button', { name: 'Exit', exact: true });
    expect(await entry.getAttribute('aria-pressed')).toBe('true');

    await gate.selectOption({ label: GATE });
    await exit.click();
    expect(await exit.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));
    await eventually(
      () => page.getByLabel('Gate', { exact: true }).inputValue(),
      (v) => expect(v).toBe(gateId),
    );
    expect(await exit.getAttribute('aria-pressed')).toBe('true');
    const saved = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).localStorage.getItem('tessera.scanner.station'),
    );
    expect(JSON.parse(saved ?? 'null')).toEqual({ eventId, eventName: EVENT, gateId, direction: 'exit' });
    await entry.click();
    expect(await entry.getAttribute('aria-pressed')).toBe('true');

    // Keys and revocations are on the device before any scan, ready for going offline.
    await eventually(
      () => page.getByTestId('offline-data').getAttribute('data-ready'),
      (v) => expect(v).toBe('true'),
    );
    expect(await indicator().textContent()).toBe('Online · 0 queued');
  }, 90_000);

  it('the camera reads ticket 1 and the API admits it at the gate', async () => {
    await page.getByRole('button', { name: 'Start camera' }).click();
    const admitted = verdict('admitted');
    await visible(admitted, 20_000);
    // Read at once: a green verdict clears itself after a few seconds.
    const panel = await admitted.evaluate((el) => ({
      ticketId: el.getAttribute('data-ticket-id'),
      offline: el.getAttribute('data-offline'),
      tone: el.getAttribute('class'),
      text: el.textContent ?? '',
    }));
    expect(panel).toMatchObject({
      ticketId: tickets[0].id,
      offline: 'false',
      tone: 'scan-result scan-result--admitted',
    });
    for (const shown of ['ADMITTED', 'Ticket typeStanding', 'SeatGeneral admission', 'HolderRobin Holder']) {
      expect(panel.text).toContain(shown);
    }
    await page.getByRole('button', { name: 'Stop camera' }).click();
    await visible(page.getByRole('button', { name: 'Start camera' }));

    // The same QR stays in front of the camera the whole time: it is read, and logged, once.
    const logs = await logsFor(tickets[0].id);
    expect(logs).toEqual([{ result: 'admitted', reason: null, gateId, direction: 'entry', hasNonce: true }]);
  }, 60_000);

  it('typing ticket 1 again is rejected as already used', async () => {
    await checkCode(code(tickets[0]));
    const rejected = verdict('rejected', 'already_used');
    await visible(rejected);
    expect(await rejected.getAttribute('data-offline')).toBe('false');
    expect(await rejected.textContent()).toContain('Already used');
    expect((await logsFor(tickets[0].id)).map((l) => [l.result, l.reason])).toEqual([
      ['admitted', null],
      ['rejected', 'already_used'],
    ]);
  }, 30_000);

  it('offline, ticket 2 is admitted on the device and queued; a second try is refused there', async () => {
    if (!context) throw new Error('no browser');
    await context.setOffline(true);
    await eventually(
      () => indicator().getAttribute('data-online'),
      (v) => expect(v).toBe('false'),
    );
    await checkCode(code(tickets[1]));
    const admitted = verdict('admitted');
    await visible(admitted);
    expect(await admitted.getAttribute('data-offline')).toBe('true');
    expect(await admitted.getAttribute('data-ticket-id')).toBe(tickets[1].id);
    expect(await admitted.locator('.scan-result__headline').textContent()).toBe('ADMITTED (offline)');
    expect(await admitted.getAttribute('class')).toContain('scan-result--warning');
    await eventually(
      () => indicator().textContent(),
      (v) => expect(v).toBe('Offline · 1 queued'),
    );

    await checkCode(code(tickets[1]));
    const refused = verdict('rejected', 'already_used');
    await visible(refused);
    expect(await refused.getAttribute('data-offline')).toBe('true');
    expect(await indicator().textContent()).toBe('Offline · 2 queued');

    // Nothing reached the API while offline.
    expect(await logsFor(tickets[1].id)).toEqual([]);
  }, 30_000);

  it('back online, "Sync now" uploads the queue: ticket 2 is checked in, no conflicts', async () => {
    if (!context) throw new Error('no browser');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await eventually(
      () => indicator().textContent(),
      (v) => expect(v).toBe('Online · 0 queued'),
    );
    const status = page.getByTestId('sync-status');
    await visible(status);
    expect(await status.getAttribute('data-conflicts')).toBe('0');

    const checkIns = (await t.db.query('SELECT state FROM check_ins WHERE ticket_id = $1', [tickets[1].id])) as {
      state: string;
    }[];
    expect(checkIns).toEqual([{ state: 'in' }]);
    expect((await logsFor(tickets[1].id)).map((l) => [l.result, l.reason, l.gateId])).toEqual([
      ['admitted', null, gateId],
      ['rejected', 'already_used', gateId],
    ]);
    const stored = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).localStorage.getItem('tessera.scanner.offline-queue'),
    );
    expect(JSON.parse(stored ?? 'null')).toEqual([]);
  }, 30_000);

  it('a refused camera permission is explained, and typing codes still works', async () => {
    if (!context) throw new Error('no browser');
    const denied = await context.newPage();
    denied.on('pageerror', (e) => pageErrors.push(e.message));
    await denied.addInitScript(() => {
      const w = globalThis as unknown as PageGlobals;
      w.navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new w.DOMException('Permission denied', 'NotAllowedError'));
    });
    await denied.goto(`${base}/scanner/scan/${eventId}`);
    await denied.getByRole('button', { name: 'Start camera' }).click();
    const message = denied.getByTestId('camera-error');
    await visible(message);
    expect(await message.textContent()).toContain('Camera permission was denied');
    expect(await denied.getByRole('button', { name: 'Check code' }).isEnabled()).toBe(true);
    await denied.close();
  }, 30_000);

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
