// The Stripe suites' app (the real SDK against a local stand-in) and their helpers.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { StripeStub } from '../support/stripe-stub.js';

export const WEBHOOK_SECRET = 'whsec_test_secret_for_the_stand_in';
export const stub = new StripeStub();
export let t: TestApp;
export let manager: string;
export let customer: Awaited<ReturnType<typeof makeCustomer>>;

/** Boots the API with Stripe pointed at the stand-in, for the suite that imports this. */
export function useStripeApp(): void {
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
}

export async function pendingPurchase(capacity = 10, quantity = 2, promoCode?: string) {
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
  const res = await buyAs(customer.accessToken, {
    eventId: e.id,
    items: [{ ticketTypeId: tt.id, quantity }],
    payment: { method: 'stripe' },
    ...(promoCode ? { promoCode } : {}),
  });
  return { res, eventId: e.id, typeId: tt.id };
}

/** A purchase by `token`'s buyer, under a new Idempotency-Key unless one is given. */
export const buyAs = (token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
  t.http().post('/api/tickets/purchase').set(auth(token)).set('idempotency-key', key).send(body);

/** The PaymentIntent a pending purchase's client secret belongs to. */
export const intentOf = (purchase: { payment: { clientSecret: string } }) =>
  purchase.payment.clientSecret.split('_secret_')[0];

export function webhook(type: string, intentId: string, eventId?: string, secret = WEBHOOK_SECRET) {
  const { payload, signature } = stub.signedEvent(type, intentId, secret, eventId);
  return t
    .http()
    .post('/api/payments/stripe/webhook')
    .set('content-type', 'application/json')
    .set('stripe-signature', signature)
    .send(payload);
}

export const sandboxOk = { method: 'sandbox', token: 'sandbox_ok' };
export const expireHoldOf = (purchaseId: string) =>
  t.db.query(
    "UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)",
    [purchaseId],
  );
export const ticketsOf = async (purchaseId: string) =>
  (await t.db.query('SELECT count(*)::int AS n FROM issued_tickets WHERE purchase_id = $1', [purchaseId]))[0]
    .n as number;
export const refundJobs = async (purchaseId: string) =>
  (
    (await t.db.query(
      "SELECT payload FROM outbox_messages WHERE name = 'tickets.refund-purchase' AND payload->>'purchaseId' = $1",
      [purchaseId],
    )) as { payload: unknown }[]
  ).map((r) => r.payload);
export const refundsService = async () =>
  t.app.get((await import('../../apps/api/src/modules/sales/refunds.service.js')).RefundsService);
/** What the worker does with a queued `tickets.refund-purchase` job. */
export const runRefundJob = async (purchaseId: string, reason: string) => {
  const { RefundsProcessor } = await import('../../apps/api/src/modules/sales/refunds.processor.js');
  await t.app
    .get(RefundsProcessor)
    .refundPurchase({ id: 'test', name: 'tickets.refund-purchase', data: { purchaseId, reason }, attempt: 1 });
};

export const purchaseRow = async (id: string) =>
  (await t.db.query('SELECT status FROM ticket_purchases WHERE id = $1', [id]))[0]?.status as string;
export const sold = async (typeId: string) =>
  (await t.db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [typeId]))[0];
