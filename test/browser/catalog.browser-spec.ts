import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ADMIN, createTestApp, type TestApp } from '../support/app.js';
import { text, visible, Visits } from '../support/browser.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SUFFIX = Date.now().toString(36);
const VENUE = `Harbour Arena ${SUFFIX}`;
const EVENT = `Harbour Derby ${SUFFIX}`;
const TICKET_TYPES = ['Standing', 'Premium seats', 'Family standing'];

let t: TestApp;
let base: string;
const visits = new Visits();
const pageErrors = visits.pageErrors;
let venueId = '';
let eventId = '';

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
}, 60_000);
afterAll(async () => {
  await visits.close();
  await t?.close();
});

const open = (path: string): Promise<Page> => visits.open(base, path);

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = (await t.db.query(sql, params)) as { n: number }[];
  return rows[0]?.n ?? -1;
}

async function addTicketType(page: Page, type: { name: string; price: string; capacity?: string; zone?: string }) {
  await page.getByRole('button', { name: 'Add ticket type' }).click();
  const form = page.getByRole('form', { name: 'New ticket type' });
  await form.getByLabel('Ticket type name', { exact: true }).fill(type.name);
  await form.getByLabel('Price', { exact: true }).fill(type.price);
  await form.getByLabel('Currency', { exact: true }).fill('EUR');
  if (type.zone) {
    await form.getByLabel('Reserved seating', { exact: true }).check();
    await form.getByLabel('Price zone', { exact: true }).selectOption({ label: `${type.zone} (3 seats)` });
    await form.getByLabel('Stalls (50 seats)', { exact: true }).check();
  } else {
    await form.getByLabel('Capacity', { exact: true }).fill(type.capacity ?? '100');
  }
  await form.getByRole('button', { name: 'Create ticket type' }).click();
  await visible(page.getByText(`Added ${type.name}.`));
}

describe('catalog: an admin builds a venue, its seat map and an event; the portal sells it', () => {
  it('admin: creates a venue and draws its seat map by clicking', async () => {
    const page = await open('/admin/');
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('link', { name: 'Venues' }).click();
    await page.getByRole('link', { name: 'New venue' }).click();
    await page.getByLabel('Name', { exact: true }).fill(VENUE);
    await page.getByLabel('Address', { exact: true }).fill('Quay Street 1');
    await page.getByLabel('Postal code', { exact: true }).fill('3011 AA');
    await page.getByLabel('City', { exact: true }).fill('Rotterdam');
    await page.getByLabel('Country', { exact: true }).fill('NL');
    await page.getByLabel('Latitude', { exact: true }).fill('51.9054');
    await page.getByLabel('Longitude', { exact: true }).fill('4.4666');
    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Amsterdam');
    await page.getByRole('button', { name: 'Create venue' }).click();
    await visible(page.getByRole('heading', { name: VENUE, level: 1 }));
    expect(await page.getByRole('link', { name: 'Open in map' }).getAttribute('href')).toContain('openstreetmap.org');

    await page.getByRole('link', { name: 'Edit seat map' }).click();
    await visible(page.getByRole('heading', { name: `Seat map: ${VENUE}` }));
    venueId = /venues\/([0-9a-f-]{36})\/map/.exec(page.url())?.[1] ?? '';
    expect(venueId).not.toBe('');

    // A reserved section, selected once added, with 5 rows of 10 seats.
    await page.getByLabel('New section name', { exact: true }).fill('Stalls');
    await page.getByRole('button', { name: 'Add section' }).click();
    await visible(page.getByRole('heading', { name: 'Section Stalls' }));
    await page.getByLabel('Rows', { exact: true }).fill('5');
    await page.getByLabel('Seats per row', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Generate seats' }).click();
    await visible(page.getByText('Stalls now has 50 seats.'));
    await visible(page.getByRole('button', { name: 'Stalls row E seat 10', exact: true }));
    expect(await page.getByRole('button', { name: /^Stalls row [A-E] seat \d+$/ }).count()).toBe(50);

    // A general-admission section for 500.
    await page.getByLabel('New section name', { exact: true }).fill('Standing');
    await page.getByLabel('New section kind', { exact: true }).selectOption('general_admission');
    await page.getByLabel('New section capacity', { exact: true }).fill('500');
    await page.getByRole('button', { name: 'Add section' }).click();
    await visible(page.getByRole('heading', { name: 'Section Standing' }));
    await visible(page.getByRole('button', { name: 'Section Standing' }));

    await page.getByLabel('New zone name', { exact: true }).fill('Premium');
    await page.getByRole('button', { name: 'Add price zone' }).click();
    await visible(page.getByText('Added zone Premium.'));

    // Click one seat, shift- and ctrl-click two more, then mark them accessible and put them in the zone.
    await page.getByRole('button', { name: 'Stalls row A seat 4', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Stalls row A seat 4' }));
    await page.getByRole('button', { name: 'Stalls row A seat 5', exact: true }).click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Stalls row A seat 6', exact: true }).click({ modifiers: ['Control'] });
    await visible(page.getByRole('heading', { name: '3 seats selected' }));
    await page.getByLabel('Accessible', { exact: true }).check();
    await page.getByRole('button', { name: 'Apply attributes' }).click();
    await visible(page.getByText('Updated the attributes of 3 seats.'));
    await page.getByLabel('Zone for the selected seats', { exact: true }).selectOption({ label: 'Premium' });
    await page.getByRole('button', { name: 'Assign zone' }).click();
    await visible(page.getByText('3 seats now in Premium.'));

    // Drag a box around the first three seats of row B and hold them back as house seats.
    const first = await page.getByRole('button', { name: 'Stalls row B seat 1', exact: true }).boundingBox();
    const third = await page.getByRole('button', { name: 'Stalls row B seat 3', exact: true }).boundingBox();
    if (!first || !third) throw new Error('The seats of row B are not on screen');
    await page.mouse.move(first.x - 4, first.y - 4);
    await page.mouse.down();
    await page.mouse.move(third.x + third.width + 4, third.y + third.height + 4, { steps: 6 });
    await page.mouse.up();
    await visible(page.getByRole('heading', { name: '3 seats selected' }));
    await page.getByRole('button', { name: 'Hold as house seats' }).click();
    await visible(page.getByText('3 seats held as house seats.'));

    const totals = page.getByRole('group', { name: 'Totals' });
    await visible(totals.getByText('47', { exact: true }));
    expect(await text(totals)).toMatch(
      /Seats\s*50.*Sellable seats\s*47.*Held back\s*3.*General admission capacity\s*500/,
    );
  }, 120_000);

  it('admin: creates an event at the venue with three ticket types and publishes it', async () => {
    if (!venueId) throw new Error('Needs the venue of the previous step');
    const page = await open('/admin/');
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('link', { name: 'Events' }).click();
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByLabel('Name', { exact: true }).fill(EVENT);
    await page.getByLabel('Find a venue', { exact: true }).fill(VENUE);
    await page.getByRole('button', { name: `Choose ${VENUE}` }).click();
    await visible(page.getByTestId('chosen-venue'));
    expect(await page.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Europe/Amsterdam');
    await page.getByLabel('Starts', { exact: true }).fill('2031-05-01T20:00');
    await page.getByLabel('Doors open', { exact: true }).fill('2031-05-01T18:30');
    await page.getByLabel('Tickets per customer', { exact: true }).fill('6');
    await page.getByRole('button', { name: 'Create event' }).click();
    await visible(page.getByRole('heading', { name: 'Ticket types' }));
    eventId = /events\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(eventId).not.toBe('');
    expect(await text(page.getByTestId('event-status'))).toBe('Draft');

    await addTicketType(page, { name: TICKET_TYPES[0] ?? '', price: '45.50', capacity: '500' });
    await addTicketType(page, { name: TICKET_TYPES[1] ?? '', price: '89', zone: 'Premium' });
    await addTicketType(page, { name: TICKET_TYPES[2] ?? '', price: '30', capacity: '200' });
    const table = page.getByRole('table', { name: 'Ticket types' });
    await visible(table.getByRole('rowheader', { name: TICKET_TYPES[2] }));
    expect(await table.getByRole('row').count()).toBe(4);
    expect(await text(table)).toContain('€45.50');
    expect(await text(table)).toContain('Reserved · Premium · Stalls');

    await page.getByRole('button', { name: 'Publish' }).click();
    await visible(page.getByText('Published: the event is on sale.'));
    expect(await text(page.getByTestId('event-status'))).toBe('On sale');
  }, 120_000);

  it('portal: an anonymous visitor finds the event by name and sees its venue and three ticket types', async () => {
    if (!eventId) throw new Error('Needs the event of the previous step');
    const page = await open('/');
    await page.getByLabel('Search events', { exact: true }).fill(EVENT);
    await page.getByRole('link', { name: EVENT }).click();
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));
    const venue = await text(page.getByTestId('venue'));
    expect(venue).toContain(VENUE);
    expect(venue).toContain('Quay Street 1');
    expect(venue).toContain('Rotterdam');
    const map = page.getByRole('link', { name: /Open in map/ });
    expect(await map.getAttribute('href')).toContain('openstreetmap.org');
    expect(await map.getAttribute('target')).toBe('_blank');
    await visible(page.getByText('Doors open'));

    const list = page.getByRole('list', { name: 'Ticket types' });
    for (const name of TICKET_TYPES) await visible(list.getByRole('heading', { name, exact: true }));
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await text(list)).toContain('Reserved seat');
    expect(await text(list)).toContain('Up to 10 per order');
  }, 60_000);

  it('the database holds what the pages showed', async () => {
    if (!venueId || !eventId) throw new Error('Needs the venue and event of the previous steps');
    expect(await count('SELECT count(*)::int AS n FROM sections WHERE venue_id = $1', [venueId])).toBe(2);
    expect(
      await count(`SELECT capacity AS n FROM sections WHERE venue_id = $1 AND kind = 'general_admission'`, [venueId]),
    ).toBe(500);
    expect(await count('SELECT count(*)::int AS n FROM seats WHERE venue_id = $1', [venueId])).toBe(50);
    expect(
      await count(`SELECT count(*)::int AS n FROM seats WHERE venue_id = $1 AND 'accessible' = ANY(attributes)`, [
        venueId,
      ]),
    ).toBe(3);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM seats s JOIN price_zones z ON z.id = s.price_zone_id
          WHERE s.venue_id = $1 AND z.name = 'Premium' AND 'accessible' = ANY(s.attributes)`,
        [venueId],
      ),
    ).toBe(3);
    expect(
      await count(`SELECT count(*)::int AS n FROM seats WHERE venue_id = $1 AND held_back = 'house'`, [venueId]),
    ).toBe(3);
    expect(await count('SELECT count(*)::int AS n FROM ticket_types WHERE event_id = $1', [eventId])).toBe(3);
    const [event] = (await t.db.query(
      'SELECT status, starts_at, doors_at, venue_id, max_tickets_per_customer FROM games WHERE id = $1',
      [eventId],
    )) as { status: string; starts_at: Date; doors_at: Date; venue_id: string; max_tickets_per_customer: number }[];
    expect(event?.status).toBe('on_sale');
    expect(event?.max_tickets_per_customer).toBe(6);
    expect(event?.venue_id).toBe(venueId);
    // 20:00 and 18:30 in Amsterdam summer time, whatever zone the browser ran in.
    expect(event?.starts_at.toISOString()).toBe('2031-05-01T18:00:00.000Z');
    expect(event?.doors_at.toISOString()).toBe('2031-05-01T16:30:00.000Z');
    const types = (await t.db.query(
      'SELECT name, price, currency, capacity, price_zone_id, section_ids FROM ticket_types WHERE event_id = $1 ORDER BY sort_order',
      [eventId],
    )) as { name: string; price: number; currency: string; capacity: number | null; price_zone_id: string | null }[];
    expect(types.map((ty) => [ty.name, ty.price, ty.currency, ty.capacity])).toEqual([
      ['Standing', 4550, 'EUR', 500],
      ['Premium seats', 8900, 'EUR', null],
      ['Family standing', 3000, 'EUR', 200],
    ]);
    expect(types[1]?.price_zone_id).not.toBeNull();
  });

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
