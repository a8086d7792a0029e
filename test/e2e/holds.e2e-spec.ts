import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { makeCustomer } from '../support/app.js';
import { auth, generateSeats, makeSection, makeVenue } from '../support/factories.js';
import { buy, counters, customer, manager, onSaleEvent, sandbox, t, useSalesApp } from './purchase.fixtures.js';

useSalesApp();

const holdOf = (token: string, body: Record<string, unknown>) =>
  t.http().post('/api/holds').set(auth(token)).send(body);

describe('holds', () => {
  it("lasts the event's hold time, is extended once by that time, and released gives the stock back", async () => {
    const { eventId, types } = await onSaleEvent([{ capacity: 10 }], { holdMinutes: 3 });
    const before = Date.now();
    const hold = await holdOf(customer.accessToken, { eventId, items: [{ ticketTypeId: types[0].id, quantity: 2 }] });
    expect(hold.status).toBe(201);
    const expires = Date.parse(hold.body.expiresAt);
    expect(expires - before).toBeGreaterThan(3 * 60_000 - 5_000);
    expect(expires - before).toBeLessThan(3 * 60_000 + 5_000);
    expect(hold.body.canExtend).toBe(true);
    expect(await counters(types[0].id)).toEqual({ sold: 0, held: 2 });

    const extended = await t.http().post(`/api/holds/${hold.body.id}/extend`).set(auth(customer.accessToken));
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.expiresAt) - expires).toBe(3 * 60_000);
    expect(extended.body.canExtend).toBe(false);
    const again = await t.http().post(`/api/holds/${hold.body.id}/extend`).set(auth(customer.accessToken));
    expect([again.status, again.body.code]).toEqual([422, 'HOLD_EXTENDED']);
    expect(again.headers['content-type']).toContain('application/problem+json');

    // Someone else can neither extend nor release it.
    const other = await makeCustomer(t);
    expect((await t.http().post(`/api/holds/${hold.body.id}/extend`).set(auth(other.accessToken))).status).toBe(404);
    expect((await t.http().delete(`/api/holds/${hold.body.id}`).set(auth(other.accessToken))).status).toBe(404);
    expect(await counters(types[0].id)).toEqual({ sold: 0, held: 2 });

    const released = await t.http().delete(`/api/holds/${hold.body.id}`).set(auth(customer.accessToken));
    expect(released.status).toBe(204);
    expect(await counters(types[0].id)).toEqual({ sold: 0, held: 0 });
    const after = await t.http().get(`/api/holds/${hold.body.id}`).set(auth(customer.accessToken));
    expect(after.body.status).toBe('released');
    const late = await t.http().post(`/api/holds/${hold.body.id}/extend`).set(auth(customer.accessToken));
    expect([late.status, late.body.code]).toEqual([409, 'HOLD_EXPIRED']);
    const bought = await buy(customer.accessToken, { holdId: hold.body.id, payment: sandbox });
    expect([bought.status, bought.body.code]).toEqual([409, 'HOLD_EXPIRED']);
  });

  it('best available keeps to the section or price zone asked for', async () => {
    const venue = await makeVenue(t, manager);
    const zone = await t
      .http()
      .post(`/api/venues/${venue.id}/price-zones`)
      .set(auth(manager))
      .send({ name: 'Front', color: '#aa3355' });
    expect(zone.status).toBe(201);
    const front = await makeSection(t, manager, venue.id, { name: 'Front' });
    const back = await makeSection(t, manager, venue.id, { name: 'Back' });
    const seatsOf = (sectionId: string) => generateSeats(t, manager, venue.id, sectionId, 2, 4);
    await seatsOf(front.id);
    const backSeats = await seatsOf(back.id);
    // The back section's second row is in the Front price zone.
    const zoned = backSeats.slice(4).map((s) => s.id);
    const assigned = await t
      .http()
      .patch(`/api/venues/${venue.id}/seats`)
      .set(auth(manager))
      .send({ seatIds: zoned, priceZoneId: zone.body.id });
    expect(assigned.status).toBe(200);
    const { eventId, types } = await onSaleEvent([{ capacity: undefined, sectionIds: [front.id, back.id] }], {
      venueId: venue.id,
    });
    const picked = async (scope: Record<string, string>) => {
      const res = await holdOf(customer.accessToken, {
        eventId,
        bestAvailable: { ticketTypeId: types[0].id, quantity: 2, ...scope },
      });
      expect(res.status).toBe(201);
      return res.body.items.map((i: { seatId: string }) => i.seatId) as string[];
    };
    const inBack = await picked({ sectionId: back.id });
    expect(inBack.every((id) => backSeats.some((s) => s.id === id))).toBe(true);
    const inZone = await picked({ priceZoneId: zone.body.id });
    expect(inZone.every((id) => zoned.includes(id))).toBe(true);
    const unknown = await holdOf(customer.accessToken, {
      eventId,
      bestAvailable: { ticketTypeId: types[0].id, quantity: 2, sectionId: randomUUID() },
    });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
  });
});
