import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, inDays, makeEvent, makeTicketType, makeVenue, publish } from '../support/factories.js';

let t: TestApp;
let admin: string;
let manager: string;
beforeAll(async () => {
  t = await createTestApp({ env: { CATALOG_CACHE_MS: '0' } });
  admin = await adminToken(t);
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('events', () => {
  it('an event manager creates a draft the public cannot see, publishes it, and the public finds it', async () => {
    const venue = await makeVenue(t, manager, { name: 'Riverside Hall' });
    const event = await makeEvent(t, manager, {
      name: 'Spring Derby',
      venueId: venue.id,
      description: 'Local rivals.',
    });
    expect(event).toMatchObject({ status: 'draft', venue: { id: venue.id, name: 'Riverside Hall' }, holdMinutes: 10 });
    expect((await t.http().get(`/api/events/${event.id}`)).status).toBe(404);
    expect((await t.http().get('/api/events').query({ q: 'Spring Derby' })).body.total).toBe(0);
    expect((await t.http().get('/api/events').query({ q: 'Spring Derby' }).set(auth(manager))).body.total).toBe(1);

    await makeTicketType(t, manager, event.id);
    const published = await publish(t, manager, event.id);
    expect(published).toMatchObject({ status: 'on_sale', publishedAt: expect.any(String) });
    const found = await t.http().get('/api/events').query({ q: 'derby' });
    expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([event.id]);
    const byVenue = await t.http().get('/api/events').query({ q: 'riverside' });
    expect(byVenue.body.total).toBe(1);
  });

  it('filters by date range, status and venue, and pages', async () => {
    const venue = await makeVenue(t, manager);
    const ids: string[] = [];
    for (const days of [5, 10, 15]) {
      const e = await makeEvent(t, manager, { venueId: venue.id, startsAt: inDays(days) });
      await makeTicketType(t, manager, e.id);
      await publish(t, manager, e.id);
      ids.push(e.id);
    }
    const res = await t
      .http()
      .get('/api/events')
      .query({ venueId: venue.id, from: inDays(7), to: inDays(20) });
    expect(res.body.items.map((e: { id: string }) => e.id)).toEqual(ids.slice(1));
    const page = await t.http().get('/api/events').query({ venueId: venue.id, limit: 1, offset: 1 });
    expect(page.body).toMatchObject({ total: 3, items: [{ id: ids[1] }] });
    const status = await t.http().get('/api/events').query({ venueId: venue.id, status: 'draft' });
    expect(status.body.total).toBe(0);
  });

  it('edits an event and records before and after in the audit trail', async () => {
    const e = await makeEvent(t, manager, { name: 'Old name' });
    const res = await t
      .http()
      .patch(`/api/events/${e.id}`)
      .set(auth(manager))
      .send({ name: 'New name', holdMinutes: 15, doorsAt: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'New name', holdMinutes: 15 });
    const audit = await t.http().get('/api/audit').query({ entityId: e.id, action: 'event.updated' }).set(auth(admin));
    expect(audit.body.items[0].before.name).toBe('Old name');
    expect(audit.body.items[0].after.name).toBe('New name');
  });

  it('moves through its lifecycle and refuses transitions from the wrong state', async () => {
    const e = await makeEvent(t, manager, { startsAt: inDays(-1), endsAt: inDays(1) });
    await makeTicketType(t, manager, e.id, { salesEndAt: inDays(0, 12) });
    expect((await t.http().post(`/api/events/${e.id}/close-sales`).set(auth(manager))).body.code).toBe(
      'INVALID_STATUS',
    );
    await publish(t, manager, e.id);
    expect((await t.http().post(`/api/events/${e.id}/publish`).set(auth(manager))).status).toBe(409);
    expect((await t.http().post(`/api/events/${e.id}/close-sales`).set(auth(manager))).body.status).toBe(
      'sales_closed',
    );
    expect((await t.http().post(`/api/events/${e.id}/reopen-sales`).set(auth(manager))).body.status).toBe('on_sale');
    expect((await t.http().post(`/api/events/${e.id}/complete`).set(auth(manager))).body.status).toBe('completed');
    const cancel = await t.http().post(`/api/events/${e.id}/cancel`).set(auth(manager)).send({});
    expect(cancel.status).toBe(409);
    const edit = await t.http().patch(`/api/events/${e.id}`).set(auth(manager)).send({ name: 'x' });
    expect(edit.body.code).toBe('INVALID_STATUS');
  });

  it('cancels with a reason, and a future event cannot be completed', async () => {
    const e = await makeEvent(t, manager);
    await makeTicketType(t, manager, e.id);
    await publish(t, manager, e.id);
    expect((await t.http().post(`/api/events/${e.id}/complete`).set(auth(manager))).body.code).toBe(
      'EVENT_NOT_STARTED',
    );
    const res = await t.http().post(`/api/events/${e.id}/cancel`).set(auth(manager)).send({ reason: 'Storm warning' });
    expect(res.body).toMatchObject({ status: 'canceled', cancelReason: 'Storm warning' });
  });

  it('concurrent publishes of one draft: exactly one succeeds', async () => {
    const e = await makeEvent(t, manager);
    await makeTicketType(t, manager, e.id);
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => t.http().post(`/api/events/${e.id}/publish`).set(auth(manager))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const audits = await t.db.query(
      "SELECT count(*)::int AS n FROM audit_logs WHERE entity_id = $1 AND action = 'event.publish'",
      [e.id],
    );
    expect(audits[0].n).toBe(1);
  });
});

describe('event rules: 422 with a code, nothing saved', () => {
  it('an end before the start', async () => {
    const before = await count('games');
    const res = await t
      .http()
      .post('/api/events')
      .set(auth(manager))
      .send({ name: 'X', startsAt: inDays(10), endsAt: inDays(9), timezone: 'UTC' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('END_BEFORE_START');
    expect(await count('games')).toBe(before);
  });

  it('doors after the start', async () => {
    const res = await t
      .http()
      .post('/api/events')
      .set(auth(manager))
      .send({ name: 'X', startsAt: inDays(10, 18), doorsAt: inDays(10, 19), timezone: 'UTC' });
    expect(res.body.code).toBe('DOORS_AFTER_START');
  });

  it('an unknown time zone, a time without an offset, an unknown venue', async () => {
    const tz = await t
      .http()
      .post('/api/events')
      .set(auth(manager))
      .send({ name: 'X', startsAt: inDays(10), timezone: 'Mars/Olympus' });
    expect(tz.status).toBe(400);
    expect(tz.body.errors[0].field).toBe('timezone');
    const noOffset = await t
      .http()
      .post('/api/events')
      .set(auth(manager))
      .send({ name: 'X', startsAt: '2027-01-01 19:00', timezone: 'UTC' });
    expect(noOffset.status).toBe(400);
    const venue = await t
      .http()
      .post('/api/events')
      .set(auth(manager))
      .send({ name: 'X', startsAt: inDays(10), timezone: 'UTC', venueId: '00000000-0000-4000-8000-000000000000' });
    expect(venue.body.code).toBe('VENUE_NOT_FOUND');
  });

  it('publishing an event with no ticket types', async () => {
    const e = await makeEvent(t, manager);
    const res = await t.http().post(`/api/events/${e.id}/publish`).set(auth(manager));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NO_TICKET_TYPES');
    expect((await t.db.query('SELECT status FROM games WHERE id = $1', [e.id]))[0].status).toBe('draft');
  });

  it('a box-office clerk or a customer cannot create or change events', async () => {
    const clerk = (await makeStaff(t, ['box_office'])).accessToken;
    const customer = (await makeCustomer(t)).accessToken;
    for (const token of [clerk, customer]) {
      const res = await t
        .http()
        .post('/api/events')
        .set(auth(token))
        .send({ name: 'X', startsAt: inDays(10), timezone: 'UTC' });
      expect(res.status).toBe(403);
    }
  });
});
