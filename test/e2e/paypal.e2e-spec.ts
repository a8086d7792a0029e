import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { PayPalStub } from '../support/paypal-stub.js';

const stub = new PayPalStub();
let t: TestApp;
let manager: string;
let customer: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  const proxy = await stub.start();
  t = await createTestApp({
    env: { PAYPAL_CLIENT_ID: 'client-id', PAYPAL_CLIENT_SECRET: 'client-secret', PAYPAL_API_PROXY: proxy },
  });
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
  customer = await makeCustomer(t, 'Paula PayPal');
});
afterAll(async () => {
  await t?.close();
  await stub.stop();
});

describe('PayPal through the Orders API (real SDK, local stand-in)', () => {
  it('creates an order, refuses capture before approval, captures after, issues tickets and refunds through PayPal', async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 10, price: 1250 });
    await publish(t, manager, e.id);
    const res = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(customer.accessToken))
      .set('idempotency-key', randomUUID())
      .send({ eventId: e.id, items: [{ ticketTypeId: tt.id, quantity: 2 }], payment: { method: 'paypal' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending_payment', payment: { method: 'paypal', status: 'pending' } });
    const orderId = res.body.payment.clientSecret as string;
    expect(stub.orders.get(orderId)?.purchase_units[0]).toMatchObject({
      custom_id: res.body.id,
      amount: { currency_code: 'EUR', value: '25.00' },
    });
    expect(stub.seenHosts).toEqual(new Set(['api-m.sandbox.paypal.com']));

    const early = await t.http().post(`/api/purchases/${res.body.id}/paypal/capture`).set(auth(customer.accessToken));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PAYMENT_NOT_APPROVED');
    // Back on the order page later, the buyer gets the same order to approve.
    const resume = () => t.http().post(`/api/purchases/${res.body.id}/payment/resume`).set(auth(customer.accessToken));
    const resumed = await resume();
    expect(resumed.status).toBe(200);
    expect(resumed.body.payment).toMatchObject({ method: 'paypal', status: 'pending', clientSecret: orderId });

    stub.approve(orderId);
    const captured = await t
      .http()
      .post(`/api/purchases/${res.body.id}/paypal/capture`)
      .set(auth(customer.accessToken));
    expect(captured.status).toBe(200);
    expect(captured.body).toMatchObject({ status: 'paid', payment: { status: 'succeeded' } });
    expect(captured.body.tickets).toHaveLength(2);
    expect((await resume()).body).toMatchObject({ code: 'PAYMENT_NOT_PENDING', purchaseStatus: 'paid' });

    const agent = await makeStaff(t, ['support_agent']);
    const refund = await t
      .http()
      .post(`/api/purchases/${res.body.id}/refunds`)
      .set(auth(agent.accessToken))
      .send({ ticketIds: [captured.body.tickets[0].id] });
    expect(refund.body).toMatchObject({ status: 'partially_refunded', refundedAmount: 1250 });
    expect(stub.refunds.at(-1)).toMatchObject({ value: '12.50' });
  });

  it("someone else cannot capture a customer's order", async () => {
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 10 });
    await publish(t, manager, e.id);
    const res = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(customer.accessToken))
      .set('idempotency-key', randomUUID())
      .send({ eventId: e.id, items: [{ ticketTypeId: tt.id, quantity: 1 }], payment: { method: 'paypal' } });
    const other = await makeCustomer(t);
    expect(
      (await t.http().post(`/api/purchases/${res.body.id}/paypal/capture`).set(auth(other.accessToken))).status,
    ).toBe(404);
  });
});
