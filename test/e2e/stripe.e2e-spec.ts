import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeSection, makeTicketType, makeVenue, publish } from '../support/factories.js';
import { StripeStub } from '../support/stripe-stub.js';

const WEBHOOK_SECRET = 'whsec_test_secret_for_the_stand_in';
const stub = new StripeStub();
let t: TestApp;
let manager: string;
let customer: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  const apiUrl = await stub.start();
  t = await createTestApp({
    env: {
      STRIPE_SECRET_KEY: 'sk_test_stub',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PUBLISHABLE_KEY: 'pk_test_stub',
      STRIPE_API_URL: apiUrl,
    },
  });
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
  customer = await makeCustomer(t, 'Stella Stripe');
});
afterAll(async () => {
  await t?.close();
  await stub.stop();
});

async function pendingPurchase(capacity = 10, quantity = 2, promoCode?: string) {
  const e = await makeEvent(t, manager);
  const tt = await makeTicketType(t, manager, e.id, { capacity, price: 3000 });
  if (promoCode) {
    const code = await t
      .http()
      .post(`/api/events/${e.id}/promo-codes`)
      .set(auth(manager))
      .send({ code: promoCode, kind: 'amount', value: 500, maxUses: 1 });
    expect(code.status).toBe(201);
  }
  await publish(t, manager, e.id);
  const res = await t
    .http()
    .post('/api/tickets/purchase')
    .set(auth(customer.accessToken))
    .set('idempotency-key', randomUUID())
    .send({
      eventId: e.id,
      items: [{ ticketTypeId: tt.id, quantity }],
      payment: { method: 'stripe' },
      ...(promoCode ? { promoCode } : {}),
    });
  return { res, eventId: e.id, typeId: tt.id };
}

function webhook(type: string, intentId: string, eventId?: string, secret = WEBHOOK_SECRET) {
  const { payload, signature } = stub.signedEvent(type, intentId, secret, eventId);
  return t
    .http()
    .post('/api/payments/stripe/webhook')
    .set('content-type', 'application/json')
    .set('stripe-signature', signature)
    .send(payload);
}

const sandboxOk = { method: 'sandbox', token: 'sandbox_ok' };
const expireHoldOf = (purchaseId: string) =>
  t.db.query(
    "UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)",
    [purchaseId],
  );
const ticketsOf = async (purchaseId: string) =>
  (await t.db.query('SELECT count(*)::int AS n FROM issued_tickets WHERE purchase_id = $1', [purchaseId]))[0]
    .n as number;
const refundJobs = async (purchaseId: string) =>
  (
    (await t.db.query(
      "SELECT payload FROM outbox_messages WHERE name = 'tickets.refund-purchase' AND payload->>'purchaseId' = $1",
      [purchaseId],
    )) as { payload: unknown }[]
  ).map((r) => r.payload);
const refundsService = async () =>
  t.app.get((await import('../../apps/api/src/modules/sales/refunds.service.js')).RefundsService);
/** What the worker does with a queued `tickets.refund-purchase` job. */
const runRefundJob = async (purchaseId: string, reason: string) => {
  const { RefundsProcessor } = await import('../../apps/api/src/modules/sales/refunds.processor.js');
  await t.app
    .get(RefundsProcessor)
    .refundPurchase({ id: 'test', name: 'tickets.refund-purchase', data: { purchaseId, reason }, attempt: 1 });
};

const purchaseRow = async (id: string) =>
  (await t.db.query('SELECT status FROM ticket_purchases WHERE id = $1', [id]))[0]?.status as string;
const sold = async (typeId: string) =>
  (await t.db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [typeId]))[0];

describe('Stripe through the real SDK against a local stand-in', () => {
  it('a purchase is pending with a client secret; the signed webhook makes it paid and issues the tickets', async () => {
    const { res, typeId } = await pendingPurchase();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending_payment',
      tickets: [],
      payment: { method: 'stripe', status: 'pending', publishableKey: 'pk_test_stub' },
    });
    expect(res.body.payment.clientSecret).toMatch(/^pi_.+_secret_/);
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    expect(stub.intents.get(intentId)).toMatchObject({
      amount: 6000,
      currency: 'eur',
      metadata: { purchaseId: res.body.id },
    });
    expect(await sold(typeId)).toEqual({ sold: 0, held: 2 });

    stub.intents.get(intentId)!.status = 'succeeded';
    const hook = await webhook('payment_intent.succeeded', intentId);
    expect(hook.status).toBe(200);
    expect(hook.body).toEqual({ received: true, duplicate: false });
    const after = await t.http().get(`/api/purchases/${res.body.id}`).set(auth(customer.accessToken));
    expect(after.body.status).toBe('paid');
    expect(after.body.tickets).toHaveLength(2);
    expect(await sold(typeId)).toEqual({ sold: 2, held: 0 });
  });

  it('a replayed webhook is acknowledged and changes nothing; a tampered one is 400', async () => {
    const { res } = await pendingPurchase();
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    const eventId = `evt_${randomUUID()}`;
    expect((await webhook('payment_intent.succeeded', intentId, eventId)).body.duplicate).toBe(false);
    expect((await webhook('payment_intent.succeeded', intentId, eventId)).body.duplicate).toBe(true);
    expect(
      (await t.db.query('SELECT count(*)::int AS n FROM issued_tickets WHERE purchase_id = $1', [res.body.id]))[0].n,
    ).toBe(2);
    const forged = await webhook('payment_intent.succeeded', intentId, `evt_${randomUUID()}`, 'whsec_someone_else');
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const unsigned = await t
      .http()
      .post('/api/payments/stripe/webhook')
      .set('content-type', 'application/json')
      .send({ id: 'evt_x', type: 'payment_intent.succeeded' });
    expect(unsigned.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('tolerates out-of-order events: a failure reported after success changes nothing', async () => {
    const { res } = await pendingPurchase();
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    await webhook('payment_intent.succeeded', intentId);
    await webhook('payment_intent.payment_failed', intentId);
    expect(await purchaseRow(res.body.id)).toBe('paid');
  });

  it('a declined try keeps the purchase and its hold: the buyer pays the same intent with another card', async () => {
    const { res, typeId } = await pendingPurchase(10, 2);
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    const intent = stub.intents.get(intentId)!;
    intent.last_payment_error = { code: 'card_declined' };
    expect((await webhook('payment_intent.payment_failed', intentId)).status).toBe(200);
    expect(await purchaseRow(res.body.id)).toBe('pending_payment');
    expect(await sold(typeId)).toEqual({ sold: 0, held: 2 });
    const history = await t.http().get(`/api/purchases/${res.body.id}/history`).set(auth(customer.accessToken));
    expect(history.body.items.at(-1)).toMatchObject({
      type: 'payment_attempt_failed',
      data: { reason: 'card_declined' },
    });
    intent.status = 'succeeded';
    intent.last_payment_error = null;
    await webhook('payment_intent.succeeded', intentId);
    const after = await t.http().get(`/api/purchases/${res.body.id}`).set(auth(customer.accessToken));
    expect(after.body.status).toBe('paid');
    expect(after.body.tickets).toHaveLength(2);
    expect(await sold(typeId)).toEqual({ sold: 2, held: 0 });
  });

  it('the buyer resumes a pending payment (another try, a closed page) while the tickets are held', async () => {
    const { res } = await pendingPurchase(10, 1);
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    const holdEnds = (
      await t.db.query('SELECT expires_at FROM holds WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)', [
        res.body.id,
      ])
    )[0].expires_at as Date;
    expect(res.body.payableUntil).toBe(holdEnds.toISOString());
    stub.intents.get(intentId)!.last_payment_error = { code: 'card_declined' };
    await webhook('payment_intent.payment_failed', intentId);

    const resume = (token: string, id = res.body.id) =>
      t.http().post(`/api/purchases/${id}/payment/resume`).set(auth(token));
    const resumed = await resume(customer.accessToken);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({
      id: res.body.id,
      status: 'pending_payment',
      payableUntil: holdEnds.toISOString(),
      payment: { method: 'stripe', status: 'pending', clientSecret: res.body.payment.clientSecret },
    });
    expect(resumed.body.payment.publishableKey).toBe('pk_test_stub');
    // The secret is the buyer's: another customer does not see the purchase; staff are not the buyer.
    const stranger = await makeCustomer(t);
    expect((await resume(stranger.accessToken)).body.code).toBe('PURCHASE_NOT_FOUND');
    const desk = await makeStaff(t, ['box_office']);
    const staff = await resume(desk.accessToken);
    expect([staff.status, staff.body.code]).toEqual([403, 'NOT_THE_BUYER']);
    expect((await resume(customer.accessToken, randomUUID())).status).toBe(404);
    expect((await resume(customer.accessToken, 'not-a-uuid')).status).toBe(400);

    stub.intents.get(intentId)!.status = 'succeeded';
    await webhook('payment_intent.succeeded', intentId);
    const paid = await resume(customer.accessToken);
    expect([paid.status, paid.body.code, paid.body.purchaseStatus]).toEqual([409, 'PAYMENT_NOT_PENDING', 'paid']);
    const after = await t.http().get(`/api/purchases/${res.body.id}`).set(auth(customer.accessToken));
    expect(after.body.payableUntil).toBeNull();
  });

  it('no resume once the hold is over, once Stripe canceled the intent, or for a payment that was never pending', async () => {
    const resume = (id: string) => t.http().post(`/api/purchases/${id}/payment/resume`).set(auth(customer.accessToken));
    const late = await pendingPurchase(10, 1);
    await t.db.query(
      "UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)",
      [late.res.body.id],
    );
    const expired = await resume(late.res.body.id);
    expect([expired.status, expired.body.code]).toEqual([409, 'HOLD_EXPIRED']);
    expect(
      (await t.http().get(`/api/purchases/${late.res.body.id}`).set(auth(customer.accessToken))).body,
    ).toMatchObject({ status: 'pending_payment', payableUntil: null });

    const dropped = await pendingPurchase(10, 1);
    stub.intents.get(dropped.res.body.payment.clientSecret.split('_secret_')[0])!.status = 'canceled';
    const canceled = await resume(dropped.res.body.id);
    expect([canceled.status, canceled.body.code]).toEqual([409, 'PAYMENT_NOT_PENDING']);

    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 5 });
    await publish(t, manager, e.id);
    const card = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(customer.accessToken))
      .set('idempotency-key', randomUUID())
      .send({
        eventId: e.id,
        items: [{ ticketTypeId: tt.id, quantity: 1 }],
        payment: { method: 'stripe', token: 'pm_card_visa' },
      });
    expect(card.body).toMatchObject({ status: 'paid', payableUntil: null });
    expect((await resume(card.body.id)).body).toMatchObject({ code: 'PAYMENT_NOT_PENDING', purchaseStatus: 'paid' });
  });

  it('a payment still open when its hold is over is canceled at Stripe, and its purchase expires', async () => {
    const { res, typeId, eventId } = await pendingPurchase(10, 2, 'ONCE-ONLY');
    expect(res.body.total).toBe(5000);
    const used = async () =>
      (await t.db.query("SELECT used FROM promo_codes WHERE event_id = $1 AND code = 'ONCE-ONLY'", [eventId]))[0].used;
    expect(await used()).toBe(1);
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    stub.intents.get(intentId)!.last_payment_error = { code: 'card_declined' };
    await webhook('payment_intent.payment_failed', intentId);
    await t.db.query("UPDATE payments SET created_at = now() - interval '1 hour' WHERE purchase_id = $1", [
      res.body.id,
    ]);
    const { PaymentsService } = await import('../../apps/api/src/modules/payments/payments.service.js');
    const reconcile = () => t.app.get(PaymentsService).reconcile();
    // While the hold lasts the buyer may still pay: nothing changes.
    await reconcile();
    expect(await purchaseRow(res.body.id)).toBe('pending_payment');
    expect(stub.intents.get(intentId)!.status).toBe('requires_payment_method');

    await t.db.query(
      "UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)",
      [res.body.id],
    );
    await reconcile();
    expect(stub.intents.get(intentId)!.status).toBe('canceled');
    expect(await purchaseRow(res.body.id)).toBe('expired');
    expect(await used()).toBe(0);
    expect(await sold(typeId)).toEqual({ sold: 0, held: 0 });
    const [payment] = await t.db.query('SELECT status FROM payments WHERE purchase_id = $1', [res.body.id]);
    expect(payment.status).toBe('failed');
    const history = await t.http().get(`/api/purchases/${res.body.id}/history`).set(auth(customer.accessToken));
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'payment_pending',
      'payment_attempt_failed',
      'expired',
    ]);
    // A later webhook about the canceled intent changes nothing.
    await webhook('payment_intent.canceled', intentId);
    expect(await purchaseRow(res.body.id)).toBe('expired');
  });

  it("an intent canceled at Stripe cancels its purchase: a hold made for it is freed at once, the buyer's own stays", async () => {
    const { res, typeId, eventId } = await pendingPurchase(10, 2);
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    stub.intents.get(intentId)!.status = 'canceled';
    await webhook('payment_intent.canceled', intentId);
    expect(await purchaseRow(res.body.id)).toBe('canceled');
    expect(await sold(typeId)).toEqual({ sold: 0, held: 0 });

    const hold = await t
      .http()
      .post('/api/holds')
      .set(auth(customer.accessToken))
      .send({ eventId, items: [{ ticketTypeId: typeId, quantity: 1 }] });
    expect(hold.status).toBe(201);
    const fromHold = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(customer.accessToken))
      .set('idempotency-key', randomUUID())
      .send({ holdId: hold.body.id, payment: { method: 'stripe' } });
    expect(fromHold.body.status).toBe('pending_payment');
    const heldIntent = fromHold.body.payment.clientSecret.split('_secret_')[0];
    stub.intents.get(heldIntent)!.status = 'canceled';
    await webhook('payment_intent.canceled', heldIntent);
    expect(await purchaseRow(fromHold.body.id)).toBe('canceled');
    // The checkout's hold is the buyer's: it stays for another try until it expires.
    expect(await sold(typeId)).toEqual({ sold: 0, held: 1 });
    const still = await t.http().get(`/api/holds/${hold.body.id}`).set(auth(customer.accessToken));
    expect(still.body.status).toBe('active');
  });

  it('a payment after its hold expired re-reserves the stock when it is still there', async () => {
    const { res, typeId } = await pendingPurchase(10, 2);
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
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
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    await expireHoldOf(res.body.id);
    const other = await makeCustomer(t);
    const taken = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(other.accessToken))
      .set('idempotency-key', randomUUID())
      .send({
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
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    await expireHoldOf(res.body.id);
    const other = await makeCustomer(t);
    await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(other.accessToken))
      .set('idempotency-key', randomUUID())
      .send({ eventId, items: [{ ticketTypeId: typeId, quantity: 1 }], payment: sandboxOk });
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
    const generated = await t
      .http()
      .post(`/api/venues/${venue.id}/sections/${section.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 1, seatsPerRow: 4 });
    expect(generated.status).toBe(201);
    const e = await makeEvent(t, manager, { venueId: venue.id });
    const tt = await makeTicketType(t, manager, e.id, { capacity: undefined, sectionIds: [section.id], price: 2000 });
    await publish(t, manager, e.id);
    const seatIds = (
      (await t.db.query('SELECT id FROM seats WHERE section_id = $1 ORDER BY row, label LIMIT 2', [section.id])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const res = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(customer.accessToken))
      .set('idempotency-key', randomUUID())
      .send({
        eventId: e.id,
        seats: seatIds.map((seatId) => ({ seatId, ticketTypeId: tt.id })),
        payment: { method: 'stripe' },
      });
    expect(res.body.status).toBe('pending_payment');
    await expireHoldOf(res.body.id);
    const other = await makeCustomer(t);
    const second = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(other.accessToken))
      .set('idempotency-key', randomUUID())
      .send({ eventId: e.id, seats: [{ seatId: seatIds[1], ticketTypeId: tt.id }], payment: sandboxOk });
    expect(second.body.status).toBe('paid');
    const counters = async () => (await t.db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [tt.id]))[0];
    const before = await counters();
    await webhook('payment_intent.succeeded', res.body.payment.clientSecret.split('_secret_')[0]);
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
        await t
          .http()
          .post('/api/tickets/purchase')
          .set(auth(customer.accessToken))
          .set('idempotency-key', randomUUID())
          .send({ eventId: e.id, items: [{ ticketTypeId: tt.id, quantity: 1 }], payment: { method: 'stripe' } })
      ).body as { id: string; payment: { clientSecret: string } };
    const unpaid = await pending();
    const paidMeanwhile = await pending();
    const intentOf = (p: { payment: { clientSecret: string } }) => p.payment.clientSecret.split('_secret_')[0];
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
    const send = () =>
      t.http().post('/api/tickets/purchase').set(auth(customer.accessToken)).set('idempotency-key', key).send(body);
    const first = await send();
    expect(first.body.status).toBe('pending_payment');
    const intentId = first.body.payment.clientSecret.split('_secret_')[0];
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
    stub.intents.delete(res.body.payment.clientSecret.split('_secret_')[0]);
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

  it('a declined card is 402; reconciliation settles a payment whose webhook never came', async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 5 });
    await publish(t, manager, e.id);
    const declined = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(customer.accessToken))
      .set('idempotency-key', randomUUID())
      .send({
        eventId: e.id,
        items: [{ ticketTypeId: tt.id, quantity: 1 }],
        payment: { method: 'stripe', token: 'pm_card_chargeDeclined' },
      });
    expect(declined.status).toBe(402);
    expect(await sold(tt.id)).toEqual({ sold: 0, held: 0 });

    const { res } = await pendingPurchase();
    const intentId = res.body.payment.clientSecret.split('_secret_')[0];
    stub.intents.get(intentId)!.status = 'succeeded';
    await t.db.query("UPDATE payments SET created_at = now() - interval '1 hour' WHERE purchase_id = $1", [
      res.body.id,
    ]);
    const { PaymentsService } = await import('../../apps/api/src/modules/payments/payments.service.js');
    expect(await t.app.get(PaymentsService).reconcile()).toBeGreaterThanOrEqual(1);
    expect(await purchaseRow(res.body.id)).toBe('paid');
  });

  it('lists the ways to pay to anyone, with the publishable key for the Payment Element', async () => {
    const res = await t.http().get('/api/payments/methods');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { method: 'sandbox', staffOnly: false, publishableKey: null },
      { method: 'stripe', staffOnly: false, publishableKey: 'pk_test_stub' },
      { method: 'cash', staffOnly: true, publishableKey: null },
      { method: 'card_terminal', staffOnly: true, publishableKey: null },
    ]);
  });

  it('no card data: the purchase schema has no card fields', async () => {
    const doc = await t.http().get('/api/openapi.json');
    expect(JSON.stringify(doc.body)).not.toMatch(/cardNumber|"cvc"|"cvv"|"pan"|expiryMonth/i);
  });
});
