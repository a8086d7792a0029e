import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ADMIN, createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { signIn, text, visible, Visits } from '../support/browser.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';
import { buyWithSandbox, makeCheckoutEvent } from './checkout.fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SUFFIX = Date.now().toString(36);
const EVENT = `Checkout Night ${SUFFIX}`;
const CUSTOMER = { name: 'Robin Buyer', email: `robin.${SUFFIX}@test.local`, password: 'robin-password-1' };

let t: TestApp;
let base: string;
const visits = new Visits();
const pageErrors = visits.pageErrors;
let eventId = '';
let gaTypeId = '';
let seatTypeId = '';
let sectionId = '';
let gaOrderId = '';
let customerPage: Page | null = null;
let manager = '';

beforeAll(async () => {
  t = await createTestApp({ root: ROOT, env: { SERVE_APPS: 'true' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
  ({ eventId, sectionId, gaTypeId, seatTypeId } = await makeCheckoutEvent(t, manager, EVENT));
}, 90_000);

afterAll(async () => {
  await visits.close();
  await t?.close();
});

const open = (path: string): Promise<Page> => visits.open(base, path);

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  const rows = (await t.db.query(sql, params)) as T[];
  if (!rows[0]) throw new Error(`no row for ${sql}`);
  return rows[0];
}

const sold = async (typeId: string) =>
  (await one<{ sold: number }>('SELECT sold FROM ticket_types WHERE id = $1', [typeId])).sold;

describe('checkout: the portal, the box office and the admin sell and refund real tickets', () => {
  it('portal: a new customer chooses 2 GA tickets, registers on the way, pays with the sandbox', async () => {
    const page = await open(`/events/${eventId}`);
    customerPage = page;
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));
    await page.getByRole('button', { name: 'More Standing' }).click();
    await page.getByRole('button', { name: 'More Standing' }).click();
    expect(await text(page.getByTestId('selection-total'))).toBe('€50.00');

    // Signed out: Continue goes to sign-in (and registration) and back to the event, the choice kept.
    await page.getByRole('button', { name: 'Continue' }).click();
    await visible(page.getByRole('heading', { name: 'Sign in' }));
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name', { exact: true }).fill(CUSTOMER.name);
    await page.getByLabel('Email', { exact: true }).fill(CUSTOMER.email);
    await page.getByLabel('Password', { exact: true }).fill(CUSTOMER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));
    expect(await page.getByLabel('Quantity of Standing', { exact: true }).inputValue()).toBe('2');

    await page.getByRole('button', { name: 'Continue' }).click();
    await visible(page.getByRole('heading', { name: 'Checkout', exact: true }));
    await visible(page.getByRole('list', { name: 'Held tickets' }).getByText('2 × Standing'));
    expect(await text(page.getByTestId('hold-total'))).toBe('€50.00');
    expect(await text(page.getByRole('timer', { name: 'Time left to pay' }))).toMatch(/^\d+:\d{2}$/);
    const held = await one<{ held: number }>('SELECT held FROM ticket_types WHERE id = $1', [gaTypeId]);
    expect(held.held).toBe(2);

    // A declined payment keeps the buyer on the checkout with the tickets still held.
    await page.getByRole('button', { name: 'Decline (test)' }).click();
    await visible(page.getByText('Your payment was declined'));
    expect(await text(page.getByRole('list', { name: 'Held tickets' }))).toContain('2 × Standing');
    const afterDecline = await one<{ status: string; held: number }>(
      `SELECT h.status, t.held FROM holds h, ticket_types t WHERE t.id = $1 AND h.event_id = $2`,
      [gaTypeId, eventId],
    );
    expect(afterDecline).toEqual({ status: 'active', held: 2 });

    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await visible(page.getByRole('heading', { name: 'Order confirmed' }));
    expect(await page.getByRole('list', { name: 'Tickets' }).getByRole('listitem').count()).toBe(2);
    gaOrderId = /orders\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(gaOrderId).not.toBe('');

    expect(await sold(gaTypeId)).toBe(2);
    const purchase = await one<{ status: string; buyer_email: string; channel: string; total: number }>(
      'SELECT status, buyer_email, channel, total FROM ticket_purchases WHERE id = $1',
      [gaOrderId],
    );
    expect(purchase).toEqual({ status: 'paid', buyer_email: CUSTOMER.email, channel: 'web', total: 5000 });
    const tickets = (await t.db.query('SELECT status FROM issued_tickets WHERE purchase_id = $1', [gaOrderId])) as {
      status: string;
    }[];
    expect(tickets.map((x) => x.status)).toEqual(['valid', 'valid']);
  }, 120_000);

  it('portal: the seat map greys out a seat sold elsewhere live; the customer picks a seat and buys it', async () => {
    const page = customerPage;
    if (!page || !gaOrderId) throw new Error('Needs the customer of the previous step');
    await page.goto(`${base}/events/${eventId}`);
    await page.getByRole('button', { name: 'Choose seats for Stalls seat' }).click();
    const seat = (n: number) => page.getByRole('button', { name: `Stalls row A seat ${n}`, exact: true });
    await visible(seat(3));
    expect(await seat(1).getAttribute('aria-disabled')).toBeNull();
    await visible(page.getByText('Availability updates live.'));

    // Someone else buys A-1 through the API: the open map shows it taken without a reload.
    const other = await makeCustomer(t, 'Other Buyer');
    const seatA1 = await one<{ id: string }>(
      `SELECT id FROM seats WHERE section_id = $1 AND row = 'A' AND label = '1'`,
      [sectionId],
    );
    await buyWithSandbox(t, other.accessToken, { eventId, seats: [{ seatId: seatA1.id, ticketTypeId: seatTypeId }] });
    await visible(page.locator('[aria-label="Stalls row A seat 1"][aria-disabled="true"]'));
    // A seat another buyer only holds is taken too, and counted apart: it may come back.
    const seatA2 = await one<{ id: string }>(
      `SELECT id FROM seats WHERE section_id = $1 AND row = 'A' AND label = '2'`,
      [sectionId],
    );
    const otherHold = await t
      .http()
      .post('/api/holds')
      .set(auth(other.accessToken))
      .send({ eventId, seats: [{ seatId: seatA2.id, ticketTypeId: seatTypeId }] });
    expect(otherHold.status).toBe(201);
    await visible(page.locator('[aria-label="Stalls row A seat 2"][aria-disabled="true"]'));
    expect(await text(page.getByTestId(`free-seats-${seatTypeId}`))).toBe(
      '8 of 10 seats free. 1 more held by buyers who are paying; they come back if not bought.',
    );
    await t.http().delete(`/api/holds/${otherHold.body.id}`).set(auth(other.accessToken));
    await visible(page.locator('[aria-label="Stalls row A seat 2"]:not([aria-disabled="true"])'));

    await seat(3).click();
    expect(await seat(3).getAttribute('aria-pressed')).toBe('true');
    expect(await text(page.getByTestId('selection-total'))).toBe('€40.00');
    await page.getByRole('button', { name: 'Continue' }).click();
    await visible(page.getByRole('heading', { name: 'Checkout', exact: true }));
    await visible(page.getByRole('list', { name: 'Held tickets' }).getByText('Stalls A-3'));
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await visible(page.getByRole('heading', { name: 'Order confirmed' }));
    const tickets = page.getByRole('list', { name: 'Tickets' });
    expect(await tickets.getByRole('listitem').count()).toBe(1);
    expect(await text(tickets)).toContain('Stalls · Row A · Seat 3');

    expect(await sold(seatTypeId)).toBe(2);
    const taken = (await t.db.query(
      `SELECT s.label, es.status FROM event_seats es JOIN seats s ON s.id = es.seat_id
        WHERE es.event_id = $1 ORDER BY s.label`,
      [eventId],
    )) as { label: string; status: string }[];
    expect(taken).toEqual([
      { label: '1', status: 'sold' },
      { label: '3', status: 'sold' },
    ]);

    // A hold that runs out while paying: the checkout offers to start again.
    await page.goto(`${base}/events/${eventId}`);
    await page.getByRole('button', { name: 'Choose seats for Stalls seat' }).click();
    await seat(5).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await visible(page.getByRole('heading', { name: 'Checkout', exact: true }));
    const holdId = /checkout\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await t.db.query(`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = $1`, [holdId]);
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await visible(page.getByText('Your time to pay ran out'));
    await page.getByRole('link', { name: 'Start again' }).click();
    await visible(page.getByRole('heading', { name: EVENT, level: 1 }));
    expect(await sold(seatTypeId)).toBe(2);

    // My tickets groups the customer's three tickets under the event; My orders lists both orders.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My tickets' }).click();
    await visible(page.getByRole('list', { name: `Tickets for ${EVENT}` }));
    expect(
      await page
        .getByRole('list', { name: `Tickets for ${EVENT}` })
        .getByRole('listitem')
        .count(),
    ).toBe(3);
    await nav.getByRole('link', { name: 'My orders' }).click();
    await visible(page.getByRole('list', { name: 'Orders' }));
    expect(await page.getByRole('list', { name: 'Orders' }).getByRole('listitem').count()).toBe(2);
  }, 120_000);

  it('box office: a clerk sells 1 GA ticket for cash and sees the change due and the receipt', async () => {
    const clerk = await makeStaff(t, ['box_office']);
    const page = await open(`/box-office/?event=${eventId}`);
    await signIn(page, clerk.email, clerk.password);
    await page.getByRole('button', { name: 'More Standing' }).click();
    expect(await text(page.getByTestId('sale-total'))).toBe('€25.00');
    await page.getByLabel('Amount tendered', { exact: true }).fill('50');
    expect(await text(page.getByTestId('change-due'))).toBe('€25.00');
    await page.getByRole('button', { name: 'Complete sale' }).click();
    await visible(page.getByText('Sale complete'));
    expect(await page.getByRole('list', { name: 'Tickets sold' }).getByRole('listitem').count()).toBe(1);
    expect(await text(page.getByTestId('receipt-change'))).toBe('€25.00');

    expect(await sold(gaTypeId)).toBe(3);
    const sale = await one<{ channel: string; status: string; sold_by: string; method: string }>(
      `SELECT p.channel, p.status, p.sold_by, pay.method FROM ticket_purchases p JOIN payments pay ON pay.purchase_id = p.id
        WHERE p.event_id = $1 AND p.channel = 'box_office'`,
      [eventId],
    );
    expect(sale).toEqual({ channel: 'box_office', status: 'paid', sold_by: clerk.id, method: 'cash' });

    // "New sale" clears the counter for the next buyer.
    await page.getByRole('button', { name: 'New sale' }).click();
    expect(await text(page.getByTestId('sale-total'))).toBe('€0.00');

    // The next buyer picks a seat on the map and pays on the card terminal, with a receipt email.
    await page.getByRole('button', { name: 'Stalls row B seat 4', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Seats in this sale' }));
    expect(await text(page.getByTestId('sale-total'))).toBe('€40.00');
    await page.getByLabel('Card terminal', { exact: true }).check();
    await page.getByLabel('Buyer email', { exact: true }).fill('walkup@test.local');
    await visible(page.getByText('Take €40.00 on the card terminal, then confirm once it is approved.'));
    await page.getByRole('button', { name: 'Card approved' }).click();
    await visible(page.getByText('Sale complete'));
    expect(await page.getByRole('list', { name: 'Tickets sold' }).getByRole('listitem').count()).toBe(1);
    const seatSale = await one<{ method: string; buyer_email: string; label: string; status: string }>(
      `SELECT pay.method, p.buyer_email, s.label, es.status FROM ticket_purchases p
         JOIN payments pay ON pay.purchase_id = p.id
         JOIN event_seats es ON es.purchase_id = p.id JOIN seats s ON s.id = es.seat_id
        WHERE p.event_id = $1 AND p.channel = 'box_office' AND s.row = 'B'`,
      [eventId],
    );
    expect(seatSale).toEqual({ method: 'card_terminal', buyer_email: 'walkup@test.local', label: '4', status: 'sold' });
  }, 120_000);

  it("admin: finds the customer's purchase by email and refunds one ticket", async () => {
    if (!gaOrderId) throw new Error('Needs the GA order of the first step');
    const page = await open('/admin/');
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Purchases' }).click();
    await page.getByLabel('Search purchases', { exact: true }).fill(CUSTOMER.email);
    const short = gaOrderId.slice(0, 8).toUpperCase();
    await visible(page.getByRole('link', { name: `Purchase ${short}` }));
    const table = page.getByRole('table', { name: 'Purchases, newest first' });
    // The search goes to the URL once typing pauses; the unfiltered rows stay until its answer arrives.
    await page.waitForURL(/[?&]q=/);
    await table.locator('tbody tr').nth(2).waitFor({ state: 'detached' });
    await visible(table.locator('tbody tr').nth(1));
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await text(table)).toContain(EVENT);
    await page.getByRole('link', { name: `Purchase ${short}` }).click();

    await visible(page.getByRole('heading', { name: `Purchase ${short}` }));
    expect(await text(page.getByRole('list', { name: 'History' }))).toMatch(/Created.*Paid.*Tickets issued/);
    const refund = page.getByRole('form', { name: 'Refund' });
    await refund.getByRole('checkbox').first().check();
    await refund.getByLabel('Reason', { exact: true }).fill('Cannot attend');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await visible(page.getByText('Refunded €25.00. The purchase is now partly refunded.'));
    expect(await text(page.getByTestId('purchase-status'))).toBe('Partly refunded');
    await visible(page.getByRole('list', { name: 'History' }).getByText('Refunded · €25.00 · 1 ticket'));

    const purchase = await one<{ status: string; refunded_amount: number }>(
      'SELECT status, refunded_amount FROM ticket_purchases WHERE id = $1',
      [gaOrderId],
    );
    expect(purchase).toEqual({ status: 'partially_refunded', refunded_amount: 2500 });
    const tickets = (await t.db.query(
      'SELECT status, count(*)::int AS n FROM issued_tickets WHERE purchase_id = $1 GROUP BY status ORDER BY status',
      [gaOrderId],
    )) as { status: string; n: number }[];
    expect(tickets).toEqual([
      { status: 'refunded', n: 1 },
      { status: 'valid', n: 1 },
    ]);
    expect(await sold(gaTypeId)).toBe(2);

    // The ticket left is blocked with a reason (refused at the gate), then unblocked.
    const tickets2 = page.getByRole('table', { name: 'Tickets' });
    await tickets2.getByRole('button', { name: 'Block…' }).click();
    await page.getByLabel('Why block it?', { exact: true }).fill('Chargeback opened');
    await page.getByRole('button', { name: 'Block ticket' }).click();
    await visible(tickets2.getByText('Blocked', { exact: true }));
    const held = await one<{ id: string; blocked_reason: string }>(
      "SELECT id, blocked_reason FROM issued_tickets WHERE purchase_id = $1 AND status = 'valid'",
      [gaOrderId],
    );
    expect(held.blocked_reason).toBe('Chargeback opened');
    await tickets2.getByRole('button', { name: 'Unblock' }).click();
    await visible(tickets2.getByRole('button', { name: 'Block…' }));
    const lifted = await one<{ blocked_at: Date | null }>('SELECT blocked_at FROM issued_tickets WHERE id = $1', [
      held.id,
    ]);
    expect(lifted.blocked_at).toBeNull();
  }, 120_000);

  it('admin: a canceled event shows its refunds progressing until none remain', async () => {
    const event = await makeEvent(t, manager, { name: `Rained Off ${SUFFIX}` });
    const type = await makeTicketType(t, manager, event.id, { name: 'Lawn', price: 1500, capacity: 20 });
    await publish(t, manager, event.id);
    const buyer = await makeCustomer(t, 'Lawn Buyer');
    const bought = await buyWithSandbox(t, buyer.accessToken, {
      eventId: event.id,
      items: [{ ticketTypeId: type.id, quantity: 2 }],
    });
    const canceled = await t.http().post(`/api/events/${event.id}/cancel`).set(auth(manager)).send({ reason: 'Storm' });
    expect(canceled.status).toBe(200);

    const page = await open(`/admin/events/${event.id}`);
    await signIn(page, ADMIN.email, ADMIN.password);
    await visible(page.getByText('0 of 1 paid purchase refunded, 1 to go…'));
    // The refund job (the worker's, run here in-process) refunds it; the page follows by polling.
    const { RefundsService } = await import('../../apps/api/src/modules/sales/refunds.service.js');
    await t.app.get(RefundsService).refundEvent(event.id);
    await visible(page.getByText('The paid purchase is refunded.'));
    const purchase = await one<{ status: string }>('SELECT status FROM ticket_purchases WHERE id = $1', [bought.id]);
    expect(purchase.status).toBe('refunded');
  }, 60_000);

  it('no page threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
