import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { makeCustomer } from '../support/app.js';
import {
  auth,
  generateSeats,
  makeEvent,
  makeSection,
  makeTicketType,
  makeVenue,
  publish,
} from '../support/factories.js';
import {
  buyAs,
  customer,
  expireHoldOf,
  intentOf,
  manager,
  pendingPurchase,
  purchaseRow,
  refundJobs,
  refundsService,
  runRefundJob,
  sandboxOk,
  sold,
  stub,
  t,
  ticketsOf,
  useStripeApp,
  webhook,
} from './stripe.fixtures.js';

useStripeApp();

describe('Stripe: late payments, refunds owed, canceled events and interrupted sales', () => {
  it('a payment after its hold expired re-reserves the stock when it is still there', async () => {
    const { res, typeId } = await pendingPurchase(10, 2);
    const intentId = intentOf(res.body);
    await t.db.query(
      "UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)",
      [res.body.id],
    );
    const { InventoryService } = await import('../../apps/api/src/modules/inventory/inventory.service.js');
    await t.app.get(InventoryService).expireDue();
    expect(await sold(typeId)).toEqual({ sold: 0, held: 0 });
    await webhook('payment_intent.succeeded', intentId);
    expect(await purchaseRow(res.body.id)).toBe('paid');
    expect(await sold(typeId)).toEqual({ sold: 2, held: 0 });
    const history = await t.http().get(`/api/purchases/${res.body.id}/history`).set(auth(customer.accessToken));
    expect(history.body.items.map((e: { type: string }) => e.type)).toContain('rereserved');
  });

  it('a payment after its hold expired and the stock sold elsewhere is refunded by a queued job, once', async () => {
    const { res, typeId, eventId } = await pendingPurchase(2, 2);
    const intentId = intentOf(res.body);
    await expireHoldOf(res.body.id);
    const other = await makeCustomer(t);
    const taken = await buyAs(other.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 2 }],
      payment: { method: 'stripe', token: 'pm_card_visa' },
    });
    expect(taken.body.status).toBe('paid');
    const refundsBefore = stub.refunds.length;
    await webhook('payment_intent.succeeded', intentId);
    // The money is recorded, no ticket is issued, and the refund is queued in the same commit.
    expect(await purchaseRow(res.body.id)).toBe('paid');
    expect(await ticketsOf(res.body.id)).toBe(0);
    expect(await refundJobs(res.body.id)).toEqual([
      { purchaseId: res.body.id, reason: 'stock_gone_after_hold_expired' },
    ]);
    await runRefundJob(res.body.id, 'stock_gone_after_hold_expired');
    expect(await purchaseRow(res.body.id)).toBe('refunded');
    expect(stub.refunds.length).toBe(refundsBefore + 1);
    expect(stub.refunds.at(-1)).toMatchObject({ payment_intent: intentId, amount: 6000 });
    expect(await sold(typeId)).toEqual({ sold: 2, held: 0 });
    // A retried job refunds nothing twice.
    await runRefundJob(res.body.id, 'stock_gone_after_hold_expired');
    expect(stub.refunds.length).toBe(refundsBefore + 1);
    const history = await t.http().get(`/api/purchases/${res.body.id}/history`).set(auth(customer.accessToken));
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'payment_pending',
      'paid',
      'refund_due',
      'refunded',
    ]);
  });

  it('a refund due while Stripe is down is kept, and the sweep makes it once Stripe answers', async () => {
    const { res, typeId, eventId } = await pendingPurchase(1, 1);
    const intentId = intentOf(res.body);
    await expireHoldOf(res.body.id);
    const other = await makeCustomer(t);
    await buyAs(other.accessToken, { eventId, items: [{ ticketTypeId: typeId, quantity: 1 }], payment: sandboxOk });
    stub.refundsDown = true;
    try {
      await webhook('payment_intent.succeeded', intentId);
      await expect(runRefundJob(res.body.id, 'stock_gone_after_hold_expired')).rejects.toMatchObject({
        code: 'PAYMENT_PROVIDER_UNAVAILABLE',
      });
      expect(await (await refundsService()).refundsDue()).toBe(0);
      expect(await purchaseRow(res.body.id)).toBe('paid');
    } finally {
      stub.refundsDown = false;
    }
    expect(await (await refundsService()).refundsDue()).toBeGreaterThanOrEqual(1);
    expect(await purchaseRow(res.body.id)).toBe('refunded');
    expect(stub.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1);
  });

  it('a late payment for seats takes all of them again or none: one seat gone leaves the other free', async () => {
    const venue = await makeVenue(t, manager);
    const section = await makeSection(t, manager, venue.id);
    await generateSeats(t, manager, venue.id, section.id, 1, 4);
    const e = await makeEvent(t, manager, { venueId: venue.id });
    const tt = await makeTicketType(t, manager, e.id, { capacity: undefined, sectionIds: [section.id], price: 2000 });
    await publish(t, manager, e.id);
    const seatIds = (
      (await t.db.query('SELECT id FROM seats WHERE section_id = $1 ORDER BY row, label LIMIT 2', [section.id])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const res = await buyAs(customer.accessToken, {
      eventId: e.id,
      seats: seatIds.map((seatId) => ({ seatId, ticketTypeId: tt.id })),
      payment: { method: 'stripe' },
    });
    expect(res.body.status).toBe('pending_payment');
    await expireHoldOf(res.body.id);
    const other = await makeCustomer(t);
    const second = await buyAs(other.accessToken, {
      eventId: e.id,
      seats: [{ seatId: seatIds[1], ticketTypeId: tt.id }],
      payment: sandboxOk,
    });
    expect(second.body.status).toBe('paid');
    const counters = async () => (await t.db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [tt.id]))[0];
    const before = await counters();
    await webhook('payment_intent.succeeded', intentOf(res.body));
    expect(await ticketsOf(res.body.id)).toBe(0);
    // The first seat, free when the payment came, is not left sold to nobody.
    const firstSeat = await t.db.query('SELECT 1 FROM event_seats WHERE event_id = $1 AND seat_id = $2', [
      e.id,
      seatIds[0],
    ]);
    expect(firstSeat).toHaveLength(0);
    expect(await counters()).toEqual(before);
    expect(await refundJobs(res.body.id)).toHaveLength(1);
  });

  it('canceling an event stops its pending card payments; one paid at Stripe meanwhile is refunded', async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 10, price: 3000 });
    await publish(t, manager, e.id);
    const pending = async () =>
      (
        await buyAs(customer.accessToken, {
          eventId: e.id,
          items: [{ ticketTypeId: tt.id, quantity: 1 }],
          payment: { method: 'stripe' },
        })
      ).body as { id: string; payment: { clientSecret: string } };
    const unpaid = await pending();
    const paidMeanwhile = await pending();
    stub.intents.get(intentOf(paidMeanwhile))!.status = 'succeeded';
    expect(await sold(tt.id)).toEqual({ sold: 0, held: 2 });

    await t.http().post(`/api/events/${e.id}/cancel`).set(auth(manager)).send({ reason: 'Venue closed' });
    expect(await sold(tt.id)).toEqual({ sold: 0, held: 0 });
    const { RefundsProcessor } = await import('../../apps/api/src/modules/sales/refunds.processor.js');
    const refundsBefore = stub.refunds.length;
    await t.app
      .get(RefundsProcessor)
      .refundEvent({ id: 'test', name: 'tickets.refund-event', data: { eventId: e.id }, attempt: 1 });
    expect(stub.intents.get(intentOf(unpaid))!.status).toBe('canceled');
    expect(await purchaseRow(unpaid.id)).toBe('canceled');
    const unpaidHistory = await t.http().get(`/api/purchases/${unpaid.id}/history`).set(auth(customer.accessToken));
    expect(unpaidHistory.body.items.at(-1)).toMatchObject({ type: 'canceled', data: { reason: 'event_canceled' } });
    expect(await purchaseRow(paidMeanwhile.id)).toBe('refunded');
    expect(await ticketsOf(paidMeanwhile.id)).toBe(0);
    expect(stub.refunds.slice(refundsBefore)).toEqual([
      expect.objectContaining({ payment_intent: intentOf(paidMeanwhile), amount: 3000 }),
    ]);
    // A webhook for the canceled intent, or the queued refund of the paid one, changes nothing now.
    await webhook('payment_intent.canceled', intentOf(unpaid));
    await runRefundJob(paidMeanwhile.id, 'event_canceled');
    expect(stub.refunds.length).toBe(refundsBefore + 1);
    expect(await sold(tt.id)).toEqual({ sold: 0, held: 0 });
  });

  it('a sale interrupted after Stripe made its intent: the key is freed for a retry, reconciliation finds the intent', async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 10, price: 3000 });
    await publish(t, manager, e.id);
    const key = randomUUID();
    const body = { eventId: e.id, items: [{ ticketTypeId: tt.id, quantity: 1 }], payment: { method: 'stripe' } };
    const send = () => buyAs(customer.accessToken, body, key);
    const first = await send();
    expect(first.body.status).toBe('pending_payment');
    const intentId = intentOf(first.body);
    // As if the API stopped after Stripe made the intent: no reference saved, no answer stored.
    await t.db.query(
      "UPDATE payments SET provider_ref = NULL, created_at = now() - interval '1 hour' WHERE purchase_id = $1",
      [first.body.id],
    );
    await t.db.query(
      "UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, created_at = now() - interval '10 minutes' WHERE key = $1",
      [key],
    );
    const interrupted = await send();
    expect([interrupted.status, interrupted.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_PROGRESS']);
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.body.id).not.toBe(first.body.id);
    // The buyer had paid the first intent meanwhile: reconciliation finds it by purchase id and settles it.
    stub.intents.get(intentId)!.status = 'succeeded';
    const { PaymentsService } = await import('../../apps/api/src/modules/payments/payments.service.js');
    await t.app.get(PaymentsService).reconcile();
    expect(await purchaseRow(first.body.id)).toBe('paid');
    expect(await ticketsOf(first.body.id)).toBe(1);
    const [payment] = await t.db.query('SELECT provider_ref FROM payments WHERE purchase_id = $1', [first.body.id]);
    expect(payment.provider_ref).toBe(intentId);
  });

  it('a payment Stripe never received ends with its hold, found nowhere', async () => {
    const { res, typeId } = await pendingPurchase(10, 1);
    stub.intents.delete(intentOf(res.body));
    await t.db.query(
      "UPDATE payments SET provider_ref = NULL, created_at = now() - interval '1 hour' WHERE purchase_id = $1",
      [res.body.id],
    );
    const { PaymentsService } = await import('../../apps/api/src/modules/payments/payments.service.js');
    await t.app.get(PaymentsService).reconcile();
    expect(await purchaseRow(res.body.id)).toBe('pending_payment');
    await expireHoldOf(res.body.id);
    await t.app.get(PaymentsService).reconcile();
    expect(await purchaseRow(res.body.id)).toBe('expired');
    expect(await sold(typeId)).toEqual({ sold: 0, held: 0 });
  });
});
