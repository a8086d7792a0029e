import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { makeCustomer, makeStaff } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import {
  buyAs,
  customer,
  intentOf,
  manager,
  pendingPurchase,
  purchaseRow,
  sold,
  stub,
  t,
  useStripeApp,
  webhook,
} from './stripe.fixtures.js';

useStripeApp();

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
    const intentId = intentOf(res.body);
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
    const intentId = intentOf(res.body);
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
    const intentId = intentOf(res.body);
    await webhook('payment_intent.succeeded', intentId);
    await webhook('payment_intent.payment_failed', intentId);
    expect(await purchaseRow(res.body.id)).toBe('paid');
  });

  it('a declined try keeps the purchase and its hold: the buyer pays the same intent with another card', async () => {
    const { res, typeId } = await pendingPurchase(10, 2);
    const intentId = intentOf(res.body);
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
    const intentId = intentOf(res.body);
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
    stub.intents.get(intentOf(dropped.res.body))!.status = 'canceled';
    const canceled = await resume(dropped.res.body.id);
    expect([canceled.status, canceled.body.code]).toEqual([409, 'PAYMENT_NOT_PENDING']);

    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 5 });
    await publish(t, manager, e.id);
    const card = await buyAs(customer.accessToken, {
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
    const intentId = intentOf(res.body);
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
    const intentId = intentOf(res.body);
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
    const fromHold = await buyAs(customer.accessToken, { holdId: hold.body.id, payment: { method: 'stripe' } });
    expect(fromHold.body.status).toBe('pending_payment');
    const heldIntent = intentOf(fromHold.body);
    stub.intents.get(heldIntent)!.status = 'canceled';
    await webhook('payment_intent.canceled', heldIntent);
    expect(await purchaseRow(fromHold.body.id)).toBe('canceled');
    // The checkout's hold is the buyer's: it stays for another try until it expires.
    expect(await sold(typeId)).toEqual({ sold: 0, held: 1 });
    const still = await t.http().get(`/api/holds/${hold.body.id}`).set(auth(customer.accessToken));
    expect(still.body.status).toBe('active');
  });

  it('a declined card is 402; reconciliation settles a payment whose webhook never came', async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 5 });
    await publish(t, manager, e.id);
    const declined = await buyAs(customer.accessToken, {
      eventId: e.id,
      items: [{ ticketTypeId: tt.id, quantity: 1 }],
      payment: { method: 'stripe', token: 'pm_card_chargeDeclined' },
    });
    expect(declined.status).toBe(402);
    expect(await sold(tt.id)).toEqual({ sold: 0, held: 0 });

    const { res } = await pendingPurchase();
    const intentId = intentOf(res.body);
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
