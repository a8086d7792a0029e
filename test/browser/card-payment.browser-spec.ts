import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page, Route } from 'playwright-core';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { signIn, text, visible, Visits } from '../support/browser.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { StripeStub } from '../support/stripe-stub.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WEBHOOK_SECRET = 'whsec_browser_stand_in';
const stub = new StripeStub();
const visits = new Visits();
let t: TestApp;
let base: string;
let customer: Awaited<ReturnType<typeof makeCustomer>>;
let typeId = '';
let eventId = '';

/**
 * Stripe.js as the portal uses it (Payment Element, confirmPayment), served in place of
 * js.stripe.com. confirmPayment asks the test what the card does, through a request to api.stripe.com
 * (a host the portal's Content-Security-Policy allows) that the test intercepts.
 */
const FAKE_STRIPE_JS = `
window.Stripe = function (publishableKey) {
  return {
    elements: function (options) {
      return {
        create: function () {
          return {
            mount: function (el) {
              el.innerHTML = '<p data-testid="payment-element">Card form for ' + options.clientSecret + ' (' + publishableKey + ')</p>';
            },
            destroy: function () {},
          };
        },
        clientSecret: options.clientSecret,
      };
    },
    confirmPayment: function (args) {
      return fetch('https://api.stripe.com/test/confirm', { method: 'POST', body: args.elements.clientSecret })
        .then(function (r) { return r.json(); });
    },
  };
};`;

beforeAll(async () => {
  const apiUrl = await stub.start();
  t = await createTestApp({
    root: ROOT,
    env: {
      SERVE_APPS: 'true',
      STRIPE_SECRET_KEY: 'sk_test_stub',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PUBLISHABLE_KEY: 'pk_test_browser',
      STRIPE_API_URL: apiUrl,
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const manager = (await makeStaff(t, ['event_manager'])).accessToken;
  const event = await makeEvent(t, manager, { name: 'Card Night' });
  const type = await makeTicketType(t, manager, event.id, { name: 'Balcony', capacity: 10, price: 3500 });
  await publish(t, manager, event.id);
  eventId = event.id;
  typeId = type.id;
  customer = await makeCustomer(t, 'Carla Card');
}, 90_000);

afterAll(async () => {
  await visits.close();
  await t?.close();
  await stub.stop();
});

/** Stripe's answer to a confirmation, and the webhook it sends after a success. */
async function sendWebhook(type: string, intentId: string) {
  const { payload, signature } = stub.signedEvent(type, intentId, WEBHOOK_SECRET);
  const res = await t
    .http()
    .post('/api/payments/stripe/webhook')
    .set('content-type', 'application/json')
    .set('stripe-signature', signature)
    .send(payload);
  expect(res.status).toBe(200);
}

/** Serves the stand-in Stripe.js; each confirmation takes the next card outcome. */
async function routeStripe(page: Page, outcomes: ('declined' | 'paid')[]) {
  await page.route('https://js.stripe.com/v3', (route: Route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: FAKE_STRIPE_JS }),
  );
  // Answered across origins, as Stripe's own endpoints are.
  const cors = { 'access-control-allow-origin': '*' };
  await page.route('https://api.stripe.com/test/confirm', async (route: Route) => {
    const intentId = (route.request().postData() ?? '').split('_secret_')[0];
    const intent = stub.intents.get(intentId);
    if (!intent) return route.fulfill({ status: 404, headers: cors, body: '{}' });
    if (outcomes.shift() === 'declined') {
      intent.last_payment_error = { code: 'card_declined' };
      await sendWebhook('payment_intent.payment_failed', intentId);
      return route.fulfill({
        headers: cors,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message: 'Your card was declined.' } }),
      });
    }
    intent.status = 'succeeded';
    intent.last_payment_error = null;
    await sendWebhook('payment_intent.succeeded', intentId);
    return route.fulfill({
      headers: cors,
      contentType: 'application/json',
      body: JSON.stringify({ paymentIntent: intent }),
    });
  });
}

async function pendingCardPurchase(quantity: number) {
  const res = await t
    .http()
    .post('/api/tickets/purchase')
    .set(auth(customer.accessToken))
    .set('idempotency-key', randomUUID())
    .send({ eventId, items: [{ ticketTypeId: typeId, quantity }], payment: { method: 'stripe' } });
  expect(res.body).toMatchObject({ status: 'pending_payment', payment: { method: 'stripe' } });
  return res.body as { id: string; payment: { clientSecret: string } };
}

/** Opens a portal page signed out, signs in as the customer from it and comes back. */
async function openSignedIn(path: string, heading: string): Promise<Page> {
  const page = await visits.open(base, path);
  await page.locator('#main').getByRole('link', { name: 'Sign in' }).click();
  await signIn(page, customer.email, customer.password);
  await visible(page.getByRole('heading', { name: heading, level: 1 }));
  return page;
}

const openOrder = (orderId: string) => openSignedIn(`/orders/${orderId}`, 'Waiting for your payment');

const sold = async () =>
  (
    (await t.db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [typeId])) as {
      sold: number;
      held: number;
    }[]
  )[0];

describe("portal: card payments through Stripe's Payment Element", () => {
  it('checkout offers the card beside the test payments the deployment lists, and pays by card', async () => {
    const hold = await t
      .http()
      .post('/api/holds')
      .set(auth(customer.accessToken))
      .send({ eventId, items: [{ ticketTypeId: typeId, quantity: 1 }] });
    expect(hold.status).toBe(201);
    const page = await openSignedIn(`/checkout/${hold.body.id}`, 'Checkout');
    await routeStripe(page, ['paid']);
    await visible(page.getByRole('button', { name: 'Pay (test)' }));
    await page.getByRole('button', { name: 'Pay by card · €35.00' }).click();
    expect(await text(page.getByTestId('payment-element'))).toMatch(
      /^Card form for pi_\w+_secret_\w+ \(pk_test_browser\)$/,
    );
    await page.getByRole('button', { name: 'Pay €35.00' }).click();
    await visible(page.getByRole('heading', { name: 'Order confirmed', level: 1 }));
    const [purchase] = (await t.db.query(
      'SELECT p.id, p.status, pay.method FROM ticket_purchases p JOIN payments pay ON pay.purchase_id = p.id WHERE p.hold_id = $1',
      [hold.body.id],
    )) as { id: string; status: string; method: string }[];
    expect(purchase).toMatchObject({ status: 'paid', method: 'stripe' });
    expect(page.url()).toBe(`${base}/orders/${purchase.id}`);
    expect(visits.pageErrors).toEqual([]);
  });
});

describe('portal: a card payment left unpaid is paid from the order page', () => {
  it('after a closed page, the buyer pays from the order: a declined card, then another that pays', async () => {
    const before = await sold();
    const purchase = await pendingCardPurchase(2);
    const intentId = purchase.payment.clientSecret.split('_secret_')[0];
    const page = await openOrder(purchase.id);
    await routeStripe(page, ['declined', 'paid']);
    const holdEnds = (
      (await t.db.query(
        'SELECT expires_at FROM holds WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)',
        [purchase.id],
      )) as { expires_at: Date }[]
    )[0].expires_at;
    expect(await text(page.getByTestId('payable-until'))).toContain(String(holdEnds.getUTCFullYear()));

    await page.getByRole('button', { name: 'Pay now' }).click();
    // The Payment Element is mounted with the purchase's own intent and the deployment's key.
    expect(await text(page.getByTestId('payment-element'))).toBe(
      `Card form for ${purchase.payment.clientSecret} (pk_test_browser)`,
    );
    await page.getByRole('button', { name: 'Pay €70.00' }).click();
    await visible(page.getByText('Your card was declined.'));
    const history = await t.http().get(`/api/purchases/${purchase.id}/history`).set(auth(customer.accessToken));
    expect(history.body.items.at(-1)).toMatchObject({ type: 'payment_attempt_failed' });
    expect(await sold()).toEqual({ held: before.held + 2, sold: before.sold });

    await page.getByRole('button', { name: 'Pay €70.00' }).click();
    await visible(page.getByRole('heading', { name: 'Order confirmed', level: 1 }));
    await visible(page.getByRole('list', { name: 'Tickets' }));
    expect(await page.getByRole('list', { name: 'Tickets' }).getByRole('listitem').count()).toBe(2);
    expect(stub.intents.get(intentId)?.status).toBe('succeeded');
    expect(await sold()).toEqual({ held: before.held, sold: before.sold + 2 });
    expect(visits.pageErrors).toEqual([]);
  });

  it('once the hold is over the order says so and offers no payment', async () => {
    const purchase = await pendingCardPurchase(1);
    await t.db.query(
      "UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = (SELECT hold_id FROM ticket_purchases WHERE id = $1)",
      [purchase.id],
    );
    const page = await openOrder(purchase.id);
    await visible(page.getByText('The time to pay is over'));
    expect(await page.getByRole('button', { name: 'Pay now' }).count()).toBe(0);
    expect(visits.pageErrors).toEqual([]);
  });
});
