import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, makeStaff, type TestApp } from '../support/app.js';
import { auth, inDays, makeEvent, makeSection, makeTicketType, makeVenue, publish } from '../support/factories.js';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const list = (eventId: string, query: Record<string, string> = {}) =>
  t
    .http()
    .get('/api/tickets/types')
    .query({ eventId, ...query });
const typeCount = async (eventId: string) =>
  (await t.db.query('SELECT count(*)::int AS n FROM ticket_types WHERE event_id = $1', [eventId]))[0].n;

describe('ticket types', () => {
  it('lists price, live availability and status, in sort order', async () => {
    const e = await makeEvent(t, manager, { startsAt: inDays(40) });
    await makeTicketType(t, manager, e.id, { name: 'Later', salesStartAt: inDays(10) });
    await makeTicketType(t, manager, e.id, { name: 'Gone', salesStartAt: inDays(-5), salesEndAt: inDays(-1) });
    const full = await makeTicketType(t, manager, e.id, { name: 'Full', capacity: 10 });
    await makeTicketType(t, manager, e.id, { name: 'Open', capacity: 50, price: 1999 });
    await t.db.query('UPDATE ticket_types SET sold = 10 WHERE id = $1', [full.id]);
    await publish(t, manager, e.id);
    const res = await list(e.id);
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((x: { name: string; status: string; available: number }) => [x.name, x.status, x.available]),
    ).toEqual([
      ['Later', 'not_yet_on_sale', 100],
      ['Gone', 'sales_ended', 100],
      ['Full', 'sold_out', 0],
      ['Open', 'on_sale', 50],
    ]);
    expect(res.body.items[3]).toMatchObject({
      price: 1999,
      currency: 'EUR',
      kind: 'general_admission',
      channels: ['web', 'box_office', 'vendor'],
    });
  });

  it('reserved types count the sellable seats of their sections and zone', async () => {
    const v = await makeVenue(t, manager);
    const s = await makeSection(t, manager, v.id);
    const zone = (await t.http().post(`/api/venues/${v.id}/price-zones`).set(auth(manager)).send({ name: 'Front' }))
      .body;
    const gen = await t
      .http()
      .post(`/api/venues/${v.id}/sections/${s.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 4, seatsPerRow: 10 });
    const seats = gen.body.seats as { id: string }[];
    await t
      .http()
      .patch(`/api/venues/${v.id}/seats`)
      .set(auth(manager))
      .send({ seatIds: seats.slice(0, 10).map((x) => x.id), priceZoneId: zone.id });
    await t
      .http()
      .patch(`/api/venues/${v.id}/seats`)
      .set(auth(manager))
      .send({ seatIds: [seats[0].id, seats[20].id], heldBack: 'kill' });
    const e = await makeEvent(t, manager, { venueId: v.id });
    const section = await makeTicketType(t, manager, e.id, { name: 'Stand', capacity: undefined, sectionIds: [s.id] });
    const front = await makeTicketType(t, manager, e.id, { name: 'Front', capacity: undefined, priceZoneId: zone.id });
    expect(section).toMatchObject({ kind: 'reserved', available: 38, capacity: null });
    expect(front).toMatchObject({ kind: 'reserved', available: 9 });
  });

  it('hidden types appear only with their code (and to staff)', async () => {
    const e = await makeEvent(t, manager);
    await makeTicketType(t, manager, e.id, { name: 'Public' });
    await makeTicketType(t, manager, e.id, { name: 'Presale', unlockCode: 'FANCLUB-2027' });
    await publish(t, manager, e.id);
    expect((await list(e.id)).body.items.map((x: { name: string }) => x.name)).toEqual(['Public']);
    expect((await list(e.id, { code: 'wrong' })).body.items.map((x: { name: string }) => x.name)).toEqual(['Public']);
    const unlocked = await list(e.id, { code: 'FANCLUB-2027' });
    expect(unlocked.body.items.map((x: { name: string; hidden: boolean }) => [x.name, x.hidden])).toEqual([
      ['Public', false],
      ['Presale', true],
    ]);
    expect((await list(e.id).set(auth(manager))).body.total).toBe(2);
    expect(JSON.stringify(unlocked.body)).not.toContain('FANCLUB');
  });

  it('filters by sales channel', async () => {
    const e = await makeEvent(t, manager);
    await makeTicketType(t, manager, e.id, { name: 'Counter only', channels: ['box_office'] });
    await makeTicketType(t, manager, e.id, { name: 'Everywhere' });
    await publish(t, manager, e.id);
    expect((await list(e.id, { channel: 'web' })).body.items.map((x: { name: string }) => x.name)).toEqual([
      'Everywhere',
    ]);
    expect((await list(e.id, { channel: 'box_office' })).body.total).toBe(2);
  });

  it('edits and deletes; a type with sales cannot be deleted', async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id);
    const edited = await t
      .http()
      .patch(`/api/tickets/types/${tt.id}`)
      .set(auth(manager))
      .send({ price: 3000, name: 'Terrace', maxPerOrder: 4 });
    expect(edited.body).toMatchObject({ price: 3000, name: 'Terrace', maxPerOrder: 4 });
    await t.db.query('UPDATE ticket_types SET sold = 1 WHERE id = $1', [tt.id]);
    const del = await t.http().delete(`/api/tickets/types/${tt.id}`).set(auth(manager));
    expect(del.body.code).toBe('TICKET_TYPE_IN_USE');
    await t.db.query('UPDATE ticket_types SET sold = 0 WHERE id = $1', [tt.id]);
    expect((await t.http().delete(`/api/tickets/types/${tt.id}`).set(auth(manager))).status).toBe(204);
    expect(await typeCount(e.id)).toBe(0);
  });

  it('serves availability at most a second stale to anonymous readers', async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 100 });
    await publish(t, manager, e.id);
    expect((await list(e.id)).body.items[0].available).toBe(100);
    await t.db.query('UPDATE ticket_types SET sold = 30 WHERE id = $1', [tt.id]);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await list(e.id)).body.items[0].available).toBe(70);
  });
});

describe('ticket type rules: 4xx with a code, nothing saved', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = (await makeEvent(t, manager, { startsAt: inDays(20), endsAt: inDays(20, 23) })).id;
  });
  const attempt = async (body: Record<string, unknown>) => {
    const before = await typeCount(eventId);
    const res = await t
      .http()
      .post('/api/tickets/types')
      .set(auth(manager))
      .send({ eventId, name: 'X', price: 1000, currency: 'EUR', capacity: 10, ...body });
    expect(await typeCount(eventId)).toBe(before);
    return res;
  };

  it('a negative price or capacity is a 400 naming the field', async () => {
    const res = await attempt({ price: -1, capacity: -5 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['capacity', 'price']);
  });
  it('a currency that is not ISO 4217', async () => {
    expect((await attempt({ currency: 'XYZ' })).body.code).toBe('CURRENCY_UNKNOWN');
    expect((await attempt({ currency: 'euro' })).status).toBe(400);
  });
  it('a sale window after the event', async () => {
    expect((await attempt({ salesStartAt: inDays(21) })).body.code).toBe('SALES_WINDOW_AFTER_EVENT');
    expect((await attempt({ salesEndAt: inDays(22) })).body.code).toBe('SALES_END_AFTER_EVENT');
    expect((await attempt({ salesStartAt: inDays(5), salesEndAt: inDays(4) })).body.code).toBe('SALES_WINDOW_INVALID');
  });
  it('minimum above maximum', async () => {
    expect((await attempt({ minPerOrder: 5, maxPerOrder: 2 })).body.code).toBe('MIN_ABOVE_MAX');
  });
  it('general admission without a capacity, reserved with one', async () => {
    expect((await attempt({ capacity: undefined })).body.code).toBe('CAPACITY_REQUIRED');
  });
  it('a section of another venue', async () => {
    const mine = await makeVenue(t, manager);
    const other = await makeVenue(t, manager);
    const foreign = await makeSection(t, manager, other.id);
    const e = await makeEvent(t, manager, { venueId: mine.id });
    const res = await t
      .http()
      .post('/api/tickets/types')
      .set(auth(manager))
      .send({ eventId: e.id, name: 'X', price: 1, currency: 'EUR', sectionIds: [foreign.id] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SECTION_NOT_IN_VENUE');
    const noVenue = await attempt({ capacity: undefined, sectionIds: [foreign.id] });
    expect(noVenue.body.code).toBe('EVENT_HAS_NO_VENUE');
    const reservedWithCap = await t
      .http()
      .post('/api/tickets/types')
      .set(auth(manager))
      .send({
        eventId: e.id,
        name: 'X',
        price: 1,
        currency: 'EUR',
        capacity: 5,
        sectionIds: [(await makeSection(t, manager, mine.id)).id],
      });
    expect(reservedWithCap.body.code).toBe('CAPACITY_NOT_FOR_RESERVED');
  });
  it('an unknown event', async () => {
    const res = await t
      .http()
      .post('/api/tickets/types')
      .set(auth(manager))
      .send({ eventId: '00000000-0000-4000-8000-000000000000', name: 'X', price: 1, currency: 'EUR', capacity: 1 });
    expect(res.body.code).toBe('EVENT_NOT_FOUND');
  });
  it('lowering a capacity below what is sold (decided in one statement)', async () => {
    const tt = await makeTicketType(t, manager, eventId, { capacity: 100 });
    await t.db.query('UPDATE ticket_types SET sold = 40, held = 5 WHERE id = $1', [tt.id]);
    const res = await t.http().patch(`/api/tickets/types/${tt.id}`).set(auth(manager)).send({ capacity: 44 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CAPACITY_BELOW_SOLD');
    expect((await t.db.query('SELECT capacity FROM ticket_types WHERE id = $1', [tt.id]))[0].capacity).toBe(100);
    const ok = await t.http().patch(`/api/tickets/types/${tt.id}`).set(auth(manager)).send({ capacity: 45 });
    expect(ok.body).toMatchObject({ capacity: 45, available: 0, status: 'sold_out' });
  });
  it('moving an event so its sale windows fall after it', async () => {
    const e = await makeEvent(t, manager, { startsAt: inDays(30) });
    await makeTicketType(t, manager, e.id, { salesStartAt: inDays(20) });
    const res = await t
      .http()
      .patch(`/api/events/${e.id}`)
      .set(auth(manager))
      .send({ startsAt: inDays(10) });
    expect(res.body.code).toBe('SALES_WINDOW_AFTER_EVENT');
  });
});
