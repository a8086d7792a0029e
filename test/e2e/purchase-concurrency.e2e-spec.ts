import { describe, expect, it } from '@jest/globals';
import { makeCustomer } from '../support/app.js';
import { auth } from '../support/factories.js';
import { buy, counters, customer, onSaleEvent, sandbox, seatedOnSale, t, useSalesApp } from './purchase.fixtures.js';

useSalesApp();

describe('no oversell under concurrency', () => {
  it('200 concurrent purchases of one ticket against a capacity of 50 sell exactly 50; the rest are 409 SOLD_OUT', async () => {
    const { eventId, types } = await onSaleEvent([{ capacity: 50 }]);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        buy(customer.accessToken, { eventId, items: [{ ticketTypeId: types[0].id, quantity: 1 }], payment: sandbox }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'SOLD_OUT')).toBe(true);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(await counters(types[0].id)).toEqual({ sold: 50, held: 0 });
    expect(
      (
        await t.db.query("SELECT count(*)::int AS n FROM issued_tickets WHERE event_id = $1 AND status = 'valid'", [
          eventId,
        ])
      )[0].n,
    ).toBe(50);
  }, 60_000);

  it('100 concurrent best-available holds over a 300-seat section never share a seat', async () => {
    const { eventId, types } = await seatedOnSale(15, 20);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t
          .http()
          .post('/api/holds')
          .set(auth(customer.accessToken))
          .send({ eventId, bestAvailable: { ticketTypeId: types[0].id, quantity: 1 + (i % 3) } }),
      ),
    );
    const seats = results
      .filter((r) => r.status === 201)
      .flatMap((r) => r.body.items.map((i: { seatId: string }) => i.seatId));
    expect(results.filter((r) => r.status === 201)).toHaveLength(100);
    expect(new Set(seats).size).toBe(seats.length);
    expect(seats.length).toBe(199);
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM event_seats WHERE event_id = $1 AND status = 'held'",
      [eventId],
    );
    expect(n).toBe(199);
  }, 60_000);

  it('a buyer alone gets the best seats: the centre of the first row, then the centre of the next', async () => {
    const { eventId, types, seats } = await seatedOnSale(3, 7);
    const all = seats;
    const rows = [...new Set(all.map((x) => x.row))];
    const named = (ids: string[]) => ids.map((id) => all.find((x) => x.id === id)).map((x) => `${x?.row}${x?.label}`);
    const hold = async () => {
      const res = await t
        .http()
        .post('/api/holds')
        .set(auth(customer.accessToken))
        .send({ eventId, bestAvailable: { ticketTypeId: types[0].id, quantity: 3 } });
      expect(res.status).toBe(201);
      return named(res.body.items.map((i: { seatId: string }) => i.seatId)).sort();
    };
    const centre = (row: string) => {
      const inRow = all.filter((x) => x.row === row);
      return inRow
        .slice(2, 5)
        .map((x) => `${x.row}${x.label}`)
        .sort();
    };
    expect(await hold()).toEqual(centre(rows[0]));
    // Row one has no 3 together left (2 + 2 seats): the next row's centre.
    expect(await hold()).toEqual(centre(rows[1]));
  });

  it('a chosen seat that is taken is 409 SEAT_TAKEN naming it and offering the nearest free seats', async () => {
    const { eventId, types, seats, section } = await seatedOnSale(2, 5);
    const seat = seats[2];
    const first = await buy(customer.accessToken, {
      eventId,
      seats: [{ seatId: seat.id, ticketTypeId: types[0].id }],
      payment: sandbox,
    });
    expect(first.body.tickets[0].seat).toMatchObject({ row: 'A', label: '3' });
    const other = await makeCustomer(t);
    const res = await t
      .http()
      .post('/api/holds')
      .set(auth(other.accessToken))
      .send({ eventId, seats: [{ seatId: seat.id, ticketTypeId: types[0].id }] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SEAT_TAKEN');
    expect(res.body.seats[0].seatId).toBe(seat.id);
    expect(res.body.alternatives.length).toBeGreaterThan(0);
    expect(res.body.alternatives.map((a: { seatId: string }) => a.seatId)).not.toContain(seat.id);
    const labels = res.body.alternatives
      .slice(0, 2)
      .map((a: { label: string }) => a.label)
      .sort();
    expect(labels).toEqual([`${section.name} A-2`, `${section.name} A-4`].sort());
  });

  it('one hold bought five times at once, under five keys: one purchase, the others 409, stock sold once', async () => {
    const { eventId, types } = await onSaleEvent([{ capacity: 10 }]);
    const hold = await t
      .http()
      .post('/api/holds')
      .set(auth(customer.accessToken))
      .send({ eventId, items: [{ ticketTypeId: types[0].id, quantity: 2 }] });
    expect(hold.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => buy(customer.accessToken, { holdId: hold.body.id, payment: sandbox })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409))
      expect(['HOLD_EXPIRED', 'HOLD_IN_USE']).toContain(a.body.code);
    expect(await counters(types[0].id)).toEqual({ sold: 2, held: 0 });
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM ticket_purchases WHERE hold_id = $1', [
      hold.body.id,
    ]);
    expect(n).toBe(1);
    const [{ tickets }] = await t.db.query('SELECT count(*)::int AS tickets FROM issued_tickets WHERE event_id = $1', [
      eventId,
    ]);
    expect(tickets).toBe(2);
  });
});
