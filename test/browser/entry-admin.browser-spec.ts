// The admin console's Entry page in Chromium: an event manager's set-up (zone, check-in list, gate),
// a scanner device registered (its key shown once) and locked, and the live numbers following a scan.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN, adminToken, createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { eventually, launchBrowser } from '../support/browser.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { buyWithSandbox } from './checkout.fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EVENT = `Gate Night ${Date.now().toString(36)}`;
const DEVICE = 'VIP handheld 1';

interface Ticket {
  id: string;
  code: string;
}

let t: TestApp;
let base: string;
let context: BrowserContext | null = null;
let page: Page;
const pageErrors: string[] = [];
let eventId = '';
let tickets: Ticket[] = [];

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const manager = (await makeStaff(t, ['event_manager'])).accessToken;
  const event = await makeEvent(t, manager, { name: EVENT });
  eventId = event.id;
  const ga = await makeTicketType(t, manager, eventId, { name: 'Standing', capacity: 100 });
  await makeTicketType(t, manager, eventId, { name: 'VIP', capacity: 20, accessLevel: 'vip' });
  await publish(t, manager, eventId);
  const buyer = await makeCustomer(t, 'Robin Door');
  const purchase = (await buyWithSandbox(t, buyer.accessToken, {
    eventId,
    items: [{ ticketTypeId: ga.id, quantity: 2 }],
  })) as unknown as { tickets: Ticket[] };
  tickets = purchase.tickets;
}, 90_000);

afterAll(async () => {
  await context?.close();
  await t?.close();
});

const text = async (locator: Locator) => ((await locator.textContent({ timeout: 15_000 })) ?? '').trim();
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });

async function rows<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await t.db.query(sql, params)) as T[];
}

const headline = async () => ({
  tickets: await text(page.getByTestId('entry-tickets')),
  admitted: await text(page.getByTestId('entry-admitted')),
  noShows: await text(page.getByTestId('entry-no-shows')),
});

const tab = (name: string | RegExp) =>
  page.getByRole('group', { name: 'Entry sections' }).getByRole('button', { name });

describe('admin: the Entry page of an event', () => {
  it('the purchase made through the API issued 2 valid GA tickets', () => {
    expect(tickets).toHaveLength(2);
  });

  it('the admin signs in, opens the event and its Entry page, with the live numbers before doors', async () => {
    context = await launchBrowser();
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/admin/events/${eventId}`, { timeout: 30_000 });
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));

    await page.getByRole('link', { name: 'Entry', exact: true }).click();
    await page.waitForURL(`${base}/admin/events/${eventId}/entry`);
    await visible(page.getByRole('heading', { name: `Entry: ${EVENT}`, level: 1 }));
    await eventually(headline, (v) => expect(v).toEqual({ tickets: '2', admitted: '0', noShows: '2' }));
    await visible(page.getByText('No admissions yet'));
  }, 90_000);

  it('set-up: a VIP zone, a check-in list and a gate into the zone are added through the forms', async () => {
    await tab('Set-up').click();
    await page.waitForURL(`${base}/admin/events/${eventId}/entry?tab=setup`);
    await visible(page.getByText('No zones yet'));
    await visible(page.getByText('No gates yet'));

    // Zone: the ticket types' access levels are offered as choices.
    await page.getByRole('button', { name: 'Add zone' }).click();
    const zoneForm = page.getByRole('form', { name: 'New zone' });
    await zoneForm.getByLabel('Zone name').fill('VIP');
    const levels = zoneForm.getByRole('checkbox');
    expect(await levels.evaluateAll((els) => els.map((el) => el.getAttribute('value')))).toEqual(['general', 'vip']);
    await zoneForm.getByRole('checkbox', { name: 'vip — VIP' }).check();
    await zoneForm.getByRole('button', { name: 'Add zone' }).click();
    await visible(page.getByText('Added the zone VIP.'));
    const zoneTable = page.getByRole('table', { name: 'Zones' });
    await visible(zoneTable.getByRole('rowheader', { name: 'VIP' }));
    const zones = await rows<{ id: string; name: string; access_levels: string[] }>(
      'SELECT id, name, access_levels FROM zones WHERE event_id = $1',
      [eventId],
    );
    expect(zones).toEqual([{ id: expect.any(String), name: 'VIP', access_levels: ['vip'] }]);

    // Check-in list.
    await page.getByRole('button', { name: 'Add check-in list' }).click();
    const listForm = page.getByRole('form', { name: 'New check-in list' });
    await listForm.getByLabel('List name').fill('VIP lounge');
    await listForm.getByRole('button', { name: 'Add check-in list' }).click();
    await visible(page.getByText('Added the check-in list VIP lounge.'));
    await visible(page.getByRole('table', { name: 'Check-in lists' }).getByRole('rowheader', { name: 'VIP lounge' }));
    const lists = await rows<{ id: string; name: string; allow_reentry: boolean; is_default: boolean }>(
      'SELECT id, name, allow_reentry, is_default FROM check_in_lists WHERE event_id = $1',
      [eventId],
    );
    expect(lists).toEqual([{ id: expect.any(String), name: 'VIP lounge', allow_reentry: false, is_default: false }]);

    // Gate into the zone, checking in on the new list.
    await page.getByRole('button', { name: 'Add gate' }).click();
    const gateForm = page.getByRole('form', { name: 'New gate' });
    await gateForm.getByLabel('Gate name').fill('VIP door');
    await gateForm.getByLabel('Leads into zone').selectOption({ label: 'VIP (vip)' });
    await gateForm.getByLabel('Checks in on list').selectOption({ label: 'VIP lounge' });
    await gateForm.getByRole('button', { name: 'Add gate' }).click();
    await visible(page.getByText('Added the gate VIP door.'));
    const gateRow = page.getByRole('table', { name: 'Gates' }).getByRole('row').filter({ hasText: 'VIP door' });
    await visible(gateRow);
    expect((await gateRow.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['VIP', 'VIP lounge']);
    const gates = await rows<{ name: string; zone_id: string; check_in_list_id: string }>(
      'SELECT name, zone_id, check_in_list_id FROM gates WHERE event_id = $1',
      [eventId],
    );
    expect(gates).toEqual([{ name: 'VIP door', zone_id: zones[0].id, check_in_list_id: lists[0].id }]);
  }, 90_000);

  it('set-up: a zone is edited and deleted; a zone a gate leads into is kept, with the reason', async () => {
    const zoneTable = page.getByRole('table', { name: 'Zones' });
    await page.getByRole('button', { name: 'Add zone' }).click();
    const newZone = page.getByRole('form', { name: 'New zone' });
    await newZone.getByLabel('Zone name').fill('Terrace');
    await newZone.getByRole('checkbox', { name: 'general — Standing' }).check();
    await newZone.getByRole('button', { name: 'Add zone' }).click();
    await visible(page.getByText('Added the zone Terrace.'));

    // Edit: the form comes filled in; the change is saved and shown.
    await zoneTable.getByRole('button', { name: 'Edit Terrace' }).click();
    const editZone = page.getByRole('form', { name: 'Edit zone Terrace' });
    expect(await editZone.getByLabel('Zone name').inputValue()).toBe('Terrace');
    expect(await editZone.getByRole('checkbox', { name: 'general — Standing' }).isChecked()).toBe(true);
    await editZone.getByLabel('Zone name').fill('Roof terrace');
    await editZone.getByRole('checkbox', { name: 'vip — VIP' }).check();
    await editZone.getByRole('button', { name: 'Save zone' }).click();
    await visible(page.getByText('Saved the zone Roof terrace.'));
    const [edited] = await rows<{ access_levels: string[] }>(
      "SELECT access_levels FROM zones WHERE event_id = $1 AND name = 'Roof terrace'",
      [eventId],
    );
    expect(edited.access_levels.sort()).toEqual(['general', 'vip']);

    // The VIP zone has a gate leading into it: deleting it is refused, and the page says why.
    await zoneTable.getByRole('button', { name: 'Delete VIP' }).click();
    await zoneTable.getByRole('button', { name: 'Delete VIP', exact: true }).click();
    await visible(page.getByText(/Gates lead into this zone \(VIP door\)/));
    await zoneTable.getByRole('button', { name: 'Keep' }).click();

    // An unused zone is deleted after the second click.
    await zoneTable.getByRole('button', { name: 'Delete Roof terrace' }).click();
    await zoneTable.getByRole('button', { name: 'Delete Roof terrace', exact: true }).click();
    await visible(page.getByText('Deleted the zone Roof terrace.'));
    await zoneTable.getByRole('rowheader', { name: 'Roof terrace' }).waitFor({ state: 'detached' });
    const names = await rows<{ name: string }>('SELECT name FROM zones WHERE event_id = $1', [eventId]);
    expect(names).toEqual([{ name: 'VIP' }]);
  }, 90_000);

  it('devices: a device is registered (its key shown once) and then locked', async () => {
    await tab('Scanner devices').click();
    await visible(page.getByText('No scanner devices yet'));
    await page.getByRole('button', { name: 'Register device' }).click();
    const form = page.getByRole('form', { name: 'Register a scanner device' });
    await form.getByLabel('Device name').fill(DEVICE);
    await form.getByLabel('Scans at gate').selectOption({ label: 'VIP door' });
    await form.getByRole('button', { name: 'Register device' }).click();

    const keyBox = page.getByTestId('device-key');
    await visible(keyBox);
    const key = await text(keyBox);
    expect(key.length).toBeGreaterThan(20);
    await visible(page.getByText('It is shown only once'));
    const row = page.getByRole('table', { name: 'Scanner devices' }).getByRole('row').filter({ hasText: DEVICE });
    expect(await text(row.getByTestId('device-status'))).toBe('Active');

    const [device] = await rows<{ id: string; gate_id: string; locked_at: Date | null; key_hash: string }>(
      `SELECT d.id, d.gate_id, d.locked_at, c.key_hash
         FROM scanner_devices d JOIN api_clients c ON c.id = d.api_client_id
        WHERE d.event_id = $1 AND d.name = $2`,
      [eventId, DEVICE],
    );
    const [gate] = await rows<{ id: string }>('SELECT id FROM gates WHERE event_id = $1', [eventId]);
    expect(device).toMatchObject({ gate_id: gate.id, locked_at: null });
    expect(device.key_hash).not.toContain(key);

    // Once stored, the key is gone from the page, and a reload does not bring it back.
    await page.getByRole('button', { name: 'I have stored the key' }).click();
    await keyBox.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);
    await page.reload();
    await visible(row);
    expect(await page.getByTestId('device-key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    await page.getByRole('button', { name: `Lock ${DEVICE}` }).click();
    await visible(page.getByText(`Locked ${DEVICE}: its scans are refused until it is unlocked.`));
    await eventually(
      () => text(row.getByTestId('device-status')),
      (v) => expect(v).toBe('Locked'),
    );
    await visible(page.getByRole('button', { name: `Unlock ${DEVICE}` }));
    const [locked] = await rows<{ locked_at: Date | null; revoked_at: Date | null }>(
      'SELECT locked_at, revoked_at FROM scanner_devices WHERE id = $1',
      [device.id],
    );
    expect(locked.locked_at).toBeInstanceOf(Date);
    expect(locked.revoked_at).toBeNull();

    // The locked device's key is refused at the gate.
    const refused = await t.http().post('/api/tickets/validate').set('x-api-key', key).send({ code: tickets[0].code });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('DEVICE_LOCKED');
  }, 90_000);

  it('live: a GA ticket scanned by scanner staff shows up as admitted 1 / no-shows 1 within 10 s', async () => {
    await tab('Live').click();
    await page.waitForURL(`${base}/admin/events/${eventId}/entry`);
    await eventually(headline, (v) => expect(v).toEqual({ tickets: '2', admitted: '0', noShows: '2' }));

    const scanner = await makeStaff(t, ['scanner']);
    const scan = await t
      .http()
      .post('/api/tickets/validate')
      .set(auth(scanner.accessToken))
      .send({ code: tickets[0].code });
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ result: 'admitted', ticket: { id: tickets[0].id } });

    await eventually(headline, (v) => expect(v).toEqual({ tickets: '2', admitted: '1', noShows: '1' }), 10_000);
    const slots = page.getByRole('list', { name: 'Admissions per 5-minute slot' }).getByRole('listitem');
    expect(await slots.count()).toBe(1);
    expect(await text(slots.first())).toContain('1 admitted');
    const byGate = page.getByRole('table', { name: 'Scans by gate' });
    expect(await byGate.getByRole('row').filter({ hasText: 'No gate' }).getByRole('cell').allTextContents()).toEqual([
      '1',
      '0',
    ]);
    const occupancy = page.getByRole('table', { name: 'People inside by zone' });
    expect(await occupancy.getByRole('rowheader').allTextContents()).toEqual(['Main entrance']);
  }, 60_000);

  it('flags: an offline double admission from a device is shown in plain words, its device locked, then resolved', async () => {
    const registered = await t
      .http()
      .post(`/api/events/${eventId}/scanner-devices`)
      .set(auth(await adminToken(t)))
      .send({ name: 'Turnstile 2' });
    expect(registered.status).toBe(201);
    const { id: deviceId, key } = registered.body as { id: string; key: string };
    // The turnstile admitted the already admitted ticket while offline, and uploads that now.
    const upload = await t
      .http()
      .post('/api/tickets/validate/batch')
      .set('x-api-key', key)
      .send({
        scans: [
          {
            code: tickets[0].code,
            nonce: 'turnstile-2:1',
            scannedAt: new Date().toISOString(),
            offlineResult: 'admitted',
          },
        ],
      });
    expect(upload.status).toBe(200);
    expect(upload.body.conflicts).toBe(1);

    await tab(/^Flags/).click();
    const flag = page.getByTestId('entry-flag');
    await eventually(
      () => flag.count(),
      (v) => expect(v).toBe(1),
      10_000,
    );
    expect(await flag.getAttribute('data-kind')).toBe('offline_double_admission');
    await visible(flag.getByRole('heading', { name: /^Admitted twice while offline/ }));
    await visible(flag.getByText(tickets[0].id));
    await visible(flag.getByText('Turnstile 2'));
    await visible(flag.getByText('turnstile-2:1', { exact: true }));
    expect(await text(tab(/^Flags/))).toBe('Flags (1 open)');

    await flag.getByRole('button', { name: 'Lock device' }).click();
    await visible(flag.getByText('Device locked'));
    const [device] = await rows<{ locked_at: Date | null }>('SELECT locked_at FROM scanner_devices WHERE id = $1', [
      deviceId,
    ]);
    expect(device.locked_at).toBeInstanceOf(Date);

    await flag.getByRole('button', { name: 'Resolve' }).click();
    await visible(page.getByText('No open flags'));
    const [stored] = await rows<{ kind: string; device_id: string; ticket_id: string; resolved_at: Date | null }>(
      'SELECT kind, device_id, ticket_id, resolved_at FROM validation_flags WHERE event_id = $1',
      [eventId],
    );
    expect(stored).toMatchObject({ kind: 'offline_double_admission', device_id: deviceId, ticket_id: tickets[0].id });
    expect(stored.resolved_at).toBeInstanceOf(Date);

    // The resolved flag is still there under "All".
    await page.getByRole('button', { name: 'All, resolved too' }).click();
    await eventually(
      () => flag.count(),
      (v) => expect(v).toBe(1),
    );
    await visible(flag.getByRole('heading', { name: 'Admitted twice while offline Resolved' }));
    expect(await flag.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
  }, 60_000);

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
