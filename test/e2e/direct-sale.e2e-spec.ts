// The one-round-trip sale (general admission paid locally): the same answers, rows and rules as
// the transactional path, and the cases where it must defer to it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { PurchasesRepository } from '../../apps/api/src/modules/sales/purchases.repository.js';
import { adminToken, createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import {
  auth,
  generateSeats,
  makeEvent,
  makeSection,
  makeTicketType,
  makeVenue,
  publish,
} from '../support/factories.js';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const sandbox = { method: 'sandbox', token: 'sandbox_ok' };
const buy = (token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
  t.http().post('/api/tickets/purchase').set(auth(token)).set('idempotency-key', key).send(body);

async function onSale(type: Record<string, unknown> = {}) {
  const e = await makeEvent(t, manager);
  const tt = await makeTicketType(t, manager, e.id, type);
  await publish(t, manager, e.id);
  return { eventId: e.id, typeId: tt.id as string };
}

/** Records what the one-statement sale decided for each request. */
function watchFastSales() {
  const repo = t.app.get(PurchasesRepository);
  const outcomes: string[] = [];
  const original = repo.sellDirect.bind(repo);
  const spy = jest.spyOn(repo, 'sellDirect').mockImplementation(async (sale) => {
    const r = await original(sale);
    outcomes.push(r.outcome);
    return r;
  });
  return { outcomes, restore: () => spy.mockRestore() };
}

describe('the one-round-trip sale', () => {
  it('sells in one statement and writes what the transactional path writes', async () => {
    const { eventId, typeId } = await onSale({ capacity: 10, price: 1800 });
    const c = await makeCustomer(t);
    const first = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 1 }],
      payment: sandbox,
    });
    expect(first.status).toBe(201);
    const watch = watchFastSales();
    try {
      const res = await buy(c.accessToken, {
        eventId,
        items: [{ ticketTypeId: typeId, quantity: 2 }],
        payment: sandbox,
      });
      expect(res.status).toBe(201);
      expect(watch.outcomes).toEqual(['sold']);
      expect(res.body).toMatchObject({ status: 'paid', total: 3600, buyerEmail: c.email, channel: 'web' });
      const [p] = await t.db.query(
        'SELECT status, total, customer_id, buyer_email, version FROM ticket_purchases WHERE id = $1',
        [res.body.id],
      );
      expect(p).toEqual({ status: 'paid', total: 3600, customer_id: c.user.id, buyer_email: c.email, version: 3 });
      const events = await t.db.query('SELECT seq, type FROM purchase_events WHERE purchase_id = $1 ORDER BY seq', [
        res.body.id,
      ]);
      expect(events).toEqual([
        { seq: 1, type: 'created' },
        { seq: 2, type: 'paid' },
        { seq: 3, type: 'tickets_issued' },
      ]);
      const [pay] = await t.db.query('SELECT method, status, amount FROM payments WHERE purchase_id = $1', [
        res.body.id,
      ]);
      expect(pay).toEqual({ method: 'sandbox', status: 'succeeded', amount: 3600 });
      const tickets = await t.db.query(
        'SELECT id, holder_id, code FROM issued_tickets WHERE purchase_id = $1 ORDER BY id',
        [res.body.id],
      );
      expect(tickets.map((x: { holder_id: string }) => x.holder_id)).toEqual([c.user.id, c.user.id]);
      expect(tickets.map((x: { code: string }) => x.code).sort()).toEqual(
        res.body.tickets.map((x: { code: string }) => x.code).sort(),
      );
      const render = await t.db.query(
        "SELECT payload FROM outbox_messages WHERE payload->>'purchaseId' = $1 AND name = 'tickets.render'",
        [res.body.id],
      );
      expect(render.map((r: { payload: unknown }) => r.payload)).toEqual([
        { purchaseId: res.body.id, notify: 'purchase-confirmation' },
      ]);
      const stored = await t.db.query(
        "SELECT response_body->'body'->>'buyerEmail' AS email FROM idempotency_keys WHERE scope = $1 AND response_body->'body'->>'id' = $2",
        [`user:${c.user.id}`, res.body.id],
      );
      expect(stored).toEqual([{ email: c.email }]);
      const [{ sold }] = await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [typeId]);
      expect(sold).toBe(3);
    } finally {
      watch.restore();
    }
  });

  it('a changed definition is noticed at once: the new price is charged', async () => {
    const { eventId, typeId } = await onSale({ capacity: 10, price: 1000 });
    const c = await makeCustomer(t);
    const body = { eventId, items: [{ ticketTypeId: typeId, quantity: 1 }], payment: sandbox };
    expect((await buy(c.accessToken, body)).body.total).toBe(1000);
    const patched = await t.http().patch(`/api/tickets/types/${typeId}`).set(auth(manager)).send({ price: 2200 });
    expect(patched.status).toBe(200);
    const after = await buy(c.accessToken, body);
    expect(after.status).toBe(201);
    expect(after.body.total).toBe(2200);
    expect(after.body.tickets[0].price).toBe(2200);
  });

  it('once sold out, buyers are refused from memory, keys keep their first answers, and returned stock sells again', async () => {
    const { eventId, typeId } = await onSale({ capacity: 2 });
    const c = await makeCustomer(t);
    const body = { eventId, items: [{ ticketTypeId: typeId, quantity: 1 }], payment: sandbox };
    const paidKey = randomUUID();
    const paid = await buy(c.accessToken, body, paidKey);
    expect((await buy(c.accessToken, body)).status).toBe(201);
    expect(paid.status).toBe(201);

    const watch = watchFastSales();
    try {
      const refusedKey = randomUUID();
      const first = await buy(c.accessToken, body, refusedKey);
      expect(first.status).toBe(409);
      expect(first.body.code).toBe('SOLD_OUT');
      const calls = watch.outcomes.length;
      const again = await buy(c.accessToken, body);
      expect(again.body.code).toBe('SOLD_OUT');
      // The second refusal came from the sold-out mark, without a sale attempt in the database.
      expect(watch.outcomes.length).toBe(calls);
      // A retry of the paid request replays its purchase; a retry of the refused one stays refused.
      const replay = await buy(c.accessToken, body, paidKey);
      expect(replay.status).toBe(201);
      expect(replay.body.id).toBe(paid.body.id);
      expect((await buy(c.accessToken, body, refusedKey)).body.code).toBe('SOLD_OUT');
      const reused = await buy(c.accessToken, { ...body, items: [{ ticketTypeId: typeId, quantity: 2 }] }, paidKey);
      expect(reused.status).toBe(409);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

      // A refund returns one ticket; the mark is cleared and the next buyer gets it.
      const refund = await t
        .http()
        .post(`/api/purchases/${paid.body.id}/refunds`)
        .set(auth(await adminToken(t)))
        .send({});
      expect(refund.status).toBe(201);
      const next = await buy(c.accessToken, body);
      expect(next.status).toBe(201);
      const [{ sold }] = await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [typeId]);
      expect(sold).toBe(2);
    } finally {
      watch.restore();
    }
  });

  it('holds the per-customer limit, counting what the customer holds too', async () => {
    const { eventId, typeId } = await onSale({ capacity: 50 });
    const limited = await t
      .http()
      .patch(`/api/events/${eventId}`)
      .set(auth(manager))
      .send({ maxTicketsPerCustomer: 3 });
    expect(limited.status).toBe(200);
    const c = await makeCustomer(t);
    const hold = await t
      .http()
      .post('/api/holds')
      .set(auth(c.accessToken))
      .send({ eventId, items: [{ ticketTypeId: typeId, quantity: 1 }] });
    expect(hold.status).toBe(201);
    const body = (n: number) => ({ eventId, items: [{ ticketTypeId: typeId, quantity: n }], payment: sandbox });
    expect((await buy(c.accessToken, body(2))).status).toBe(201);
    const over = await buy(c.accessToken, body(1));
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('LIMIT_EXCEEDED');
    // Box-office sales are not held to it.
    const clerk = await makeStaff(t, ['box_office']);
    const counter = await buy(clerk.accessToken, { ...body(2), payment: { method: 'cash' } });
    expect(counter.status).toBe(201);
    expect(counter.body.channel).toBe('box_office');
  });

  it('200 buyers at once for 50 tickets: exactly 50 sold, one ticket each, the rest SOLD_OUT', async () => {
    const { eventId, typeId } = await onSale({ capacity: 50, maxPerOrder: 1 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => makeCustomer(t)));
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_x, i) =>
        buy(buyers[i % buyers.length].accessToken, {
          eventId,
          items: [{ ticketTypeId: typeId, quantity: 1 }],
          payment: sandbox,
        }),
      ),
    );
    const by = (s: number) => answers.filter((a) => a.status === s).length;
    expect([by(201), by(409)]).toEqual([50, 150]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'SOLD_OUT')).toBe(true);
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM issued_tickets WHERE ticket_type_id = $1 AND status = 'valid'",
      [typeId],
    );
    expect(n).toBe(50);
    const [{ sold, held }] = await t.db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [typeId]);
    expect({ sold, held }).toEqual({ sold: 50, held: 0 });
  });

  it('best available sells seats in one statement: seats named in the answer, sold rows, the counter', async () => {
    const { eventId, typeId } = await seatedOnSale(2, 5);
    const c = await makeCustomer(t);
    const watch = watchFastSales();
    try {
      const res = await buy(c.accessToken, {
        eventId,
        bestAvailable: { ticketTypeId: typeId, quantity: 2 },
        payment: sandbox,
      });
      expect(res.status).toBe(201);
      expect(watch.outcomes).toEqual(['sold']);
      expect(res.body).toMatchObject({ status: 'paid', total: 8000 });
      const seats = res.body.tickets.map(
        (x: { seat: { id: string; section: string; row: string; label: string } }) => x.seat,
      );
      // A buyer alone gets the best pair: side by side, centred in the first row (seats 2 and 3 of 5).
      expect(seats.map((x: { section: string }) => x.section)).toEqual(['Stalls', 'Stalls']);
      const [first] = (await t.db.query(
        'SELECT row FROM seats WHERE section_id = (SELECT section_id FROM seats WHERE id = $1) ORDER BY sort_order LIMIT 1',
        [seats[0].id],
      )) as { row: string }[];
      expect(seats.map((x: { row: string }) => x.row)).toEqual([first.row, first.row]);
      expect(seats.map((x: { label: string }) => x.label).sort()).toEqual(['2', '3']);
      expect(res.body.items.map((i: { seatId: string }) => i.seatId).sort()).toEqual(
        seats.map((x: { id: string }) => x.id).sort(),
      );
      const rows = await t.db.query(
        'SELECT seat_id, status, purchase_id, hold_id FROM event_seats WHERE event_id = $1 ORDER BY seat_id',
        [eventId],
      );
      expect(rows).toEqual(
        seats
          .map((x: { id: string }) => x.id)
          .sort()
          .map((id: string) => ({ seat_id: id, status: 'sold', purchase_id: res.body.id, hold_id: null })),
      );
      const tickets = await t.db.query('SELECT seat_id FROM issued_tickets WHERE purchase_id = $1 ORDER BY seat_id', [
        res.body.id,
      ]);
      expect(tickets.map((x: { seat_id: string }) => x.seat_id)).toEqual(
        rows.map((r: { seat_id: string }) => r.seat_id),
      );
      const [{ sold }] = await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [typeId]);
      expect(sold).toBe(2);
      const mine = await t.http().get(`/api/purchases/${res.body.id}`).set(auth(c.accessToken));
      expect(mine.body.tickets.map((x: { seat: unknown }) => x.seat)).toEqual(
        expect.arrayContaining(seats.map((x: unknown) => expect.objectContaining(x as object))),
      );
    } finally {
      watch.restore();
    }
  });

  it('a seat taken meanwhile rolls the statement back whole: nothing written, the key still free', async () => {
    const { eventId, typeId } = await seatedOnSale(1, 3);
    const c = await makeCustomer(t);
    const first = await buy(c.accessToken, {
      eventId,
      bestAvailable: { ticketTypeId: typeId, quantity: 1 },
      payment: sandbox,
    });
    expect(first.status).toBe(201);
    const taken = first.body.tickets[0].seat.id as string;
    // The same statement the API sends, for a seat already sold.
    const repo = t.app.get(PurchasesRepository);
    const purchaseId = randomUUID();
    const key = randomUUID();
    const outcome = await repo.sellDirect({
      scope: `user:${c.user.id}`,
      key,
      hash: 'h',
      eventId,
      purchaseId,
      customerId: c.user.id,
      customerLimit: false,
      customerEmail: false,
      buyerEmail: null,
      quantity: 1,
      counters: [
        {
          id: typeId,
          n: 1,
          stamp: (await t.db.query('SELECT updated_at::text AS s FROM ticket_types WHERE id = $1', [typeId]))[0].s,
        },
      ],
      seats: [{ seat_id: taken, ticket_type_id: typeId }],
      purchase: {
        buyer_name: null,
        channel: 'web',
        sold_by: null,
        api_client_id: null,
        total: 4000,
        currency: 'EUR',
        payment_method: 'sandbox',
        paid_at: new Date().toISOString(),
        items: [],
      },
      events: [{ type: 'created', data: {} }],
      payment: { method: 'sandbox', amount: 4000, currency: 'EUR', ref: 'x' },
      tickets: [{ id: randomUUID(), ticket_type_id: typeId, seat_id: taken, price: 4000, currency: 'EUR', code: 'x' }],
      answer: { ok: true, body: {} },
    });
    expect(outcome).toEqual({ outcome: 'seat_taken' });
    expect(await t.db.query('SELECT 1 FROM ticket_purchases WHERE id = $1', [purchaseId])).toEqual([]);
    expect(await t.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).toEqual([]);
    const [{ sold }] = await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [typeId]);
    expect(sold).toBe(1);
  });

  it('60 buyers at once for best available over 40 seats: every seat sold once, the rest SOLD_OUT', async () => {
    const { eventId, typeId } = await seatedOnSale(4, 10);
    const buyers = await Promise.all(Array.from({ length: 12 }, () => makeCustomer(t)));
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        buy(buyers[i % buyers.length].accessToken, {
          eventId,
          bestAvailable: { ticketTypeId: typeId, quantity: 1 },
          payment: sandbox,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(20).fill('SOLD_OUT'));
    const seats = results.filter((r) => r.status === 201).map((r) => r.body.tickets[0].seat.id as string);
    expect(new Set(seats).size).toBe(40);
    const [row] = await t.db.query(
      `SELECT count(*)::int AS tickets, count(DISTINCT seat_id)::int AS seats,
              (SELECT count(*)::int FROM event_seats WHERE event_id = $1 AND status = 'sold') AS sold_rows,
              (SELECT sold FROM ticket_types WHERE id = $2) AS counter
         FROM issued_tickets WHERE event_id = $1 AND status = 'valid'`,
      [eventId, typeId],
    );
    expect(row).toEqual({ tickets: 40, seats: 40, sold_rows: 40, counter: 40 });
  });
});

/** An on-sale event with one reserved type over a generated section (`rows` x `perRow`, 4000 a seat). */
async function seatedOnSale(rows: number, perRow: number) {
  const venue = await makeVenue(t, manager);
  const section = await makeSection(t, manager, venue.id, { name: 'Stalls' });
  await generateSeats(t, manager, venue.id, section.id, rows, perRow);
  const e = await makeEvent(t, manager, { venueId: venue.id });
  const tt = await makeTicketType(t, manager, e.id, {
    name: 'Stalls seat',
    price: 4000,
    capacity: undefined,
    sectionIds: [section.id],
  });
  await publish(t, manager, e.id);
  return { eventId: e.id as string, typeId: tt.id as string };
}
