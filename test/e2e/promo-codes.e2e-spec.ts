// Promo codes and vouchers through HTTP: discounts in holds, purchases and quotes, every refusal,
// limits decided under concurrency, refunds giving uses back, vouchers unlocking hidden types.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeOnSale, makeTicketType, purchase, SANDBOX_OK } from '../support/factories.js';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const sandbox = SANDBOX_OK;
const buy = (token: string, body: Record<string, unknown>, key?: string) => purchase(t, token, body, key);
const hold = (token: string, body: Record<string, unknown>) => t.http().post('/api/holds').set(auth(token)).send(body);
const onSale = (type: Record<string, unknown> = {}, event: Record<string, unknown> = {}) =>
  makeOnSale(t, manager, type, event);

describe('promo codes and vouchers', () => {
  const createCode = (eventId: string, body: Record<string, unknown>) =>
    t.http().post(`/api/events/${eventId}/promo-codes`).set(auth(manager)).send(body);

  it('takes a percentage or an amount off the types it names, in holds, purchases and quotes', async () => {
    const { eventId, typeId } = await onSale({ price: 2000 });
    const other = await makeTicketType(t, manager, eventId, { name: 'VIP', price: 9000 });
    const code = await createCode(eventId, { code: 'fan10', kind: 'percent', value: 10, ticketTypeIds: [typeId] });
    expect(code.status).toBe(201);
    expect(code.body).toMatchObject({ code: 'FAN10', used: 0, active: true });
    const quote = await t
      .http()
      .post('/api/price-quotes')
      .send({
        eventId,
        items: [
          { ticketTypeId: typeId, quantity: 2 },
          { ticketTypeId: other.id, quantity: 1 },
        ],
        promoCode: 'Fan10',
      });
    expect(quote.status).toBe(200);
    expect(quote.body.total).toBe(2 * 1800 + 9000);
    expect(quote.body.items[0]).toMatchObject({ listPrice: 2000, unitPrice: 1800 });
    expect(quote.body.items[0].explanation).toEqual([expect.objectContaining({ kind: 'promo', effect: -200 })]);

    const c = await makeCustomer(t);
    const held = await hold(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 2 }],
      promoCode: 'fan10',
    });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ total: 3600, promoCodes: ['FAN10'] });
    const paid = await buy(c.accessToken, { holdId: held.body.id, payment: sandbox, expectedTotal: 3600 });
    expect(paid.status).toBe(201);
    expect(paid.body.total).toBe(3600);
    const direct = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 1 }],
      payment: sandbox,
      promoCode: 'FAN10',
    });
    expect(direct.status).toBe(201);
    expect(direct.body.tickets[0].price).toBe(1800);
    // A declined payment uses nothing up.
    const declined = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: typeId, quantity: 1 }],
      payment: { method: 'sandbox', token: 'sandbox_decline' },
      promoCode: 'FAN10',
    });
    expect(declined.body.code).toBe('PAYMENT_DECLINED');
    const rows = await t.db.query(
      'SELECT p.used, count(r.id)::int AS redemptions FROM promo_codes p LEFT JOIN promo_redemptions r ON r.promo_code_id = p.id WHERE p.id = $1 GROUP BY p.used',
      [code.body.id],
    );
    expect(rows[0]).toEqual({ used: 2, redemptions: 2 });
  });

  it('refuses a code past its limit, for another event, expired, per customer, or stacked: 422, nothing charged', async () => {
    const { eventId, typeId } = await onSale();
    const elsewhere = await onSale();
    await createCode(eventId, { code: 'ONCE', kind: 'amount', value: 500, maxUses: 1 });
    await createCode(eventId, { code: 'MINE', kind: 'amount', value: 100, maxUsesPerCustomer: 1 });
    await createCode(eventId, { code: 'ALSO', kind: 'amount', value: 100 });
    await createCode(eventId, {
      code: 'OLD',
      kind: 'percent',
      value: 50,
      validFrom: new Date(Date.now() - 3 * DAY).toISOString(),
      validUntil: new Date(Date.now() - DAY).toISOString(),
    });
    await createCode(elsewhere.eventId, { code: 'THERE', kind: 'percent', value: 50 });
    const c = await makeCustomer(t);
    const attempt = (promo: Record<string, unknown>) =>
      buy(c.accessToken, { eventId, items: [{ ticketTypeId: typeId, quantity: 1 }], payment: sandbox, ...promo });
    expect((await attempt({ promoCode: 'ONCE' })).status).toBe(201);
    expect((await attempt({ promoCode: 'MINE' })).status).toBe(201);
    const refusals: [Record<string, unknown>, string][] = [
      [{ promoCode: 'ONCE' }, 'PROMO_EXHAUSTED'],
      [{ promoCode: 'MINE' }, 'PROMO_CUSTOMER_LIMIT'],
      [{ promoCode: 'THERE' }, 'PROMO_WRONG_EVENT'],
      [{ promoCode: 'NOPE' }, 'PROMO_NOT_FOUND'],
      [{ promoCode: 'OLD' }, 'PROMO_EXPIRED'],
      [{ promoCodes: ['ALSO', 'MINE'] }, 'PROMO_NOT_STACKABLE'],
    ];
    for (const [promo, code] of refusals) {
      const res = await attempt(promo);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code });
    }
    const bought = await t.db.query(
      "SELECT count(*)::int AS n, coalesce(sum(total), 0)::int AS paid FROM ticket_purchases WHERE customer_id = $1 AND status = 'paid'",
      [c.user.id],
    );
    expect(bought[0]).toEqual({ n: 2, paid: 1500 + 1900 });
    expect((await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [typeId]))[0].sold).toBe(2);
    // A deactivated code stops at once.
    const also = (await t.http().get(`/api/events/${eventId}/promo-codes`).set(auth(manager))).body.items.find(
      (p: { code: string }) => p.code === 'ALSO',
    );
    const off = await t.http().patch(`/api/promo-codes/${also.id}`).set(auth(manager)).send({ active: false });
    expect(off.body.active).toBe(false);
    expect((await attempt({ promoCode: 'ALSO' })).body.code).toBe('PROMO_INACTIVE');
  });

  it('a purchase refunded in full gives its code use back; a partial refund does not', async () => {
    const { eventId, typeId } = await onSale();
    await createCode(eventId, { code: 'FIRSTFAN', kind: 'amount', value: 500, maxUses: 1 });
    const agent = (await makeStaff(t, ['support_agent'])).accessToken;
    const a = await makeCustomer(t);
    const b = await makeCustomer(t);
    const withCode = (token: string, quantity = 1) =>
      buy(token, { eventId, items: [{ ticketTypeId: typeId, quantity }], payment: sandbox, promoCode: 'FIRSTFAN' });
    const first = await withCode(a.accessToken, 2);
    expect(first.status).toBe(201);
    expect((await withCode(b.accessToken)).body.code).toBe('PROMO_EXHAUSTED');
    const refund = (body: Record<string, unknown>) =>
      t.http().post(`/api/purchases/${first.body.id}/refunds`).set(auth(agent)).send(body);
    // One ticket of two back: the purchase stands, so the use stays taken.
    expect((await refund({ ticketIds: [first.body.tickets[0].id] })).status).toBe(201);
    expect((await withCode(b.accessToken)).body.code).toBe('PROMO_EXHAUSTED');
    expect((await refund({ ticketIds: [first.body.tickets[1].id] })).body.status).toBe('refunded');
    const [code] = await t.db.query("SELECT used FROM promo_codes WHERE event_id = $1 AND code = 'FIRSTFAN'", [
      eventId,
    ]);
    expect(code.used).toBe(0);
    const again = await withCode(b.accessToken);
    expect([again.status, again.body.total]).toEqual([201, 1500]);
  });

  it('checks codes when they are created', async () => {
    const { eventId } = await onSale();
    const elsewhere = await onSale();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ code: 'BIG', kind: 'percent', value: 150 }, 422, 'PROMO_VALUE_INVALID'],
      [
        {
          code: 'WIN',
          kind: 'amount',
          value: 100,
          validFrom: '2030-01-02T00:00:00Z',
          validUntil: '2030-01-01T00:00:00Z',
        },
        422,
        'PROMO_WINDOW_INVALID',
      ],
      [{ code: 'XEV', kind: 'amount', value: 100, ticketTypeIds: [elsewhere.typeId] }, 422, 'TICKET_TYPE_NOT_IN_EVENT'],
    ];
    for (const [body, status, code] of cases) {
      const res = await createCode(eventId, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    expect((await createCode(eventId, { code: 'SAME', kind: 'amount', value: 1 })).status).toBe(201);
    expect((await createCode(eventId, { code: 'same', kind: 'amount', value: 1 })).body.code).toBe('PROMO_CODE_TAKEN');
  });

  it('a voucher unlocks a hidden ticket type, which is neither listed nor sold without it', async () => {
    const { eventId } = await onSale();
    const hidden = await makeTicketType(t, manager, eventId, {
      name: 'Members',
      price: 1500,
      unlockCode: 'internal-secret-code',
    });
    const voucher = await createCode(eventId, {
      code: 'MEMBER-2027',
      kind: 'amount',
      value: 0,
      unlocksTicketTypeIds: [hidden.id],
    });
    expect(voucher.status).toBe(201);
    const names = async (code?: string) =>
      (
        (
          await t
            .http()
            .get('/api/tickets/types')
            .query({ eventId, ...(code ? { code } : {}) })
        ).body.items as { name: string }[]
      ).map((x) => x.name);
    expect(await names()).toEqual(['Standing']);
    expect(await names('member-2027')).toEqual(['Standing', 'Members']);
    const c = await makeCustomer(t);
    const without = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: hidden.id, quantity: 1 }],
      payment: sandbox,
    });
    expect({ status: without.status, code: without.body.code }).toEqual({ status: 422, code: 'VOUCHER_REQUIRED' });
    const heldWithout = await hold(c.accessToken, { eventId, items: [{ ticketTypeId: hidden.id, quantity: 1 }] });
    expect(heldWithout.body.code).toBe('VOUCHER_REQUIRED');
    const withIt = await buy(c.accessToken, {
      eventId,
      items: [{ ticketTypeId: hidden.id, quantity: 1 }],
      payment: sandbox,
      promoCode: 'MEMBER-2027',
    });
    expect(withIt.status).toBe(201);
    expect(withIt.body.total).toBe(1500);
    expect((await t.db.query('SELECT sold FROM ticket_types WHERE id = $1', [hidden.id]))[0].sold).toBe(1);
  });

  it('concurrent use of a voucher limited to 10 uses gives exactly 10', async () => {
    const { eventId, typeId } = await onSale({ price: 3000, capacity: 100 });
    const code = await createCode(eventId, { code: 'TEN', kind: 'percent', value: 20, maxUses: 10 });
    const buyers = await Promise.all(Array.from({ length: 25 }, () => makeCustomer(t)));
    const results = await Promise.all(
      buyers.map((b) =>
        buy(b.accessToken, {
          eventId,
          items: [{ ticketTypeId: typeId, quantity: 1 }],
          payment: sandbox,
          promoCode: 'TEN',
        }),
      ),
    );
    const statuses = results.map((r) => (r.status === 201 ? 'paid' : `${r.status} ${r.body.code}`));
    expect(statuses.filter((s) => s === 'paid')).toHaveLength(10);
    expect(statuses.filter((s) => s !== 'paid')).toEqual(Array(15).fill('422 PROMO_EXHAUSTED'));
    expect(results.filter((r) => r.status === 201).every((r) => r.body.total === 2400)).toBe(true);
    const [row] = await t.db.query(
      `SELECT p.used, (SELECT count(*)::int FROM promo_redemptions r WHERE r.promo_code_id = p.id) AS redemptions,
              (SELECT sold FROM ticket_types WHERE id = $2) AS sold,
              (SELECT count(*)::int FROM ticket_purchases WHERE event_id = $3) AS purchases
         FROM promo_codes p WHERE p.id = $1`,
      [code.body.id, typeId, eventId],
    );
    expect(row).toEqual({ used: 10, redemptions: 10, sold: 10, purchases: 10 });
  });
});
